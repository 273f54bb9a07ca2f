"""The neutral response every command returns and every adapter renders.

Parts are typed so each platform can show them natively (an embed, Block Kit, a rich table)
and so spoilers are never mistaken for plain text: `Response.plain_text()` is the one fallback
used for notifications and logs, and it never contains a spoiler's text.
"""

from __future__ import annotations

import base64
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field, PlainSerializer

from core.times import show_time


class Visibility(StrEnum):
    """Who sees the answer: the whole channel, or only the member who asked."""

    PUBLIC = "public"
    PRIVATE = "private"


class TextPart(BaseModel):
    """A paragraph of plain text. Renderers escape it: it may hold user input."""

    kind: Literal["text"] = "text"
    text: str


class CardValue(BaseModel):
    """One value on a card row with the citations of every source that gave it."""

    text: str
    sources: list[str] = Field(default_factory=list)


class CardRow(BaseModel):
    """A labelled row of a fact card; ``conflict`` when sources disagree (all values are shown)."""

    label: str
    values: list[CardValue]
    conflict: bool = False


class CardPart(BaseModel):
    """A fact card: a title, rows of sourced values, and the documents it was built from."""

    kind: Literal["card"] = "card"
    title: str
    subtitle: str = ""
    rows: list[CardRow] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class SpoilerPart(BaseModel):
    """Text that must stay hidden until a member chooses to see it.

    ``label`` says what is hidden without saying it ("part 6 of 7 — near the end": where, never what happens);
    ``reveal_id`` lets a platform reveal it later to one member (see ``core.spoilers``).
    """

    kind: Literal["spoiler"] = "spoiler"
    label: str
    text: str
    reveal_id: str = ""


class ListPart(BaseModel):
    """A titled list of short items (search results, parties, plan steps)."""

    kind: Literal["list"] = "list"
    title: str = ""
    items: list[str] = Field(default_factory=list)


class ChoicePart(BaseModel):
    """A question with the options to pick from, e.g. two equally close titles."""

    kind: Literal["choice"] = "choice"
    question: str
    options: list[str]


class TimePart(BaseModel):
    """A moment every member should see in their own time zone (the zone is the club's, for fallbacks)."""

    kind: Literal["time"] = "time"
    label: str
    at: datetime
    zone: str


class ErrorPart(BaseModel):
    """Something the member asked that cannot be done, said plainly, with what they can do instead."""

    kind: Literal["error"] = "error"
    message: str
    hint: str = ""


class PollChoice(BaseModel):
    """One film of a poll as members see it: its number, title, approvals, and a note (``watched 3 Oct``)."""

    position: int
    title: str
    votes: int
    note: str = ""


class PollPart(BaseModel):
    """A poll with its live tallies, never naming voters; adapters add their own vote controls while it is open."""

    kind: Literal["poll"] = "poll"
    poll_id: int
    title: str
    choices: list[PollChoice]
    closes_at: datetime
    zone: str
    is_open: bool = True


class Action(BaseModel):
    """A button that runs one core command as the member who presses it.

    ``line`` is the same command typed out (``/film rate Heat 4``): the console prints it, since it has no buttons.
    ``key`` is given by the core when the answer leaves it (``core.actions``): the platform's button carries only it.
    """

    label: str
    group: str
    name: str
    arguments: dict[str, str] = Field(default_factory=dict)
    line: str
    key: str = ""

    @classmethod
    def of(cls, label: str, group: str, name: str, **arguments: str) -> Action:
        """An action and its typed line: the first argument bare, the rest ``name:value``, in the order given."""
        values = list(arguments.items())
        words = [f"/{group} {name}", *(v for _, v in values[:1]), *(f"{k}:{v}" for k, v in values[1:])]
        return cls(label=label, group=group, name=name, arguments=arguments, line=" ".join(words))


class ActionsPart(BaseModel):
    """A row of buttons; ``source`` re-draws the message after a press (a poll's live tallies), when set.

    ``typed`` is one line that stands for every button where none can be pressed (the console, notifications):
    ``/film rate Heat (1995) <½ to 5>`` instead of ten lines.

    ``source`` is the command whose answer this message is, as ``(group, name, arguments)``: after a press the
    platform edits the message to that command's fresh answer, so the buttons of a closed poll go away.
    """

    kind: Literal["actions"] = "actions"
    title: str = ""
    actions: list[Action]
    typed: str = ""
    source: Action | None = None


