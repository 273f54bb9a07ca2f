"""Neutral response → Discord messages. Pure: no client, no I/O.

Cards become embeds; text, lists, choices, times, errors and spoilers become message content. Each
plot beat is its own ``||…||`` span, so a member reveals one beat without the next; spoiler text never
goes into an embed title or field name (Discord cannot hide those). Every Discord limit is kept here:
long content is split at line breaks, oversized cards continue in further embeds and messages.
The adapter sends each message with ``AllowedMentions.none()``; the text is defused here as well.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from bots.discord.cards import Embed, card_embeds, embed_size
from bots.discord.text import (
    CONTENT_LIMIT,
    EMBED_TOTAL_LIMIT,
    EMBEDS_PER_MESSAGE,
    escape,
    split_text,
    truncate,
)
from core import responses

EMPTY_ANSWER = "Done."
ATTACHMENTS_PER_MESSAGE = 10  # Discord's limit
SPOILER_MARK = "||"
BUTTONS_PER_ROW, ROWS_PER_MESSAGE = 5, 5  # Discord's limits of a message's components
BUTTON_LABEL_LIMIT = 80


class DiscordButton(BaseModel):
    """One button: its label, and the key of the core action it runs (``bots.discord.buttons``)."""

    label: str
    key: str


class DiscordMessage(BaseModel):
    """One message to send: content, embeds (Discord's JSON), and whether only the asker sees it."""

    content: str = ""
    embeds: list[dict[str, Any]] = Field(default_factory=list)
    ephemeral: bool = False
    files: list[responses.FilePart] = Field(default_factory=list)  # attached to the message (a PNG card, an .ics)
    rows: list[list[DiscordButton]] = Field(default_factory=list)  # buttons, below the content


def render(response: responses.Response) -> list[DiscordMessage]:
    """Turn ``response`` into Discord messages, in order, each within Discord's limits.

    Args:
        response: the core's neutral answer.

    Returns:
        At least one message; ephemeral when the response is private.

    """
    packer = _Packer(ephemeral=response.visibility is responses.Visibility.PRIVATE)
    for part in response.parts:
        if isinstance(part, responses.FilePart):
            packer.add_file(part)
        elif isinstance(part, responses.CardPart):
            for embed in card_embeds(part):
                packer.add_embed(embed)
        elif isinstance(part, responses.ActionsPart):
            packer.add_buttons(part)
        else:
            for piece in _content_pieces(part):
                packer.add_text(piece)
    return packer.messages()


def render_reveal(part: responses.SpoilerPart) -> DiscordMessage:
    """Show one hidden part, ephemerally, to the member who asked for it.

    Args:
        part: the spoiler to show.

    Returns:
        A private message with the label and the text in the open.

    """
    head = f"**{escape(part.label)}**\n"
    return DiscordMessage(content=head + truncate(escape(part.text), CONTENT_LIMIT - len(head)), ephemeral=True)


def spoiler_lines(part: responses.SpoilerPart) -> list[str]:
    """Write a spoiler as content lines: the label in the open, the text in ``||…||`` spans that fit a message."""
    head = f"**{escape(part.label)}**: "
    room = CONTENT_LIMIT - len(head) - 2 * len(SPOILER_MARK)
    hidden = _one_line(escape(part.text))
    spans = [f"{SPOILER_MARK}{chunk}{SPOILER_MARK}" for chunk in split_text(hidden, room)]
    return [head + spans[0], *spans[1:]]


def time_line(part: responses.TimePart) -> str:
    """Write a moment as Discord timestamps: each member sees it in their own zone, and how far off it is."""
    unix = int(part.at.timestamp())
    return f"**{escape(part.label)}**: <t:{unix}:F> (<t:{unix}:R>)"


def _content_pieces(part: responses.Part) -> list[str]:
    """Cut a non-card part into pieces that each fit in one message's content."""
    match part:
        case responses.SpoilerPart():
            return spoiler_lines(part)
        case responses.TimePart():
            return [time_line(part)]
        case responses.TextPart():
            text = escape(part.text)
        case responses.ListPart():
            lines = [f"**{escape(part.title)}**"] if part.title else []
            text = "\n".join([*lines, *(f"• {escape(item)}" for item in part.items)])
        case responses.ChoicePart():
            options = (f"{n}. {escape(option)}" for n, option in enumerate(part.options, 1))
            text = "\n".join([escape(part.question), *options])
        case responses.ErrorPart():
            text = f"⚠️ {escape(part.message)}" + (f"\n{escape(part.hint)}" if part.hint else "")
        case responses.PollPart():
            text = "\n".join([f"**{escape(part.title)}**", *(escape(responses.poll_line(c)) for c in part.choices)])
        case _:
            text = ""
    return split_text(text, CONTENT_LIMIT) if text else []


def _one_line(text: str) -> str:
    # A line break inside ||…|| is fine for Discord, but splitting must happen only between words of one span.
    return " ".join(text.split())


class _Packer:
    """Fills messages in order: content first, then embeds; text after an embed starts a new message."""

    def __init__(self, ephemeral: bool) -> None:
        self.ephemeral = ephemeral
        self._done: list[DiscordMessage] = []
        self._content = ""
        self._embeds: list[Embed] = []
        self._files: list[responses.FilePart] = []
        self._rows: list[list[DiscordButton]] = []

    def add_text(self, piece: str) -> None:
        joined = f"{self._content}\n{piece}" if self._content else piece
        if self._embeds or self._rows or len(joined) > CONTENT_LIMIT:
            self._flush()
            joined = piece
        self._content = joined

    def add_embed(self, embed: Embed) -> None:
        total = sum(embed_size(e) for e in self._embeds) + embed_size(embed)
        if self._rows or len(self._embeds) >= EMBEDS_PER_MESSAGE or total > EMBED_TOTAL_LIMIT:
            self._flush()
        self._embeds.append(embed)

    def add_buttons(self, part: responses.ActionsPart) -> None:
        """The part's title, then its buttons below it (at most 25: Discord's limit), ending the message."""
        if part.title:
            self.add_text(escape(part.title))
        elif self._rows:
            self._flush()
        buttons = [DiscordButton(label=truncate(a.label, BUTTON_LABEL_LIMIT), key=a.key) for a in part.actions]
        self._rows = [buttons[i : i + BUTTONS_PER_ROW] for i in range(0, len(buttons), BUTTONS_PER_ROW)][
            :ROWS_PER_MESSAGE
        ]

    def add_file(self, part: responses.FilePart) -> None:
        self._files.append(part)

    def messages(self) -> list[DiscordMessage]:
        self._flush()
        done = self._done or [DiscordMessage(content=EMPTY_ANSWER, ephemeral=self.ephemeral)]
        if self._files:  # files ride on the last message, after the text that introduces them
            done[-1] = done[-1].model_copy(update={"files": self._files[:ATTACHMENTS_PER_MESSAGE]})
        return done

    def _flush(self) -> None:
        if self._content or self._embeds or self._rows:
            self._done.append(
                DiscordMessage(content=self._content, embeds=self._embeds, ephemeral=self.ephemeral, rows=self._rows)
            )
        self._content = ""
        self._embeds = []
        self._rows = []
