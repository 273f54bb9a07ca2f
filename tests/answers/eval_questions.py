"""The evaluation set of ``/film ask``: questions as club members type them in chat, and what a right answer holds.

The articles are real Wikipedia ones: the bundled films (data/films: 8 wikitext articles and the two
Children of Heaven seeds) and the 33 development articles in tests/fixtures/wikitext-dev, ingested
through the same path as ``filmclub ingest`` (``core.ingest.bulk.ingest_sources``) and asked through
``/film ask`` in an ordinary channel. The expectations were written from each article's own text.

Each question has a kind (``Kind``: what members ask about). Most kinds are judged the same way:
the answer must not be an error, must hold every expected fact (an item may list spellings that all
state the same fact, ``"Sathyaraj|Satyaraj"``), none of the rejected texts (the fact of a neighbouring
question: a budget question must not answer with the gross), and cite a source about the right film
(``": <title>"`` and the citation's end, as in "(Wikipedia: Batman, Plot)"). Matching folds case, accents,
dashes, quotes and number scales ("$2.7 million" = "$2,700,000"), so wording is free while the fact is
strict. ``Kind.NOT_IN_ARTICLE`` questions ask what the article does not hold: a right answer names the
film and says plainly that it doesn't have or say it (``NOT_HELD``) instead of inventing, and never
claims a hidden plot for an article without one.

Spoiler policy: the club allows spoilers when a member asks, so text inside spoiler parts counts as
answered (a member reveals it with one tap); a question's ``spoiler`` texts must moreover be *inside*
a spoiler part (a plot fact must stay hidden in an ordinary channel). ``context`` questions carry no
title: the channel talked about the film before (``/film info`` first).

At least a third of the questions are ones the infobox cannot answer (``PROSE_KINDS``), so the score
measures the article's sentences, not only its infobox. Run ``python -m benchmarks.answers_eval``
for the score per kind.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.ingest.bulk import ingest_sources
from core.ingest.files import IngestReport
from core.responses import Response, SpoilerPart
from core.settings import BUNDLED_DATA, Settings

DEV_ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "wikitext-dev"
EVAL_DOCUMENTS = (BUNDLED_DATA, DEV_ARTICLES)


class Kind(StrEnum):
    """What a question asks about."""

    DIRECTOR = "director"
    CREW = "crew (writer, music, producer, camera, editor, studio)"
    CAST = "cast/character"
    RELEASE = "year/release"
    RUNTIME = "runtime"
    MONEY = "budget/box office"
    ORIGIN = "language/country"
    SETTING = "setting"
    PLOT = "plot event"
    TITLE = "title meaning/other titles"
    ABOUT = "about"
    PRODUCTION = "production/filming"
    BASED_ON = "based on/remake"
    RECEPTION = "reception/awards"
    SONGS = "songs/soundtrack"
    OTHER = "other (sequels, home media, credits)"
    NOT_IN_ARTICLE = "not in article"


PROSE_KINDS = frozenset(
    {Kind.SETTING, Kind.PLOT, Kind.TITLE, Kind.ABOUT, Kind.PRODUCTION, Kind.RECEPTION, Kind.SONGS, Kind.OTHER}
)
"""Kinds the infobox cannot answer: only the article's sentences (and track lists) hold them."""

NOT_HELD = re.compile(
    r"\b(?:doesn't|does not|don't|do not|didn't|did not|isn't|is not|can't|cannot|couldn't|could not)\s+"
    r"(?:\w+\s+){0,2}?(?:say|says|have|hold|holds|mention|mentions|give|gives|list|lists|find|tell|know|cover|state)\b"
    r"|\bno (?:mention|word|record|information|details?)\b|\bnot (?:in|on) (?:the|its|this) (?:article|page)\b"
    r"|\bnothing (?:about|on)\b|\b(?:has|have|there is|there's) no\b"
)
"""How a reply says the article doesn't hold what was asked (matched on the folded reply)."""

_FOLDS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-", "−": "-"})
_SCALED = re.compile(r"(\d+(?:\.\d+)?) (million|billion)\b")
_SCALES = {"million": 10**6, "billion": 10**9}


def _spelled_out(match: re.Match[str]) -> str:
    return f"{int(Decimal(match[1]) * _SCALES[match[2]]):,}"


def fold(text: str) -> str:
    """Case, accents, curly quotes, dash kinds, spaces and number scales folded away (wording free, fact strict).

    "$2.7 million" and "$2,700,000" fold alike, so an amount is checked by its value, not its spelling.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLDS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SCALED.sub(_spelled_out, " ".join(bare.casefold().split()))


@dataclass(frozen=True)
class EvalQuestion:
    """One question, the film it is about (``"Title|other title"``), and what a right answer holds."""

    kind: Kind
    question: str
    film: str
    expect: tuple[str, ...]
    reject: tuple[str, ...] = ()
    context: bool = False
    spoiler: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The film's title as the library names it (the first of ``film``)."""
        return self.film.split("|")[0]


def q(
    kind: Kind,
    question: str,
    film: str,
    *expect: str,
    reject: tuple[str, ...] = (),
    context: bool = False,
    spoiler: tuple[str, ...] = (),
) -> EvalQuestion:
    return EvalQuestion(kind, question, film, expect, reject, context, spoiler)


def missing(question: str, film: str, *, reject: tuple[str, ...] = (), context: bool = False) -> EvalQuestion:
    """A question whose answer the article does not hold."""
    return EvalQuestion(Kind.NOT_IN_ARTICLE, question, film, (), reject, context)


D, CREW, CAST, RELEASE, RUNTIME, MONEY, ORIGIN = (
    Kind.DIRECTOR,
    Kind.CREW,
    Kind.CAST,
    Kind.RELEASE,
    Kind.RUNTIME,
    Kind.MONEY,
    Kind.ORIGIN,
)
SETTING, PLOT, TITLE, ABOUT, MADE, BASED, RECEPTION, SONGS, OTHER = (
    Kind.SETTING,
    Kind.PLOT,
    Kind.TITLE,
    Kind.ABOUT,
    Kind.PRODUCTION,
    Kind.BASED_ON,
    Kind.RECEPTION,
    Kind.SONGS,
    Kind.OTHER,
)
NO_PLOT_CLAIM = ("hidden", "spoiler")  # an article without a plot has no hidden plot to point to

BATMAN, DRAGON, DAUGHTERS, MILO = "Batman", "Enter the Dragon", "Four Daughters", "The Adventures of Milo and Otis"
VANITY, WELCOME, AZHAGARSAMY, RAONE = "Vanity Fair", "Welcome", "Azhagarsamy", "Ra.One"
HEAVEN = "Children of Heaven"