FileBytes = Annotated[
    bytes,
    BeforeValidator(lambda v: base64.b64decode(v) if isinstance(v, str) else v),
    PlainSerializer(lambda b: base64.b64encode(b).decode("ascii"), when_used="json"),
]
"""Raw bytes in Python; base64 text in JSON (``filmclub run --json``), read back either way."""


class FilePart(BaseModel):
    """A file the answer hands over (a PNG card, an .ics calendar).

    Attached on Discord, uploaded on Slack, saved by the console, which prints its path.
    """

    kind: Literal["file"] = "file"
    filename: str
    media_type: str
    data: FileBytes
    description: str = ""


AnyPart = (
    TextPart | CardPart | SpoilerPart | ListPart | ChoicePart | TimePart | ErrorPart | PollPart | FilePart | ActionsPart
)
Part = Annotated[AnyPart, Field(discriminator="kind")]


class PartyEvent(BaseModel):
    """A watch party the answer created or cancelled, for platforms that keep a server calendar to mirror.

    Discord lists it under the server's Events (members mark themselves interested and are reminded by
    Discord); platforms without a calendar ignore it. Nothing in it spoils the film.
    """

    action: Literal["created", "cancelled"]
    party_id: int
    name: str
    description: str
    starts_at: datetime
    ends_at: datetime
    channel_id: str
    calendar_event_id: str | None = None  # on "cancelled": the listing stored when the party was created


class Response(BaseModel):
    """What a command answers: ordered parts, who may see them, and a party to mirror in a calendar."""

    parts: list[Part] = Field(default_factory=list)
    visibility: Visibility = Visibility.PUBLIC
    party_event: PartyEvent | None = None

    @property
    def is_error(self) -> bool:
        """True when the answer is a refusal or a failure."""
        return any(isinstance(p, ErrorPart) for p in self.parts)

    @property
    def has_spoilers(self) -> bool:
        """True when any part must be hidden."""
        return any(isinstance(p, SpoilerPart) for p in self.parts)

    def plain_text(self) -> str:
        """A plain-text rendering for notifications, logs and previews. Spoilers show only their label."""
        return "\n".join(filter(None, (_plain(p) for p in self.parts)))


def _plain(part: AnyPart) -> str:
    match part:
        case TextPart():
            return part.text
        case CardPart():
            head = f"{part.title} ({part.subtitle})" if part.subtitle else part.title
            rows = [f"{r.label}: {' / '.join(v.text for v in r.values)}" for r in part.rows]
            return "\n".join([head, *rows])
        case SpoilerPart():
            return f"[spoiler: {part.label}]"
        case ListPart():
            return "\n".join(filter(None, [part.title, *(f"- {i}" for i in part.items)]))
        case ChoicePart():
            return "\n".join([part.question, *(f"{n}. {o}" for n, o in enumerate(part.options, 1))])
        case TimePart():
            return f"{part.label}: {show_time(part.at, part.zone)}"
        case ErrorPart():
            return f"{part.message} {part.hint}".strip()
        case PollPart():
            return "\n".join([part.title, *(poll_line(c) for c in part.choices)])
        case FilePart():
            return f"[file: {part.filename}]"
        case ActionsPart():
            return action_lines(part)


def action_lines(part: ActionsPart) -> str:
    """The buttons as the commands to type, for the console, notifications and logs."""
    lines = [part.typed] if part.typed else [f"  {a.label}: {a.line}" for a in part.actions]
    return "\n".join(filter(None, [part.title, *lines]))


def poll_line(choice: PollChoice) -> str:
    """``2. Heat — 3 votes (watched 3 Oct 2026)``: one film of a poll in plain words."""
    note = f" ({choice.note})" if choice.note else ""
    return f"{choice.position}. {choice.title} — {choice.votes} vote{'' if choice.votes == 1 else 's'}{note}"


def text(message: str, visibility: Visibility = Visibility.PUBLIC) -> Response:
    """A one-paragraph answer."""
    return Response(parts=[TextPart(text=message)], visibility=visibility)


def error(message: str, hint: str = "") -> Response:
    """A refusal or failure, shown only to the member who asked."""
    return Response(parts=[ErrorPart(message=message, hint=hint)], visibility=Visibility.PRIVATE)
