"""A fact card as Discord embeds: one field per row, sources numbered in the footer. Pure.

A card that outgrows one embed (25 fields, 6000 characters) continues in further embeds; a row
whose values outgrow one field (1024 characters) continues in further fields.
"""

from __future__ import annotations

from typing import Any

from bots.discord.text import (
    EMBED_TITLE_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FIELDS_PER_EMBED,
    FOOTER_LIMIT,
    escape,
    plain,
    split_text,
    truncate,
)
from core.responses import CardPart, CardRow

Embed = dict[str, Any]

CARD_COLOUR = 0xE5A00D
INLINE_WIDTH = 40  # short single-line values sit three to a row, as Discord lays out inline fields
CONFLICT_MARK = " ⚠️ sources disagree"
NO_VALUE = "—"
CONTINUED = ", continued"
FIELD_CONTINUED = " (continued)"
# Title (256) + description + footer (2048) must leave room in the 6000 for at least one full field.
DESCRIPTION_ROOM = 1000


def card_embeds(card: CardPart) -> list[Embed]:
    """Show a card as embeds, in order; together they may need more than one message.

    Args:
        card: the fact card.

    Returns:
        One embed for a usual card; continuation embeds (titled "…, continued") for a huge one.

    """
    numbers = {label: n for n, label in enumerate(card.sources, 1)}
    for row in card.rows:
        for value in row.values:
            for source in value.sources:
                numbers.setdefault(source, len(numbers) + 1)
    cite = len(numbers) > 1  # with one source the footer says it once; per-value marks would be noise
    fields = [field for row in card.rows for field in _row_fields(row, numbers if cite else {})]
    heading = f"{card.title} ({card.subtitle})" if card.subtitle else card.title
    title = plain(heading, EMBED_TITLE_LIMIT)
    footer = _footer(numbers)
    conflicts = [row.label for row in card.rows if row.conflict]
    said = f"Sources disagree on {', '.join(conflicts)}: each value is shown with its source."
    description = truncate(escape(said), DESCRIPTION_ROOM) if conflicts else ""
    embeds: list[Embed] = []
    current = _embed(title, description)
    for field in fields:
        full = len(current["fields"]) >= FIELDS_PER_EMBED
        if full or embed_size(current) + _field_size(field) + len(footer) > EMBED_TOTAL_LIMIT:
            embeds.append(current)
            current = _embed(plain(heading, EMBED_TITLE_LIMIT - len(CONTINUED)) + CONTINUED, "")
        current["fields"].append(field)
    if footer:
        current["footer"] = {"text": footer}
    embeds.append(current)
    return embeds


def embed_size(embed: Embed) -> int:
    """Count what Discord counts against the 6000 per message: title, description, fields, footer, author."""
    size = len(embed.get("title", "")) + len(embed.get("description", ""))
    size += sum(_field_size(f) for f in embed.get("fields", []))
    size += len(embed.get("footer", {}).get("text", "")) + len(embed.get("author", {}).get("name", ""))
    return size


def _row_fields(row: CardRow, numbers: dict[str, int]) -> list[Embed]:
    lines = []
    for value in row.values:
        refs = "".join(f"[{numbers[s]}]" for s in value.sources if s in numbers)
        lines.append(f"{escape(value.text)} {refs}".rstrip() or NO_VALUE)
    text = "\n".join(lines) or NO_VALUE
    name = plain(row.label + (CONFLICT_MARK if row.conflict else ""), FIELD_NAME_LIMIT)
    chunks = split_text(text, FIELD_VALUE_LIMIT)
    inline = len(chunks) == 1 and "\n" not in text and len(text) <= INLINE_WIDTH
    later = plain(row.label, FIELD_NAME_LIMIT - len(FIELD_CONTINUED)) + FIELD_CONTINUED
    return [{"name": name if i == 0 else later, "value": chunk, "inline": inline} for i, chunk in enumerate(chunks)]


def _footer(numbers: dict[str, int]) -> str:
    if not numbers:
        return ""
    if len(numbers) == 1:
        return plain(f"Source: {next(iter(numbers))}", FOOTER_LIMIT)
    return plain("Sources: " + " · ".join(f"[{n}] {label}" for label, n in numbers.items()), FOOTER_LIMIT)


def _embed(title: str, description: str) -> Embed:
    embed: Embed = {"type": "rich", "title": title, "color": CARD_COLOUR, "fields": []}
    if description:
        embed["description"] = description
    return embed


def _field_size(field: Embed) -> int:
    return len(field["name"]) + len(field["value"])
