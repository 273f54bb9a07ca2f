"""Aspects of a film's making and life that only its sentences tell: how long it was shot, where it premiered.

A question can hold a fixed intent's words and still ask about something else: "how long did they shoot it"
is not its runtime, "where did the idea come from" not its country, "when did it come out on DVD" not its
release date. Each aspect names the words of a question that point to it, the words a sentence telling it
holds, and the headings of the sections where articles tell it. When an aspect is asked, it answers from the
article's sentences before any fixed intent: the best sentences (telling words, the question's own words,
the right section), quoted and cited by section. Some aspects defer to a fact when the library holds it
(critics' scores, awards) or fall back to one when no sentence tells it (a premiere's date, the gross).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from core.answers.intents import Intent, Topic
from core.answers.passages import citation, content_terms, in_plot, plot_part, stem
from core.answers.phrasing import fold
from core.documents.beats import split_sentences
from core.library.model import FieldName, Film, Passage
from core.responses import Response, SpoilerPart, TextPart

if TYPE_CHECKING:
    from core.library.store import FilmLibrary

MAKING_WORDS = frozenset({"making", "makes"})  # "were animals hurt making it": how it was made, not a topic
MIN_SPELT = 5  # a shorter word is too easily like a name
SPELT_ALIKE = 0.85
_YEAR = re.compile(r"\b(?:18|19|20)\d\d\b")
# Words members use for what articles name otherwise (stems, see ``passages.stem``).
SAME_THING = {"oscar": "academy", "tv": "television", "shoot": "shot", "hit": "success"}
_NUMBER = r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|\w+-\w+)"
_MONTH = r"january|february|march|april|may|june|july|august|september|october|november|december"


def _words(*alternatives: str) -> re.Pattern[str]:
    """One pattern matching any of the alternatives as whole words, case-blind."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Aspect:
    """Something a question may ask that no infobox field holds, and how an article tells it.

    ``asks`` is matched against the folded question; ``tells`` (all of them) against a sentence;
    ``sections`` against the folded headings of a passage's path (None: any section). ``yields``: intents that keep the
    question (their words are the better reading); ``defers``: intents whose fact, when held, answers
    first; ``falls_back``: intents whose fact answers when no sentence tells the aspect.
    """

    what: str  # as "the article doesn't say <what>" reads
    asks: tuple[re.Pattern[str], ...]
    tells: tuple[re.Pattern[str], ...]
    sections: re.Pattern[str] | None  # None: told anywhere, no section of its own
    yields: frozenset[Intent] = frozenset()
    defers: frozenset[Intent] = frozenset()
    falls_back: frozenset[Intent] = frozenset()
    named: re.Pattern[str] | None = None  # a question word naming one thing (an Oscar) a telling sentence must hold
    dated: bool = False  # a sentence giving a year tells it better (a sequel, a DVD release)
    latest: bool = False  # of equally good sentences, the latest news is the answer (a sequel in the works)

    def names(self, words: list[str]) -> list[str]:
        """The stems of the question's words that name one thing the answer must name ("oscars" → ``oscar``)."""
        return content_terms([w for w in words if self.named is not None and self.named.fullmatch(w)])


