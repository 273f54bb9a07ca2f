"""Per-club subscribe tokens: unguessable, one live token per club, replaced by ``/club calendar reset``."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import Engine, delete, insert, select

from core.calendar.schema import calendar_tokens

TOKEN_BYTES = 24  # 192 random bits: not guessable, and short enough for a URL


class CalendarTokens:
    """Every club's subscribe token."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def token_for(self, club_key: str, now: datetime) -> str:
        """The club's live token, made on first use."""
        with self.engine.begin() as conn:
            found = conn.execute(select(calendar_tokens.c.token).where(calendar_tokens.c.club_key == club_key)).scalar()
            if found is not None:
                return str(found)
            token = secrets.token_urlsafe(TOKEN_BYTES)
            conn.execute(insert(calendar_tokens).values(club_key=club_key, token=token, created_at=now))
            return token

    def reset(self, club_key: str, now: datetime) -> str:
        """A new token for the club; the old address stops working at once."""
        with self.engine.begin() as conn:
            conn.execute(delete(calendar_tokens).where(calendar_tokens.c.club_key == club_key))
            token = secrets.token_urlsafe(TOKEN_BYTES)
            conn.execute(insert(calendar_tokens).values(club_key=club_key, token=token, created_at=now))
            return token

    def club_for(self, token: str) -> str | None:
        """The club a token belongs to; None for a rotated, guessed or malformed one."""
        if not 20 <= len(token) <= 64:
            return None
        with self.engine.connect() as conn:
            found = conn.execute(select(calendar_tokens.c.club_key).where(calendar_tokens.c.token == token)).scalar()
        return str(found) if found is not None else None