BUNDLED_QUESTIONS: tuple[EvalQuestion, ...] = (
    # Batman (1989)
    q(D, "who directed batman 1989", BATMAN, "Tim Burton", reject=("Sam Hamm",)),
    q(CREW, "Who wrote Batman?", BATMAN, "Sam Hamm", "Warren Skaaren", reject=("Tim Burton",)),
    q(CREW, "who did the music for batman", BATMAN, "Danny Elfman"),
    q(RUNTIME, "how long is batman", BATMAN, "126 min"),
    q(RELEASE, "when did batman come out", BATMAN, "1989"),
    q(MONEY, "what was the budget of batmn", BATMAN, "$35 million", reject=("411",)),
    q(MONEY, "how much did batman make at the box office", BATMAN, "$411.3 million", reject=("35 million",)),
    q(CAST, "who plays the joker in batman", BATMAN, "Jack Nicholson", reject=("Keaton",)),
    q(CAST, "who played Vicki Vale in Batman?", BATMAN, "Kim Basinger"),
    q(CAST, "who does michael keaton play in batman", BATMAN, "Bruce Wayne"),
    q(ORIGIN, "is batman in english", BATMAN, "Yes", "English"),
    q(ORIGIN, "what country is batman from", BATMAN, "United States"),
    q(CAST, "who's in batman", BATMAN, "Michael Keaton", "Jack Nicholson"),
    q(CREW, "who was the cinematographer on batman", BATMAN, "Roger Pratt", reject=("Tim Burton",)),
    q(CREW, "who produced batman", BATMAN, "Jon Peters", "Peter Guber"),
    q(CREW, "who edited it", BATMAN, "Ray Lovejoy", context=True),
    q(CAST, "who plays commissioner gordon", BATMAN, "Pat Hingle", context=True),
    q(CAST, "who is alfred", BATMAN, "Michael Gough", context=True, spoiler=("butler",)),
    q(SETTING, "where is batman 1989 set", BATMAN, "Gotham"),
    q(MADE, "where was batman filmed", BATMAN, "Pinewood"),
    q(MADE, "which house was wayne manor in batman", BATMAN, "Knebworth|Hatfield"),
    q(PLOT, "what happens to the joker at the end of batman", BATMAN, "gargoyle|fall to his death|falls to his death"),
    q(PLOT, "who killed bruce wayne's parents in batman", BATMAN, "Napier was his parents|Joker murder"),
    q(PLOT, "what is smylex in batman", BATMAN, "chemical|toxin"),
    q(RECEPTION, "how did critics like batman 1989", BATMAN, "positive|72%|favorable"),
    q(BASED, "is batman based on a comic", BATMAN, "Bob Kane|DC Comics|Bill Finger"),
    # Enter the Dragon (1973)
    q(D, "who directed enter the dragon", DRAGON, "Robert Clouse"),
    q(D, "enter dragon director", DRAGON, "Robert Clouse"),
    q(CREW, "who wrote the screenplay of enter the dragon", DRAGON, "Michael Allin"),
    q(CREW, "who composed the music for enter the dragon?", DRAGON, "Lalo Schifrin"),
    q(RUNTIME, "enter the dragon runtime", DRAGON, "102 min"),
    q(RELEASE, "what year did enter the dragon come out", DRAGON, "1973"),
    q(MONEY, "how much did enter the dragon cost to make", DRAGON, "$850,000", reject=("90 million",)),
    q(MONEY, "box office of enter the dragon", DRAGON, "$90 million", reject=("850,000",)),
    q(CAST, "who plays han in enter the dragon", DRAGON, "Shih Kien"),
    q(CAST, "who played roper in enter the dragon", DRAGON, "John Saxon"),
    q(CAST, "what role does jim kelly play in enter the dragon", DRAGON, "Williams"),
    q(CAST, "is jackie chan in enter the dragon", DRAGON, "Yes", "Han's henchman"),
    q(ORIGIN, "what languages is enter the dragon in", DRAGON, "English", "Cantonese"),
    q(ORIGIN, "where was enter the dragon made", DRAGON, "Hong Kong", "United States"),
    q(CAST, "who starred in enter the dragon", DRAGON, "Bruce Lee"),
    q(D, "who directed 龍爭虎鬥", DRAGON, "Robert Clouse"),
    q(CREW, "who produced it", DRAGON, "Raymond Chow", context=True),
    q(SETTING, "where does enter the dragon take place", DRAGON, "island"),
    q(MADE, "where was enter the dragon filmed", DRAGON, "Hong Kong"),
    q(
        PLOT,
        "what happens to williams in enter the dragon",
        DRAGON,
        "beats him to death|Williams is killed|kills Williams|Williams's fate|Williams dies",
    ),
    q(PLOT, "why does lee go to han's island", DRAGON, "evidence|competition|tournament"),
    q(TITLE, "what was enter the dragon originally called", DRAGON, "Blood and Steel"),
    q(RECEPTION, "how was enter the dragon received by critics", DRAGON, "well received|94%|greatest|rave"),
    q(SONGS, "how well did the enter the dragon soundtrack sell", DRAGON, "500,000|gold"),
    # Four Daughters (1938)
    q(D, "who directed four daughters", DAUGHTERS, "Michael Curtiz"),
    q(CREW, "who wrote four daughters", DAUGHTERS, "Julius J. Epstein", "Lenore J. Coffee|Lenore Coffee"),
    q(CREW, "who composed the score for four daughters", DAUGHTERS, "Max Steiner"),
    q(RUNTIME, "how long is four daughters", DAUGHTERS, "90 min"),
    q(RELEASE, "when was four daughters released", DAUGHTERS, "1938"),
    missing("what was the budget of four daughters", DAUGHTERS),
    missing("how much did four daughters gross", DAUGHTERS),
    q(CAST, "who plays mickey borden in four daughters", DAUGHTERS, "John Garfield"),
    q(CAST, "who did claude rains play in four daughters", DAUGHTERS, "Adam Lemp"),
    q(CAST, "who is aunt etta in four daughters", DAUGHTERS, "May Robson"),
    q(ORIGIN, "is four daughters in english?", DAUGHTERS, "Yes", "English"),
    q(ORIGIN, "which country is four daughters from", DAUGHTERS, "United States"),
    q(CREW, "who distributed four daughters", DAUGHTERS, "Warner Bros."),
    q(CAST, "who's in four daughters", DAUGHTERS, "Priscilla Lane"),
    q(CREW, "who produced 4 daughters", DAUGHTERS, "Hal B. Wallis"),
    q(CREW, "who was the editor", DAUGHTERS, "Ralph Dawson", context=True),
    q(BASED, "what is four daughters based on", DAUGHTERS, "Sister Act", "Fannie Hurst"),
    q(PLOT, "what happens to mickey in four daughters", DAUGHTERS, "crash|dies"),
    q(PLOT, "who does ann run off with in four daughters", DAUGHTERS, "eloped with Mickey|elope"),
    q(OTHER, "was four daughters ever remade", DAUGHTERS, "Young at Heart"),
    q(RECEPTION, "what did the new york times think of four daughters", DAUGHTERS, "charming|best pictures"),
    q(
        RECEPTION,
        "was four daughters nominated for any oscars",
        DAUGHTERS,
        "Academy Award|Outstanding Production|Best Directing",
    ),
    # The Adventures of Milo and Otis (1986)
    q(D, "who directed the adventures of milo and otis", MILO, "Masanori Hata"),
    q(D, "who directed milo and otis", MILO, "Masanori Hata"),
    q(CREW, "who narrates milo and otis", MILO, "Dudley Moore"),
    q(CREW, "who composed the music for milo and otis", MILO, "Ryuichi Sakamoto"),
    q(RUNTIME, "how long is milo and otis", MILO, "92 min", "77 min"),
    q(RELEASE, "when did milo and otis come out", MILO, "1986"),
    q(MONEY, "what was the budget of milo and otis", MILO, "¥800 million|¥0.8 billion"),
    q(MONEY, "how much did milo and otis make", MILO, "$136 million"),
    q(MONEY, "how much did it make in the us", MILO, "$13.3 million", context=True),
    q(ORIGIN, "what language is milo and otis in", MILO, "Japanese"),
    q(ORIGIN, "which country made milo and otis", MILO, "Japan"),
    q(CREW, "who wrote the adventures of milo and otis", MILO, "Mark Saltzman"),
    q(D, "who directed the adventures of chatran", MILO, "Masanori Hata"),
    q(RUNTIME, "koneko monogatari runtime", MILO, "92 min"),
    q(CREW, "who shot milo and otis", MILO, "Hideo Fujii"),
    q(CAST, "who's in it", MILO, "Dudley Moore", context=True),
    q(ABOUT, "what is milo and otis about", MILO, "cat", "pug"),
    q(TITLE, "what does koneko monogatari mean", MILO, "Kitten's Story"),
    q(MADE, "how long did they film milo and otis for", MILO, "four years|74 hours"),
    q(OTHER, "were animals hurt making milo and otis", MILO, "cruelty"),
    q(RECEPTION, "what did critics think of milo and otis", MILO, "80%|positive"),
    q(PLOT, "who does otis end up with in milo and otis", MILO, "Sondra"),
    q(SETTING, "where does milo and otis take place", MILO, "farm"),
    # Vanity Fair (2004)
    q(D, "who directed vanity fair 2004", VANITY, "Mira Nair"),
    q(D, "vanity fiar director", VANITY, "Mira Nair"),
    q(CREW, "who wrote vanity fair", VANITY, "Julian Fellowes"),
    q(CAST, "who plays becky sharp in vanity fair", VANITY, "Reese Witherspoon"),
    q(CAST, "who played dobbin in vanity fair", VANITY, "Rhys Ifans"),
    q(CAST, "what character does gabriel byrne play in vanity fair", VANITY, "Marquess of Steyne"),
    q(RUNTIME, "how long is vanity fair", VANITY, "141 min"),
    q(RELEASE, "when did vanity fair come out", VANITY, "2004"),
    q(MONEY, "what was vanity fair's budget", VANITY, "$23 million"),
    q(MONEY, "how much did vanity fair gross", VANITY, "$19.4 million"),
    q(ORIGIN, "is vanity fair a british film", VANITY, "Yes", "United Kingdom"),
    q(ORIGIN, "what language is vanity fair", VANITY, "English"),
    q(CREW, "who scored vanity fair", VANITY, "Mychael Danna"),
    q(BASED, "what is vanity fair based on", VANITY, "Thackeray"),
    q(CAST, "who's in vanity fair", VANITY, "Reese Witherspoon"),
    q(CAST, "who plays amelia", VANITY, "Romola Garai", context=True),
    q(SETTING, "when is vanity fair set", VANITY, "1802"),
    q(MADE, "where was vanity fair 2004 filmed", VANITY, "Bath|Chatham|Stanway"),
    q(MADE, "why was vanity fair shot in a hurry", VANITY, "pregnant"),
    q(PLOT, "who does becky marry in vanity fair", VANITY, "Rawdon"),
    q(PLOT, "what happens to george osborne in vanity fair", VANITY, "Waterloo|killed"),
    q(PLOT, "where does becky go at the end of vanity fair", VANITY, "India"),
    q(SETTING, "where is vanity fair set", VANITY, "Britain|London"),
    q(RECEPTION, "how did critics like vanity fair", VANITY, "mixed|51%"),
    # Welcome (2007)
    q(D, "who directed welcome", WELCOME, "Anees Bazmee"),
    q(CREW, "who wrote welcome 2007", WELCOME, "Rajiv Kaul", "Praful Parekh"),
    q(RUNTIME, "how long is welcome", WELCOME, "158 min"),
    q(RELEASE, "what year did welcome come out", WELCOME, "2007"),
    q(MONEY, "what was the budget of welcome", WELCOME, "₹40 crore"),
    q(MONEY, "how much did welcome earn", WELCOME, "₹122 crore"),
    q(CAST, "who plays majnu bhai in welcome", WELCOME, "Anil Kapoor"),
    q(CAST, "who does akshay kumar play in welcome", WELCOME, "Rajiv Saini"),
    q(CAST, "who is uday shetty in welcome", WELCOME, "Nana Patekar"),
    q(ORIGIN, "what language is welcome in", WELCOME, "Hindi"),
    q(ORIGIN, "is welcome an indian film", WELCOME, "Yes", "India"),
    q(CREW, "who did the music for welcome", WELCOME, "Sajid-Wajid"),
    q(CAST, "who's in welcome?", WELCOME, "Akshay Kumar"),
    q(CREW, "who produced welcome", WELCOME, "Firoz Nadiadwala"),
    q(CAST, "welcom cast", WELCOME, "Katrina Kaif"),
    q(CAST, "who plays sanjana", WELCOME, "Katrina Kaif", context=True),
    q(BASED, "is welcome 2007 based on another movie", WELCOME, "Mickey Blue Eyes"),
    q(PLOT, "where does dr ghunghroo run away to in welcome", WELCOME, "Sun City"),
    q(PLOT, "who shoots lucky in welcome", WELCOME, "fires a shot|who shot Lucky|Sanjana shot"),
    q(OTHER, "is there a sequel to welcome", WELCOME, "Welcome Back"),
    q(CREW, "who narrates welcome", WELCOME, "Om Puri"),
    q(RECEPTION, "what did critics think of welcome 2007", WELCOME, "mixed"),
    # Azhagarsamy (1999)
    q(D, "who directed azhagarsamy", AZHAGARSAMY, "Sundar C"),
    q(CREW, "who composed the music of azhagarsamy", AZHAGARSAMY, "Deva"),
    q(RUNTIME, "how long is azhagarsamy", AZHAGARSAMY, "140 min"),
    q(RELEASE, "when was azhagarsamy released", AZHAGARSAMY, "1999"),
    q(ORIGIN, "what language is azhagarsamy in", AZHAGARSAMY, "Tamil"),
    q(ORIGIN, "is azhagarsamy in tamil", AZHAGARSAMY, "Yes", "Tamil"),
    q(ORIGIN, "is azhagarsamy in hindi", AZHAGARSAMY, "No", "Tamil"),
    q(CAST, "who plays suja in azhagarsamy", AZHAGARSAMY, "Roja"),
    q(CAST, "who does sathyaraj play in azhagarsamy", AZHAGARSAMY, "Azhagu"),
    missing("azhagarsami budget", AZHAGARSAMY),
    missing("box office of azhagarsamy", AZHAGARSAMY),
    q(ORIGIN, "where is azhagarsamy from", AZHAGARSAMY, "India"),
    q(CREW, "who wrote azhagarsamy", AZHAGARSAMY, "R. Selvaraj"),
    q(CAST, "who's in azhagarsamy", AZHAGARSAMY, "Sathyaraj"),
    q(CREW, "who produced azhagarsamy", AZHAGARSAMY, "Malar Balu"),
    q(CAST, "who plays the landlord", AZHAGARSAMY, "Radha Ravi", context=True),
    q(PLOT, "who is azhagarsamy's real mother", AZHAGARSAMY, "Thayama|Thayamma"),
    q(PLOT, "what happens to thayamma in azhagarsamy", AZHAGARSAMY, "poison|sacrifice"),
    q(PLOT, "who does azhagarsamy marry", AZHAGARSAMY, "Suja"),
    q(RECEPTION, "what did critics say about azhagarsamy", AZHAGARSAMY, "family-oriented|old-fashioned"),
    # Ra.One (2011)
    q(D, "who directed ra.one", RAONE, "Anubhav Sinha"),
    q(D, "who directed ra one", RAONE, "Anubhav Sinha"),
    q(CREW, "who produced raone", RAONE, "Gauri Khan"),
    q(RUNTIME, "how long is ra.one", RAONE, "156 min"),
    q(RELEASE, "when did ra.one come out", RAONE, "2011"),
    q(MONEY, "what was the budget of ra.one", RAONE, "₹130 crore", reject=("207",)),
    q(MONEY, "how much did ra.one make", RAONE, "₹207 crore", reject=("130 crore",)),
    q(CAST, "who plays g.one in ra.one", RAONE, "Shah Rukh Khan"),
    q(CAST, "who plays ra.one in ra.one", RAONE, "Arjun Rampal"),
    q(CAST, "who does kareena kapoor play in ra.one", RAONE, "Sonia"),
    q(CAST, "who is prateek in ra.one", RAONE, "Armaan Verma"),
    q(ORIGIN, "what language is ra.one", RAONE, "Hindi"),
    q(CREW, "who wrote the music for ra.one", RAONE, "Vishal-Shekhar"),
    q(CAST, "who's in ra.one", RAONE, "Shah Rukh Khan"),
    q(ORIGIN, "where was ra.one made", RAONE, "India"),
    q(CREW, "who wrote ra.one", RAONE, "Kanika Dhillon"),
    q(TITLE, "what does ra.one stand for", RAONE, "Random Access Version One"),
    q(TITLE, "what does the g in g.one mean", RAONE, "Good One"),
    q(MADE, "where was ra.one shot", RAONE, "Goa|London|United Kingdom|in the UK|Filmistan|Film City"),
    q(ABOUT, "what is ra one about", RAONE, "game"),
    q(PLOT, "what happens to shekhar in ra.one", RAONE, "kills Shekhar|car accident|Shekhar's death|after his death"),
    q(PLOT, "how is ra.one beaten in the end", RAONE, "shadow|bullet"),
    q(RECEPTION, "how did critics like ra.one", RAONE, "mixed"),
    q(SETTING, "where does ra.one take place", RAONE, "London|Mumbai"),
    # Children of Heaven (1997): the two bundled seeds (flattened Wikipedia + end-credits page)
    q(D, "who directed children of heaven", HEAVEN, "Majid Majidi"),
    q(D, "childern of haven director", HEAVEN, "Majid Majidi"),
    q(CAST, "who plays Zahra in Children of Heaven?", HEAVEN, "Bahare Seddiqi"),
    q(CAST, "who's in it", HEAVEN, "Amir Farrokh Hashemian", context=True),
    q(RUNTIME, "how long is children of heaven", HEAVEN, "89 min"),
    q(RELEASE, "when did it come out", HEAVEN, "1997", "1999", context=True),
    q(MONEY, "how much did children of heaven make", HEAVEN, "1,628,579", "933,933", "382,000"),
    q(MONEY, "what was the budget", HEAVEN, "180,000", context=True),
    q(ORIGIN, "is it in english", HEAVEN, "No", "Persian", context=True),
    q(ORIGIN, "where was it made", HEAVEN, "Iran", context=True),
    q(RECEPTION, "what did critics think", HEAVEN, "Metascore 77", context=True),
    q(OTHER, "does children of heaven have an end credit scene", HEAVEN, "no end-credit scenes"),
    q(OTHER, "is there anything after the credits", HEAVEN, "no end-credit scenes", context=True),
    q(CAST, "who is Alireza", HEAVEN, "Mohammed-Hossein Shahidi", context=True, spoiler=("grandfather",)),
    q(CAST, "who played ali in children of heaven", HEAVEN, "Amir Farrokh Hashemian"),
    q(ABOUT, "what is children of heaven about", HEAVEN, "shoes"),
    q(PLOT, "how does ali lose zahra's shoes", HEAVEN, "homeless|garbage"),
    q(PLOT, "which prize does ali want in the race", HEAVEN, "third"),
    q(MADE, "where was children of heaven filmed", HEAVEN, "Tehran"),
    q(SETTING, "what city is children of heaven set in", HEAVEN, "Tehran"),
    q(RECEPTION, "was children of heaven up for an oscar", HEAVEN, "Academy Award"),
)

