"""``/film search``: titles, and films by or with a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.ingest.bulk import ingest_sources
from core.responses import ListPart, Response


def lists(response: Response) -> list[ListPart]:
    return [p for p in response.parts if isinstance(p, ListPart)]


@pytest.mark.parametrize(
    ("words", "heading", "film"),
    [
        ("films by Majid Majidi", "Films by Majid Majidi (as director and writer)", "Children of Heaven (1997)"),
        ("films with Bahare Seddiqi", "Films with Bahare Seddiqi", "Children of Heaven (1997)"),
        ("movies by tim burton", "Films by tim burton (as director)", "Batman (1989)"),
        ("directed by Michael Curtiz", "Films directed by Michael Curtiz", "Four Daughters (1938)"),
        ("films starring Jackie Chan", "Films starring Jackie Chan", "Enter the Dragon (1973)"),
        ("with Shah Rukh Khan", "Films with Shah Rukh Khan", "Ra.One (2011)"),
        ("Danny Elfman", "Films with Danny Elfman (as composer)", "Batman (1989)"),
    ],
)
def test_films_of_a_person(films: FilmClub, ctx: CommandContext, words: str, heading: str, film: str) -> None:
    (found, *_) = lists(films.run_line(f"/film search {words}", ctx))
    assert found.title.startswith(heading) and film in found.items


@pytest.mark.parametrize(
    ("words", "film"),
    [
        ("dragon", "Enter the Dragon (1973)"),
        ("milo otis", "The Adventures of Milo and Otis (1986)"),
        ("vanity", "Vanity Fair (2004)"),
    ],
)
def test_title_words(films: FilmClub, ctx: CommandContext, words: str, film: str) -> None:
    (found,) = lists(films.run_line(f"/film search {words}", ctx))
    assert film in found.items


def test_nothing_found(films: FilmClub, ctx: CommandContext) -> None:
    assert "No films by Nobody Atall" in films.run_line("/film search films by Nobody Atall", ctx).plain_text()
    assert "No films found" in films.run_line("/film search qqqzzz", ctx).plain_text()


def test_search_for_a_small_word_finds_titles_holding_it(films: FilmClub, ctx: CommandContext) -> None:
    (found,) = lists(films.run_line("/film search the", ctx))
    assert found.items == ["Enter the Dragon (1973)", "The Adventures of Milo and Otis (1986)"]


def test_no_words_lists_the_library_a_to_z(films: FilmClub, ctx: CommandContext) -> None:
    for line in ("/film search", "/film list"):
        (listed,) = lists(films.run_line(line, ctx))
        assert listed.items[:3] == ["Azhagarsamy (1999)", "Batman (1989)", "Children of Heaven (1997)"]
        assert listed.title.startswith("The library: 9 films")


def test_list_newest_first(films: FilmClub, ctx: CommandContext) -> None:
    (listed,) = lists(films.run_line("/film list sort:year", ctx))
    years = [int(item[-5:-1]) for item in listed.items]
    assert years == sorted(years, reverse=True) and listed.items[0] == "Ra.One (2011)"


def _many_films(club: FilmClub, folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        title = f"Night Train {n:02d}"
        (folder / f"train{n}.wiki").write_text(
            f"{{{{Infobox film\n| name = {title}\n| director = Ann Example\n| released = {1950 + n}\n}}}}\n"
            f"'''{title}''' is a {1950 + n} film directed by Ann Example.\n"
        )
    ingest_sources(club.library, [folder])
    club.library_changed()


def test_a_long_library_is_paged_with_the_next_line(empty_club: FilmClub, ctx: CommandContext, tmp_path: Path) -> None:
    _many_films(empty_club, tmp_path / "films", 25)
    first = empty_club.run_line("/film list", ctx)
    (listed,) = lists(first)
    assert len(listed.items) == 20 and listed.items[0] == "Night Train 00 (1950)"
    assert "Page 1 of 2. Next: /film list sort:title page:2" in first.plain_text()
    (rest,) = lists(empty_club.run_line("/film list sort:title page:2", ctx))
    assert rest.items == [f"Night Train {n} ({1950 + n})" for n in range(20, 25)]
    assert "only 2 pages" in empty_club.run_line("/film list page:3", ctx).plain_text()
    searched = empty_club.run_line("/film search train page:2", ctx)
    assert len(lists(searched)[0].items) == 5 and "Page 2 of 2." in searched.plain_text()


def test_an_empty_library_says_how_to_fill_it(empty_club: FilmClub, ctx: CommandContext) -> None:
    assert "The library is empty: add films with /film add" in empty_club.run_line("/film list", ctx).plain_text()


def test_an_unknown_film_offers_film_add(films: FilmClub, ctx: CommandContext) -> None:
    text = films.run_line("/film info Bicycle Thieves", ctx).plain_text()
    assert "No film called “Bicycle Thieves”" in text
    assert "An organiser can add it from Wikipedia: /film add Bicycle Thieves" in text
