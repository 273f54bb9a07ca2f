"""How a sentence names a place: the cues a setting answer and a "where" plot question look for.

No gazetteer: a place is a capitalised name after a preposition of place ("in Tehran", "to Sun City"),
a capitalised name ending in a place noun ("Gotham City", "Nippon Farm"), or a place noun after an
article ("on a private island", "at the slum", "around the world").
"""

from __future__ import annotations

import re

from core.answers.intents import LANGUAGES

_PLACE_NOUNS = (
    "city town village hamlet island islands farm ranch country countryside kingdom empire state county province",
    "district region neighborhood neighbourhood suburb suburbs street slum slums colony planet world galaxy jungle",
    "forest desert mountains mountain valley lake river coast beach sea ocean bay harbor harbour port estate mansion",
    "manor palace castle house cottage cabin hotel camp base school college university hospital prison jail station",
    "ship boat train plane spaceship apartment capital metropolis outback bayou swamp",
)
PLACE_NOUNS = tuple(word for group in _PLACE_NOUNS for word in group.split())
_NOUNS = "|".join(PLACE_NOUNS)
_WHERE = r"in|to|at|on|into|across|around|near|throughout|within|inside|towards?|over|aboard"
_PREPOSITION = rf"(?:{_WHERE}|from)"
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'’.-]*)*"
# "in Tehran", "to Sun City, South Africa", "in the Bronx": a capitalised name after a preposition of place.
_NAMED_PLACE = re.compile(rf"\b{_PREPOSITION}\s+(?:the\s+)?(?P<place>{_NAME})")
# The same, only where someone is or goes: "from Hong Kong" tells where a character comes from, not the story's place.
_NAMED_WHERE = re.compile(rf"\b(?:{_WHERE})\s+(?:the\s+)?(?P<place>{_NAME})")
# "Gotham City", "Nippon Farm": a name that is a place by its last word.
_PLACE_NAME = re.compile(rf"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+(?:{_NOUNS.title()})\b")
# "on a private island", "at the slum", "around the world", "in a small village".
_PHRASE = r"\s+(?:(?i:a|an|the|his|her|their|its)|[A-Z][\w'’.-]*'s?)\s+(?:[\w'-]+\s+){0,3}?" rf"(?i:{_NOUNS})\b"
_PLACE_PHRASE = re.compile(rf"\b(?i:{_PREPOSITION}){_PHRASE}")
_WHERE_PHRASE = re.compile(rf"\b(?i:{_WHERE}){_PHRASE}")
# Words of a capitalised name that only open a sentence or a title ("The", "As"), never a place, and languages
# ("in Hindi Ravan").
_NOT_PLACES = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that", "as", "when", "after"}) | set(
    LANGUAGES
)


def place_score(sentence: str, people: frozenset[str] = frozenset(), origins: bool = True) -> int:
    """How clearly a sentence names a place (0: not at all): a named place counts twice, a place noun once.

    Args:
        sentence: a sentence of the article.
        people: folded words of the film's characters' names ("married to Parvathi" names no place).
        origins: whether a place after "from" counts (it does for "where does she come from", not for a setting).

    """
    named = 0
    for match in (_NAMED_PLACE if origins else _NAMED_WHERE).finditer(sentence):
        first = match.group("place").split()[0].lower()
        named += first not in _NOT_PLACES and first.rstrip("'’s") not in people and first not in people
    phrases = (_PLACE_PHRASE if origins else _WHERE_PHRASE).findall(sentence)
    return 2 * (named + len(_PLACE_NAME.findall(sentence))) + len(phrases)