NEWSPAPER, CHUVAPPU, MAHADEVAN = "Newspaper Boy", "Chuvappu Naada", "C. I. Mahadevan 5 Adi 4 Inchu"
KNIGHTS, STARTUP, REBEL = (
    "I Cavalieri che fecero l'impresa|The Knights of the Quest",
    "The Startup Kids",
    "This Rebel Breed",
)
AAYIRAM, NEW_LOW, HARRY = "Aayiram Vaasal Idhayam", "New Low", "I'm Not Harry Jenson"
PADAI, PARINAY, MANATHE = "Padai Veetu Amman", "Parinay", "Manathe Kottaram"
MINDA, COMPANY, DRUG_WAR = "Minda Poochakku Kalyanam", "The Company of Strangers", "American Drug War"
DHUMKETU, ANTORE, KELVIYUM = "Dhumketu", "Antore Bahire", "Kelviyum Naane Pathilum Naane"
SHOSHURBARI, VILLADHI, SENTHOORA = "Shoshurbari Zindabad 2", "Villadhi Villain", "Senthoorapandi|Sendhoorapandi"
INDIVISIBLE, OWNER, SUPER_HERO = "Indivisible", "The Owner", "Super Hero"
KADAVUL, WHEELER, KALAVAADIYA = "Kadavul", "The Resurrection of Zachary Wheeler", "Kalavaadiya Pozhuthugal"
THINGS, HENRY_PARIS, ORIGINAL_SIN = "Things", "The World of Henry Paris", "Original Sin"
MALIBU, ENTERTAINMENT, FINAL = "Malibu Express", "That's Entertainment!", "Final Destination"

