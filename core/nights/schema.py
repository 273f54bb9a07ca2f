"""Club-night tables: each club's recurring night, and the nights already run (one row each, once).

``night_runs`` has the club and the night's moment as its key: the bot opens a night's poll inside the
transaction that inserts that row, so no restart or second process opens it twice.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, String, Table

from core.database import metadata

club_nights = Table(
    "club_nights",
    metadata,
    Column("club_key", String(200), primary_key=True),
    Column("platform", String(40), nullable=False),
    Column("channel_id", String(200), nullable=False),
    Column("rule", String(200), nullable=False),  # the member's words, shown back in /club settings
    Column("weekday", Integer, nullable=False),  # Monday 0
    Column("hour", Integer, nullable=False),
    Column("minute", Integer, nullable=False),
    Column("every_weeks", Integer, nullable=False),
    Column("anchor", DateTime(timezone=True), nullable=False),  # the first night; later ones every N weeks
    Column("zone", String(64), nullable=False),
    Column("opens_before_min", Integer, nullable=False),
    Column("closes_before_min", Integer, nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("shard_key", BigInteger),
)

night_runs = Table(
    "night_runs",
    metadata,
    Column("club_key", String(200), primary_key=True),  # kept when the night is turned off: never run twice
    Column("night_at", DateTime(timezone=True), primary_key=True),
    Column("poll_id", Integer),  # None: the watchlist was empty and members were asked to suggest
)
