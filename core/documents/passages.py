"""Cutting a document's prose into passages: sentences or short paragraphs, each with its heading path.

A paragraph up to ``MAX_PASSAGE_CHARS`` is one passage; a longer one becomes runs of whole sentences up to that
length (a single longer sentence stays whole). Back-matter sections (references, links, navigation) hold no
prose about the film and give none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from core.documents.beats import split_sentences
from core.library.model import PassageText, normalize

MAX_PASSAGE_CHARS = 400
MIN_PASSAGE_WORDS = 3
BACK_MATTER = frozenset(
    {
        "references",
        "notes",
        "footnotes",
        "citations",
        "sources",
        "bibliography",
        "further reading",
        "external links",
        "see also",
        "notes and references",
        "works cited",
    }
)
_MARKUP_LEFT = re.compile(r"\{\{|\}\}|^\s*[|!{]")  # a template or table the parser could not read: not prose
# markup the parser left as text around prose (a stray "]]", a <ref> it did not close): dropped, the prose kept
_STRAY_MARKUP = re.compile(r"<ref[^>/]*>.*?</ref>|<[^<>\n]{1,200}>|\[\[|\]\]", re.IGNORECASE)


def is_back_matter(heading: str) -> bool:
    """Whether a heading opens references, links or other lists that are not about the film."""
    return normalize(heading) in BACK_MATTER


def heading_paths(headings: Iterable[tuple[str, int]]) -> list[tuple[str, ...]]:
    """The full path of each heading, from (title, level) pairs in article order: a ``===`` under its ``==``.

    A heading closes every open heading of its level or deeper; a level skipped (``==`` then ``====``) nests
    all the same.
    """
    open_headings: list[tuple[str, int]] = []
    paths: list[tuple[str, ...]] = []
    for title, level in headings:
        while open_headings and open_headings[-1][1] >= level:
            open_headings.pop()
        open_headings.append((title, level))
        paths.append(tuple(t for t, _ in open_headings))
    return paths


def section_passages(section: tuple[str, ...], paragraphs: Iterable[str]) -> list[PassageText]:
    """The passages of one section's paragraphs (plain text), in order.

    Args:
        section: the heading path the paragraphs sit under (``LEAD_SECTION`` for the lead).
        paragraphs: rendered text, one paragraph or list item each.

    Returns:
        Passages of at least ``MIN_PASSAGE_WORDS`` words, none of them left-over markup.
    """
    if any(is_back_matter(heading) for heading in section):
        return []
    found: list[PassageText] = []
    for text in _joined_short(" ".join(_STRAY_MARKUP.sub("", p).split()).lstrip("*#:; ") for p in paragraphs):
        if len(text.split()) < MIN_PASSAGE_WORDS or _MARKUP_LEFT.search(text):
            continue
        found.extend(PassageText(section=section, text=run) for run in _runs(text))
    return found


def _joined_short(paragraphs: Iterable[str]) -> Iterator[str]:
    """The paragraphs, a run of two or more too short to stand alone joined ("Malibu; Mojave Desert").

    A list of places or names, one an item, is prose about the film all the same: alone, each would be dropped.
    """
    short: list[str] = []
    for text in paragraphs:
        if 0 < len(text.split()) < MIN_PASSAGE_WORDS and not _MARKUP_LEFT.search(text):
            short.append(text)
            continue
        if len(short) > 1:
            yield "; ".join(short)
        short = []
        yield text
    if len(short) > 1:
        yield "; ".join(short)


def _runs(paragraph: str) -> list[str]:
    if len(paragraph) <= MAX_PASSAGE_CHARS:
        return [paragraph]
    runs: list[str] = []
    current = ""
    for sentence in split_sentences(paragraph):
        if current and len(current) + 1 + len(sentence) > MAX_PASSAGE_CHARS:
            runs.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        runs.append(current)
    return runs
