"""The club's history, read from its parties: a party that reached its start is a film the club watched.

Nothing is written when a party starts: the parties table already holds the start and the guest list,
so the history can neither miss a party (a restart at the start) nor hold one twice.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import Engine, select

from core.parties.schema import parties, party_guests
from core.parties.store import PartyStatus, as_utc


class Watched(BaseModel):
    """A film the club watched: when, at which party, and who said they'd come."""

    party_id: int
    film_id: int
    film_title: str
    watched_at: datetime
    zone: str
    guests: list[str] = []


def watched(
    engine: Engine, club_key: str, now: datetime, limit: int | None = None, since: datetime | None = None
) -> list[Watched]:
    """The club's watched films, newest first.

    Args:
        engine: the project database.
        club_key: the club; no other club's parties are read.
        now: parties that started by now count.
        limit: at most this many (None: all).
        since: only parties that started at or after this (None: from the first).

    Returns:
        The history.

    """
    query = (
        select(parties.c.id, parties.c.film_id, parties.c.film_title, parties.c.starts_at, parties.c.zone)
        .where(
            parties.c.club_key == club_key,
            parties.c.status != PartyStatus.CANCELLED.value,
            parties.c.starts_at <= now,
        )
        .order_by(parties.c.starts_at.desc(), parties.c.id.desc())
        .limit(limit)
    )
    if since is not None:
        query = query.where(parties.c.starts_at >= since)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        ids = [r.id for r in rows]
        guests: dict[int, list[str]] = {i: [] for i in ids}
        for party_id, name in conn.execute(
            select(party_guests.c.party_id, party_guests.c.user_name)
            .where(party_guests.c.party_id.in_(ids))
            .order_by(party_guests.c.user_name)
        ):
            guests[party_id].append(name)
    return [
        Watched(
            party_id=r.id,
            film_id=r.film_id,
            film_title=r.film_title,
            watched_at=as_utc(r.starts_at),
            zone=r.zone,
            guests=guests[r.id],
        )
        for r in rows
    ]


def last_watched(engine: Engine, club_key: str, now: datetime) -> dict[int, datetime]:
    """When the club last watched each film it has watched (film id → date), to mark titles as watched."""
    return {w.film_id: w.watched_at for w in reversed(watched(engine, club_key, now))}
