"""Ratings: the half-star scale as members type it, one changeable rating per member, the club's mean, the top list."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.app import FilmClub
from core.ratings.scale import RatingError, parse_stars, stars
from core.ratings.store import RatingStore, top_order
from tests.clubloop.conftest import NOW, film_ids
from tests.memory.conftest import CLUB, OTHER


@pytest.mark.parametrize(
    ("typed", "halves"),
    [("4", 8), ("3.5", 7), ("3,5", 7), ("4½", 9), ("½", 1), ("★★★½", 7), ("★★★★★", 10), ("7/10", 7), ("2/5", 4)],
)
def test_ratings_are_read_as_members_type_them(typed: str, halves: int) -> None:
    assert parse_stars(typed) == halves


@pytest.mark.parametrize("typed", ["0", "6", "4.25", "11/10", "", "great", "-1", "★★★★★★"])
def test_ratings_off_the_scale_get_a_message_naming_the_scale(typed: str) -> None:
    with pytest.raises(RatingError, match="half stars from ½ to 5"):
        parse_stars(typed)


def test_stars_are_drawn_with_a_half() -> None:
    assert stars(7) == "★★★½"
    assert stars(10) == "★★★★★"


def test_one_rating_per_member_changes_in_place_and_clubs_never_mix(memory_club: FilmClub) -> None:
    store = RatingStore(memory_club.engine)
    film = film_ids(memory_club)["Children of Heaven"]
    assert store.rate(CLUB, film, "u1", "Ana", 6, NOW).previous is None
    change = store.rate(CLUB, film, "u1", "Ana", 9, NOW + timedelta(hours=1))
    assert change.previous == 6
    store.rate(CLUB, film, "u2", "Bo", 8, NOW)
    store.rate(OTHER, film, "u9", "Elsewhere", 1, NOW)
    rating = store.club_rating(CLUB, film)
    assert rating is not None
    assert (rating.mean, rating.count) == (4.25, 2)
    assert rating.display() == "4.25 ★ from 2 ratings"
    elsewhere = store.club_rating(OTHER, film)
    assert elsewhere is not None and elsewhere.count == 1


def test_the_top_list_needs_two_ratings_and_damps_a_lucky_pair(memory_club: FilmClub) -> None:
    store = RatingStore(memory_club.engine)
    ids = film_ids(memory_club)
    for member in ("a", "b"):
        store.rate(CLUB, ids["Batman"], member, member, 10, NOW)  # two fives
    for member in "cdefghij":
        store.rate(CLUB, ids["Children of Heaven"], member, member, 9, NOW)  # eight 4.5s
    store.rate(CLUB, ids["Welcome"], "a", "a", 10, NOW)  # one rating only: not listed
    ranked = top_order(store.club_ratings(CLUB))
    assert [r.film_id for r in ranked] == [ids["Children of Heaven"], ids["Batman"]]
    assert ranked[1].mean == 5.0  # the plain mean is what is shown
