"""The watchlist table: one row per film a club's member suggested, unique per club and film."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table, UniqueConstraint

from core.database import metadata

watchlist = Table(
    "watchlist",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("club_key", String(200), nullable=False),
    Column("film_id", Integer, nullable=False),
    Column("film_title", String(500), nullable=False),
    Column("suggested_by", String(200), nullable=False),
    Column("suggested_by_name", String(200), nullable=False),
    Column("suggested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("club_key", "film_id", name="uq_watchlist_club_film"),
    Index("ix_watchlist_club_suggested", "club_key", "suggested_at"),
)
