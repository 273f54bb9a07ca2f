"""Poll tables: the polls, each one's films in order, the votes, and the presses already counted.

A vote is a row keyed by (poll, member, film): the database itself makes a second identical vote
impossible. A press (a button's interaction id) is recorded once, so the same press delivered twice
(a platform's retry) changes nothing the second time.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table

from core.database import metadata

polls = Table(
    "polls",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("club_key", String(200), nullable=False),
    Column("platform", String(40), nullable=False),
    Column("channel_id", String(200), nullable=False),
    Column("status", String(20), nullable=False),
    Column("opened_by", String(200), nullable=False),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("closes_at", DateTime(timezone=True), nullable=False),
    Column("zone", String(64), nullable=False),
    Column("closed_at", DateTime(timezone=True)),
    Column("winner_film_id", Integer),
    Column("tie_drawn", Boolean, nullable=False, default=False),
    Column("late", Boolean, nullable=False, default=False),
    # set when a club night opened the poll: the party for the winner starts then
    Column("night_at", DateTime(timezone=True)),
    Column("party_id", Integer),
    Column("shard_key", BigInteger),
    Index("ix_polls_club_status", "club_key", "status"),
    Index("ix_polls_platform_status", "platform", "status"),
)

poll_films = Table(
    "poll_films",
    metadata,
    Column("poll_id", Integer, ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("film_id", Integer, nullable=False),
    Column("film_title", String(500), nullable=False),
    Index("uq_poll_films_film", "poll_id", "film_id", unique=True),
)

poll_votes = Table(
    "poll_votes",
    metadata,
    Column("poll_id", Integer, ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", String(200), primary_key=True),
    Column("film_id", Integer, primary_key=True),
    Index("ix_poll_votes_poll_film", "poll_id", "film_id"),
)

poll_presses = Table(
    "poll_presses",
    metadata,
    Column("poll_id", Integer, ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
    Column("press_id", String(200), primary_key=True),
)
