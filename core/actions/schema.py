"""The stored actions: what a button runs, for which club; the platform's button carries only the key."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, String, Table

from core.database import metadata

actions = Table(
    "actions",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("club_key", String(200), nullable=False),
    Column("command", JSON, nullable=False),  # {"group", "name", "arguments"}
    Column("source", JSON),  # the command whose answer the message is, re-run after a press
    Column("created_at", DateTime(timezone=True), nullable=False),
)
