"""Club nights in words: weekday, time, every N weeks, read in the club's zone; bad words say why."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.nights.rule import NightError, parse_before, parse_night

NOW = datetime(2026, 3, 26, 12, 0, tzinfo=UTC)  # Thursday; clocks go forward in London on Sunday 29 March


def test_fridays_8pm_is_the_next_friday_and_keeps_its_hour_across_the_clock_change() -> None:
    rule = parse_night("fridays 8pm", "Europe/London", NOW)
    assert rule.anchor == datetime(2026, 3, 27, 20, 0, tzinfo=UTC)
    assert rule.night_after(rule.anchor) == datetime(2026, 4, 3, 19, 0, tzinfo=UTC)  # 20:00 BST


def test_every_two_weeks_on_thursday() -> None:
    rule = parse_night("every 2 weeks on thursday at 19:30", "UTC", NOW)
    assert rule.anchor == datetime(2026, 3, 26, 19, 30, tzinfo=UTC)
    assert rule.night_after(rule.anchor) == datetime(2026, 4, 9, 19, 30, tzinfo=UTC)
    assert rule.night_after(NOW + timedelta(days=30)) == datetime(2026, 5, 7, 19, 30, tzinfo=UTC)
    assert rule.describe() == "every 2 weeks on Thursday at 19:30 (UTC)"


@pytest.mark.parametrize(
    ("words", "says"), [("8pm", "Which day"), ("friday", "At what time"), ("friday 25:00", "not a time")]
)
def test_unreadable_nights_say_what_is_missing(words: str, says: str) -> None:
    with pytest.raises(NightError, match=says):
        parse_night(words, "UTC", NOW)


def test_offsets_before_the_night() -> None:
    assert parse_before("3 days before", timedelta(0)) == timedelta(days=3)
    assert parse_before(None, timedelta(hours=2)) == timedelta(hours=2)
    with pytest.raises(NightError):
        parse_before("soonish", timedelta(0))
