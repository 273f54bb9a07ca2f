"""Club tables: one row of settings per server (club), and the channels where spoilers show plainly.

A club with no row yet uses the defaults (the process's ``FILMCLUB_TIMEZONE``, both reminders on).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, String, Table

from core.database import metadata

clubs = Table(
    "clubs",
    metadata,
    Column("club_key", String(200), primary_key=True),
    Column("timezone", String(64)),
    Column("reminder_day_before", Boolean, nullable=False, default=True),
    Column("reminder_soon", Boolean, nullable=False, default=True),
    Column("organiser_role", String(200)),
    Column("prompts_channel", String(200)),
)

club_spoiler_channels = Table(
    "club_spoiler_channels",
    metadata,
    Column("club_key", String(200), ForeignKey("clubs.club_key", ondelete="CASCADE"), primary_key=True),
    Column("channel_id", String(200), primary_key=True),
)
