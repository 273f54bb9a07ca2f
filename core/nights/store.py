"""Club nights in the database: one per club, set or turned off, and each night's run recorded once."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel
from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from core.nights.rule import NightRule
from core.nights.schema import club_nights, night_runs
from core.parties.store import as_utc


class ClubNight(BaseModel):
    """A club's night: where it is posted, its rule, and when its poll opens and closes before it."""

    club_key: str
    platform: str
    channel_id: str
    rule_words: str
    weekday: int
    hour: int
    minute: int
    every_weeks: int
    anchor: datetime
    zone: str
    opens_before: timedelta
    closes_before: timedelta
    created_by: str
    shard_key: int | None = None

    @property
    def rule(self) -> NightRule:
        """The dates of the night."""
        return NightRule(self.weekday, self.hour, self.minute, self.every_weeks, self.anchor, self.zone)

    def upcoming(self, now: datetime) -> datetime:
        """The next night whose poll has not closed yet: its poll is open now, or will open."""
        return self.rule.night_after(now + self.closes_before)


class NightStore:
    """Every club's night, and the nights already run."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def set(self, night: ClubNight) -> None:
        """Set (or replace) a club's night."""
        values = _row(night)
        with self.engine.begin() as conn:
            conn.execute(delete(club_nights).where(club_nights.c.club_key == night.club_key))
            conn.execute(insert(club_nights).values(**values))

    def off(self, club_key: str) -> bool:
        """Turn a club's night off; False when it had none."""
        with self.engine.begin() as conn:
            return bool(conn.execute(delete(club_nights).where(club_nights.c.club_key == club_key)).rowcount)

    def get(self, club_key: str) -> ClubNight | None:
        """A club's night, if it has one."""
        with self.engine.connect() as conn:
            row = conn.execute(select(club_nights).where(club_nights.c.club_key == club_key)).mappings().first()
        return _night(row) if row else None

    def of_platform(self, platform: str) -> list[ClubNight]:
        """Every night a platform's process runs."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(club_nights).where(club_nights.c.platform == platform)).mappings().all()
        return [_night(r) for r in rows]

    @staticmethod
    def claim_run(conn: Connection, club_key: str, night_at: datetime) -> bool:
        """Record that a night is being run, inside the caller's transaction; False when it already ran."""
        try:
            with conn.begin_nested():
                conn.execute(insert(night_runs).values(club_key=club_key, night_at=night_at))
        except IntegrityError:
            return False
        return True

    @staticmethod
    def record_poll(conn: Connection, club_key: str, night_at: datetime, poll_id: int) -> None:
        """Name the poll a night's run opened."""
        conn.execute(
            night_runs.update()
            .where(night_runs.c.club_key == club_key, night_runs.c.night_at == night_at)
            .values(poll_id=poll_id)
        )


def _row(night: ClubNight) -> dict[str, object]:
    values = night.model_dump(exclude={"rule_words", "opens_before", "closes_before"})
    values["rule"] = night.rule_words
    values["opens_before_min"] = int(night.opens_before.total_seconds() // 60)
    values["closes_before_min"] = int(night.closes_before.total_seconds() // 60)
    return values


def _night(row: object) -> ClubNight:
    values = dict(row)  # type: ignore[call-overload]
    values["rule_words"] = values.pop("rule")
    values["opens_before"] = timedelta(minutes=values.pop("opens_before_min"))
    values["closes_before"] = timedelta(minutes=values.pop("closes_before_min"))
    values["anchor"] = as_utc(values["anchor"])
    return ClubNight.model_validate(values)
