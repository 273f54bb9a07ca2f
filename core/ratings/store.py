"""Ratings in the database: rate (one per member per film, changeable), the club's rating of a film, the top list.

Every query is filtered by the club (``club_key``): one server never sees another's ratings.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from statistics import fmean, pstdev

from pydantic import BaseModel
from sqlalchemy import Engine, bindparam, insert, select, update

from core.ratings.schema import ratings

MIN_RATINGS_FOR_TOP = 2
DAMPING = 2  # the top list orders by a mean pulled towards a neutral rating by this many ratings
NEUTRAL = 3.0  # stars: the pull of the damped mean
# Built once: every `/film info` card reads one film's ratings (building the query each time cost 3x running it).
_FILM_RATINGS = select(ratings.c.halves).where(
    ratings.c.club_key == bindparam("club_key"), ratings.c.film_id == bindparam("film_id")
)


class ClubRating(BaseModel):
    """A film's rating in one club: the plain mean in stars and how many members rated it."""

    film_id: int
    mean: float
    count: int
    spread: float = 0.0  # population standard deviation, in stars: how divided the club is

    def display(self) -> str:
        """``3.75 ★ from 4 ratings``."""
        noun = "rating" if self.count == 1 else "ratings"
        return f"{self.mean:.2f}".rstrip("0").rstrip(".") + f" ★ from {self.count} {noun}"


class RatingChange(BaseModel):
    """What ``rate`` did: the new rating in half stars and the one it replaced, if any."""

    halves: int
    previous: int | None


class RatingStore:
    """Every club's ratings in one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def rate(
        self, club_key: str, film_id: int, member_id: str, member_name: str, halves: int, at: datetime
    ) -> RatingChange:
        """Set a member's rating of a film, replacing their earlier one."""
        key = (ratings.c.club_key == club_key, ratings.c.film_id == film_id, ratings.c.member_id == member_id)
        with self.engine.begin() as conn:
            previous = conn.execute(select(ratings.c.halves).where(*key).with_for_update()).scalar()
            values = {"member_name": member_name, "halves": halves, "rated_at": at}
            if previous is None:
                conn.execute(insert(ratings).values(club_key=club_key, film_id=film_id, member_id=member_id, **values))
            else:
                conn.execute(update(ratings).where(*key).values(**values))
        return RatingChange(halves=halves, previous=previous)

    def club_rating(self, club_key: str, film_id: int) -> ClubRating | None:
        """The club's rating of one film, or None when nobody in the club rated it."""
        with self.engine.connect() as conn:
            halves = conn.execute(_FILM_RATINGS, {"club_key": club_key, "film_id": film_id}).scalars().all()
        return _club_rating(film_id, [h / 2 for h in halves]) if halves else None

    def club_ratings(self, club_key: str, film_ids: Iterable[int] | None = None) -> dict[int, ClubRating]:
        """The club's rating of each film (all the club rated when ``film_ids`` is None)."""
        query = select(ratings.c.film_id, ratings.c.halves).where(ratings.c.club_key == club_key)
        if film_ids is not None:
            query = query.where(ratings.c.film_id.in_(list(film_ids)))
        by_film: dict[int, list[float]] = {}
        with self.engine.connect() as conn:
            for film_id, halves in conn.execute(query):
                by_film.setdefault(film_id, []).append(halves / 2)
        return {film_id: _club_rating(film_id, values) for film_id, values in by_film.items()}

    def rated_between(self, club_key: str, start: datetime, end: datetime) -> set[int]:
        """Films any member of the club rated in ``[start, end)``."""
        query = select(ratings.c.film_id).where(
            ratings.c.club_key == club_key, ratings.c.rated_at >= start, ratings.c.rated_at < end
        )
        with self.engine.connect() as conn:
            return set(conn.execute(query.distinct()).scalars())


def _club_rating(film_id: int, stars: list[float]) -> ClubRating:
    return ClubRating(film_id=film_id, mean=fmean(stars), count=len(stars), spread=pstdev(stars))


def top_order(rated: dict[int, ClubRating]) -> list[ClubRating]:
    """The top list: films with at least two ratings, best first by the damped mean (plain mean shown).

    The damped mean ``(sum + DAMPING × 3 stars) / (count + DAMPING)`` keeps one enthusiastic pair of 5s from
    outranking a film eight members rated 4½; ties fall back to more ratings, then the film id for a stable order.
    """
    eligible = [r for r in rated.values() if r.count >= MIN_RATINGS_FOR_TOP]
    return sorted(
        eligible,
        key=lambda r: (-(r.mean * r.count + DAMPING * NEUTRAL) / (r.count + DAMPING), -r.count, r.film_id),
    )
