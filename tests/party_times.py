"""A club far from UTC, and what every text showing its party's time must and must not say.

Asia/Tehran is UTC+03:30 all year: a party at 20:00 there is 16:30 UTC, so a time written in UTC but
labelled with the club's zone ("16:30 (Asia/Tehran)") is caught on every platform.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

ZONE = "Asia/Tehran"
WHEN = "tomorrow 20:00"
UTC_CLOCK = "16:30"


def tomorrow_at_eight() -> datetime:
    """The instant "tomorrow 20:00" means in the far zone, read now."""
    tz = ZoneInfo(ZONE)
    day = datetime.now(UTC).astimezone(tz).date() + timedelta(days=1)
    return datetime.combine(day, time(20, 0), tz)


def assert_local(shown: str) -> None:
    """A text that writes the party's start in words: club-local wall time, never the UTC clock."""
    assert "20:00" in shown, shown
    assert UTC_CLOCK not in shown, shown
