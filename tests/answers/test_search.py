"""``/film search``: titles, and films by or with a person."""

from __future__ import annotations

import pytest

from core.app import FilmClub
from core.commands.registry import CommandContext
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
