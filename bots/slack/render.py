"""Neutral response → Slack Block Kit message. Pure: no client, no I/O.

Slack has no spoiler markup: a spoiler is a section with its label and a "Reveal" button whose value is the
part's reveal id; the text is sent only in the ephemeral answer to the member who pressed it. The ``text``
fallback (notifications, previews) is `Response.plain_text()`, which never holds spoiler text. Everything that
may come from a member is escaped (``&``, ``<``, ``>``) so ``<!channel>`` or a fake link cannot work.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from bots.slack.commands import CHANNEL_ID_TEXT
from core import responses
from core.times import show_time

REVEAL_ACTION = "reveal_spoiler"
ACTION = "filmclub_action"  # one per button: ``filmclub_action_<n>`` (action ids are unique within a block)
MAX_BUTTONS = 25  # Slack's limit of elements in one actions block
MAX_BUTTON_TEXT = 75
MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_FIELD = 2000
MAX_FIELDS = 10
MAX_HEADER = 150
MAX_FALLBACK = 3000

Block = dict[str, Any]


class SlackMessage(BaseModel):
    """A message ready for ``respond`` or ``chat.postMessage``: fallback text, blocks, and who sees it."""

    text: str
    blocks: list[Block] = Field(default_factory=list)
    ephemeral: bool = False


CHANNEL_ID = re.compile(rf"\b(?=\w*\d)({CHANNEL_ID_TEXT})\b")  # with a digit, so no plain word
"""A Slack channel id as the core stores it (``C0123ABCD``): shown as the channel, ``<#C0123ABCD>``."""


def escape(text: str) -> str:
    """Slack's three control characters, escaped: user text can never become a mention or a link.

    Channel ids (a setting the core stores as Slack gave it) are then shown as the channel: a link, never a ping.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return CHANNEL_ID.sub(r"<#\1>", escaped)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chunks(text: str, limit: int) -> list[str]:
    """Text cut at line or word boundaries into pieces no longer than ``limit``."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip()
    return [*pieces, text] if text else pieces


def _section(markdown: str) -> list[Block]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": c}} for c in _chunks(markdown, MAX_SECTION)]


def _context(markdown: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": _cut(markdown, MAX_FIELD)}]}


def slack_date(part: responses.TimePart) -> str:
    """A time every member sees in their own zone, with the club's zone as the fallback."""
    fallback = show_time(part.at, part.zone)
    return f"<!date^{int(part.at.timestamp())}^{{date_short_pretty}} at {{time}}|{fallback}>"


def _refs(sources: list[str], numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers.get(s, '?')}]" for s in sources)


def _card(card: responses.CardPart) -> list[Block]:
    numbers = {label: n for n, label in enumerate(card.sources, 1)}
    title = f"{card.title} ({card.subtitle})" if card.subtitle else card.title
    blocks: list[Block] = [{"type": "header", "text": {"type": "plain_text", "text": _cut(escape(title), MAX_HEADER)}}]
    fields = []
    for row in card.rows:
        values = "\n".join(f"{escape(v.text)} {_refs(v.sources, numbers)}".strip() for v in row.values)
        label = f"*{escape(row.label)}*" + (" _(sources disagree)_" if row.conflict else "")
        fields.append({"type": "mrkdwn", "text": _cut(f"{label}\n{values}", MAX_FIELD)})
    for start in range(0, len(fields), MAX_FIELDS):
        blocks.append({"type": "section", "fields": fields[start : start + MAX_FIELDS]})
    if numbers:
        blocks.append(_context("  ".join(f"[{n}] {escape(label)}" for label, n in numbers.items())))
    return blocks


def _spoiler(part: responses.SpoilerPart) -> list[Block]:
    block: Block = {
        "type": "section",
        "text": {"type": "mrkdwn", "text": _cut(f":lock: *Hidden:* {escape(part.label)}", MAX_SECTION)},
    }
    if part.reveal_id:
        block["accessory"] = {
            "type": "button",
            "action_id": REVEAL_ACTION,
            "text": {"type": "plain_text", "text": "Reveal"},
            "value": part.reveal_id,
        }
    return [block]


def render_part(part: responses.Part, private: bool = False) -> list[Block]:
    """The blocks of one part (``private``: the answer goes only to the asker, so its files go to their DM)."""
    match part:
        case responses.TextPart():
            return _section(escape(part.text))
        case responses.CardPart():
            return _card(part)
        case responses.SpoilerPart():
            return _spoiler(part)
        case responses.ListPart():
            lines = [f"*{escape(part.title)}*"] if part.title else []
            return _section("\n".join([*lines, *(f"• {escape(i)}" for i in part.items)]))
        case responses.ChoicePart():
            options = (f"{n}. {escape(o)}" for n, o in enumerate(part.options, 1))
            return _section("\n".join([escape(part.question), *options]))
        case responses.TimePart():
            return _section(f"*{escape(part.label)}:* {slack_date(part)} ({escape(part.zone)})")
        case responses.ErrorPart():
            blocks = _section(f":warning: {escape(part.message)}")
            return [*blocks, _context(escape(part.hint))] if part.hint else blocks
        case responses.PollPart():
            return _section(
                "\n".join([f"*{escape(part.title)}*", *(escape(responses.poll_line(c)) for c in part.choices)])
            )
        case responses.ActionsPart():
            return _actions(part)
        case responses.FilePart():  # bots.slack.uploads sends it where the answer's visibility says
            where = "in your direct messages" if private else "below"
            return [_context(f":paperclip: {escape(part.filename)} is uploaded {where}.")]


def _actions(part: responses.ActionsPart) -> list[Block]:
    """Buttons, each carrying its action's key; a press reaches the one ``filmclub_action_…`` listener."""
    blocks = _section(escape(part.title)) if part.title else []
    for start in range(0, len(part.actions), MAX_BUTTONS):
        buttons = [
            {
                "type": "button",
                "action_id": f"{ACTION}_{start + n}",
                "text": {"type": "plain_text", "text": _cut(a.label, MAX_BUTTON_TEXT)},
                "value": a.key,
            }
            for n, a in enumerate(part.actions[start : start + MAX_BUTTONS])
        ]
        blocks.append({"type": "actions", "elements": buttons})
    return blocks


def render(response: responses.Response) -> SlackMessage:
    """A whole response as one Slack message.

    Args:
        response: the core's neutral response.

    Returns:
        Blocks within Slack's limits (at most 50: the rest is cut with a note), the escaped plain-text
        fallback, and ``ephemeral`` for answers only the asker should see.
    """
    private = response.visibility is responses.Visibility.PRIVATE
    blocks = [b for part in response.parts for b in render_part(part, private)]
    if len(blocks) > MAX_BLOCKS:
        blocks = [*blocks[: MAX_BLOCKS - 1], _context("_The answer was too long for one message and was cut._")]
    return SlackMessage(
        text=_cut(escape(response.plain_text()), MAX_FALLBACK),
        blocks=blocks,
        ephemeral=private,
    )


def render_reveal(part: responses.SpoilerPart) -> SlackMessage:
    """The ephemeral answer to a Reveal press: the hidden text, for the presser only."""
    blocks = [_context(f":unlock: {escape(part.label)}"), *_section(escape(part.text))][:MAX_BLOCKS]
    return SlackMessage(text=_cut(escape(f"{part.label}: {part.text}"), MAX_FALLBACK), blocks=blocks, ephemeral=True)
