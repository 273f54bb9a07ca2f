"""What a question asks: a table of intents, each with the phrases that signal it.

A rule is one or more patterns that must all match the folded question; its strength is its tier
(2 for a phrase that names a fact, 1 for a weak hint like a bare "when") and then how much of the
question it covers, so "director of photography" beats "director" and "how much did it cost" beats
"how much did it make" only by the table's order. A pattern may capture a ``subject`` (the
character in "who plays Zahra", the language in "is it in English"). The words no pattern of the
winning intent covered are left for the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from core.answers.phrasing import fold_question
from core.library.model import FieldName


class Topic(StrEnum):
    """What a question may ask beyond one stored fact field: told from the cast list, the plot or the article."""

    PLOT = "plot"
    PLAYED_BY = "played_by"
    ROLE_OF = "role_of"
    IN_CAST = "in_cast"
    WHO_IS = "who_is"
    TITLE_MEANING = "title_meaning"
    OTHER_TITLES = "other_titles"
    SETTING = "setting"
    FILMING = "filming"
    SONGS = "songs"


# A question asks for one stored fact field (the director, the budget) or for a topic.
Intent = FieldName | Topic


LANGUAGES = tuple(
    " ".join(
        (
            "english hindi persian farsi tamil telugu malayalam kannada bengali marathi punjabi urdu gujarati",
            "japanese chinese mandarin cantonese korean french german italian spanish portuguese russian arabic",
            "turkish hebrew greek dutch swedish danish norwegian finnish polish czech hungarian romanian thai",
            "vietnamese indonesian tagalog swahili latin",
        )
    ).split()
)


DEMONYMS = {
    "american": "united states",
    "british": "united kingdom",
    "indian": "india",
    "iranian": "iran",
    "japanese": "japan",
    "chinese": "china",
    "french": "france",
    "german": "germany",
    "italian": "italy",
    "spanish": "spain",
    "korean": "south korea",
    "south korean": "south korea",
    "canadian": "canada",
    "australian": "australia",
    "mexican": "mexico",
    "russian": "russia",
    "irish": "ireland",
    "swedish": "sweden",
    "danish": "denmark",
    "brazilian": "brazil",
    "hong kong": "hong kong",
    "turkish": "turkey",
    "egyptian": "egypt",
    "nigerian": "nigeria",
    "argentine": "argentina",
    "tamil": "india",
    "bollywood": "india",
    "hollywood": "united states",
}
_LANGS = "|".join(LANGUAGES)
_DEMONYMS = "|".join(sorted(DEMONYMS, key=len, reverse=True))
_PEOPLE_CHECK = r"^(?:did|does|was|is|has) (?P<subject>.+?) (?:{verbs})"


@dataclass(frozen=True)
class Rule:
    """Patterns that together signal an intent."""

    intent: Intent
    patterns: tuple[re.Pattern[str], ...]
    tier: int = 2
    subject: str = ""  # implied by the phrase itself ("who narrates it" asks who plays the narrator)


def _rules(intent: Intent, *phrases: str | tuple[str, ...], tier: int = 2, subject: str = "") -> list[Rule]:
    """Make one rule per phrase; a tuple is several patterns that must all match (anywhere, in any order)."""
    found = []
    for phrase in phrases:
        parts = phrase if isinstance(phrase, tuple) else (phrase,)
        found.append(Rule(intent, tuple(re.compile(rf"\b(?:{p})\b") for p in parts), tier, subject))
    return found


F, T = FieldName, Topic  # short: the table below names one on every line
# Order breaks ties: a budget question ("how much did it cost to make") comes before a gross one.
RULES: tuple[Rule, ...] = (
    *_rules(F.CINEMATOGRAPHY, r"cinematograph(?:er|ers|y)", r"director of photography", r"dop", r"camera ?work"),
    *_rules(F.CINEMATOGRAPHY, r"who (?:shot|photographed|lensed)", r"camera ?(?:man|men|person|operator)"),
    *_rules(
        F.DIRECTOR, r"direct(?:ed|or|ors|s|ing)?", r"who made", r"film ?maker", r"helm(?:ed|s)?", r"who was behind"
    ),
    *_rules(
        F.DIRECTOR,
        _PEOPLE_CHECK.format(verbs="direct|directed"),
        (r"^(?:is|was)", r"directed by (?P<subject>.+)"),
    ),
    *_rules(F.MUSIC, r"who (?:wrote|did|composed|made|scored|created) the (?:music|score|soundtrack|songs)"),
    *_rules(T.SONGS, r"lyric(?:s|ist|ists)", r"who sang", r"sung by", r"playback", r"singers?", r"song", tier=3),
    *_rules(F.MUSIC, r"music direct(?:or|ors|ion|ed)", r"who (?:directed|did) the music"),
    *_rules(F.MUSIC, r"compos(?:er|ers|ed)", r"music(?:al score)?", r"soundtrack", r"scored", r"film score", r"songs"),
    *_rules(F.WRITER, r"wr(?:ote|iter|iters|itten|ites)", r"screen ?(?:play|plays|writer|writers)", r"script(?:s|ed)?"),
    *_rules(
        F.WRITER,
        r"who penned",
        _PEOPLE_CHECK.format(verbs="write|wrote"),
        (r"^(?:is|was)", r"written by (?P<subject>.+)"),
    ),
    *_rules(F.PRODUCER, r"produc(?:ed|er|ers|es|ing)", r"who (?:financed|funded|backed)"),
    *_rules(F.EDITING, r"edit(?:ed|or|ors|ing)", r"who cut"),
    *_rules(F.STUDIO, r"studios?(?: (?:made|produced|behind))?", r"production (?:company|companies|house|studio)"),
    *_rules(F.STUDIO, r"banner"),
    *_rules(F.DISTRIBUTOR, r"distribut(?:ed|or|ors|ion|es)", r"who released"),
    *_rules(F.BASED_ON, r"based on", r"adapt(?:ed|ation) (?:of|from)", r"adaptation", r"source material"),
    *_rules(F.BASED_ON, r"original (?:story|book|novel|comic)", r"inspired by"),
    *_rules(F.RELEASED, r"release(?:d|s)?", r"release dates?", r"what year", r"which year", r"how old"),
    *_rules(F.RELEASED, r"c(?:o|a)me out", r"premiere(?:d|s)?", r"debut(?:ed|s)?", r"how long ago"),
    *_rules(F.RELEASED, r"(?:in|hit) (?:theaters|theatres|cinemas)", r"out in"),
    *_rules(F.RELEASED, r"when", r"year", r"dates?", tier=1),
    *_rules(F.RUNTIME, r"how long", r"run ?time", r"running time", r"length", r"duration", r"runs? for"),
    *_rules(F.RUNTIME, r"how many (?:minutes|hours)", r"minutes", r"hours?", r"how short"),
    *_rules(
        F.COUNTRY,
        r"countr(?:y|ies)(?: (?:made|produced|is it from|did it come from))?",
        r"nationality",
        r"which nation",
        (r"where", r"made|produced|from|based"),
    ),
    *_rules(F.COUNTRY, r"(?:made|produced) in (?P<subject>[a-z][a-z ]*)", r"(?:from|out of) (?P<subject>usa|us|uk)"),
    *_rules(F.COUNTRY, rf"(?:a|an) (?P<subject>{_DEMONYMS}) (?:film|movie|production|picture)"),
    *_rules(F.LANGUAGE, r"languages?", r"spoken", r"what (?:do|did) they speak", r"subtitle[sd]?", r"dubbed"),
    *_rules(F.LANGUAGE, rf"in (?P<subject>{_LANGS})", rf"(?P<subject>{_LANGS})(?: language| speaking| spoken)"),
    *_rules(F.BUDGET, r"budget", r"costs?", r"cost to make", r"production costs?", r"how expensive"),
    *_rules(F.BUDGET, (r"how much", r"cost|costs|spent|spend|to make it"), r"spent on"),
    *_rules(F.GROSS, r"box ?office", r"gross(?:ed|es)?", r"earn(?:ed|ings|s)?", r"revenue", r"takings"),
    *_rules(
        F.GROSS,
        (r"how much", r"make|made|makes|take|took|bring in|brought in|rake in|raked in"),
        r"how much money",
    ),
    *_rules(F.GROSS, r"(?:a )?(?:hit|flop|commercial success|blockbuster|success)", r"how (?:well|much) did", tier=1),
    *_rules(F.END_CREDITS, r"(?:end|post|mid|after)[ -]?credits?(?: scenes?| sequences?| stingers?)?"),
    *_rules(F.END_CREDITS, r"(?:anything )?after the (?:end )?credits", r"(?:during|through) the credits"),
    *_rules(F.END_CREDITS, r"stay (?:for|through|after) the credits", r"stingers?", r"credits? scenes?"),
    *_rules(F.SCORE, r"critics?", r"reviews?", r"reviewed", r"ratings?", r"rated", r"metascore", r"metacritic"),
    *_rules(F.SCORE, r"rotten tomatoes", r"tomatometer", r"audience score", r"user score", r"well received"),
    *_rules(
        F.SCORE, r"(?:was|were) (?:it |the (?:film|movie) )?received", r"how (?:was|is) (?:it )?(?:received|rated)"
    ),
    *_rules(F.SCORE, r"reception", r"any good", r"worth (?:watching|seeing)", r"acclaimed", r"imdb"),
    *_rules(F.SCORE, r"what (?:did|do) (?:the )?(?:critics|reviewers|people|audiences) (?:think|say)(?: of| about)?"),
    *_rules(F.SCORE, r"how (?:good|bad|well liked|popular) is", r"scores?", tier=1),
    *_rules(F.GENRE, r"genres?", r"what (?:kind|type|sort) of (?:film|movie)"),
    *_rules(F.AWARD, r"(?:win|won|get|got) (?:any )?(?:awards?|oscars?|prizes?)", r"awards?", r"oscars?"),
    *_rules(F.AWARD, r"nominat(?:ed|ion|ions)", r"accolades", r"academy awards?"),
    *_rules(F.AWARD, r"win anything|won anything", r"prizes?", tier=1),
    *_rules(
        T.TITLE_MEANING,
        r"what (?:does|do|did) (?:the )?(?:title |name |word |it |that |this )?mean",
        r"meaning",
        (r"^what (?:does|do|did)", r"mean$|mean(?= in\b)|stands? for"),
        r"stands? for",
        r"short for",
        r"(?:acronym|abbreviation) (?:for|of)",
        r"translat(?:e|es|ed|ion|ions)(?: to| as| into)?",
        r"(?:title|name) (?:refers?|comes?) (?:to|from)",
        tier=3,
    ),
    *_rules(
        T.OTHER_TITLES,
        rf"(?:called|titled|named|known|released) (?:in|as in) (?P<subject>{_LANGS})",
        r"(?:called|titled|named|known|released as) in (?:the )?(?P<subject>[a-z]+(?: [a-z]+)?)$",
        rf"(?P<subject>{_LANGS}) (?:title|name|version)",
        r"(?:called|titled|named|known) (?:in|as) (?:other|different) (?:countries|languages)",
        r"also (?:known|called|titled|released) as",
        r"what else (?:is|was) (?:it )?(?:called|known as|titled|named)",
        r"(?:called|known as|titled|named) anything else",
        r"aka",
        r"(?:other|alternat(?:e|ive)|different|english|us|uk|international|working|native|original) (?:titles?|names?)",
        r"original(?:ly)? (?:called|titled|named|known as|released as)",
        r"(?:re ?issued|re ?released|retitled|renamed) as",
        r"(?:re ?issue|re ?release|alternative|alternate) (?:titles?|names?)",
        r"what (?:was|is) (?:it|the film|the movie) (?:first |originally )?(?:called|titled|named)",
        rf"^what (?:is|was) (?:it |the title )?in (?P<subject>{_LANGS})$",
        tier=3,
    ),
    *_rules(
        T.SETTING,
        r"setting",
        r"(?:takes?|took|taking) place",
        r"(?:where|when) (?:is|was|does|did) (?:it |the (?:film|movie|story) )?(?:set|happen)",
        r"(?:is|was) (?:it |the (?:film|movie|story) )?set (?:in|during|on|at)",
        r"set (?:in|during)",
        r"(?:what|which) (?:city|country|town|place|year|era|period|time) is it set",
    ),
    *_rules(
        T.FILMING,
        r"film(?:ed|ing)(?: locations?)?",
        r"shooting(?: locations?)?",
        r"principal photography",
        r"(?:was|were) (?:it |they )?shot",
        r"where (?:was|were|did) (?:it |they )?(?:shot|shoot|film)",
        r"locations?",
    ),
    *_rules(F.SUMMARY, r"tell me about", r"summary", r"synopsis", r"premise", r"overview", r"logline"),
    *_rules(F.SUMMARY, (r"what", r"about"), r"what is it", r"^what (?:is|was|are)$", tier=1),
    *_rules(
        T.PLOT, r"plot", r"what happens", r"how (?:does|did) (?:it |the film |the movie )?end", r"ending", r"spoilers?"
    ),
    *_rules(T.PLOT, r"story", tier=1),
    *_rules(F.CAST, r"cast", r"who (?:is|are|was|were) in", r"who stars?", r"who starred", r"starring", r"stars"),
    *_rules(F.CAST, r"actors?", r"actress(?:es)?", r"who acted", r"who appear(?:s|ed)?", r"leads?"),
    *_rules(F.CAST, r"main (?:actors|characters|cast|roles)", r"characters", r"who (?:is|are|was|were) starring"),
    *_rules(
        T.PLAYED_BY,
        r"who (?:plays|played|portrays|portrayed|voices|voiced|is playing|was playing|acts as|acted as|"
        r"plays the role of|played the role of|plays the part of|played the part of) (?P<subject>.+)",
        r"who is the (?:actor|actress) (?:playing|who plays|for|behind) (?P<subject>.+)",
        r"(?:actor|actress) (?:for|of|behind|who played|who plays) (?P<subject>.+)",
        r"(?P<subject>.+?) (?:is|was) (?:played|portrayed|voiced) by(?: who| whom)?",
    ),
    *_rules(
        T.PLAYED_BY,
        r"who (?:narrates|narrated|is the narrator|was the narrator|voices the narrator)",
        subject="narrator",
    ),
    *_rules(
        T.ROLE_OF,
        r"(?:who|what|which (?:character|role|part)) (?:does|did|is) (?P<subject>.+?) play(?:ing)?",
        r"what (?:role|part|character) (?:does|did|is|was) (?P<subject>.+?) (?:play|playing|have|in)",
        r"(?P<subject>.+?) plays? (?:who|what role|which character)",
        r"who (?:is|was) (?P<subject>.+?) (?:playing|in the film|in the movie)",
    ),
    *_rules(
        T.IN_CAST,
        r"^(?:is|was|does|did) (?P<subject>(?!it |this |that |there ).+?) (?:appear |act |star |play )?in",
        tier=1,
    ),
    *_rules(T.WHO_IS, r"who (?:is|was|are|were) (?P<subject>.+)", r"tell me about (?P<subject>.+)", tier=1),
)


@dataclass
class Question:
    """A question taken apart: what it asks, about whom or what, and the words left for the title."""

    text: str
    intent: Intent | None = None
    subject: str = ""
    rest: list[str] = field(default_factory=list)
    keywords: frozenset[str] = frozenset()  # the words the intent's phrases matched (never a title by themselves)


def _score(rule: Rule, text: str) -> tuple[int, list[re.Match[str]]] | None:
    matches = []
    for pattern in rule.patterns:
        match = pattern.search(text)
        if match is None:
            return None
        matches.append(match)
    return sum(m.end() - m.start() for m in matches), matches


def parse_question(question: str) -> Question:
    """Take a question apart.

    Args:
        question: the member's words, e.g. ``who plays Zahra in Children of Heaven?``.

    Returns:
        The intent (None when no rule matched), the subject it captured (folded), and the words
        no pattern of the chosen intent covered (where a title may be).

    """
    text = fold_question(question)
    scored: list[tuple[Rule, int, list[re.Match[str]]]] = []
    best: tuple[int, int] | None = None
    winner: Rule | None = None
    for rule in RULES:
        result = _score(rule, text)
        if result is None:
            continue
        scored.append((rule, *result))
        strength = (rule.tier, result[0])
        if best is None or strength > best:
            best, winner = strength, rule
    if winner is None:
        return Question(text=text, rest=text.split())
    covered: list[tuple[int, int]] = []
    subject = ""
    subject_span: tuple[int, int] | None = None
    for rule, _, matches in scored:
        if rule.intent is not winner.intent:
            continue
        for match in matches:
            if "subject" in match.re.groupindex and match.group("subject") is not None:
                if rule is not winner or subject_span is not None:
                    continue
                subject_span = match.span("subject")
                subject = match.group("subject").strip()
                covered += [(match.start(), subject_span[0]), (subject_span[1], match.end())]
            else:
                covered.append(match.span())
    keywords = frozenset(w for start, end in covered for w in text[start:end].split())
    if subject_span is not None:
        covered.append(subject_span)
    subject = subject or winner.subject
    rest = _uncovered(text, covered)
    return Question(text=text, intent=winner.intent, subject=subject, rest=rest, keywords=keywords)


def _uncovered(text: str, covered: list[tuple[int, int]]) -> list[str]:
    """Words of ``text`` outside every covered span."""
    keep = [True] * len(text)
    for start, end in covered:
        for i in range(start, end):
            keep[i] = False
    return "".join(c if k else " " for c, k in zip(text, keep, strict=True)).split()
