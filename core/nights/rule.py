"""A club night in words ("fridays 8pm", "every 2 weeks on thursday at 19:30"), and its dates.

The words name a weekday, a time of day and optionally a period in weeks; the night's dates are that
wall-clock time in the club's zone, so a night stays at 20:00 across a DST change. Offsets for the poll
("3 days before", "2 hours before") are read as durations before the night.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

DEFAULT_OPENS_BEFORE = timedelta(days=3)
DEFAULT_CLOSES_BEFORE = timedelta(hours=2)
EXAMPLES = "“fridays 8pm” or “every 2 weeks on thursday at 19:30”"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = re.compile(r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\b", re.IGNORECASE)
_TIME = re.compile(r"\b(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?\b", re.IGNORECASE)
_EVERY = re.compile(r"\bevery\s+(\d+|other|second)\s+weeks?\b|\b(fortnightly|biweekly)\b", re.IGNORECASE)
_DURATION = re.compile(r"^\s*(\d+)\s*(minute|min|hour|hr|h|day|d|week|w)s?\b(\s+before)?\s*$", re.IGNORECASE)
_UNITS = {"minute": "minutes", "min": "minutes", "hour": "hours", "hr": "hours", "h": "hours"}
_UNITS |= {"day": "days", "d": "days", "week": "weeks", "w": "weeks"}


class NightError(ValueError):
    """The words are not a usable club night; the message says why, for the member."""


@dataclass(frozen=True)
class NightRule:
    """When a club meets: a weekday and time in a zone, every so many weeks from a first night."""

    weekday: int
    hour: int
    minute: int
    every_weeks: int
    anchor: datetime  # the first night (aware UTC)
    zone: str

    def night_after(self, moment: datetime) -> datetime:
        """The first night strictly after ``moment`` (aware UTC)."""
        tz = ZoneInfo(self.zone)
        first = self.anchor.astimezone(tz).date()
        periods = (moment.astimezone(tz).date() - first).days // 7 // self.every_weeks
        weeks = max(0, periods - 1) * self.every_weeks  # one period early: the wall time may fall either side
        while True:
            day = first + timedelta(weeks=weeks)
            night = datetime(day.year, day.month, day.day, self.hour, self.minute, tzinfo=tz).astimezone(UTC)
            if night > moment:
                return night
            weeks += self.every_weeks

    def describe(self) -> str:
        """``every Friday at 20:00`` / ``every 2 weeks on Thursday at 19:30``."""
        day = WEEKDAYS[self.weekday].capitalize()
        every = f"every {day}" if self.every_weeks == 1 else f"every {self.every_weeks} weeks on {day}"
        return f"{every} at {self.hour:02d}:{self.minute:02d} ({self.zone})"


def parse_night(words: str, zone: str, now: datetime) -> NightRule:
    """Read a club night.

    Args:
        words: e.g. ``fridays 8pm``, ``every 2 weeks on thursday at 19:30``.
        zone: the club's IANA zone.
        now: the current moment; the first night is the next one after it.

    Returns:
        The rule.

    Raises:
        NightError: no weekday, no time, or a time that is not a time of day.

    """
    day = _DAY.search(words)
    if day is None:
        raise NightError(f"Which day of the week is “{words}”? Try {EXAMPLES}.")
    weekday = next(i for i, name in enumerate(WEEKDAYS) if name.startswith(day.group(1).casefold()[:3]))
    rest = words[: day.start()] + " " + words[day.end() :]
    every_weeks = 1
    every = _EVERY.search(rest)
    if every is not None:
        count = every.group(1)
        every_weeks = 2 if count is None or not count.isdigit() else int(count)
        rest = rest[: every.start()] + " " + rest[every.end() :]
    if not 1 <= every_weeks <= 8:
        raise NightError("A club night can repeat every 1 to 8 weeks.")
    hour, minute = _time_of_day(rest, words)
    tz = ZoneInfo(zone)
    local = now.astimezone(tz)
    ahead = (weekday - local.weekday()) % 7
    first_day = (local + timedelta(days=ahead)).date()
    first = datetime(first_day.year, first_day.month, first_day.day, hour, minute, tzinfo=tz).astimezone(UTC)
    if first <= now:
        first += timedelta(weeks=1)
    return NightRule(weekday, hour, minute, every_weeks, first, zone)


def parse_before(words: str | None, default: timedelta) -> timedelta:
    """Read ``3 days before`` / ``2 hours`` as a duration before the night.

    Raises:
        NightError: words that are not a number and a unit.

    """
    if not words:
        return default
    match = _DURATION.match(words)
    if match is None:
        raise NightError(f"I couldn't read “{words}” as a time before the night; try “3 days before” or “2 hours”.")
    return timedelta(**{_UNITS[match.group(2).casefold()]: int(match.group(1))})


def _time_of_day(rest: str, words: str) -> tuple[int, int]:
    for match in _TIME.finditer(rest):
        hour, minute, half = int(match.group(1)), int(match.group(2) or 0), (match.group(3) or "").casefold()
        if not match.group(2) and not half:
            continue  # a bare number ("every 2") is no time
        if half:
            if not 1 <= hour <= 12:
                raise NightError(f"{match.group(0)} is not a time of day.")
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour > 23 or minute > 59:
            raise NightError(f"{match.group(0)} is not a time of day.")
        return hour, minute
    raise NightError(f"At what time is “{words}”? Add one, e.g. “fridays 8pm” or “thursday at 19:30”.")
