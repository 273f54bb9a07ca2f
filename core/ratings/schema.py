"""The ratings table (one row per club, film and member) and the log of suggestions the year in review counts."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table

from core.database import metadata

ratings = Table(
    "ratings",
    metadata,
    Column("club_key", String(200), primary_key=True),
    Column("film_id", Integer, primary_key=True),
    Column("member_id", String(200), primary_key=True),
    Column("member_name", String(200), nullable=False),
    Column("halves", Integer, nullable=False),  # 1..10: half stars, so ½ is 1 and 5 stars is 10
    Column("rated_at", DateTime(timezone=True), nullable=False),
    Index("ix_ratings_club_rated", "club_key", "rated_at"),
)

# the watchlist forgets a suggestion when its film wins a poll; the year in review still counts it
suggestion_log = Table(
    "suggestion_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("club_key", String(200), nullable=False),
    Column("film_id", Integer, nullable=False),
    Column("member_id", String(200), nullable=False),
    Column("member_name", String(200), nullable=False),
    Column("suggested_at", DateTime(timezone=True), nullable=False),
    Index("ix_suggestion_log_club_at", "club_key", "suggested_at"),
)
