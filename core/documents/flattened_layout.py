"""The shape of a flattened Wikipedia dump: title line, half-kept infobox, cut lead, ``==Sections==``.

Flattening turned ``[[target|label]]`` into ``target|label`` and dropped most markup; this module
finds the parts again and turns link remnants back into the words a reader saw (the label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_INFOBOX_START = re.compile(r"\{\{\s*Infobox\b", re.IGNORECASE)
_HEADING = re.compile(r"^\s*(={2,6})\s*([^=\n]+?)\s*\1\s*(.*)$")
_FIELD = re.compile(r"^\s*\|\s*(?P<key>[\w ]+?)\s*=\s*(?P<value>.*)$")

_LINK_BOUNDARY = r"\s|.,;:!?*=}{()\[\]\"'"
# ``target|label`` in prose: up to four words of target (plus a "(film)" disambiguator) before the pipe.
_PROSE_LINK = re.compile(
    rf"(?<![^{_LINK_BOUNDARY}])(?P<target>(?:[^{_LINK_BOUNDARY}|]+\s+){{0,3}}[^{_LINK_BOUNDARY}|]+(?:\s*\([^()|\n]*\))?)"
    r"\|(?=\S)"
)
# Words a link target does not run back over: "a 1997 Iranian drama|..." keeps "a 1997".
_TARGET_STOPS = frozenset(
    {"a", "an", "the", "is", "was", "were", "are", "by", "and", "or", "in", "on", "as", "to", "at", "with", "from"}
)
_LIST_TEMPLATE = re.compile(
    r"\{\{\s*(?:ubl|unbulleted list|hlist|plainlist|flatlist)\s*\|?(?P<body>.*?)\}\}", re.I | re.S
)
_TEMPLATE = re.compile(r"\{\{(?P<body>[^{}]*)\}\}")
_TAG = re.compile(r"<br\s*/?>|<[^>]+>", re.IGNORECASE)


@dataclass
class Section:
    """One ``==Heading==`` (``level``: how many ``=``) and its lines, text after the heading on its line included."""

    heading: str
    lines: list[str] = field(default_factory=list)
    level: int = 2

    @property
    def paragraphs(self) -> list[str]:
        """Non-empty lines, stripped: flattened dumps keep one paragraph (or fragment) per line."""
        return [line.strip() for line in self.lines if line.strip(" *\t")]


@dataclass
class Layout:
    """The parts of a flattened dump, each possibly missing."""

    title_line: str = ""
    infobox: dict[str, str] = field(default_factory=dict)
    has_infobox: bool = False
    infobox_closed: bool = False
    lead: str = ""
    sections: list[Section] = field(default_factory=list)


def _infobox_end(text: str, start: int) -> int | None:
    """Index just after the ``}}`` that closes the template opened at ``start``, or None if it never closes."""
    depth = 0
    i = start
    while i < len(text) - 1:
        pair = text[i : i + 2]
        if pair == "{{":
            depth += 1
            i += 2
        elif pair == "}}":
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return None


def _read_fields(body: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    key = None
    for line in body.splitlines()[1:]:
        match = _FIELD.match(line)
        if match:
            key = match["key"].strip().casefold().replace(" ", "_")
            fields[key] = match["value"].strip()
        elif key is not None and line.strip():
            fields[key] = f"{fields[key]}\n{line.strip()}".strip()
    return fields


def split_layout(text: str) -> Layout:
    """Find the title line, infobox fields, lead and sections of a flattened dump.

    Args:
        text: clean text of the dump.

    Returns:
        The parts found; a dump cut short simply has fewer parts.

    """
    layout = Layout()
    start = _INFOBOX_START.search(text)
    heading = re.search(r"^\s*={2,6}[^=\n]+={2,6}", text, re.MULTILINE)
    body_start = heading.start() if heading else len(text)
    if start and start.start() < body_start:
        layout.has_infobox = True
        end = _infobox_end(text, start.start())
        layout.infobox_closed = end is not None
        box_end = end if end is not None else body_start
        inner = text[start.start() : box_end - 2 if end is not None else box_end]
        layout.infobox = _read_fields(inner)
        before = text[: start.start()]
        lead_end = body_start if body_start >= box_end else len(text)
        layout.lead = text[box_end:lead_end].strip() if end is not None else ""
    else:
        before = text[:body_start]
    before_lines = [line.strip() for line in before.splitlines() if line.strip()]
    if before_lines:
        layout.title_line = before_lines[0]
        if not layout.has_infobox:
            layout.lead = " ".join(before_lines[1:])
    current: Section | None = None
    for line in text[body_start:].splitlines():
        match = _HEADING.match(line)
        if match:
            current = Section(match[2].strip(), [match[3]] if match[3].strip() else [], len(match[1]))
            layout.sections.append(current)
        elif current is not None:
            current.lines.append(line)
    return layout


def _drop_target(match: re.Match[str]) -> str:
    words = match["target"].split()
    keep = 0
    for i, word in enumerate(words):
        if word in _TARGET_STOPS or word.isdigit():
            keep = i + 1
    return " ".join(words[:keep]) + (" " if keep else "")


def unpipe(text: str) -> str:
    """Turn link remnants in prose back into their labels: ``family drama|drama film`` → ``drama film``.

    Args:
        text: prose with ``target|label`` remnants.

    Returns:
        The text with each target removed (at most four words back, never past punctuation or a small
        word such as "the"), so only the label a reader saw remains.

    """
    return _PROSE_LINK.sub(_drop_target, text)


def value_items(value: str, *, commas: bool = False, conjunctions: bool = False) -> list[str]:
    """Split an infobox value into its items and reduce each link remnant to its label.

    Args:
        value: the raw value, e.g. ``United States dollar|US$180,000`` or ``{{ubl|A|B}}``.
        commas: also split on commas (countries, languages, people).
        conjunctions: also split on " and " / " & " (people).

    Returns:
        Non-empty items in order, e.g. ``["US$180,000"]``. Names run together stay one item here.

    """
    text = _LIST_TEMPLATE.sub(lambda m: "\n" + m["body"].replace("|", "\n") + "\n", value)
    text = _TEMPLATE.sub(lambda m: m["body"].split("|")[-1] if "|" in m["body"] else "", text)
    text = _TAG.sub("\n", text)
    separators = r"\n|^\s*\*|\s\*\s"
    if commas:
        separators += r"|,"
    if conjunctions:
        separators += r"|\s+and\s+|\s+&\s+"
    items = []
    for item in re.split(separators, text, flags=re.MULTILINE):
        label = item.split("|")[-1].strip(" *\t")
        if label:
            items.append(label)
    return items
