"""Per-server settings: read with defaults, changed one field at a time.

Adapters read a club's settings (``club.clubs.get(ctx.club_key)``) to decide who is an organiser;
commands change them through `ClubStore`. Every read goes to the database: the one-shot console
and a running bot may change the same club, and a cached copy would go stale.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from core.clubs.schema import club_spoiler_channels, clubs
from core.clubs.zones import resolve_zone

log = logging.getLogger(__name__)
_SPOILER_CHANNEL = select(club_spoiler_channels.c.channel_id).where(  # built once: every command asks it
    club_spoiler_channels.c.club_key == bindparam("club_key"),
    club_spoiler_channels.c.channel_id == bindparam("channel_id"),
)


class ClubSettings(BaseModel):
    """One club's settings; defaults for a club that never changed any."""

    model_config = ConfigDict(frozen=True)

    club_key: str
    timezone: str
    reminder_day_before: bool = True
    reminder_soon: bool = True
    organiser_role: str | None = None
    prompts_channel: str | None = None
    spoiler_channels: tuple[str, ...] = ()


class ClubStore:
    """The settings of every club in one database."""

    def __init__(self, engine: Engine, default_timezone: str) -> None:
        self.engine = engine
        self.default_timezone = resolve_zone(default_timezone) or "UTC"
        if self.default_timezone != default_timezone:
            log.warning("default time zone %r read as %s", default_timezone, self.default_timezone)

    def get(self, club_key: str) -> ClubSettings:
        """Read a club's settings (the defaults when it has none stored).

        Args:
            club_key: ``platform:server`` (see ``CommandContext.club_key``).

        Returns:
            The settings.

        """
        with self.engine.connect() as conn:
            row = conn.execute(select(clubs).where(clubs.c.club_key == club_key)).mappings().first()
            channels = conn.execute(
                select(club_spoiler_channels.c.channel_id)
                .where(club_spoiler_channels.c.club_key == club_key)
                .order_by(club_spoiler_channels.c.channel_id)
            ).scalars()
            spoiler_channels = tuple(channels)
        if row is None:
            return ClubSettings(club_key=club_key, timezone=self.default_timezone)
        values = {k: v for k, v in row.items() if v is not None}
        values.setdefault("timezone", self.default_timezone)
        return ClubSettings(**values, spoiler_channels=spoiler_channels)

    def update(self, club_key: str, **values: Any) -> ClubSettings:
        """Change some settings of a club, creating its row on first change.

        Args:
            club_key: the club.
            **values: columns of the ``clubs`` table (``timezone``, ``reminder_soon``, ``prompts_channel`` …);
                None clears a setting back to its default.

        Returns:
            The settings after the change.

        """
        with self.engine.begin() as conn:
            self._ensure_row(conn, club_key)
            conn.execute(update(clubs).where(clubs.c.club_key == club_key).values(**values))
        return self.get(club_key)

    def set_spoiler_channel(self, club_key: str, channel_id: str, plain: bool) -> ClubSettings:
        """Let spoilers show plainly in a channel (``plain``), or hide them there again.

        Args:
            club_key: the club.
            channel_id: the channel, as the platform names it.
            plain: True to show spoilers plainly in that channel.

        Returns:
            The settings after the change.

        """
        with self.engine.begin() as conn:
            self._ensure_row(conn, club_key)
            where = (club_spoiler_channels.c.club_key == club_key) & (club_spoiler_channels.c.channel_id == channel_id)
            conn.execute(delete(club_spoiler_channels).where(where))
            if plain:
                conn.execute(insert(club_spoiler_channels).values(club_key=club_key, channel_id=channel_id))
        return self.get(club_key)

    def is_spoiler_channel(self, club_key: str, channel_id: str) -> bool:
        """Tell whether the club lets spoilers show plainly in this channel (one indexed lookup, every command)."""
        with self.engine.connect() as conn:
            found = conn.execute(_SPOILER_CHANNEL, {"club_key": club_key, "channel_id": channel_id}).first()
        return found is not None

    @staticmethod
    def _ensure_row(conn: Connection, club_key: str) -> None:
        exists = conn.execute(select(clubs.c.club_key).where(clubs.c.club_key == club_key)).first()
        if exists is None:
            try:
                with conn.begin_nested():
                    conn.execute(insert(clubs).values(club_key=club_key))
            except IntegrityError:  # another process created it between our read and insert
                pass
