"""Where a question names its film: the longest title or alias anywhere in it, found before the intent.

Finding the film first keeps a title's words from being read as the question's ("Final Destination",
"Cast Away", "The Music Man"), and the intent is then read from the words that are left. A run of
words is not taken for a title when it is only the question's own keywords ("budget", "music"), or
when it sits in the person or character asked about ("who plays the father") without a word such as
"in" before it ("who plays Zahra in Children of Heaven"). Words that qualify the question after a
title ("in the English version", "originally", "himself") are never part of it: only names are
looked up, so they are left over for the intent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.answers.intents import Topic, parse_question
from core.answers.phrasing import FILLER, fold
from core.answers.titles import NameMatch, TitleIndex, TitleSpan

# Words that part a subject from a title: "who plays Zahra in Children of Heaven".
SEPARATORS = frozenset({"in", "from", "on", "for", "of", "about"})
MIN_SUBJECT_TITLE_WORDS = 2
# Questions whose subject is a role or a person: a title inside it is the role's name ("who plays the father").
ROLE_INTENTS = frozenset({Topic.PLAYED_BY, Topic.ROLE_OF, Topic.WHO_IS})
_WORD = re.compile(r"\w+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


@dataclass(frozen=True)
class NamedFilm:
    """The film a question names, and the question without its title (for the intent)."""

    span: TitleSpan
    rest: str


def find_named_film(titles: TitleIndex, question: str) -> NamedFilm | None:
    """Find the film a question names, if it names one exactly (by a title, alias, loose name or part).

    Args:
        titles: the title index.
        question: the member's words.

    Returns:
        The best run naming a film and the question with that run taken out; None when no run of
        the question is a name (then a misspelled title is looked for among the intent's leftovers).

    """
    text = question.translate(_APOSTROPHES)
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    words = [t[2] for t in tokens]
    spans = titles.find_in(words)
    if not spans:
        return None
    whole = parse_question(question)
    for span in spans:
        if _plausible(span, words, whole.keywords, whole.subject, whole.intent in ROLE_INTENTS):
            cut_from, cut_to = tokens[span.start][0], tokens[span.end - 1][1]
            return NamedFilm(span, f"{text[:cut_from]} {text[cut_to:]}")
    return None


def _plausible(span: TitleSpan, words: list[str], keywords: frozenset[str], subject: str, of_role: bool) -> bool:
    """Whether a run naming a film is where the question names its film (not its keywords or its subject)."""
    phrase = words[span.start : span.end]
    content = [w for w in phrase if w not in FILLER]
    if content and all(w in keywords for w in content):
        return False
    inside_subject = f" {' '.join(phrase)} " in f" {subject} "
    after_separator = span.start > 0 and words[span.start - 1] in SEPARATORS
    possessive = span.end < len(words) and words[span.end] == "s"  # "who is azhagarsamy's mother"
    # a film's own title of several words is its title even inside a subject that names no role ("was kalavaadiya
    # pozhuthugal shot in the us"); "who plays the dark knight" asks for a role
    whole_title = (
        not of_role and span.is_title and span.match is NameMatch.EXACT and len(content) >= MIN_SUBJECT_TITLE_WORDS
    )
    return not inside_subject or after_separator or possessive or whole_title
