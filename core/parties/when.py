"""When a party starts: human words ("friday 8pm", "in 2 hours") read in the club's time zone.

dateparser reads the words as a wall-clock time in the zone; we attach the zone ourselves with
zoneinfo so that a time that does not exist (the hour skipped when clocks go forward) is refused
instead of shifted, and a time after a DST change keeps its local hour. "In 2 hours" is elapsed
time, so durations under a day are added to the current instant, not to the wall clock. The
result is always checked to be in the future: dateparser's future preference does not cover
"tonight 9pm" asked at 21:56.
"""

from __future__ import annotations

import calendar
import logging
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from core.times import show_time

log = logging.getLogger(__name__)

MAX_AHEAD = timedelta(days=366)
EXAMPLES = "“friday 8pm”, “tomorrow at 19:30”, “in 2 hours” or “2026-12-05 20:00”"
# Words that really ask for midnight; any other time of 00:00 means no time was given ("friday").
_MIDNIGHT = re.compile(r"\bmidnight\b|\b0?0[:.h]00\b|\b12\s*am\b", re.IGNORECASE)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_PROBE = timedelta(minutes=1)


class WhenError(ValueError):
    """The words are not a usable start time; the message says why, for the member."""


def parse_when(words: str, zone: str, now: datetime) -> datetime:
    """Read the moment a member means, in UTC.

    Args:
        words: e.g. ``friday 8pm``, ``tomorrow at 19:30``, ``in 2 hours``, ``2026-12-05 20:00``.
        zone: the club's IANA zone the words are read in.
        now: the current moment (aware); injectable so tests control the clock.

    Returns:
        An aware UTC datetime in the future, at most a year ahead.

    Raises:
        WhenError: unreadable words, an impossible date, a time that does not exist in the zone,
            a time in the past or too far ahead.

    """
    tz = ZoneInfo(zone)
    base = now.astimezone(tz).replace(tzinfo=None)
    _check_calendar_date(words)
    wall = _read(words, zone, base)
    if wall is None:
        raise WhenError(f"I couldn't read “{words}” as a time. Try {EXAMPLES}.")
    offset = wall - base
    # Words counted from this very minute ("in 2 hours", "tomorrow") move with it; "friday 8pm" does not.
    relative = offset > timedelta(0) and _read(words, zone, base + _PROBE) == wall + _PROBE
    if relative and offset < timedelta(days=1):
        at = now + offset  # elapsed time, right across a DST change
    else:
        at = _localize(wall, tz, zone)
        no_time = relative and offset % timedelta(days=1) == timedelta(0)
        if no_time or (at.time() == datetime.min.time() and not _MIDNIGHT.search(words)):
            raise WhenError(f"At what time on {at:%A %-d %B}? Add one, e.g. “{at:%Y-%m-%d} 20:00”.")
    shown = show_time(at, zone)
    if at <= now:
        raise WhenError(f"{shown} has already passed. Pick a time in the future, e.g. {EXAMPLES}.")
    if at - now > MAX_AHEAD:
        raise WhenError(f"{shown} is more than a year away; parties can be planned up to a year ahead.")
    return at.astimezone(UTC)


def warm_up() -> None:
    """Load dateparser's language data now (≈ 0.1 s), not during a member's first command."""
    _read("friday 8pm", "UTC", datetime(2026, 1, 1))
    log.debug("dateparser warmed up")


def _read(words: str, zone: str, base: datetime) -> datetime | None:
    import dateparser  # here, not at the top: ≈ 35 ms of imports a lookup (`filmclub run "/film info …"`) never needs

    settings = {
        "PREFER_DATES_FROM": "future",
        "TIMEZONE": zone,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": base,
    }
    parsed = dateparser.parse(words, languages=["en"], settings=settings)
    return parsed if isinstance(parsed, datetime) else None


def _check_calendar_date(words: str) -> None:
    """Name the impossible date ("2026-02-30") instead of saying the words were unreadable."""
    for match in _ISO_DATE.finditer(words):
        year, month, day = (int(g) for g in match.groups())
        if not 1 <= month <= 12:
            raise WhenError(f"{match.group(0)}: there is no month {month}.")
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise WhenError(f"{match.group(0)}: {calendar.month_name[month]} {year} has {last} days.")


def _localize(wall: datetime, tz: ZoneInfo, zone: str) -> datetime:
    """Place the wall-clock time in the zone, refusing the hour the clocks skip (never moved silently)."""
    aware = wall.replace(tzinfo=tz)
    if aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall:
        raise WhenError(f"{wall:%H:%M} does not exist on {wall:%-d %B %Y} in {zone}: the clocks go forward then.")
    return aware