_MAKING = r"production|filming|shooting|photography|development|making|background|pre-production|conception|writing"
ASPECTS: tuple[Aspect, ...] = (
    Aspect(
        "how long it took to make",
        (
            _words(r"how long did((?: \w+)*?) (?<!the )(?<!this )(?:film|shoot|take|make|spend)"),
            _words(r"how long (?:was|were|is) (?:the )?(?:shoot|filming|shooting|production|making|schedule)"),
            _words(r"(?:filming|shooting|production|shoot) (?:take|took|last|lasted)"),
        ),
        (
            re.compile(rf"\b{_NUMBER}(?: and a half)? (?:days?|weeks?|months?|years?|hours?)\b", re.I),
            _words(
                r"film(?:ed|ing)",
                r"shoot\w*",
                r"shot",
                r"making",
                r"made",
                r"production",
                r"photography",
                r"footage",
                r"wr(?:ote|itten|iting)",  # the script is made too: "they wrote it in about three weeks"
            ),
        ),
        re.compile(_MAKING),
    ),
    Aspect(
        "when it was filmed",
        (
            _words(r"when (?:was|were|did)((?: \w+)*?) (?:filmed|shot|filming|shooting|shoot|principal photography)"),
            _words(
                r"(?:start|begin|began|started|finish|finished|end|ended|wrap|wrapped)((?: \w+)?) (?:filming|shooting)"
            ),
            _words(r"(?:filming|shooting|production|principal photography) (?:start|begin|began|started|end|wrap)\w*"),
            _words(r"what (?:year|month) was((?: \w+)*?) (?:filmed|shot)"),
        ),
        (
            _words(r"film(?:ed|ing)", r"shoot(?:ing)?", r"shot", r"photography", r"production", r"wrapped"),
            re.compile(rf"\b(?:{_MONTH}|spring|summer|autumn|fall|winter)\b|\b(?:18|19|20)\d\d\b", re.I),
        ),
        re.compile(_MAKING),
    ),
    Aspect(
        "what it was shot on",
        (
            _words(r"(?:shot|filmed|recorded|made) (?:on|with|using)$"),
            _words(r"(?:shot|filmed) (?:on|with) (?!location)\w+"),
            _words(r"what (?:camera|cameras|format|film stock|stock|equipment)"),
        ),
        (
            _words(
                r"super ?8",
                r"\d+ ?mm",
                r"video(?:tape)?",
                r"digital(?:ly)?",
                r"cameras?",
                r"film stock",
                r"imax",
                r"format",
                r"technicolor",
                r"iphones?",
                r"high.definition",
                r"anamorphic",
                r"cinemascope",
                r"panavision",
            ),
        ),
        re.compile(_MAKING + r"|technical|camera"),
    ),
    Aspect(
        "where the idea came from",
        (
            _words(r"ideas?", r"concept", r"inspiration", r"inspire", r"conceived", r"come up with", r"came up with"),
            _words(r"origins?", r"genesis", r"what inspired", r"why did((?: \w+)*?) (?:make|made|create|do)$"),
        ),
        (
            _words(
                r"ideas?",
                r"inspir\w*",
                r"conceiv\w*",
                r"concept",
                r"came up with",
                r"based (?:on|upon)",
                r"after (?:having )?(?:read|reading|seeing|hearing|watching)",
                r"story (?:about|of)",
                r"originally (?:written|conceived|intended)",
                r"motivat\w*",
                r"wanted to",
                r"decided to",
            ),
        ),
        re.compile(_MAKING + r"|origin|inception|concept"),
        yields=frozenset({FieldName.BASED_ON}),
    ),
    Aspect(
        "why",
        (
            _words(
                r"^why (?:was|were|did|is|does|had)((?: \w+)*?) (?:shot|filmed|filming|shooting|made|make|making|"
                r"produced|delayed|postponed|shelved|banned|censored|cut|changed|recast|replaced|released|rushed|"
                r"hurry|cast|chosen|picked|overshadowed|cancelled|canceled)"
            ),
        ),
        (
            _words(
                r"because",
                r"due to",
                r"owing to",
                r"as a result",
                r"so it was",
                r"it was necessary",
                r"in order to",
                r"reasons?",
                r"meant that",
                r"led to",
                r"forced",
                r"caused",
                r"since",
                r"however",
            ),
        ),
        re.compile(_MAKING + r"|release|casting|premier"),
        yields=frozenset({Topic.TITLE_MEANING, Topic.OTHER_TITLES}),
    ),
    Aspect(
        "whether it is out yet",
        (
            _words(
                r"out yet", r"released yet", r"been released", r"is it out", r"coming out", r"upcoming", r"when will"
            ),
        ),
        (
            _words(
                r"upcoming",
                r"will be released",
                r"scheduled",
                r"slated",
                r"set to (?:be )?release",
                r"yet to",
                r"certificate",
                r"censor\w*",
                r"postpon\w*",
                r"expected",
            ),
        ),
        re.compile(r"release|marketing|distribution"),
        falls_back=frozenset({FieldName.RELEASED}),
    ),
    Aspect(
        "where it premiered",
        (_words(r"premier(?:e|ed|es|ing)?", r"which festivals?", r"what festivals?", r"first (?:shown|screened)"),),
        (_words(r"premier\w*", r"screened", r"festivals?", r"opened at", r"gala"),),
        re.compile(r"release|premier|festival|screening"),
        falls_back=frozenset({FieldName.RELEASED}),
        dated=True,
    ),
    Aspect(
        "when it came out on home media",
        (
            _words(r"dvds?", r"blu ?rays?", r"vhs", r"home (?:media|video|release|entertainment)", r"digital(?:ly)?"),
            _words(r"stream(?:ing|ed)?", r"netflix", r"on demand", r"vod", r"laserdisc", r"video release"),
        ),
        (
            _words(
                r"dvds?",
                r"blu-?rays?",
                r"vhs",
                r"home (?:media|video|release|entertainment)",
                r"digital(?:ly)?",
                r"stream\w*",
                r"netflix",
                r"on demand",
                r"laserdisc",
                r"direct-to-video",
                r"(?:on|to) video",
            ),
        ),
        re.compile(r"home|release|distribution|dvd|video"),
        dated=True,
    ),
    Aspect(
        "where it was shown on television",
        (_words(r"tv", r"television", r"broadcast\w*", r"aired", r"air", r"channels?", r"networks?", r"satellite"),),
        (_words(r"television", r"tv", r"broadcast\w*", r"aired", r"channel", r"network", r"satellite", r"cable"),),
        re.compile(r"television|broadcast|release|distribution|tv"),
        dated=True,
    ),
    Aspect(
        "anything about its marketing",
        (_words(r"teasers?", r"trailers?", r"posters?", r"first look", r"promo\w*", r"marketing", r"advertis\w*"),),
        (_words(r"teasers?", r"trailers?", r"posters?", r"first look", r"promo\w*", r"marketing", r"advertis\w*"),),
        re.compile(r"marketing|promotion|release|publicity"),
        dated=True,
    ),
    Aspect(
        "how it did at the box office",
        (
            _words(r"hit", r"flop", r"success", r"successful", r"blockbuster", r"bomb", r"failure", r"superhit"),
            _words(
                r"how (?:did|was)((?: \w+)*?) (?:do|perform|fare)$", r"how did((?: \w+)*?) do at", r"opening weekend"
            ),
        ),
        (
            _words(
                r"hit",
                r"superhit",
                r"super hit",
                r"blockbuster",
                r"flop\w*",
                r"success\w*",
                r"fail\w*",
                r"disaster",
                r"bomb\w*",
                r"box.office",
                r"commercial\w*",
                r"profit\w*",
                r"grosser",
                r"opening weekend",
                r"criticised",
                r"criticized",
            ),
        ),
        re.compile(r"box office|reception|release|commercial|performance"),
        falls_back=frozenset({FieldName.GROSS}),
    ),
    Aspect(
        "whose debut it was",
        (
            _words(r"(?:whose|his|her|their|directorial|acting|film|screen) debut", r"debut (?:film|feature|role|as)"),
            _words(r"first (?:film|movie|feature|role|picture|project)", r"first and only"),
        ),
        (
            _words(
                r"debut\w*", r"first (?:film|feature|movie|directorial|venture|project)", r"first and only", r"maiden"
            ),
        ),
        None,
    ),
    Aspect(
        "how it was funded",
        (_words(r"fund(?:ed|ing|s)?", r"financ(?:ed|ing|e|es)", r"paid for", r"crowdfund\w*", r"kickstarter"),),
        (_words(r"fund\w*", r"financ\w*", r"kickstarter", r"indiegogo", r"crowdfund\w*", r"invest\w*", r"raised"),),
        re.compile(_MAKING + r"|fund|financ"),
        yields=frozenset({FieldName.PRODUCER}),
    ),
    Aspect(
        "whether it was scripted",
        (_words(r"scripted", r"unscripted", r"improvi[sz]\w*", r"ad libs?", r"ad libbed"),),
        (_words(r"script\w*", r"improvi[sz]\w*", r"ad-?lib\w*"),),
        re.compile(_MAKING),
    ),
    Aspect(
        "why it was delayed",
        (_words(r"delay\w*", r"postpon\w*", r"shelved", r"held up", r"pushed back", r"stalled", r"unreleased"),),
        (_words(r"delay\w*", r"postpon\w*", r"shelved", r"stalled", r"pushed back", r"financial", r"halted"),),
        re.compile(_MAKING + r"|release"),
    ),
    Aspect(
        "anything about a sequel",
        (
            _words(r"sequels?", r"prequels?", r"reboot", r"spin ?offs?", r"follow ?up", r"franchise"),
            _words(r"next (?:film|movie|one|installment|part)", r"another (?:film|movie|one)", r"part (?:two|2|ii)"),
            _words(r"third|fourth|fifth|sixth|seventh|eighth"),
        ),
        (
            _words(
                r"sequels?",
                r"prequels?",
                r"reboot",
                r"spin-?offs?",
                r"follow-?up",
                r"in development",
                r"next (?:film|installment)",
                r"third|fourth|fifth|sixth|seventh|eighth",
                r"franchise",
                r"planned",
            ),
        ),
        re.compile(r"sequel|future|legacy|franchise|upcoming|next|development|third|fourth|fifth|sixth|seventh"),
        yields=frozenset({FieldName.BASED_ON}),
        dated=True,
        latest=True,
    ),
    Aspect(
        "anything about books of it",
        (_words(r"books?", r"novels?", r"noveli[sz]ations?", r"comics?", r"comic books?", r"graphic novels?"),),
        (_words(r"novel\w*", r"books?", r"comic\w*", r"memoir", r"publish\w*"),),
        re.compile(r"other media|novel|book|comic|literature|legacy|adaptation|print|merchandise"),
        yields=frozenset({FieldName.BASED_ON}),
        dated=True,
    ),
    Aspect(
        "how the animals were treated",
        (
            _words(
                r"animals?((?: \w+)*?) (?:hurt|harmed|injured|killed|treated|abused|died|die|safe|cruelty)", r"cruelty"
            ),
        ),
        (_words(r"cruelty", r"rspca", r"humane", r"harm\w*", r"injur\w*", r"abus\w*", r"mistreat\w*", r"welfare"),),
        None,
    ),
    Aspect(
        "how well it sold",
        (_words(r"sell", r"sold", r"sales", r"copies", r"certified", r"platinum", r"charts?", r"charted"),),
        (_words(r"sold", r"sales", r"sell\w*", r"copies", r"certif\w*", r"gold", r"platinum", r"chart\w*"),),
        re.compile(r"music|soundtrack|album|song|release|home"),
    ),
    Aspect(
        "what critics thought",
        (
            _words(r"(?:critics?|reviewers?|reviews?|critically) ((?:\w+ )*)(?:think|thought|say|said|feel|felt|like)"),
            _words(r"what did((?: \w+)+?) (?:say|said|think|thought|write|wrote) (?:about|of)"),
            _words(r"how (?:was|is|were)((?: \w+)*?) received", r"critical (?:reception|response)"),
        ),
        (
            _words(
                r"critic\w*",
                r"review\w*",
                r"prais\w*",
                r"pann\w*",
                r"approval",
                r"rotten tomatoes",
                r"metacritic",
                r"acclaim\w*",
                r"positive",
                r"negative",
                r"mixed",
                r"favou?rabl\w*",
                r"described as",
                r"received",
                r"reception",
                r"conclud\w*",
                r"spoof\w*",
            ),
        ),
        re.compile(r"critic|review|reception|response|legacy"),
        defers=frozenset({FieldName.SCORE}),
        falls_back=frozenset({FieldName.SCORE}),
    ),
    Aspect(
        "what awards it won",
        (
            _words(r"what did((?: \w+)+?) (?:get|win|won|receive|earn) (?:for|in)", r"nominat\w*"),
            _words(r"(?:win|won|get|got|receive|received) (?:any )?(?:awards?|prizes?|honou?rs?)"),
            _words(r"(oscars?)", r"(academy awards?)", r"awards?", r"accolades"),  # which awards: the question's word
        ),
        (
            _words(
                r"awards?",
                r"won",
                r"wins?",
                r"prizes?",
                r"honou?r\w*",
                r"nominat\w*",
                r"lotus",
                r"medal\w*",
                r"trophy",
                r"oscars?",
                r"got",
                r"received",
                r"gave",
            ),
        ),
        re.compile(r"accolade|award|honou?r|reception|recognition|nominat"),
        defers=frozenset({FieldName.AWARD}),
        falls_back=frozenset({FieldName.AWARD}),
        named=_words(r"oscars?", r"academy", r"golden", r"globes?", r"bafta", r"emmys?", r"filmfare", r"cannes"),
    ),
    Aspect(
        "anything about its songs",
        (
            _words(r"who sang", r"sung by", r"singers?", r"playback", r"lyric(?:s|ist|ists)", r"vocals"),
            _words(r"(?:which|what) songs", r"songs? (?:are|is|were|was) (?:in|on)", r"list of songs"),
        ),
        (
            _words(
                r"sung by", r"sang", r"sings?", r"singers?", r"lyric\w*", r"playback", r"vocals", r"songs?", r"numbers"
            ),
        ),
        re.compile(r"music|song|soundtrack|track"),
    ),
)