DEV_QUESTIONS: tuple[EvalQuestion, ...] = (
    # Newspaper Boy (1997): a stub, no plot
    q(D, "who directed newspaper boy", NEWSPAPER, "Nissar"),
    q(CAST, "who plays krishnankutty in newspaper boy", NEWSPAPER, "Mukesh"),
    q(CAST, "who does jagathy sreekumar play in newspaper boy", NEWSPAPER, "Ponnappan"),
    q(RUNTIME, "how long is newspaper boy 1997", NEWSPAPER, "131 min"),
    q(ORIGIN, "what language is newspaper boy in", NEWSPAPER, "Malayalam"),
    q(CREW, "who was the cameraman on newspaper boy", NEWSPAPER, "Sukumaran"),
    missing("who wrote newspaper boy", NEWSPAPER),
    missing("where was newspaper boy filmed", NEWSPAPER),
    missing("who produced newspaper boy", NEWSPAPER),
    missing("what did critics think of newspaper boy", NEWSPAPER),
    missing("what happens at the end of newspaper boy", NEWSPAPER, reject=NO_PLOT_CLAIM),
    # Chuvappu Naada (1990): no cast list, no plot
    q(D, "chuvappu naada director", CHUVAPPU, "K. S. Gopalakrishnan"),
    q(CREW, "who did the music for chuvappu naada", CHUVAPPU, "S. P. Venkatesh"),
    q(SONGS, "who wrote the lyrics for chuvappu naada", CHUVAPPU, "Poovachal Khader", "Bharanikkavu Sivakumar"),
    q(RELEASE, "when did chuvappu naada come out", CHUVAPPU, "1990"),
    q(CREW, "which studio made chuvappu naada", CHUVAPPU, "VRS Movies"),
    missing("who's in chuvappu naada", CHUVAPPU),
    missing("how long is chuvappu naada", CHUVAPPU),
    # C. I. Mahadevan 5 Adi 4 Inchu (2004)
    q(D, "who directed ci mahadevan", MAHADEVAN, "K. K. Haridas"),
    q(RELEASE, "when was c.i. mahadevan 5 adi 4 inchu released", MAHADEVAN, "2004"),
    q(MONEY, "ci mahadevan 5 adi 4 inchu budget", MAHADEVAN, "2.5 crore", reject=("6 crore",)),
    q(MONEY, "how much did c.i. mahadevan make", MAHADEVAN, "6 crore", reject=("2.5",)),
    q(CAST, "who plays dr lakshmi in ci mahadevan", MAHADEVAN, "Shruti"),
    q(CAST, "who is karimpuli antony in c i mahadevan 5 adi 4 inchu", MAHADEVAN, "Kalabhavan Mani"),
    q(ABOUT, "what kind of film is ci mahadevan 5 adi 4 inchu", MAHADEVAN, "comedy thriller"),
    q(PLOT, "what is the mystery in ci mahadevan 5 adi 4 inchu", MAHADEVAN, "bomb"),
    q(SETTING, "where does mahadevan go in c.i. mahadevan 5 adi 4 inchu", MAHADEVAN, "village"),
    # The Knights of the Quest (2001): known by its Italian name, empty Plot section
    q(D, "who directed the knights of the quest", KNIGHTS, "Pupi Avati"),
    q(TITLE, "whats the italian title of knights of the quest", KNIGHTS, "I Cavalieri che fecero l'impresa"),
    q(CAST, "who does edward furlong play in knights of the quest", KNIGHTS, "Simon of Clarendon"),
    q(CAST, "who plays the mother superior in the knights of the quest", KNIGHTS, "Gigliola Cinquetti"),
    q(RUNTIME, "how long is knights of the quest", KNIGHTS, "147 min"),
    q(ORIGIN, "what languages is the knights of the quest in", KNIGHTS, "Italian", "French"),
    q(CREW, "who scored knights of the quest", KNIGHTS, "Riz Ortolani"),
    missing("what happens in the knights of the quest", KNIGHTS, reject=NO_PLOT_CLAIM),
    missing("where was the knights of the quest filmed", KNIGHTS),
    # The Startup Kids (2012): a documentary
    q(D, "who made the startup kids", STARTUP, "Vala Halldorsdottir", "Sesselja Vilhjalmsdottir"),
    q(ABOUT, "what is the startup kids about", STARTUP, "entrepreneurs"),
    q(MONEY, "what was the budget of the startup kids", STARTUP, "$23,000"),
    q(MADE, "how was the startup kids funded", STARTUP, "Kickstarter|crowdfunding"),
    q(MADE, "why did they make startup kids", STARTUP, "inspired|motivation"),
    q(RUNTIME, "how long is startup kids", STARTUP, "55 min|hour-long"),
    q(CAST, "who gets interviewed in the startup kids", STARTUP, "Tim Draper|Leah Culver|MG Siegler"),
    q(ORIGIN, "what country is the startup kids from", STARTUP, "Iceland"),
    missing("how much did the startup kids make at the box office", STARTUP),
    missing("who did the music for the startup kids", STARTUP),
    # This Rebel Breed (1960)
    q(D, "who directed this rebel breed", REBEL, "Richard L. Bare", "William Rowland"),
    q(TITLE, "what else is this rebel breed called", REBEL, "Lola's Mistake", "The Black Rebels"),
    q(ABOUT, "what is this rebel breed about", REBEL, "narcotics|undercover"),
    q(CAST, "who plays lola in this rebel breed", REBEL, "Rita Moreno"),
    q(CAST, "who does dyan cannon play in this rebel breed", REBEL, "Wiggles"),
    q(BASED, "is this rebel breed based on a story", REBEL, "All God's Children"),
    q(RELEASE, "when did this rebel breed come out", REBEL, "1960"),
    q(CREW, "who distributed this rebel breed", REBEL, "Warner Bros."),
    q(CAST, "who's in this rebel breed", REBEL, "Rita Moreno"),
    missing("how much did this rebel breed make", REBEL),
    missing("what songs are in this rebel breed", REBEL),
    # Aayiram Vaasal Idhayam (1980): no plot, no runtime
    q(D, "who directed aayiram vaasal idhayam", AAYIRAM, "Jagannathan"),
    q(TITLE, "what does aayiram vaasal idhayam mean", AAYIRAM, "thousand entrances"),
    q(CREW, "music of aayiram vaasal idhayam", AAYIRAM, "Ilaiyaraaja"),
    q(RELEASE, "when did aayiram vaasal idhayam release", AAYIRAM, "1980"),
    q(CAST, "who's in aayiram vaasal idhayam", AAYIRAM, "Sudhakar", "Raadhika"),
    q(SONGS, "who sang jaipen jaipen in aayiram vaasal idhayam", AAYIRAM, "Vani Jairam"),
    q(CREW, "which studio made aayiram vaasal idhayam", AAYIRAM, "Selvam Arts"),
    missing("what's the story of aayiram vaasal idhayam", AAYIRAM, reject=NO_PLOT_CLAIM),
    missing("how long is aayiram vaasal idhayam", AAYIRAM),
    # New Low (2010)
    q(D, "who directed new low", NEW_LOW, "Adam Bowers"),
    q(ABOUT, "what kind of movie is new low", NEW_LOW, "romantic comedy"),
    q(PLOT, "who are the two girls in new low", NEW_LOW, "Joanna", "Vicky"),
    q(PLOT, "who helps wendell in new low", NEW_LOW, "Dave"),
    q(RECEPTION, "how did critics like new low", NEW_LOW, "positive|hilarious|cult hit"),
    q(RECEPTION, "what did the orlando sentinel give new low", NEW_LOW, "3.5"),
    q(RELEASE, "where did new low premiere", NEW_LOW, "Sundance"),
    q(RELEASE, "when was new low released digitally", NEW_LOW, "2011"),
    q(CAST, "is toby turner in new low", NEW_LOW, "yes"),
    q(RUNTIME, "new low runtime", NEW_LOW, "82 min"),
    missing("who did the music for new low", NEW_LOW),
    # I'm Not Harry Jenson (2009)
    q(D, "who directed i'm not harry jenson", HARRY, "James Napier Robertson"),
    q(D, "im not harry jensen director", HARRY, "James Napier Robertson"),
    q(CREW, "who produced i'm not harry jenson", HARRY, "Tom Hern"),
    q(CREW, "who composed the music for im not harry jenson", HARRY, "Peter Hobbs"),
    q(ORIGIN, "where is i'm not harry jenson from", HARRY, "New Zealand"),
    q(ABOUT, "what is i'm not harry jenson", HARRY, "micro-budget|first feature|whodunnit"),
    q(RECEPTION, "how was i'm not harry jenson received", HARRY, "strong reviews|4 stars|three stars|7.5"),
    q(RELEASE, "where did i'm not harry jenson premiere", HARRY, "New Zealand International Film Festival|NZIFF"),
    q(MONEY, "did i'm not harry jenson do well at the box office", HARRY, "failed|much business"),
    missing("what is the runtime of i'm not harry jenson", HARRY),
    # Padai Veetu Amman (2002)
    q(D, "who directed padai veetu amman", PADAI, "Pugazhmani"),
    q(CAST, "who plays chamundi in padai veetu amman", PADAI, "Devayani"),
    q(CAST, "what role does meena play in padai veetu amman", PADAI, "Muthu Mariamman|Muthu Maariamman"),
    q(PLOT, "what happens to chamundi in padai veetu amman", PADAI, "killed"),
    q(PLOT, "why can't muthu maariamman help the village in padai veetu amman", PADAI, "vow"),
    q(TITLE, "what was padai veetu amman called in hindi", PADAI, "Devi Durga Shakti"),
    q(RELEASE, "when was padai veetu amman released", PADAI, "2002"),
    q(RUNTIME, "how long is padai veetu amman", PADAI, "145 min"),
    missing("where was padai veetu amman filmed", PADAI),
    q(SONGS, "who wrote the lyrics in padai veetu amman", PADAI, "Kalidasan"),
    # Parinay (1974): no plot
    q(D, "who directed parinay", PARINAY, "Kantilal Rathod"),
    q(TITLE, "what does parinay mean", PARINAY, "Espousal"),
    q(RECEPTION, "did parinay win any awards", PARINAY, "Nargis Dutt Award|National Integration"),
    q(RECEPTION, "what did kantilal rathod get for parinay", PARINAY, "Rajat Kamal|Silver Lotus"),
    q(SONGS, "who sang in parinay", PARINAY, "Anup Jalota|Manna Dey|Vani Jairam"),
    q(CREW, "who wrote parinay", PARINAY, "Vinay Shukla"),
    q(CREW, "who was the cinematographer of parinay", PARINAY, "K. K. Mahajan"),
    q(CAST, "who's in parinay", PARINAY, "Shabana Azmi"),
    q(RELEASE, "when was parinay released", PARINAY, "1974"),
    missing("what's the plot of parinay", PARINAY, reject=NO_PLOT_CLAIM),
    missing("how long is parinay", PARINAY),
    # Manathe Kottaram (1994)
    q(D, "who directed manathe kottaram", MANATHE, "Sunil"),
    q(TITLE, "what does manathe kottaram mean", MANATHE, "Palace on the sky"),
    q(PLOT, "what happens in manathe kottaram", MANATHE, "fans"),
    q(CAST, "is suresh gopi in manathe kottaram", MANATHE, "Satheesh Nair|cameo"),
    q(CAST, "who plays sabu in manathe kottaram", MANATHE, "Nadirsha"),
    q(RUNTIME, "manathe kottaram runtime", MANATHE, "122 min"),
    q(SONGS, "who wrote the songs' lyrics in manathe kottaram", MANATHE, "Gireesh Puthenchery"),
    q(CREW, "who distributed manathe kottaram", MANATHE, "Star Plus Release"),
    missing("what was the budget of manathe kottaram", MANATHE),
    # Minda Poochakku Kalyanam (1990)
    q(D, "who directed minda poochakku kalyanam", MINDA, "Alleppey Ashraf"),
    q(BASED, "is minda poochakku kalyanam a remake", MINDA, "Chitchor"),
    q(RECEPTION, "how did minda poochakku kalyanam do", MINDA, "disaster|criticised"),
    q(RECEPTION, "why did critics not like minda poochakku kalyanam", MINDA, "climax"),
    q(SETTING, "where is minda poochakku kalyanam set", MINDA, "Kuttanad"),
    q(PLOT, "is kumar really an engineer in minda poochakku kalyanam", MINDA, "overseer"),
    q(CAST, "who plays mini in minda poochakku kalyanam", MINDA, "Lissy"),
    q(CREW, "who wrote minda poochakku kalyanam", MINDA, "Jagadish"),
    q(RUNTIME, "how long is minda poochakku kalyanam", MINDA, "100 min"),
    # The Company of Strangers (1990)
    q(D, "who directed the company of strangers", COMPANY, "Cynthia Scott"),
    q(TITLE, "what was company of strangers called in the us", COMPANY, "Strangers in Good Company"),
    q(TITLE, "french title of the company of strangers", COMPANY, "Le Fabuleux gang des sept"),
    q(ABOUT, "what is the company of strangers about", COMPANY, "women", "bus"),
    q(SETTING, "where are the women stranded in the company of strangers", COMPANY, "cottage"),
    q(MADE, "was the company of strangers scripted", COMPANY, "improvise"),
    q(RECEPTION, "what awards did the company of strangers win", COMPANY, "Genie|Vancouver|Mannheim"),
    q(CAST, "who is the tour guide in the company of strangers", COMPANY, "Michelle Sweeney"),
    q(ORIGIN, "where is the company of strangers from", COMPANY, "Canada"),
    q(RUNTIME, "how long is the company of strangers", COMPANY, "101 min"),
    q(
        OTHER,
        "did anyone write a book about making the company of strangers",
        COMPANY,
        "Mary Meigs|In the Company of Strangers",
    ),
    # American Drug War: The Last White Hope (2007): a documentary, its infobox names it without the subtitle
    q(D, "who directed american drug war the last white hope", DRUG_WAR, "Kevin Booth"),
    q(ABOUT, "what is american drug war about", DRUG_WAR, "War on Drugs|Drug War"),
    q(MADE, "how long did american drug war take to make", DRUG_WAR, "three and a half years"),
    q(RECEPTION, "did american drug war win any awards", DRUG_WAR, "Best Documentary|Best Feature"),
    q(RUNTIME, "how long is american drug war", DRUG_WAR, "118 min"),
    q(CREW, "who narrates american drug war", DRUG_WAR, "Kevin Booth"),
    q(OTHER, "which tv channel showed american drug war", DRUG_WAR, "Showtime|Foxtel"),
    q(CAST, "is joe rogan in american drug war", DRUG_WAR, "yes"),
    missing("what was the budget of american drug war", DRUG_WAR),
    # Dhumketu (2016): no plot
    q(D, "who directed dhumketu", DHUMKETU, "Shafique Hasan"),
    q(TITLE, "what does dhumketu mean", DHUMKETU, "Comet"),
    q(CAST, "who does shakib khan play in dhumketu", DHUMKETU, "Shaon"),
    q(CAST, "who plays rukh moni in dhumketu", DHUMKETU, "Pori Moni"),
    q(RELEASE, "when did dhumketu come out", DHUMKETU, "2016"),
    q(MADE, "when was the first dhumketu teaser out", DHUMKETU, "January 9, 2016|9 January 2016"),
    q(ORIGIN, "what language is dhumketu", DHUMKETU, "Bengali"),
    q(CREW, "who wrote dhumketu", DHUMKETU, "Munir Reja|Munir Reza"),
    missing("what happens in dhumketu", DHUMKETU, reject=NO_PLOT_CLAIM),
    missing("what did critics think of dhumketu", DHUMKETU),
    # Antore Bahire (2012)
    q(D, "who directed antore bahire", ANTORE, "Somnath Sen"),
    q(PLOT, "what happens in antore bahire", ANTORE, "divorce|affair|mysterious entity"),
    q(PLOT, "who does dipto have an affair with in antore bahire", ANTORE, "Shruti"),
    q(CAST, "who plays khushi in antore bahire", ANTORE, "Debashree Roy"),
    q(CAST, "who plays riddhi in antore bahire", ANTORE, "Moubani Sorcar"),
    q(SONGS, "who wrote the lyrics for antore bahire", ANTORE, "Somnath Sen", reject=("Rajib Das",)),
    q(CAST, "whose debut was antore bahire", ANTORE, "Chitrangada Chakraborty"),
    q(CREW, "who edited antore bahire", ANTORE, "Dipak Mandal"),
    q(RELEASE, "when did antore bahire come out", ANTORE, "2012"),
    # Kelviyum Naane Pathilum Naane (1982)
    q(D, "who directed kelviyum naane pathilum naane", KELVIYUM, "N. Murugesh"),
    q(PLOT, "what does nirmal teach in kelviyum naane pathilum naane", KELVIYUM, "piano"),
    q(PLOT, "what happens to usha in kelviyum naane pathilum naane", KELVIYUM, "suicide"),
    q(PLOT, "how does kelviyum naane pathilum naane end", KELVIYUM, "liberated|Satyavati dies"),
    q(CAST, "who plays janaki in kelviyum naane pathilum naane", KELVIYUM, "Aruna Mucherla"),
    q(CAST, "who does karthik play in kelviyum naane", KELVIYUM, "Nirmal"),
    q(SONGS, "who wrote the lyrics for kelviyum naane pathilum naane", KELVIYUM, "Vaali|Valli"),
    q(RUNTIME, "how long is kelviyum naane pathilum naane", KELVIYUM, "125 min"),
    q(RELEASE, "when was kelviyum naane pathilum naane released", KELVIYUM, "1982"),
    # Shoshurbari Zindabad 2: upcoming when written, no plot, no runtime
    q(D, "who directed shoshurbari zindabad 2", SHOSHURBARI, "Debasish Biswas"),
    q(CAST, "who plays abir in shoshurbari zindabad 2", SHOSHURBARI, "Bappy Chowdhury"),
    q(MADE, "where was the muharat of shoshurbari zindabad 2", SHOSHURBARI, "Priyanka Shooting Spot"),
    q(MADE, "when did apu biswas sign for shoshurbari zindabad 2", SHOSHURBARI, "February 8, 2018|8 February 2018"),
    q(RELEASE, "is shoshurbari zindabad 2 out yet", SHOSHURBARI, "upcoming|certificate"),
    q(CREW, "who wrote the story of shoshurbari zindabad 2", SHOSHURBARI, "Abdullah Zahir Babu"),
    q(CREW, "who did the music of shoshurbari zindabad 2", SHOSHURBARI, "Emon Saha"),
    missing("how long is shoshurbari zindabad 2", SHOSHURBARI),
    missing("what is the plot of shoshurbari zindabad 2", SHOSHURBARI, reject=NO_PLOT_CLAIM),
    # Villadhi Villain (1995)
    q(D, "who directed villadhi villain", VILLADHI, "Sathyaraj"),
    q(CAST, "who does sathyaraj play in villadhi villain", VILLADHI, "Edison", "Sasthiriyaar"),
    q(TITLE, "what was villadhi villain called in hindi", VILLADHI, "Ek Aur Dharmatma"),
    q(TITLE, "villadhi villain telugu title", VILLADHI, "Sastry"),
    q(PLOT, "what is edison's job in villadhi villain", VILLADHI, "road roller"),
    q(PLOT, "what does edison demolish in villadhi villain", VILLADHI, "house"),
    q(SETTING, "where does edison live in villadhi villain", VILLADHI, "slum"),
    missing("what is the runtime of villadhi villain", VILLADHI),
    q(RECEPTION, "was villadhi villain a hit", VILLADHI, "superhit|success"),
    q(MADE, "was villadhi villain sathyaraj's first film as director", VILLADHI, "debut|first and only"),
    q(CAST, "who plays janaki in villadhi villain", VILLADHI, "Nagma"),
    q(SONGS, "who wrote the lyrics of villadhi villain", VILLADHI, "Vairamuthu"),
    q(CREW, "villadhi villain music director", VILLADHI, "Vidyasagar"),
    # Senthoorapandi (1993): the infobox and the article spell it differently
    q(D, "who directed sendhoorapandi", SENTHOORA, "S. A. Chandrasekhar"),
    q(CAST, "who plays meena in senthoorapandi", SENTHOORA, "Yuvarani"),
    q(MADE, "why is vijayakanth in sendhoorapandi", SENTHOORA, "established hero|free"),
    q(RECEPTION, "what did critics say about sendhoorapandi", SENTHOORA, "engaging|nothing new"),
    q(TITLE, "what was sendhoorapandi called in hindi", SENTHOORA, "Thakur Bhavani Singh"),
    q(PLOT, "who opposes vijay and meena's marriage in sendhoorapandi", SENTHOORA, "Ponnambalam"),
    q(RUNTIME, "how long is senthoorapandi", SENTHOORA, "138 min"),
    q(RELEASE, "when did sendhoorapandi come out", SENTHOORA, "1993"),
    q(SONGS, "who wrote the songs' lyrics for sendhoorapandi", SENTHOORA, "Vaali"),
    # Indivisible (2018): no plot section
    q(D, "who directed indivisible", INDIVISIBLE, "David G. Evans"),
    q(BASED, "is indivisible based on a true story", INDIVISIBLE, "Darren Turner"),
    q(MADE, "where was indivisible filmed", INDIVISIBLE, "Memphis"),
    q(MADE, "how long did indivisible take to shoot", INDIVISIBLE, "32 days"),
    q(MONEY, "what was indivisible's budget", INDIVISIBLE, "$2.7 million", reject=("$3.6 million",)),
    q(MONEY, "how much did indivisible gross", INDIVISIBLE, "$3.6 million", reject=("$2.7 million",)),
    q(MONEY, "how much did indivisible make its opening weekend", INDIVISIBLE, "$1.5 million"),
    q(RECEPTION, "what's indivisible's rotten tomatoes score", INDIVISIBLE, "72%"),
    q(ABOUT, "what is indivisible about", INDIVISIBLE, "chaplain"),
    q(CAST, "who plays darren turner in indivisible", INDIVISIBLE, "Justin Bruening"),
    q(RELEASE, "where did indivisible premiere", INDIVISIBLE, "Orpheum"),
    # The Owner (2012): 25 directors, one backpack
    q(D, "who directed the owner", OWNER, "Marty Shea"),
    q(ABOUT, "what is the owner about", OWNER, "backpack"),
    q(PLOT, "who does the backpack belong to in the owner", OWNER, "MacGuffin"),
    q(SETTING, "where does the owner take place", OWNER, "around the world"),
    missing("how much did the owner cost to make", OWNER),
    missing("what did critics say about the owner", OWNER),
    q(RECEPTION, "what record does the owner hold", OWNER, "Most Directors|Guinness"),
    q(MADE, "how many directors did the owner have", OWNER, "25"),
    q(MADE, "when did the owner start shooting", OWNER, "2010"),
    q(RELEASE, "when did the owner come out", OWNER, "2012"),
    q(CREW, "who did the music for the owner", OWNER, "David Alonso Garzon"),
    q(MADE, "who started collabfeature", OWNER, "Marty Shea", "Ian Bonner", context=True),
    missing("how long is the owner", OWNER),
    # Super Hero (2018)
    q(D, "who directed super hero", SUPER_HERO, "Ashiqur Rahman"),
    q(MADE, "where was super hero filmed", SUPER_HERO, "Australia"),
    q(CAST, "who does shakib khan play in super hero", SUPER_HERO, "Sami"),
    q(CAST, "who plays swapna in super hero", SUPER_HERO, "Shabnom Bubly"),
    q(CAST, "who is k.m. khalil in super hero", SUPER_HERO, "Tariq Anam Khan"),
    q(SONGS, "who sang boom boom in super hero", SUPER_HERO, "Protik Hasan|Pratik Hasan"),
    q(RELEASE, "how many theatres did super hero open in", SUPER_HERO, "80"),
    q(RUNTIME, "how long is super hero", SUPER_HERO, "146 min"),
    q(ORIGIN, "what language is super hero in", SUPER_HERO, "Bengali|Bangla"),
    missing("what was the budget of super hero", SUPER_HERO),
    # Kadavul (1997)
    q(D, "who directed kadavul", KADAVUL, "Velu Prabhakaran"),
    q(TITLE, "what does kadavul mean", KADAVUL, "God"),
    q(CAST, "who plays god in kadavul", KADAVUL, "Manivannan"),
    q(PLOT, "what does rajapandi challenge god to do in kadavul", KADAVUL, "human"),
    q(PLOT, "why was the temple closed in kadavul", KADAVUL, "caste"),
    q(TITLE, "what was kadavul called in telugu", KADAVUL, "Shakti"),
    q(RECEPTION, "how was kadavul received", KADAVUL, "well received"),
    q(OTHER, "is there a sequel to kadavul", KADAVUL, "Kadavul 2|sequel"),
    q(CAST, "who plays parvathi in kadavul", KADAVUL, "Roja"),
    q(RELEASE, "when did kadavul come out", KADAVUL, "1997"),
    missing("what was the budget of kadavul", KADAVUL),
    missing("how much did kadavul make at the box office", KADAVUL),
    # The Resurrection of Zachary Wheeler (1971)
    q(D, "who directed the resurrection of zachary wheeler", WHEELER, "Bob Wynn"),
    q(PLOT, "what are the somas in zachary wheeler", WHEELER, "DNA|grown|bodies"),
    q(TITLE, "what does soma mean in the resurrection of zachary wheeler", WHEELER, "Greek", "body"),
    q(MADE, "what was the resurrection of zachary wheeler shot on", WHEELER, "videotape"),
    q(MADE, "whose idea was the resurrection of zachary wheeler", WHEELER, "Tom Rolf"),
    q(
        SETTING,
        "where does the resurrection of zachary wheeler take place",
        WHEELER,
        "New Mexico|Alamogordo|Los Alamos",
    ),
    q(CAST, "who plays harry walsh in zachary wheeler", WHEELER, "Leslie Nielsen"),
    q(CAST, "who does angie dickinson play in the resurrection of zachary wheeler", WHEELER, "Layle Johnson"),
    q(PLOT, "how does the resurrection of zachary wheeler end", WHEELER, "expose"),
    q(ABOUT, "what is the resurrection of zachary wheeler about", WHEELER, "cloning|clone|transplant"),
    q(RUNTIME, "how long is the resurrection of zachary wheeler", WHEELER, "100 min"),
    # Kalavaadiya Pozhuthugal (2017)
    q(D, "who directed kalavaadiya pozhuthugal", KALAVAADIYA, "Thangar Bachan"),
    q(TITLE, "what does kalavaadiya pozhuthugal mean", KALAVAADIYA, "Stolen Moments"),
    q(MADE, "why was kalavaadiya pozhuthugal delayed", KALAVAADIYA, "financial"),
    q(MADE, "when did kalavaadiya pozhuthugal start filming", KALAVAADIYA, "March 2009|March 25, 2009"),
    q(MADE, "was kalavaadiya pozhuthugal shot in the us", KALAVAADIYA, "stay in India|stayed in India"),
    q(CAST, "who plays periyar in kalavaadiya pozhuthugal", KALAVAADIYA, "Sathyaraj"),
    q(CAST, "who does prabhu deva play in kalavaadiya pozhuthugal", KALAVAADIYA, "Porchezhiyan"),
    q(RECEPTION, "what did the new indian express think of kalavaadiya pozhuthugal", KALAVAADIYA, "tedious"),
    q(RELEASE, "when did kalavaadiya pozhuthugal finally come out", KALAVAADIYA, "2017"),
    q(OTHER, "who bought the satellite rights of kalavaadiya pozhuthugal", KALAVAADIYA, "Kalaignar TV"),
    # Things (1989): no plot section
    q(D, "who directed things 1989", THINGS, "Andrew Jordan"),
    q(
        RECEPTION,
        "is things really the worst movie ever",
        THINGS,
        "one of the worst|worst film ever made|worst films ever made|worst canadian",
    ),
    q(MADE, "where was things filmed", THINGS, "Scarborough|Toronto"),
    q(MADE, "what was things shot on", THINGS, "Super 8"),
    q(PLOT, "what happens in things 1989", THINGS, "cabin|womb"),
    q(CAST, "who's in things 1989", THINGS, "Barry J. Gillis|Amber Lynn"),
    q(OTHER, "when did things come out on dvd", THINGS, "2008"),
    q(RECEPTION, "what did rifftrax say about things", THINGS, "worst movie we've ever done|definitive, universal"),
    q(TITLE, "how is the title things stylized", THINGS, "stylized as things|stylised as things|capital"),
    q(RUNTIME, "how long is things 1989", THINGS, "83 min"),
    # The World of Henry Paris (1981): a compilation, unreadable runtime
    q(D, "who directed the world of henry paris", HENRY_PARIS, "Radley Metzger"),
    q(TITLE, "who is henry paris", HENRY_PARIS, "Metzger"),
    q(ABOUT, "what is the world of henry paris about", HENRY_PARIS, "compilation|highlights"),
    q(
        ABOUT,
        "which films are in the world of henry paris",
        HENRY_PARIS,
        "Misty Beethoven|Pamela Mann|Barbara Broadcast",
    ),
    q(CAST, "who's in the world of henry paris", HENRY_PARIS, "Jamie Gillis|Annette Haven|Georgina Spelvin"),
    q(CREW, "who distributed the world of henry paris", HENRY_PARIS, "VCA"),
    q(RELEASE, "when did the world of henry paris come out", HENRY_PARIS, "1981"),
    missing("how long is the world of henry paris", HENRY_PARIS),
    missing("who did the music for the world of henry paris", HENRY_PARIS),
    # Original Sin (2001): cast as a wikitable
    q(D, "who directed original sin 2001", ORIGINAL_SIN, "Michael Cristofer"),
    q(BASED, "what is original sin based on", ORIGINAL_SIN, "Waltz into Darkness"),
    q(BASED, "is original sin a remake", ORIGINAL_SIN, "Mississippi Mermaid"),
    q(SETTING, "where is original sin set", ORIGINAL_SIN, "Cuba"),
    q(SETTING, "when is original sin set", ORIGINAL_SIN, "19th century"),
    q(PLOT, "who is walter really in original sin", ORIGINAL_SIN, "Billy"),
    q(PLOT, "where does julia come from in original sin", ORIGINAL_SIN, "Delaware"),
    q(PLOT, "how does julia escape her execution in original sin", ORIGINAL_SIN, "priest"),
    q(MONEY, "what was the budget of original sin", ORIGINAL_SIN, "$42 million", reject=("$36.4 million",)),
    q(MONEY, "how much did original sin make", ORIGINAL_SIN, "$36.4 million", reject=("$42 million",)),
    q(RECEPTION, "how did critics like original sin", ORIGINAL_SIN, "poorly|12%"),
    q(
        RECEPTION,
        "did angelina jolie get a razzie nomination for original sin",
        ORIGINAL_SIN,
        "Golden Raspberry|Worst Actress",
    ),
    q(CAST, "who plays julia in original sin", ORIGINAL_SIN, "Angelina Jolie"),
    q(CAST, "who does thomas jane play in original sin", ORIGINAL_SIN, "Walter Downs"),
    q(RUNTIME, "how long is original sin", ORIGINAL_SIN, "116 min"),
    q(CREW, "who produced original sin 2001", ORIGINAL_SIN, "Denise Di Novi"),
    # Malibu Express (1985)
    q(D, "who directed malibu express", MALIBU, "Andy Sidaris"),
    q(MADE, "where was malibu express filmed", MALIBU, "Beverly Hills|Sunset Boulevard|Willow Springs|Mojave"),
    q(ABOUT, "what is malibu express about", MALIBU, "espionage|spy|spies"),
    q(CAST, "who plays cody abilene in malibu express", MALIBU, "Darby Hinton"),
    q(CAST, "who does sybil danning play in malibu express", MALIBU, "Contessa Luciana"),
    q(BASED, "is malibu express a remake", MALIBU, "Stacey"),
    q(PLOT, "who killed shane in malibu express", MALIBU, "murdered Shane"),
    q(RECEPTION, "how was malibu express reviewed", MALIBU, "routine|turkey|two stars"),
    q(OTHER, "when did malibu express come out on dvd", MALIBU, "2002"),
    q(RUNTIME, "how long is malibu express", MALIBU, "105 min"),
    q(CREW, "who did the music for malibu express", MALIBU, "Henry Strzelecki"),
    # That's Entertainment! (1974): a compilation, no plot, cast under "Appearances"
    q(D, "thats entertainment 1974 director", ENTERTAINMENT, "Jack Haley"),
    q(TITLE, "where does the title that's entertainment come from", ENTERTAINMENT, "song", "Band Wagon"),
    q(ABOUT, "what is that's entertainment about", ENTERTAINMENT, "compilation", "Metro-Goldwyn-Mayer|MGM"),
    q(MADE, "where were the host segments of that's entertainment filmed", ENTERTAINMENT, "backlot"),
    q(MONEY, "what was the budget of that's entertainment", ENTERTAINMENT, "$3.2 million", reject=("$19.1 million",)),
    q(MONEY, "how much did that's entertainment make", ENTERTAINMENT, "$19.1 million", reject=("$3.2 million",)),
    q(RELEASE, "where did that's entertainment premiere", ENTERTAINMENT, "Loew's Beverly"),
    q(CAST, "who hosts that's entertainment", ENTERTAINMENT, "Frank Sinatra", "Gene Kelly"),
    q(OTHER, "is there a sequel to thats entertainment", ENTERTAINMENT, "Part II|1976"),
    q(SONGS, "which songs are in that's entertainment", ENTERTAINMENT, "Singin' in the Rain|Over the Rainbow"),
    q(RUNTIME, "how long is that's entertainment", ENTERTAINMENT, "134 min"),
    q(CREW, "who did the music for that's entertainment", ENTERTAINMENT, "Henry Mancini"),
    q(OTHER, "why was the that's entertainment premiere overshadowed", ENTERTAINMENT, "Symbionese Liberation Army"),
    # Final Destination: the franchise article (an Infobox film for all five films)
    q(D, "who directed final destination", FINAL, "James Wong"),
    q(ABOUT, "what is final destination about", FINAL, "premonition|Death personified"),
    q(BASED, "what is final destination based on", FINAL, "X-Files|spec script"),
    q(MADE, "where did the idea for final destination come from", FINAL, "flight|plane"),
    q(PLOT, "what happens to carter at the end of final destination", FINAL, "neon sign"),
    q(PLOT, "how does kimberly survive in final destination 2", FINAL, "drown|new life"),
    q(SETTING, "where is flight 180 going in final destination", FINAL, "Paris"),
    q(SETTING, "where does final destination 3 take place", FINAL, "amusement park|roller coaster"),
    q(CAST, "who plays clear rivers in final destination", FINAL, "Ali Larter"),
    q(CAST, "who plays alex browning", FINAL, "Devon Sawa", context=True),
    q(MONEY, "how much did final destination make", FINAL, "$665 million|665,080,639"),
    q(RECEPTION, "what did critics think of final destination", FINAL, "praised|innovative|34%"),
    q(OTHER, "is there going to be a sixth final destination", FINAL, "reboot"),
    q(OTHER, "are there final destination books", FINAL, "novel"),
    q(CREW, "who composed the music for final destination", FINAL, "Shirley Walker"),
    q(
        PLOT,
        "what kills the survivors in final destination",
        FINAL,
        "Death personified|unseen force|Death's plan|Death's design",
    ),
    # written for this round, before any fix: new wording and kinds on the same articles
    q(ABOUT, "whats the company of strangers about", COMPANY, "bus"),
    q(MADE, "did the actors in the company of strangers improvise", COMPANY, "improvise"),
    q(ABOUT, "what is the main theme of the company of strangers", COMPANY, "aging|mortality"),
    missing("where is i'm not harry jenson set", HARRY),
    q(PLOT, "what is wendell like in new low", NEW_LOW, "neurotic|aimless"),
    q(RELEASE, "is new low on dvd", NEW_LOW, "DVD"),
    q(PLOT, "what do the policemen do in this rebel breed", REBEL, "undercover"),
    q(TITLE, "what was this rebel breed reissued as", REBEL, "Lola's Mistake|Three Shades of Love"),
    q(MADE, "how long did it take to write the resurrection of zachary wheeler", WHEELER, "three weeks"),
    missing("where was parinay filmed", PARINAY),
    q(PLOT, "what happens to walsh's job in zachary wheeler", WHEELER, "retract|job"),
    q(PLOT, "where is wheeler taken after the accident in zachary wheeler", WHEELER, "secret hospital|hospital"),
    q(PLOT, "who runs the secret hospital in zachary wheeler", WHEELER, "Redding"),
    q(MADE, "where was indivisible shot", INDIVISIBLE, "Memphis"),
    q(MADE, "where were the iraq scenes of indivisible filmed", INDIVISIBLE, "Santa Clarita"),
    missing("what is new low based on", NEW_LOW),
    q(RECEPTION, "what grade did cinemascore give indivisible", INDIVISIBLE, "A"),
    q(PLOT, "what does luis do to walter in original sin", ORIGINAL_SIN, "shoots"),
    q(PLOT, "how does original sin end", ORIGINAL_SIN, "Morocco|card game"),
    q(RECEPTION, "what did roger ebert think of original sin", ORIGINAL_SIN, "positive"),
    q(SETTING, "what country is original sin set in", ORIGINAL_SIN, "Cuba"),
    missing("who won an oscar for indivisible", INDIVISIBLE),
    q(PLOT, "who does rajapandi marry in kadavul", KADAVUL, "Parvathi"),
    q(SONGS, "how many songs are in kadavul", KADAVUL, "6"),
    q(PLOT, "what does shanmugam do in kadavul", KADAVUL, "kills a girl|corrupt"),
    q(TITLE, "what does the title dhumketu mean", DHUMKETU, "Comet"),
    q(MADE, "when did dhumketu get its censor certificate", DHUMKETU, "November 15, 2016|15 November 2016"),
    missing("where was the company of strangers filmed", COMPANY),
    q(RECEPTION, "what did the new zealand herald say about i'm not harry jenson", HARRY, "three stars|whodunnit"),
    q(RELEASE, "where was i'm not harry jenson's international premiere", HARRY, "Shanghai"),
)


