"""Sentences worth quoting after the film, picked from an article's production, reception and themes passages.

Which passages are which is read from their heading path (any depth: "Production › Filming",
"Release › Critical reception", "Themes and analysis"), as Wikipedia film articles in general name them. A
quoted sentence must stand on its own: a whole sentence that starts with a capital and not a pronoun, with
its quotation marks closed, long enough to say something and short enough to read in a chat message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from core.documents.beats import split_sentences
from core.library.model import Passage

MIN_WORDS, MAX_WORDS = 8, 60
MAX_PRODUCTION_QUOTES = 2
MAX_CRITIC_QUOTES = 2


class Aspect(StrEnum):
    """What part of the making a sentence is about, in the order a club would talk about them."""

    DEVELOPMENT = "development"
    CASTING = "casting"
    FILMING = "filming"
    EFFECTS = "effects"
    MUSIC = "music"


# Heading words (and, under a bare "Production" heading, sentence words) for each aspect.
_ASPECT_WORDS = {
    Aspect.CASTING: r"cast\w*|auditio\w*",
    Aspect.FILMING: r"film(?:ing|ed)|shoot\w*|shot|photography|locations?|cinematograph\w*|set in|on location",
    Aspect.EFFECTS: r"effects?|visual|animat\w*|cgi|make-?up|prosthetic\w*|stunts?",
    Aspect.MUSIC: r"music\w*|soundtrack|score[ds]?|songs?|compos\w*",
    Aspect.DEVELOPMENT: r"develop\w*|writ\w*|script\w*|screenplay|pre-production|conception|origins?|funding|design",
}


def _any_word(words: str, *, start: bool = False) -> re.Pattern[str]:
    """A pattern finding any of ``words`` (alternatives) as whole words, case aside; ``start``: only at the start."""
    return re.compile(rf"{'^' if start else ''}\b(?:{words})\b", re.IGNORECASE)


_ASPECT_PATTERNS = {a: _any_word(w) for a, w in _ASPECT_WORDS.items()}
# Headings of the making (a heading "Cast" is the cast list, not how it was cast).
_PRODUCTION = _any_word(
    "production|development|casting|filming|shooting|photography|effects|music|soundtrack|score|writing|"
    "screenplay|design|locations?|funding|background"
)
_RECEPTION = _any_word(r"reception|critic\w*|response|reviews?|reaction")
_CRITICS_HEADING = _any_word(r"critic\w*|reviews?|response")
_NOT_CRITICS = _any_word(r"box office|home (?:video|media)|gross\w*|commercial|sales|ratings?")
_THEMES = _any_word(r"themes?|thematic|analysis|interpretations?|symbol\w*|motifs?|allegor\w*|subtext")
# Words that say a sentence reports what a critic thought.
_CRITIC_CUES = _any_word(
    r"wrote|writes|said|says|called|calls|praised|praising|critici[sz]ed|described|describing|reviews?|"
    r"reviewed|critics?|critical|felt|noted|remarked|concluded|lauded|panned|hailed|stars? out of|out of (?:four|"
    r"five|ten)|approval rating|consensus|acclaim\w*|verdict"
)
# A critic speaking in their own words ("Variety called it ...").
_SAYS = _any_word("wrote|writes|said|says|called|calls|described|describing|felt|noted|remarked|concluded|gave|claimed")
# Sentences reporting a site's average are scores, which the discussion shows from the library's facts.
_AGGREGATORS = _any_word(r"rotten tomatoes|metacritic|cinemascore|imdb|aggregat\w*|weighted")
_THEME_CUES = _any_word(r"themes?|symboli[sz]\w*|represents?|explores?|metaphor|allegory|motif")
# A sentence opening with these leans on the one before it.
_LEANS_BACK = _any_word(
    "he|she|it|they|this|these|those|that|his|her|its|their|him|them|however|but|also|and|so|then|there|"
    "meanwhile|instead|later|still|yet|both|likewise|similarly|additionally|furthermore|moreover|"
    "the (?:same|critic|review|reviewer|report|site|website|film's|latter|former)",
    start=True,
)
_OPEN_QUOTE = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class Quote:
    """A sentence of the article to quote, with the heading it sits under and its source's label."""

    text: str
    section: tuple[str, ...]
    source: str
    aspect: Aspect | None = None

    @property
    def citation(self) -> str:
        """``Wikipedia: Batman, Production › Casting``."""
        return f"{self.source}, {' › '.join(self.section)}" if self.section else self.source

    def quoted(self) -> str:
        """The sentence in quotation marks with its citation."""
        return f"“{self.text}” ({self.citation})"


