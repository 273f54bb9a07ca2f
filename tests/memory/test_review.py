"""The year in review: the numbers of the club's year, and a picture that draws every one of them."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from PIL import Image

from core.app import FilmClub
from core.ratings.store import RatingStore
from core.review.picture import MIN_HEIGHT, WIDTH, draw_card
from core.review.year import review_lines, review_year
from core.watchlist.store import WatchlistStore
from tests.clubloop.conftest import NOW, film_ids
from tests.memory.conftest import CLUB, OTHER, MakeParty


def _a_year(memory_club: FilmClub, make_party: MakeParty) -> None:
    ids = film_ids(memory_club)
    make_party("Children of Heaven", NOW - timedelta(days=30), guests=("ana", "bo", "cy"))
    make_party("Batman", NOW - timedelta(days=10), guests=("ana", "bo"))
    make_party("Welcome", NOW + timedelta(days=10), guests=("ana",))  # not started yet: not watched
    make_party("Ra.One", NOW - timedelta(days=400), guests=("ana",))  # last year
    make_party("Four Daughters", NOW - timedelta(days=5), club_key=OTHER, guests=("zed",))
    ratings = RatingStore(memory_club.engine)
    for member, halves in (("ana", 10), ("bo", 8), ("cy", 9)):
        ratings.rate(CLUB, ids["Children of Heaven"], member, member, halves, NOW)
    for member, halves in (("ana", 10), ("bo", 2)):
        ratings.rate(CLUB, ids["Batman"], member, member, halves, NOW)
    watchlist = WatchlistStore(memory_club.engine)
    watchlist.suggest(CLUB, ids["Vanity Fair"], "Vanity Fair", "bo", "bo", NOW)
    watchlist.suggest(CLUB, ids["Azhagarsamy"], "Azhagarsamy", "bo", "bo", NOW)
    watchlist.suggest(CLUB, ids["Welcome"], "Welcome", "ana", "ana", NOW)
    watchlist.remove(CLUB, ids["Welcome"])  # it won a poll: still counted


def test_the_year_counts_only_this_club_and_this_year(memory_club: FilmClub, make_party: MakeParty) -> None:
    _a_year(memory_club, make_party)
    review = review_year(memory_club.engine, memory_club.library, CLUB, 2026, "UTC", NOW)
    assert review.films_watched == 2
    assert review.minutes_watched > 150  # Children of Heaven and Batman's runtimes
    assert [f.title for f in review.top] == ["Children of Heaven", "Batman"]
    assert review.divisive is not None and review.divisive.title == "Batman"
    assert review.suggesters == [("bo", 2), ("ana", 1)]
    assert (review.parties, review.attendances) == (2, 5)
    assert review.regulars[0] == ("ana", 2)
    empty = review_year(memory_club.engine, memory_club.library, CLUB, 2024, "UTC", NOW)
    assert empty.empty


def test_the_picture_has_the_card_size_and_draws_every_number_of_the_text(
    memory_club: FilmClub, make_party: MakeParty
) -> None:
    _a_year(memory_club, make_party)
    review = review_year(memory_club.engine, memory_club.library, CLUB, 2026, "UTC", NOW)
    lines = review_lines(review, "Memory")
    picture = draw_card(lines)
    image = Image.open(io.BytesIO(picture.png))
    assert image.format == "PNG"
    assert image.size == (picture.width, picture.height)
    assert picture.width == WIDTH and picture.height >= MIN_HEIGHT
    numbers = re.compile(r"\d+(?:\.\d+)?")
    assert sorted(numbers.findall(" ".join(lines))) == sorted(numbers.findall(" ".join(picture.drawn)))
    # every drawn line left ink on the card: no text fell off the bottom
    grey = image.convert("L")
    assert grey.getbbox() is not None
    bottom = grey.crop((0, picture.height - 40, picture.width, picture.height))
    assert bottom.getextrema()[1] < 100  # the margin stays empty


def test_a_long_title_wraps_instead_of_leaving_the_card(memory_club: FilmClub) -> None:
    picture = draw_card(["Club: 2026 in review", "Top rated: " + "Longword" * 60 + " (4.50 stars, 2 ratings)"])
    assert len(picture.drawn) > 2
    assert "".join(picture.drawn[1:]).replace(" ", "") == (
        "Top rated: " + "Longword" * 60 + " (4.50 stars, 2 ratings)"
    ).replace(" ", "")
