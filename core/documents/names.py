"""People's names in flattened text: splitting names run together, and restoring dropped apostrophes.

Flattening a Wikipedia article loses list markup (``Amir Farrokh Hashemian Bahare Seddiqi`` was two
lines) and apostrophes (``Alis teacher``). Both are repaired only with evidence found elsewhere in
the same document, never by guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.library.model import normalize

# Lowercase words that belong inside names ("Vittorio de Sica") and do not count as name words.
NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "dos", "das", "bin", "ibn", "al"}
)
# A name of at most this many capitalized words is read as one person when nothing proves otherwise:
# three-word names are common (Amir Farrokh Hashemian), two people in three words need a mononym.
MAX_WORDS_OF_ONE_NAME = 3
_NAME_WORD = re.compile(r"^[A-Z][\w.'’-]*$")
_NAME_IN_PARENS = re.compile(r"\(([^()]{3,80})\)")


def looks_like_name(text: str, max_words: int = 5) -> bool:
    """Tell whether ``text`` is shaped like a person's name: capitalized words (particles allowed).

    Args:
        text: a candidate name.
        max_words: more words than this is not one name (a field of names run together may pass more).

    Returns:
        True for ``Dariush Mokhtari`` or ``Vittorio de Sica``; False for ``1948``, ``film`` or a sentence.

    """
    words = text.split()
    if not 1 <= len(words) <= max_words:
        return False
    return all(_NAME_WORD.match(w) or w in NAME_PARTICLES for w in words) and bool(_NAME_WORD.match(words[0]))


def names_in_parentheses(text: str) -> list[str]:
    """Find names given in parentheses, as plots name actors: ``Ali (Amir Farrokh Hashemian)``.

    Args:
        text: plot or prose text.

    Returns:
        Parenthesised texts of at least two name words, in order.

    """
    return [m.strip() for m in _NAME_IN_PARENS.findall(text) if looks_like_name(m.strip()) and len(m.split()) >= 2]


def capitalized_word_count(name: str) -> int:
    """Count the words of a name that are not lowercase particles."""
    return sum(1 for w in name.split() if w not in NAME_PARTICLES)


def split_run_together(text: str, known: Iterable[str]) -> list[str] | None:
    """Split names run together when known names cover the text exactly, in order, in one way only.

    Args:
        text: e.g. ``Amir Farrokh Hashemian Bahare Seddiqi``.
        known: names found elsewhere in the same document.

    Returns:
        The names as spelled in ``text`` (``["Amir Farrokh Hashemian", "Bahare Seddiqi"]``), or None
        when no cover exists or more than one does (then splitting would be a guess).

    """
    words = text.split()
    folded = [normalize(w) for w in words]
    known_words = {tuple(normalize(n).split()) for n in known if normalize(n)}
    # ways[i]: segmentations of words[i:]; capped at 2 because only "exactly one" matters.
    ways: list[int] = [0] * (len(words) + 1)
    step: list[int] = [0] * (len(words) + 1)
    ways[len(words)] = 1
    for i in range(len(words) - 1, -1, -1):
        for name in known_words:
            j = i + len(name)
            if j <= len(words) and tuple(folded[i:j]) == name and ways[j]:
                ways[i] = min(2, ways[i] + ways[j])
                step[i] = j
    if ways[0] != 1:
        return None
    pieces: list[str] = []
    i = 0
    while i < len(words):
        pieces.append(" ".join(words[i : step[i]]))
        i = step[i]
    return pieces


@dataclass(frozen=True)
class NameReading:
    """How one people-field chunk was read: the names, and whether they had to stay run together."""

    names: list[str]
    unsplit: bool = False


def read_names(chunk: str, known: Iterable[str]) -> NameReading:
    """Read one chunk of a people field as one or more names.

    Args:
        chunk: text between explicit separators, e.g. ``Amir Esfandiari Mohammad Esfandiari``.
        known: names found elsewhere in the document (cast list, plot, other fields).

    Returns:
        The known names when they cover the chunk; the chunk as one name when it is short enough to be
        one; otherwise the chunk whole with ``unsplit=True`` (the caller reports it).

    """
    known_list = [n for n in known if normalize(n)]
    key = normalize(chunk)
    if any(normalize(n) == key for n in known_list):
        return NameReading([chunk])
    pieces = split_run_together(chunk, known_list)
    if pieces and len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
        return NameReading(pieces)
    if capitalized_word_count(chunk) <= MAX_WORDS_OF_ONE_NAME:
        return NameReading([chunk])
    if pieces and len(pieces) > 1:
        return NameReading(pieces)
    return NameReading([chunk], unsplit=True)


def possessive_stems(characters: Iterable[str], text: str) -> set[str]:
    """Pick the character names whose dropped possessive (``Alis`` for ``Ali's``) may be restored.

    Args:
        characters: character names from the cast list, as written.
        text: the whole document, to tell proper names from common nouns.

    Returns:
        One-word, capitalized character names that never appear in lowercase in ``text`` (so ``Father``
        is left out when the text speaks of "his father"), and whose plural-looking form is not itself
        a name in the list.

    """
    singles = {c.strip() for c in characters if len(c.split()) == 1 and _NAME_WORD.match(c.strip())}
    lower_words = set(re.findall(r"\b[a-z][\w-]*\b", text))
    return {s for s in singles if s.casefold() not in lower_words and f"{s}s" not in singles}


def restore_possessives(text: str, stems: Iterable[str]) -> str:
    """Put back apostrophes dropped before a possessive ``s`` of a known name: ``Alis teacher`` → ``Ali's teacher``.

    Args:
        text: text with apostrophes dropped.
        stems: names allowed to take the repair (see ``possessive_stems``).

    Returns:
        The text with ``<stem>s`` turned into ``<stem>'s``; other words (``Alireza``, ``shoes``) untouched.

    """
    ordered = sorted(set(stems), key=len, reverse=True)
    if not ordered:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in ordered) + r")s\b(?!['’])")
    return pattern.sub(r"\1's", text)