def production_quotes(passages: Iterable[Passage]) -> list[Quote]:
    """One or two sentences about how the film was made, each on a different aspect, in the aspects' order."""
    best: dict[Aspect, tuple[int, Quote]] = {}
    for passage in passages:
        if not is_production(passage):
            continue
        for sentence in standalone(passage.text):
            aspect = _aspect(passage.section, sentence)
            rank = _fact_rank(sentence)
            if aspect not in best or rank > best[aspect][0]:
                best[aspect] = (rank, _quote(passage, sentence, aspect))
    ordered = [best[a][1] for a in Aspect if a in best]
    return ordered[:MAX_PRODUCTION_QUOTES]


def is_production(passage: Passage) -> bool:
    """Whether a passage sits under a heading about the making (development, casting, filming, effects, music)."""
    return any(_PRODUCTION.search(h) for h in passage.section)


def critic_quotes(passages: Iterable[Passage]) -> list[Quote]:
    """Up to two sentences telling what critics thought: a critic's own words first, a site's average last."""
    found: list[tuple[int, int, Quote]] = []
    for order, passage in enumerate(passages):
        headings = " ".join(passage.section)
        if not _RECEPTION.search(headings) or _NOT_CRITICS.search(headings):
            continue
        for sentence in standalone(passage.text):
            if _CRITIC_CUES.search(sentence):
                says = bool(_SAYS.search(sentence)) + bool(_OPEN_QUOTE.search(sentence))
                critics_heading = 2 * bool(_CRITICS_HEADING.search(passage.section[-1]))
                rank = 0 if _AGGREGATORS.search(sentence) else 1 + says + critics_heading
                found.append((-rank, order, _quote(passage, sentence)))
    found.sort(key=lambda item: (item[0], item[1]))
    return [q for _, _, q in found[:MAX_CRITIC_QUOTES]]


def theme_quote(passages: Iterable[Passage]) -> Quote | None:
    """The sentence of a themes or analysis section that names a theme best, else its first whole one."""
    candidates = [
        _quote(p, s) for p in passages if any(_THEMES.search(h) for h in p.section) for s in standalone(p.text)
    ]
    return next((q for q in candidates if _THEME_CUES.search(q.text)), candidates[0] if candidates else None)


def _quote(passage: Passage, sentence: str, aspect: Aspect | None = None) -> Quote:
    return Quote(sentence, passage.section, passage.source.label, aspect)


def standalone(text: str) -> list[str]:
    """The sentences of a passage a reader understands without the one before; a long one cut at a word, with "…"."""
    kept = []
    for sentence in split_sentences(text):
        words = sentence.split()
        if len(words) < MIN_WORDS or not sentence[0].isupper() or _LEANS_BACK.match(sentence):
            continue
        if sentence.count("(") != sentence.count(")"):
            continue
        opens_quote = _opens_unclosed_quote(sentence)  # a review quoted over two paragraphs: cut, with "…"
        if opens_quote is None or (not opens_quote and sentence.rstrip("\"”'’)")[-1:] not in {".", "!", "?"}):
            continue
        if len(words) > MAX_WORDS or opens_quote:
            sentence = " ".join(words[:MAX_WORDS]).rstrip(",;:") + "…"
        kept.append(sentence)
    return kept


def _opens_unclosed_quote(sentence: str) -> bool | None:
    """False: its quotation marks are closed; True: it opens a quotation it does not close; None: it closes one."""
    marks = list(_OPEN_QUOTE.finditer(sentence))
    if len(marks) % 2 == 0:
        return False
    last = marks[-1].start()
    return True if last == 0 or sentence[last - 1] in " (:" else None


def _aspect(section: tuple[str, ...], sentence: str) -> Aspect:
    """The aspect a heading names (its deepest heading first), else the sentence's words, else development."""
    for text in [*reversed(section), sentence]:
        for aspect, pattern in _ASPECT_PATTERNS.items():
            if pattern.search(text):
                return aspect
    return Aspect.DEVELOPMENT


def _fact_rank(sentence: str) -> int:
    """Prefer sentences holding a checkable fact: a number or a date, and a name."""
    has_number = bool(re.search(r"\d", sentence))
    has_name = bool(re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+", sentence[1:]))
    return 2 * has_number + has_name
