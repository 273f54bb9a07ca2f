"""The one way an instant is written as text: in the club's zone, named, never the server's clock or UTC.

Instants are stored and passed as aware UTC datetimes; only text for people turns them into wall-clock
time, here. Platforms that can show a time in each member's own zone (Discord's ``<t:…>``, Slack's
``<!date^…>``) still use `show_time` for their fallback text.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

FULL = "%a %-d %b %Y %H:%M"
"""``Fri 4 Dec 2026 20:00``: a date and time anyone can read without context."""
DAY = "%a %-d %b %H:%M"
"""``Fri 4 Dec 20:00``: within a list whose year is plain."""
CLOCK = "%H:%M"
"""``20:00``: beside a date said otherwise."""


def local(at: datetime, zone: str) -> datetime:
    """The instant as wall-clock time in an IANA zone (UTC when the zone is unknown).

    Args:
        at: an aware datetime.
        zone: the club's IANA zone, e.g. ``Asia/Tehran``.

    Returns:
        The same instant in that zone.
    """
    return at.astimezone(_zone(zone))


def _zone(name: str) -> tzinfo:
    """A stored zone; UTC when this machine does not know it (a stale row never breaks a message)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def show_time(at: datetime, zone: str, layout: str = FULL, named: bool = True) -> str:
    """Write an instant in a zone: ``Fri 4 Dec 2026 20:00 (Asia/Tehran)``.

    Args:
        at: an aware datetime.
        zone: the club's IANA zone.
        layout: a strftime layout, `FULL` by default.
        named: add the zone's name in brackets.

    Returns:
        The local time as text.
    """
    text = local(at, zone).strftime(layout)
    return f"{text} ({zone})" if named else text
