"""Song lists as sentences: each track of a ``{{Track listing}}`` template, with its singers, lyricist and composer.

The renderer drops templates, so a soundtrack's songs would never reach the passages and "who sang <song>"
could not be answered. Each track becomes one sentence under the section the list sits in:
``“Jaipen Jaipen”: sung by Sasirekha, Vani Jairam; lyrics by Kannadasan.``
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Template
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