QUESTIONS: tuple[EvalQuestion, ...] = BUNDLED_QUESTIONS + DEV_QUESTIONS


@dataclass
class EvalResult:
    """The outcome of one question."""

    item: EvalQuestion
    answer: str
    problems: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return not self.problems


_CITATION_END = r"(?=[),;\]]|\.(?:\s|$)|$)"  # "(Wikipedia: Batman)" cites Batman, "(Wikipedia: Batman Returns)" not


def _holds(answer: str, expected: str) -> bool:
    """Whether the folded answer states the fact in any of its listed spellings."""
    return any(fold(spelling) in answer for spelling in expected.split("|"))


def check(item: EvalQuestion, response: Response) -> EvalResult:
    """Judge one answer against its expectations (see the module docstring)."""
    plain = response.plain_text()
    hidden = " ".join(p.text for p in response.parts if isinstance(p, SpoilerPart))
    answer, folded_hidden = fold(f"{plain}\n{hidden}"), fold(hidden)
    result = EvalResult(item, f"{plain} ‖ spoiler: {hidden}" if hidden else plain)
    if response.is_error:
        result.problems.append("error")
    result.problems += [f"missing {e!r}" for e in item.expect if not _holds(answer, e)]
    result.problems += [f"has {r!r}" for r in item.reject if fold(r) in answer]
    result.problems += [f"spoiler lacks {s!r}" for s in item.spoiler if fold(s) not in folded_hidden]
    names = [fold(name) for name in item.film.split("|")]
    if item.kind is Kind.NOT_IN_ARTICLE:
        if not NOT_HELD.search(answer):
            result.problems.append("does not say the article lacks it")
        if not any(name in answer for name in names):
            result.problems.append(f"does not name {item.title}")
    elif not any(re.search(rf": {re.escape(name)}{_CITATION_END}", answer) for name in names):
        result.problems.append(f"no source about {item.title}")
    return result


