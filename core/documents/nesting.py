"""How deep a document nests its markup, counted in one linear pass before any parser runs.

mwparserfromhell backtracks on constructs that never close: 500 unclosed ``{{a|`` take it seconds and
5,000 minutes, and our fallback for an unclosed infobox parses again. Real articles nest templates,
links and references a few levels deep; a document nested past `MAX_NESTING` is refused at once.
"""

from __future__ import annotations

import re

MAX_NESTING = 40
# every alternative stops at the next "<", "{", "[", "}" or "]": one pass, never a rescan
_MARKUP = re.compile(r"\{\{|\}\}|\[\[|\]\]|<ref\b[^<>/]*>|</ref\s*>", re.IGNORECASE)


class TooDeeplyNested(ValueError):
    """The document's markup nests past `MAX_NESTING`: not parsed."""


def deepest_nesting(text: str, stop_past: int | None = None) -> int:
    """The most templates, links and references open at once in ``text`` (counting stops past ``stop_past``)."""
    depth = deepest = 0
    for match in _MARKUP.finditer(text):
        token = match.group(0)
        if token in ("{{", "[[") or (token[0] == "<" and token[1] != "/"):
            depth += 1
            deepest = max(deepest, depth)
            if stop_past is not None and deepest > stop_past:
                break
        else:
            depth = max(0, depth - 1)
    return deepest


def check_nesting(text: str) -> None:
    """Refuse a document nested past `MAX_NESTING`, at the first place it goes past.

    Raises:
        TooDeeplyNested: when it does.
    """
    if deepest_nesting(text, stop_past=MAX_NESTING) > MAX_NESTING:
        raise TooDeeplyNested(
            f"templates, links or references nested more than {MAX_NESTING} deep: the markup never closes; not read"
        )
