"""The film first: the longest title or alias anywhere in a question, in every way members write one."""

from __future__ import annotations

import pytest

from core.answers.naming import find_named_film
from core.answers.titles import NameMatch, TitleIndex, loose_key
from core.app import FilmClub
from core.commands.registry import CommandContext
from core.documents.parsers import parse_document
from core.library.store import TitleEntry
from core.responses import CardPart, ChoicePart, Response, TextPart
from tests.answers.conftest import DEV_ARTICLES

FILMS = [
    (1, "E.T. the Extra-Terrestrial", 1982, ("E.T.",)),
    (2, "Batman", 1989, ()),
    (3, "Batman", 1966, ()),
    (4, "American Drug War: The Last White Hope", 2007, ("American Drug War",)),
    (5, "The Adventures of Milo and Otis", 1986, ("Koneko Monogatari", "子猫物語")),
    (6, "That's Entertainment!", 1974, ()),
    (7, "Kadavul", 1997, ("God",)),
    (8, "Cast Away", 2000, ()),
    (9, "Budget", 2001, ()),
    (10, "The Father", 2020, ()),
    (11, "Children of Heaven", 1997, ()),
    (12, "Things", 1989, ("THINGS",)),
    (13, "Final Destination", 2000, ()),
]


@pytest.fixture
def index() -> TitleIndex:
    return TitleIndex(
        TitleEntry(i, name, title, year) for i, title, year, aliases in FILMS for name in (title, *aliases)
    )


def named(index: TitleIndex, question: str) -> tuple[list[int], str] | None:
    found = find_named_film(index, question)
    if found is None:
        return None
    return [c.film_id for c in found.span.resolution.candidates], " ".join(found.rest.split())


@pytest.mark.parametrize(
    ("question", "film", "rest"),
    [
        ("who directed children of heaven", 11, "who directed"),  # the article title
        ("what is koneko monogatari about", 5, "what is about"),  # a native title from the lead
        ("who wrote 子猫物語", 5, "who wrote"),  # written in its own script
        ("who directed god", 7, "who directed"),  # a translated title
        ("is THINGS scary", 12, "is scary"),  # the stylised title
        ("who directed E.T.?", 1, "who directed .?"),  # an acronym with dots
        ("who directed ET", 1, "who directed"),  # and without
        ("who directed et the extra terrestrial", 1, "who directed"),
        ("how long is the last white hope", 4, "how long is"),  # the subtitle after a colon
        ("who made american drug war", 4, "who made"),  # the main title before it
        ("who directed adventures milo otis", 5, "who directed"),  # small words dropped
        ("when did thats entertainment come out", 6, "when did come out"),  # punctuation dropped
        ("who directed the 1989 batman", 2, "who directed the"),  # a year before the title
        ("budget of batman 1966", 3, "budget of"),  # and after it
        ("batman (1966) runtime", 3, ") runtime"),
        ("who plays the father in children of heaven", 11, "who plays the father in"),  # a subject is no title
        ("who is god in kadavul", 7, "who is god in"),
        ("what happens in final destination in the english version", 13, "what happens in in the english version"),
        ("who directed cast away", 8, "who directed"),  # a title holding a keyword ("cast")
        ("was children of heaven shot in the us", 11, "was shot in the us"),  # a title inside no role's words
    ],
)
def test_the_film_is_found_anywhere_in_the_question(index: TitleIndex, question: str, film: int, rest: str) -> None:
    assert named(index, question) == ([film], rest)


@pytest.mark.parametrize(
    "question",
    [
        "what was the budget",  # the question's own keyword, though a film is called Budget
        "who plays the father",  # the character asked about, though a film is called The Father
        "who plays the final destination",  # a role's name of several words, though a film is called so
        "how long is it",
        "who directed batmn",  # misspelled: left to the fuzzy look-up among the intent's leftovers
    ],
)
def test_no_film_is_named(index: TitleIndex, question: str) -> None:
    assert named(index, question) is None


def test_a_name_shared_by_remakes_without_a_year_is_ambiguous(index: TitleIndex) -> None:
    found = find_named_film(index, "who directed batman")
    assert found is not None and found.span.resolution.ambiguous


def test_the_longest_name_wins_and_an_exact_name_beats_a_loose_one(index: TitleIndex) -> None:
    spans = index.find_in(["who", "directed", "et", "the", "extra", "terrestrial"])
    assert (spans[0].start, spans[0].end, spans[0].match) == (2, 6, NameMatch.LOOSE)
    assert index.find_in(["who", "directed", "e", "t"])[0].match is NameMatch.EXACT


def test_loose_keys() -> None:
    assert loose_key("e t the extra terrestrial") == "et extra terrestrial"
    assert loose_key("adventures of milo and otis") == "adventures milo otis"
    assert loose_key("that s entertainment") == "thats entertainment"
    assert loose_key("c i mahadevan 5 adi 4 inchu") == "ci mahadevan 5 adi 4 inchu"


@pytest.mark.parametrize(
    ("article", "aliases"),
    [
        ("kadavul", {"God"}),  # {{lang-en|God}}
        ("kalavaadiya_pozhuthugal", {"Stolen Moments"}),
        ("aayiram_vaasal_idhayam", {"A heart with a thousand entrances"}),  # {{lit|…}}
        ("dhumketu_2016_film", {"The Comet"}),  # {{trans|…}}
        ("parinay", {"Espousal"}),  # (literally ''Espousal'')
        ("things_film", {"THINGS"}),  # (stylized as ''THINGS'')
        ("the_company_of_strangers", {"Strangers in Good Company", "Le Fabuleux gang des sept"}),
    ],
)
def test_the_lead_gives_other_titles(article: str, aliases: set[str]) -> None:
    path = DEV_ARTICLES / f"{article}.wiki"
    parsed = parse_document(path.read_text(), article, article.replace("_", " "))
    assert aliases <= set(parsed.aliases)


def _text(response: Response) -> str:
    return " ".join(p.text for p in response.parts if isinstance(p, TextPart))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who directed kalavaadiya pozhuthugal", "Thangar Bachan"),
        ("who directed stolen moments", "Thangar Bachan"),
        ("when did the company of strangers come out in the us", "1990"),
        ("who directed strangers in good company originally", "Cynthia Scott"),
        ("how long is the last white hope", "American Drug War"),
        ("who directed C.I. Mahadevan 5 Adi 4 Inchu", "Haridas"),
        ("who directed ci mahadevan 5 adi 4 inchu", "Haridas"),
        ("who directed im not harry jenson", "James Napier Robertson"),
        ("who directed the 1995 villadhi villain", "Sathyaraj"),
        ("who wrote thats entertainment", "That's Entertainment!"),
    ],
)
def test_questions_about_the_development_articles(
    dev_films: FilmClub, ctx: CommandContext, question: str, expected: str
) -> None:
    response = dev_films.run_line(f"/film ask {question}", ctx)
    assert expected in _text(response)


def test_a_bare_title_with_a_year_is_its_card(dev_films: FilmClub, ctx: CommandContext) -> None:
    response = dev_films.run_line("/film ask batman 1989?", ctx)
    assert isinstance(response.parts[0], CardPart)
    assert not any(isinstance(p, ChoicePart) for p in response.parts)
