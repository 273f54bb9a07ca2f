"""Calendar tables: each exported event's SEQUENCE with what it showed, and each club's subscribe token."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Table

from core.database import metadata

# RFC 5545 wants SEQUENCE raised whenever an event changes; the fingerprint is what the last export showed
calendar_events = Table(
    "calendar_events",
    metadata,
    Column("club_key", String(200), primary_key=True),
    Column("event_key", String(100), primary_key=True),
    Column("sequence", Integer, nullable=False),
    Column("fingerprint", String(64), nullable=False),
)

calendar_tokens = Table(
    "calendar_tokens",
    metadata,
    Column("club_key", String(200), primary_key=True),
    Column("token", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
