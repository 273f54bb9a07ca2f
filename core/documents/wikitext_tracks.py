"""Song lists as sentences: each track of a ``{{Track listing}}`` template, with its singers, lyricist and composer.

Song tables (a "Song" or "Title" column beside "Singer(s)", "Lyrics" or "Music" columns) are read the same way,
a cell spanning several rows (one lyricist for every song) given to each of them.

The renderer drops templates and tables, so a soundtrack's songs would never reach the passages and "who sang <song>"
could not be answered. Each track becomes one sentence under the section the list sits in:
``“Jaipen Jaipen”: sung by Sasirekha, Vani Jairam; lyrics by Kannadasan.``
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Tag, Template
from mwparserfromhell.wikicode import Wikicode

from core.documents.wikitext_markup import Renderer, template_name

TRACK_TEMPLATES = frozenset({"track listing", "tracklist", "track list", "tracklisting"})
MAX_TRACKS = 60
# What the extra column holds, by the words of its label, as a sentence says it.
_EXTRA = (
    (re.compile(r"sing|vocal|artist|perform", re.I), "sung by"),
    (re.compile(r"lyric", re.I), "lyrics by"),
    (re.compile(r"music|compos", re.I), "music by"),
)
_CREDITS = (("writer", "written by"), ("lyrics", "lyrics by"), ("music", "music by"))


def is_track_list(template: Template) -> bool:
    """Whether a template lists a soundtrack's tracks."""
    return template_name(template) in TRACK_TEMPLATES


def track_sentences(template: Template, renderer: Renderer) -> list[str]:
    """One sentence per track of a track-list template, naming who sang, wrote and composed it."""

    def value(name: str) -> str:
        if not template.has(name):
            return ""
        return " ".join(renderer.inline(Wikicode(template.get(name).value.nodes)).split())

    extra_label = value("extra_column")
    extra = next((said for pattern, said in _EXTRA if pattern.search(extra_label)), "")
    shared = [f"{said} {value(f'all_{key}')}" for key, said in _CREDITS if value(f"all_{key}")]
    sentences = []
    for n in range(1, MAX_TRACKS + 1):
        title = value(f"title{n}")
        if not title:
            continue
        credits = [f"{said} {value(f'{key}{n}')}" for key, said in _CREDITS if value(f"{key}{n}")]
        if extra and value(f"extra{n}"):
            credits.insert(0, f"{extra} {value(f'extra{n}')}")
        credits = credits or shared
        if credits:
            sentences.append(f"“{title}”: {'; '.join(credits)}.")
        else:
            sentences.append(f"“{title}”: a song of the film.")
    return sentences


_TITLE_COLUMN = re.compile(r"^(?:songs?|titles?|track(?: title)?|song title)$", re.I)


def table_sentences(table: Tag, renderer: Renderer) -> list[str]:
    """One sentence per row of a song table (see the module docstring); none for any other table."""
    rows = _table_rows(table, renderer)
    header = next((n for n, row in enumerate(rows) if any(_TITLE_COLUMN.match(_plain(c)) for c in row)), None)
    if header is None:
        return []
    columns = [_plain(c) for c in rows[header]]
    title = next(i for i, c in enumerate(columns) if _TITLE_COLUMN.match(c))
    credits = [(i, said) for i, c in enumerate(columns) if i != title for pattern, said in _EXTRA if pattern.search(c)]
    sentences = []
    for row in rows[header + 1 : header + 1 + MAX_TRACKS] if credits else []:
        name = row[title].strip(' "“”') if title < len(row) else ""
        said = [f"{what} {row[i]}" for i, what in credits if i < len(row) and row[i]]
        if name and said:
            sentences.append(f"“{name}”: {'; '.join(said)}.")
    return sentences


def _plain(cell: str) -> str:
    return " ".join(cell.replace("'''", "").split()).strip(" .:")


def _table_rows(table: Tag, renderer: Renderer) -> list[list[str]]:
    """The table's rows as cell texts, a cell spanning rows (``rowspan=6``) repeated in each."""
    rows: list[list[str]] = []
    spans: dict[int, tuple[int, str]] = {}  # column -> (rows still to fill, text)
    for row in table.contents.filter_tags(recursive=False) if table.contents is not None else []:
        if str(row.tag) != "tr" or row.contents is None:
            continue
        values: list[str] = []
        for cell in row.contents.filter_tags(recursive=False):
            if str(cell.tag) not in {"td", "th"}:
                continue
            while len(values) in spans:
                values.append(_take_span(spans, len(values)))
            text = " ".join(renderer.inline(cell.contents).split()) if cell.contents is not None else ""
            count = str(cell.get("rowspan").value).strip(" \"'") if cell.has("rowspan") else ""
            if count.isdigit() and int(count) > 1:
                spans[len(values)] = (int(count) - 1, text)
            values.append(text)
        while len(values) in spans:
            values.append(_take_span(spans, len(values)))
        rows.append(values)
    return rows


def _take_span(spans: dict[int, tuple[int, str]], column: int) -> str:
    left, text = spans[column]
    if left <= 1:
        del spans[column]
    else:
        spans[column] = (left - 1, text)
    return text
