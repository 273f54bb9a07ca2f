"""Pages that are not one film's article are refused at ingest with the reason, and never become films."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from core.documents.not_films import NotAFilmArticle, many_works_clause, redirect_target
from core.documents.parsers import parse_document
from core.ingest.files import ingest_paths
from core.library.store import FilmLibrary

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOT_FILMS = sorted((FIXTURES / "not-films").glob("*.wiki"))


def test_the_not_film_pages_are_reported_and_never_become_films(engine: Engine) -> None:
    library = FilmLibrary(engine)

    report = ingest_paths(library, NOT_FILMS)

    assert len(report.documents) == len(NOT_FILMS) == 8
    for entry in report.documents:
        assert entry.status == "failed", entry.path
        assert entry.problems[0].startswith("not a film article: "), entry.problems
    assert library.count_films() == 0
    assert not report.ingested_anything


def test_each_refusal_says_what_the_page_is_instead() -> None:
    reasons = {}
    for path in NOT_FILMS:
        with pytest.raises(NotAFilmArticle) as refused:
            parse_document(path.read_text(encoding="utf-8"), f"file:{path.name}", path.stem)
        reasons[path.stem] = str(refused.value)

    assert "a redirect to 'Baazi (1968 film)'" in reasons["redirect"]
    assert "'is a series of Indian horror films'" in reasons["1920_film_series"]
    assert "television series" in reasons["twin_peaks"]
    assert "{{Infobox person}}" in reasons["werner_herzog"]


def test_the_development_articles_are_all_films(engine: Engine) -> None:
    articles = sorted((FIXTURES / "wikitext-dev").glob("*.wiki"))

    report = ingest_paths(FilmLibrary(engine), articles)

    assert [d.path for d in report.documents if d.status != "added"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "1920 is a series of Indian horror films.",
        "Twin Peaks is an American mystery horror drama television series created by Mark Frost.",
        "The Apu Trilogy is a film trilogy by Satyajit Ray.",
        "This is a list of films produced in Iran in 1997.",
        "Dekalog is a 1989 Polish drama series of ten films.",
    ],
)
def test_a_lead_that_defines_a_series_or_a_list(sentence: str) -> None:
    assert many_works_clause(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "1920: Evil Returns is a 2012 Indian horror film, the second film in the 1920 film series.",
        "It is the second film in the 1920 film series.",
        "Duel is a 1971 American television film directed by Steven Spielberg.",
        "Serial Mom is a 1994 American black comedy crime film.",
        "It was a series film made for the Hopalong Cassidy series.",
    ],
)
def test_a_film_in_a_series_is_still_a_film(sentence: str) -> None:
    assert many_works_clause(sentence) is None


def test_redirects_in_any_spelling() -> None:
    assert redirect_target("#REDIRECT [[Baazi (1968 film)]] {{R from modification}}") == "Baazi (1968 film)"
    assert redirect_target("  #redirect: [[Heat (1995 film)|Heat]]") == "Heat (1995 film)"
    assert redirect_target("'''Heat''' is a 1995 film. See #REDIRECT [[x]].") is None
