"""Title resolution: exact, typos, missing articles, aliases, years, ties, suggestions."""

from __future__ import annotations

import pytest

from core.answers.titles import TitleIndex, split_year, title_key
from core.app import FilmClub
from core.commands.lookup import Found
from core.library.model import (
    Fact,
    FieldName,
    ParsedDocument,
    PersonValue,
    ReleaseKind,
    ReleaseValue,
    Source,
    SourceKind,
)
from core.library.store import TitleEntry

FILMS = [
    (1, "Children of Heaven", 1997, ()),
    (2, "The Adventures of Milo and Otis", 1986, ("The Adventures of Chatran", "子猫物語", "Koneko Monogatari")),
    (3, "Batman", 1989, ()),
    (4, "Batman Returns", 1992, ()),
    (5, "Enter the Dragon", 1973, ("龍爭虎鬥",)),
    (6, "Ra.One", 2011, ()),
    (7, "Solaris", 1972, ()),
    (8, "Solaris", 2002, ()),
    (9, "Heaven", 2002, ()),
    (10, "Blade Runner 2049", 2017, ()),
    (11, "Welcome", 2007, ()),
    (12, "Four Daughters", 1938, ()),
]


@pytest.fixture
def index() -> TitleIndex:
    entries = [TitleEntry(i, name, title, year) for i, title, year, aliases in FILMS for name in (title, *aliases)]
    return TitleIndex(entries)


def films(index: TitleIndex, query: str) -> list[int]:
    return [c.film_id for c in index.resolve(query).candidates]


@pytest.mark.parametrize(
    ("query", "film_id"),
    [
        ("Children of Heaven", 1),
        ("children of heaven", 1),
        ("CHILDREN OF HEAVEN!", 1),
        ("childern of haven", 1),
        ("children of heavn", 1),
        ("chldren of heaven", 1),
        ("childrenof heaven", 1),
        ("the children of heaven", 1),
        ("Adventures of Milo and Otis", 2),
        ("the adventures of milo & otis", 2),
        ("milo and otis", 2),
        ("The Adventures of Chatran", 2),
        ("adventures of chatran", 2),
        ("Koneko Monogatari", 2),
        ("子猫物語", 2),
        ("batmn", 3),
        ("Batman 1989", 3),
        ("batman (1989)", 3),
        ("batman returns", 4),
        ("batman retruns", 4),
        ("enter dragon", 5),
        ("enter teh dragon", 5),
        ("龍爭虎鬥", 5),
        ("ra.one", 6),
        ("ra one", 6),
        ("raone", 6),
        ("Solaris 1972", 7),
        ("solaris 2002", 8),
        ("solaris (1973)", 7),
        ("heaven", 9),
        ("Blade Runner 2049", 10),
        ("blade runner", 10),
        ("welcom", 11),
        ("4 daughters", 12),
    ],
)
def test_titles_resolve_to_one_film(index: TitleIndex, query: str, film_id: int) -> None:
    resolution = index.resolve(query)
    assert resolution.film_id == film_id, [c.title for c in resolution.candidates]


def test_two_films_equally_close_are_both_offered(index: TitleIndex) -> None:
    resolution = index.resolve("Solaris")
    assert resolution.ambiguous and resolution.film_id is None
    assert sorted((c.title, c.year) for c in resolution.candidates) == [("Solaris", 1972), ("Solaris", 2002)]
    assert index.resolve("solaros").ambiguous


def test_a_year_that_matches_nothing_finds_nothing(index: TitleIndex) -> None:
    assert films(index, "Batman 1960") == []
    assert films(index, "Solaris 1990") == []


@pytest.mark.parametrize("query", ["zzzzqqq", "the", "", "   ", "completely different film"])
def test_far_titles_resolve_to_nothing(index: TitleIndex, query: str) -> None:
    assert films(index, query) == []


def test_suggestions_for_an_unknown_title(index: TitleIndex) -> None:
    assert {e.title for e in index.suggest("Batmann Returns Again")[:2]} == {"Batman Returns", "Batman"}
    assert index.suggest("") == []


def test_candidates_carry_the_display_title_and_year(index: TitleIndex) -> None:
    (entry,) = index.resolve("koneko monogatari").candidates
    assert (entry.film_id, entry.title, entry.year) == (2, "The Adventures of Milo and Otis", 1986)
    assert index.film_title(5) == "Enter the Dragon"
    assert index.film_title(999) is None
    assert len(index) == len({title_key(n) for _, t, _, a in FILMS for n in (t, *a)})


def test_title_keys_and_years() -> None:
    assert title_key("The Adventures of Milo and Otis") == "adventures of milo and otis"
    assert title_key("The") == "the"
    assert split_year("Solaris (1972)") == ("Solaris", 1972)
    assert split_year("1917") == ("1917", None)
    assert split_year("Ra.One") == ("Ra.One", None)


def solaris(year: int, director: str) -> ParsedDocument:
    source = Source(document_id=f"test:solaris-{year}", kind=SourceKind.WIKITEXT, title=f"Solaris ({year} film)")
    return ParsedDocument(
        source=source,
        title="Solaris",
        year=year,
        facts=[
            Fact(field=FieldName.DIRECTOR, value=PersonValue(name=director), raw=director, source=source),
            Fact(
                field=FieldName.RELEASED,
                value=ReleaseValue(year=year, kind=ReleaseKind.RELEASE),
                raw=str(year),
                source=source,
            ),
        ],
    )


@pytest.fixture
def club_with_solaris(empty_club: FilmClub) -> FilmClub:
    club = empty_club
    club.library.save_document(solaris(1972, "Andrei Tarkovsky"), "h1972")
    club.library.save_document(solaris(2002, "Steven Soderbergh"), "h2002")
    club.library_changed()
    return club


def test_remakes_are_told_apart_by_year_in_the_library(club_with_solaris: FilmClub) -> None:
    club = club_with_solaris
    assert isinstance(early := club.find_film("Solaris 1972"), Found) and early.film.year == 1972
    assert isinstance(late := club.find_film("solaris 2002"), Found) and late.film.year == 2002
    assert early.film.id != late.film.id


def test_the_library_index_holds_every_bundled_film(films: FilmClub) -> None:
    club = films
    assert len(club.titles) >= club.library.count_films()
    for title in ("Batman", "Ra.One", "Welcome", "Azhagarsamy", "Four Daughters", "Vanity Fair", "Enter the Dragon"):
        assert club.titles.resolve(title).film_id is not None


def test_a_title_named_by_its_leading_words_resolves() -> None:
    entries = [
        TitleEntry(1, "C. I. Mahadevan 5 Adi 4 Inchu", "C. I. Mahadevan 5 Adi 4 Inchu", 2004),
        TitleEntry(2, "Mahadevan", "Mahadevan", 1990),
        *(TitleEntry(10 + n, f"Road Trip Part {n}", f"Road Trip Part {n}", 2000 + n) for n in range(12)),
    ]
    index = TitleIndex(entries)
    assert films(index, "ci mahadevan") == [1]
    assert films(index, "c i mahadevan 5") == [1]
    assert films(index, "ci mahadevan 2004") == [1]
    assert films(index, "ci mahadevan 1980") == []
    assert films(index, "mahadevan") == [2]
    assert index.resolve("road trip").film_id is None  # twelve films start so: no one of them is meant