def asked_aspect(text: str, intent: Intent | None) -> Aspect | None:
    """The aspect a folded question asks about, unless its fixed intent is the better reading.

    Args:
        text: the folded question (the title in it too: no aspect's words are a title's).
        intent: the fixed intent the question's words matched, if any.

    Returns:
        The first aspect whose words the question holds and that does not yield to ``intent``.

    """
    for aspect in ASPECTS:
        if intent in aspect.yields:
            continue
        if any(pattern.search(text) for pattern in aspect.asks):
            return aspect
    return None


def aspect_answer(
    library: FilmLibrary, film: Film, aspect: Aspect, words: list[str], plain: bool = False
) -> Response | None:
    """The article's sentences that tell the aspect, best first, or None when none does.

    Args:
        library: the store.
        film: the film asked about.
        aspect: what the question asks.
        words: the question's folded words (the film's own names are set aside).
        plain: asked in a spoiler channel (a plot sentence shown plainly).

    Returns:
        Up to two sentences, in article order, each cited by section; a plot sentence after the
        set-up hidden as ``/film plot`` hides it.

    """
    names = [w for name in (film.title, *film.aliases) for w in fold(name).split()]
    words = [w for w in words if not _names_film(w, names)]
    text = " ".join(words)
    asked: set[str] = set()
    for pattern in aspect.asks:
        for match in pattern.finditer(text):
            free = {w for group in match.groups() if group for w in group.split()}
            asked |= set(match.group().split()) - free
    terms = content_terms([w for w in words if w not in asked and w not in MAKING_WORDS])
    own = content_terms([w for w in words if w in asked])
    named = aspect.names(words)
    found: list[_Said] = []
    for passage in library.passages(film.id):
        headings = " ".join(fold(h) for h in passage.section) if passage.section != ("Lead",) else ""
        section = aspect.sections is not None and bool(aspect.sections.search(headings))
        on_topic = _held(own, headings)
        for n, sentence in enumerate(split_sentences(passage.text) or [passage.text]):
            tells = all(pattern.search(sentence) for pattern in aspect.tells)
            if named and not _held(named, f"{sentence} {headings}"):  # "an Oscar": other awards don't say
                continue
            held = _held(terms, f"{sentence} {headings}")
            if not (tells or (section and (held or not terms))):
                continue
            score = 3 * held + 2 * tells + 2 * on_topic + _held(own, sentence) + section - in_plot(passage)
            score += aspect.dated and bool(_YEAR.search(sentence))
            found.append(_Said(score, held, tells, passage, n, sentence))
    if not found:
        return None
    ranked = sorted(found, key=lambda s: (-s.score, -s.held, -s.tells, -_news(aspect, s), s.passage.ordinal, s.index))
    best = ranked[0]
    seconds = [said for said in ranked[1:] if said.tells and said.score >= best.score - 2]
    elsewhere = [said for said in seconds if said.passage.section != best.passage.section]
    kept = [best, *(elsewhere or seconds)[:1]]
    if not aspect.latest:  # in article order; the latest news first
        kept.sort(key=lambda said: (said.passage.ordinal, said.index))
    parts: list[TextPart | SpoilerPart] = []
    for said in kept:
        if in_plot(said.passage):
            parts.append(plot_part(film, said.passage, said.sentence, plain))
        else:
            parts.append(TextPart(text=f"{said.sentence} ({citation(said.passage)})"))
    return Response(parts=list(parts))


