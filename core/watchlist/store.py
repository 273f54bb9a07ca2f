"""The watchlist in the database: suggest, withdraw, list, and pick the films for a poll.

Every query is filtered by the club (``club_key``): one server never sees another's suggestions.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import Engine, delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from core.parties.store import as_utc
from core.polls.schema import poll_films, polls
from core.ratings.schema import suggestion_log
from core.watchlist.schema import watchlist


class Suggestion(BaseModel):
    """One film on a club's watchlist: who suggested it, when, and how many polls it has been in."""

    id: int
    club_key: str
    film_id: int
    film_title: str
    suggested_by: str
    suggested_by_name: str
    suggested_at: datetime
    polls: int = 0


class WatchlistStore:
    """Every club's watchlist in one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def suggest(
        self, club_key: str, film_id: int, film_title: str, member: str, name: str, at: datetime
    ) -> tuple[Suggestion, bool]:
        """Put a film on the watchlist, once.

        Returns:
            The entry, and True when this call added it (False: it was already there, suggested by someone).

        """
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(watchlist).values(
                        club_key=club_key,
                        film_id=film_id,
                        film_title=film_title,
                        suggested_by=member,
                        suggested_by_name=name,
                        suggested_at=at,
                    )
                )
                conn.execute(
                    insert(suggestion_log).values(
                        club_key=club_key, film_id=film_id, member_id=member, member_name=name, suggested_at=at
                    )
                )
            added = True
        except IntegrityError:  # the unique (club, film) key: someone suggested it first
            added = False
        entry = self.entry(club_key, film_id)
        assert entry is not None  # just written, or the row that made the insert fail
        return entry, added

    def entry(self, club_key: str, film_id: int) -> Suggestion | None:
        """The club's entry for a film, if it is on the watchlist."""
        found = self._read(club_key, watchlist.c.film_id == film_id)
        return found[0] if found else None

    def entries(self, club_key: str) -> list[Suggestion]:
        """The club's watchlist, oldest suggestion first, with how many polls each film has been in."""
        return self._read(club_key, None)

    def remove(self, club_key: str, film_id: int) -> bool:
        """Take a film off the club's watchlist; False when it was not on it."""
        with self.engine.begin() as conn:
            gone = conn.execute(
                delete(watchlist).where(watchlist.c.club_key == club_key, watchlist.c.film_id == film_id)
            ).rowcount
        return bool(gone)

    def _read(self, club_key: str, where: object) -> list[Suggestion]:
        in_polls = (
            select(func.count())
            .select_from(poll_films.join(polls, polls.c.id == poll_films.c.poll_id))
            .where(polls.c.club_key == club_key, poll_films.c.film_id == watchlist.c.film_id)
            .scalar_subquery()
        )
        query = select(watchlist, in_polls.label("polls")).where(watchlist.c.club_key == club_key)
        if where is not None:
            query = query.where(where)  # type: ignore[arg-type]
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(watchlist.c.suggested_at, watchlist.c.id)).mappings().all()
        return [Suggestion.model_validate({**row, "suggested_at": as_utc(row["suggested_at"])}) for row in rows]


def pick_for_poll(entries: list[Suggestion], size: int) -> list[Suggestion]:
    """Choose a poll's films: oldest suggestions first, one per suggester while others' films wait.

    Args:
        entries: the watchlist, oldest first.
        size: how many films the poll holds.

    Returns:
        Up to ``size`` entries, in watchlist order.

    """
    first_each: list[Suggestion] = []
    seen: set[str] = set()
    for entry in entries:
        if entry.suggested_by not in seen:
            seen.add(entry.suggested_by)
            first_each.append(entry)
    chosen = first_each[:size]
    for entry in entries:
        if len(chosen) >= size:
            break
        if entry not in chosen:
            chosen.append(entry)
    return sorted(chosen, key=lambda e: (e.suggested_at, e.id))