def eval_club(folder: Path) -> tuple[FilmClub, IngestReport]:
    """A club on a new SQLite file in ``folder`` holding every evaluation article, and the ingest's report.

    The articles are filed as ``filmclub ingest data/films tests/fixtures/wikitext-dev`` files them.
    """
    url = f"sqlite:///{folder / 'eval.sqlite3'}"
    club = FilmClub(Settings(_env_file=None, FILMCLUB_DATABASE_URL=url, FILMCLUB_DATA_DIR=BUNDLED_DATA))  # type: ignore[call-arg]
    report = ingest_sources(club.library, EVAL_DOCUMENTS, workers=1)
    club.library_changed()
    return club, report


def run_eval(club: FilmClub, questions: tuple[EvalQuestion, ...] = QUESTIONS) -> list[EvalResult]:
    """Ask every question in its own channel (after ``/film info`` of the film for context questions)."""
    results = []
    for n, item in enumerate(questions):
        ctx = CommandContext(platform="eval", server_id="eval", channel_id=str(n), user_id="member")
        if item.context:
            club.run_line(f"/film info {item.title}", ctx)
        results.append(check(item, club.run_line(f"/film ask {item.question}", ctx)))
    return results


def score(results: list[EvalResult]) -> float:
    """The share of right answers, in per cent."""
    return 100 * sum(r.right for r in results) / len(results)
