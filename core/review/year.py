"""Gathering a club's year: films watched at a party that year or rated that year, with the numbers members like.

The year runs from 1 January to 31 December in the club's own zone. Nothing here reads a plot: the review is
safe to post in any channel.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlalchemy import Engine, func, select

from core.history.store import watched
from core.library.store import FilmLibrary
from core.parties.plan import film_runtime
from core.ratings.schema import suggestion_log
from core.ratings.store import ClubRating, RatingStore, top_order

LEADERS = 3  # suggesters and regulars named


class ReviewFilm(BaseModel):
    """A film of the year with the club's rating of it, if any."""

    title: str
    rating: ClubRating | None = None


class YearReview(BaseModel):
    """Everything the year in review says; the text and the picture are both drawn from this."""

    year: int
    films_watched: int
    minutes_watched: int
    top: list[ReviewFilm]
    divisive: ReviewFilm | None
    suggesters: list[tuple[str, int]]
    parties: int
    attendances: int
    regulars: list[tuple[str, int]]
    rated_films: int

    @property
    def hours_watched(self) -> float:
        """Hours, to one decimal."""
        return round(self.minutes_watched / 60, 1)

    @property
    def empty(self) -> bool:
        """Nothing watched and nothing rated: there is no year to review."""
        return self.films_watched == 0 and self.rated_films == 0


def year_bounds(year: int, zone: str) -> tuple[datetime, datetime]:
    """The year's first instant and the next year's, in the club's zone."""
    tz = ZoneInfo(zone)
    return datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)


def review_year(engine: Engine, library: FilmLibrary, club_key: str, year: int, zone: str, now: datetime) -> YearReview:
    """Gather the club's year.

    Args:
        engine: the project database.
        library: for runtimes and titles.
        club_key: the club; nothing of another club is read.
        year: the calendar year in the club's zone.
        zone: the club's zone.
        now: parties that started by now count as watched.

    Returns:
        The review (``empty`` when the club neither watched nor rated anything that year).

    """
    start, end = year_bounds(year, zone)
    seen = [w for w in watched(engine, club_key, now, since=start) if w.watched_at < end]
    ratings = RatingStore(engine)
    rated_ids = ratings.rated_between(club_key, start, end)
    film_ids = {w.film_id for w in seen} | rated_ids
    by_film = ratings.club_ratings(club_key, film_ids)
    titles = {w.film_id: w.film_title for w in seen}
    minutes = 0
    for w in seen:
        film = library.get_film(w.film_id)
        minutes += film_runtime(film)[0] if film else 0
    for film_id in film_ids - titles.keys():
        film = library.get_film(film_id)
        titles[film_id] = film.display_title if film else f"film {film_id}"
    ranked = top_order(by_film)
    split = max((r for r in ranked if r.spread > 0), key=lambda r: (r.spread, -r.film_id), default=None)
    regulars = Counter(guest for w in seen for guest in w.guests)
    return YearReview(
        year=year,
        films_watched=len(seen),
        minutes_watched=minutes,
        top=[ReviewFilm(title=titles[r.film_id], rating=r) for r in ranked[:LEADERS]],
        divisive=ReviewFilm(title=titles[split.film_id], rating=split) if split else None,
        suggesters=_suggesters(engine, club_key, start, end),
        parties=len(seen),
        attendances=sum(len(w.guests) for w in seen),
        regulars=sorted(regulars.items(), key=lambda kv: (-kv[1], kv[0]))[:LEADERS],
        rated_films=len(rated_ids),
    )


def _suggesters(engine: Engine, club_key: str, start: datetime, end: datetime) -> list[tuple[str, int]]:
    count = func.count().label("n")
    query = (
        select(suggestion_log.c.member_name, count)
        .where(
            suggestion_log.c.club_key == club_key,
            suggestion_log.c.suggested_at >= start,
            suggestion_log.c.suggested_at < end,
        )
        .group_by(suggestion_log.c.member_name)
        .order_by(count.desc(), suggestion_log.c.member_name)
        .limit(LEADERS)
    )
    with engine.connect() as conn:
        return [(name, int(n)) for name, n in conn.execute(query)]


def review_lines(review: YearReview, club_name: str) -> list[str]:
    """The review as short lines: the chat text, and the picture's text, line for line."""
    lines = [f"{club_name}: {review.year} in review"]
    lines.append(f"{_count(review.films_watched, 'film')} watched · {review.hours_watched:g} hours together")
    if review.top:
        ranks = ", ".join(f"{f.title} {_mean(f.rating)}" for f in review.top)
        lines.append(f"Top rated: {ranks}")
    if review.divisive and review.divisive.rating:
        lines.append(
            f"Most divisive: {review.divisive.title} (ratings spread ±{review.divisive.rating.spread:.2f} stars)"
        )
    if review.suggesters:
        lines.append("Most suggestions: " + ", ".join(f"{name} ({n})" for name, n in review.suggesters))
    if review.parties:
        average = review.attendances / review.parties
        parties = _count(review.parties, "party", "parties")
        lines.append(f"{_count(review.attendances, 'seat')} taken at {parties} · {average:.1f} a party")
    if review.regulars:
        lines.append("Regulars: " + ", ".join(f"{name} ({n})" for name, n in review.regulars))
    return lines


def _count(n: int, noun: str, plural: str = "") -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _mean(rating: ClubRating | None) -> str:
    return f"({rating.mean:.2f} stars, {_count(rating.count, 'rating')})" if rating else ""
