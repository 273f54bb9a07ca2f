"""Reading a wikitext "Cast" section into actor/character pairs, for the wikitext parser.

Cast sections come as bullet lists (``* [[Michael Keaton]] as [[Batman|Bruce Wayne/Batman]]``), as
``Actor – Character`` lines (sometimes ``Character – Actor``), with nested bullets for one actor's
several roles, or as tables with "Actor"/"Character" columns. Prose paragraphs are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Tag
from mwparserfromhell.wikicode import Wikicode

from core.documents.names import NAME_PARTICLES
from core.documents.wikitext_infobox import split_names, strip_qualifiers
from core.documents.wikitext_markup import Renderer
from core.library.model import CastValue, normalize

_ITEM = "\ue000"  # marks list items in the rendered section (a private-use character, never in text)
_AS = re.compile(r"\s+as\b\s*:?\s*")
_DASH = re.compile(r"\s+[–—-]+\s+|\s*\.{3}\s*|\s*…\s*")
# A description after the character's name: "as Su Lin, Lee's sister", "as Barron, the irate boss ...".
_CHARACTER_END = re.compile(r"[:;]|\s[–—]\s|\s-\s|,\s+(?=[a-z]|[A-Z][\w.]*'s\b)|\s+who\s|(?<=[a-z]{4})\.\s+(?=[A-Z])")
# "Howard Keel as Adam and Jane Powell as Milly": one line, two entries.
_NEXT_ENTRY = re.compile(r"(?:,|\s+and)\s+(?=[A-Z][^,:;()]{0,40}?\s+as\s)")
_CREW_LABEL = re.compile(
    r"^(?:directors?|directed by|producers?|writers?|screenplay|music|host|presenter)\s*:", re.IGNORECASE
)
_ROLE_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+")
_MAX_ENTRY_WORDS = 14
_ACTOR_END = re.compile(r"[:;]|,\s+(?=[a-z])")
_CREDIT_NOTE = re.compile(
    r"\s*\((?:as |voice|uncredited|credited|deleted|special|cameo|archive|also |guest|dubbed|singing)[^()]*\)",
    re.IGNORECASE,
)
_NOT_A_CHARACTER = re.compile(r"^(?:special|guest|cameo|item (?:number|song)|uncredited)\b", re.IGNORECASE)
_ACTOR_HEADER = re.compile(r"actor|actress|cast|performer|played by|voice", re.IGNORECASE)
_CHARACTER_HEADER = re.compile(r"character|role|part\b", re.IGNORECASE)


@dataclass
class CastReading:
    """Cast entries (value and the text it came from) and the lines that could not be read."""

    entries: list[tuple[CastValue, str]] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


def read_cast(body: Wikicode, known_people: set[str]) -> CastReading:
    """Read the cast from a section's wikicode.

    Args:
        body: the section's content (without its heading).
        known_people: normalized names the infobox gives (starring, director ...), used to tell
            ``Actor – Character`` lines from ``Character – Actor`` ones.

    Returns:
        Entries in the section's order and the list items or tables that were not understood.

    """
    reading = CastReading()
    _read_lines(Renderer(item_mark=_ITEM).text(body), known_people, reading)
    for table in body.filter_tags():
        if str(table.tag).casefold() == "table" and table.contents is not None:
            _read_table(table, reading, known_people)
    return reading


def _read_lines(text: str, known_people: set[str], reading: CastReading) -> None:
    items = []
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(_ITEM))
        entry = line.lstrip(_ITEM).strip()
        if entry and (depth or _entry_line(entry)):
            items.append((depth or 1, entry))
    dashed = [_DASH.split(e, maxsplit=1) for _, e in items if not _AS.search(e) and _DASH.search(e)]
    left = sum(normalize(strip_qualifiers(p[0])) in known_people for p in dashed)
    right = sum(normalize(strip_qualifiers(p[1])) in known_people for p in dashed)
    reversed_dash = right > left  # e.g. "Elsa - Nora Aunor": the section names characters first
    pending: tuple[int, list[str]] | None = None  # an actor "as:" whose roles follow as nested bullets
    for number, (depth, entry) in enumerate(items):
        if pending and depth > pending[0]:
            character = _character(entry)
            reading.entries.extend((CastValue(actor=a, character=character), entry) for a in pending[1])
            continue
        pending = None
        nested = number + 1 < len(items) and items[number + 1][0] > depth
        if _CREW_LABEL.match(entry) or (nested and not _AS.search(entry)):
            continue  # "Director: X", or a group heading ("''Segment title''") over nested entries
        for part in _split_entries(entry):
            actors, character, multi = _parse_entry(part, reversed_dash)
            if not actors:
                reading.unread.append(part)
            elif multi:
                pending = (depth, actors)
            else:
                reading.entries.extend((CastValue(actor=a, character=c), part) for a, c in _paired(actors, character))


def _entry_line(line: str) -> bool:
    """Whether a line that is no list item is still one cast entry (``[[Actor]] as Role<br>``), not prose.

    Its actor part, before "as" or the dash, must be a short run of capitalised words: "Keaton was cast as
    Batman" is a sentence about casting, not an entry.
    """
    cut = _AS.search(line) or _DASH.search(line)
    if cut is None or len(line.split()) > _MAX_ENTRY_WORDS:
        return False
    words = line[: cut.start()].split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)


def _split_entries(entry: str) -> list[str]:
    """Split ``A as X and B as Y`` into two entries; ``A and B as X`` stays one (two actors, one role)."""
    parts: list[str] = []
    start = 0
    for match in _NEXT_ENTRY.finditer(entry):
        if _AS.search(entry[start : match.start()]):
            parts.append(entry[start : match.start()])
            start = match.end()
    return [*parts, entry[start:]]


def _parse_entry(entry: str, reversed_dash: bool) -> tuple[list[str], str | None, bool]:
    """Actors, character, and whether the roles follow on nested lines (``Peter Sellers as:``)."""
    match = _AS.search(entry)
    if match:
        actor, character = entry[: match.start()], entry[match.end() :]
    elif dash := _DASH.search(entry):
        actor, character = entry[: dash.start()], entry[dash.end() :]
        if reversed_dash:
            actor, character = character, actor
    else:
        actor, character = _ACTOR_END.split(entry, maxsplit=1)[0], ""
    actors = [a for a in split_names(strip_qualifiers(actor)) if _name_like(a)]
    if not actors:
        return [], None, False
    multi = bool(match) and not character.strip()
    return actors, _character(character), multi


def _paired(actors: list[str], character: str | None) -> list[tuple[str, str | None]]:
    """``X and Y as A and B``: each actor with their own role; one role for several actors stays shared."""
    roles = _ROLE_SPLIT.split(character) if character else []
    if len(actors) > 1 and len(roles) == len(actors):
        return list(zip(actors, roles, strict=True))
    return [(actor, character) for actor in actors]


def _character(text: str) -> str | None:
    text = _CREDIT_NOTE.sub("", text)
    text = _CHARACTER_END.split(text, maxsplit=1)[0].strip(" ,;.:")
    return None if not text or _NOT_A_CHARACTER.match(text) else text


def _name_like(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and (text[0].isupper() or not text[0].isascii()) and text[0].isalpha()


def _read_table(table: Tag, reading: CastReading, known_people: set[str]) -> None:
    rows = [row for row in _rows(table) if any(text for _, text in row)]
    header = next((row for row in rows if row and all(is_head for is_head, _ in row)), None)
    titles = [text for _, text in header] if header else []
    character_column = next((i for i, t in enumerate(titles) if _CHARACTER_HEADER.search(t)), None)
    actor_columns = [i for i, t in enumerate(titles) if _ACTOR_HEADER.search(t) and i != character_column]
    if not actor_columns and character_column is not None:
        actor_columns = [i for i, t in enumerate(titles) if re.fullmatch(r"name", t, re.IGNORECASE)]
    if header is not None and character_column is not None and actor_columns:
        for row in rows[rows.index(header) + 1 :]:
            texts = [text for _, text in row]
            if len(texts) <= max(character_column, *actor_columns):
                continue
            character = strip_qualifiers(texts[character_column]) or None
            for column in actor_columns:
                for actor in split_names(strip_qualifiers(_AS.split(texts[column], maxsplit=1)[0])):
                    if _name_like(actor):
                        reading.entries.append((CastValue(actor=actor, character=character), " | ".join(texts)))
        return
    if header is not None and character_column == 0 and _read_by_film(rows[rows.index(header) + 1 :], reading):
        return
    # No actor/character columns: cells that read "Priscilla Lane as Ann Lemp" each give an entry.
    cells = [text for row in rows for _, text in row if _AS.search(text)]
    for text in cells:
        actors, character, _ = _parse_entry(text, False)
        reading.entries.extend((CastValue(actor=a, character=character), text) for a in actors)
    if not cells and not (header is None and _read_pairs(rows, reading, known_people)):
        reading.unread.append(f"a cast table with columns {titles or 'unknown'}")


def _read_by_film(rows: list[list[tuple[bool, str]]], reading: CastReading) -> bool:
    """Read a franchise's character table: a row per character (its header cell), an actor cell per film.

    The article's own film is the first column (a franchise page's infobox is its first film's); a
    character it lacks has an empty first cell. False when no row reads so.
    """
    read = False
    for row in rows:
        if len(row) < 2 or not row[0][0] or row[1][0]:
            continue
        character, actors = strip_qualifiers(row[0][1]), row[1][1]
        for actor in split_names(strip_qualifiers(_AS.split(actors, maxsplit=1)[0])):
            if character and _name_like(actor):
                reading.entries.append((CastValue(actor=actor, character=character), " | ".join(t for _, t in row)))
                read = True
    return read


def _read_pairs(rows: list[list[tuple[bool, str]]], reading: CastReading, known_people: set[str]) -> bool:
    """Read a headerless table of two-cell rows (``|[[Actor]]||Role``), when every row is a name beside a name.

    The actor comes first, unless the infobox's people stand in the second column.
    """
    pairs = [(row[0][1], row[1][1]) for row in rows if len(row) == 2]
    if not pairs or len(pairs) != len(rows) or not all(_name_like(a) and _name_like(b) for a, b in pairs):
        return False
    second = sum(normalize(b) in known_people for _, b in pairs) > sum(normalize(a) in known_people for a, _ in pairs)
    for left, right in pairs:
        actor, character = (right, left) if second else (left, right)
        value = CastValue(actor=strip_qualifiers(actor), character=_character(character))
        reading.entries.append((value, f"{left} | {right}"))
    return True


def _rows(table: Tag) -> Iterator[list[tuple[bool, str]]]:
    """The table's rows of (is a header cell, text), the cells before the first ``|-`` included as a row.

    A header line written ``! Actor ! Role`` (one ``!`` between cells) is split into its cells.
    """
    renderer = Renderer()
    first: list[tuple[bool, str]] = []
    for node in table.contents.filter_tags(recursive=False):
        tag = str(node.tag)
        if tag in {"td", "th"}:
            first.extend(_cell(node, renderer))
        elif tag == "tr":
            if first:
                yield first
                first = []
            if node.contents is not None:
                yield [
                    c
                    for cell in node.contents.filter_tags(recursive=False)
                    if str(cell.tag) in {"td", "th"}
                    for c in _cell(cell, renderer)
                ]
    if first:
        yield first


def _cell(cell: Tag, renderer: Renderer) -> list[tuple[bool, str]]:
    head = str(cell.tag) == "th"
    text = renderer.inline(cell.contents) if cell.contents is not None else ""
    parts = [p.strip() for p in text.split(" ! ")] if head else [text]
    return [(head, part) for part in parts]
