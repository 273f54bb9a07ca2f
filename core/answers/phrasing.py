"""How members phrase questions: folding the text, and the words that never name a film.

A question is folded like titles are (``normalize``) after contractions are spelled out, so the
words left once the intent's keywords are taken out can be looked up as a title directly.
"""

from __future__ import annotations

import re

from core.library.model import normalize

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_CONTRACTIONS = (
    (re.compile(r"\b(who|what|where|when|how|it|that|there|here|which)'s\b"), r"\1 is"),
    (re.compile(r"\b(who|what|where|when|how)s\b"), r"\1 is"),  # typed without the apostrophe: "whats it about"
    (re.compile(r"\b(is|was|does|did|do|has|have|are|were|can|could|would|should)n't\b"), r"\1 not"),
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'d\b"), " did"),
)

# Words that may surround a title in a question but are never all of it: question words, auxiliaries,
# prepositions, pronouns, politeness. Only stripped from the ends of what is left, so "Children of
# Heaven" keeps its "of".
_FILLER_GROUPS = (
    "a an the and or but of in on at for from to by with about as into than",
    "who whom whose what which where when why how whats",
    "is are was were be been being am do does did done has have had having can could would should will shall may might",
    "it its this that these those there here they them their he she his her him we us our you your i me my",
    "film films movie movies flick",
    "tell give know let say think please hey hi hello bot ok okay so just also again really actually anyway",
    "then now exactly quick question guys folks any anything something thing some s t",
)
FILLER = frozenset(word for group in _FILLER_GROUPS for word in group.split())
PRONOUNS = frozenset({"it", "this", "that", "its", "this film", "this movie", "the film", "the movie", "that film"})


_NON_WORD = re.compile(r"[^\w\s]")


def fold(text: str) -> str:
    """Fold a name or title exactly as ``normalize`` does, faster for plain ASCII (most names).

    Args:
        text: any text.

    Returns:
        The same string ``core.library.model.normalize`` returns: ASCII needs no accent folding,
        which is where ``normalize`` spends its time (a character at a time).

    """
    if text.isascii():
        return " ".join(_NON_WORD.sub(" ", text.casefold()).split())
    return normalize(text)


def fold_question(question: str) -> str:
    """Fold a question for matching: contractions spelled out, then case, accents and punctuation folded.

    Args:
        question: what the member typed.

    Returns:
        Lower-case words separated by single spaces (``who's in it?`` → ``who is in it``).

    """
    text = question.translate(_APOSTROPHES).casefold()
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return fold(text)


def strip_filler(words: list[str]) -> list[str]:
    """Take filler off both ends of the words (never from the middle: titles hold "of", "the")."""
    start, end = 0, len(words)
    while start < end and words[start] in FILLER:
        start += 1
    while end > start and (words[end - 1] in FILLER or _pointing_one(words, end - 1)):
        end -= 1
    return words[start:end]


def _pointing_one(words: list[str], i: int) -> bool:
    """``one`` in "that one", "this one": a pronoun ("Ra One" keeps its "one")."""
    return words[i] == "one" and i > 0 and words[i - 1] in {"that", "this", "the"}


def spans(words: list[str], min_words: int = 1) -> list[str]:
    """Every run of consecutive words, longest first (for finding a title inside a longer phrase)."""
    found = []
    for size in range(len(words), min_words - 1, -1):
        for start in range(len(words) - size + 1):
            found.append(" ".join(words[start : start + size]))
    return found