def _news(aspect: Aspect, said: _Said) -> int:
    """The latest year a sentence names, for an aspect whose latest news answers it (0 otherwise)."""
    return max((int(year) for year in _YEAR.findall(said.sentence)), default=0) if aspect.latest else 0


def _names_film(word: str, names: list[str]) -> bool:
    """Whether a word of the question is one of the film's names, or that name misspelt ("sendhoorapandi")."""
    if word in names:
        return True
    return len(word) >= MIN_SPELT and any(SequenceMatcher(None, word, name).ratio() >= SPELT_ALIKE for name in names)


@dataclass(frozen=True)
class _Said:
    """A sentence that may tell an aspect, with its score (the question's words, the telling words, the section)."""

    score: int
    held: int  # the question's own words it holds (its headings too)
    tells: bool
    passage: Passage
    index: int  # the sentence's place in its passage
    sentence: str


def _held(terms: list[str], text: str) -> int:
    """How many of the question's terms a text holds (or the word articles use for one)."""
    roots = {_root(w) for w in fold(text).split()}
    return sum(_root(term) in roots or _root(SAME_THING.get(term, term)) in roots for term in terms)


def _root(word: str) -> str:
    """A stem without its final e, so "make" meets "making"."""
    return stem(word.removesuffix("e"))
