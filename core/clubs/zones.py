"""IANA time zones as members type them: ``europe/london`` is Europe/London, ``Mars/Base`` is not a zone."""

from __future__ import annotations

import zoneinfo
from functools import cache

from rapidfuzz import process

MAX_SUGGESTIONS = 3


@cache
def _zones_by_fold() -> dict[str, str]:
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


def resolve_zone(name: str) -> str | None:
    """Find the IANA name a typed zone means, or None when there is no such zone.

    Args:
        name: e.g. ``Europe/London``, ``europe/london``, ``UTC``.

    Returns:
        The canonical spelling, e.g. ``Europe/London``.

    """
    return _zones_by_fold().get(name.strip().replace(" ", "_").casefold())


def suggest_zones(name: str) -> list[str]:
    """List the zones closest to a mistyped one (``Europe/Londn`` → ``Europe/London``)."""
    found = process.extract(name.strip().casefold(), list(_zones_by_fold()), limit=MAX_SUGGESTIONS, score_cutoff=60)
    return [_zones_by_fold()[match] for match, _score, _index in found]


def zone_info(name: str) -> zoneinfo.ZoneInfo:
    """Load the zone of a stored IANA name; UTC when it is not known here (a stale row never breaks a party)."""
    canonical = resolve_zone(name)
    return zoneinfo.ZoneInfo(canonical) if canonical else zoneinfo.ZoneInfo("UTC")
