"""Reading a party's start time in the club's zone: future only, DST-proof, with clear refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.parties.when import WhenError, parse_when

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
# Thursday 26 March 2026, 21:56 in London (GMT; the clocks go forward on Sunday 29 March).
THURSDAY_NIGHT = datetime(2026, 3, 26, 21, 56, tzinfo=LONDON)


def local(words: str, zone: str = "Europe/London", now: datetime = THURSDAY_NIGHT) -> datetime:
    at = parse_when(words, zone, now)
    assert at.tzinfo is UTC
    return at.astimezone(ZoneInfo(zone))


def test_supported_phrases_in_the_clubs_zone() -> None:
    assert local("friday 8pm") == datetime(2026, 3, 27, 20, 0, tzinfo=LONDON)
    assert local("tomorrow at 19:30") == datetime(2026, 3, 27, 19, 30, tzinfo=LONDON)
    assert local("in 2 hours") == datetime(2026, 3, 26, 23, 56, tzinfo=LONDON)
    assert local("2026-12-05 20:00") == datetime(2026, 12, 5, 20, 0, tzinfo=LONDON)


def test_the_same_words_mean_the_clubs_own_evening() -> None:
    now = datetime(2026, 3, 26, 12, 0, tzinfo=UTC)
    london = parse_when("friday 8pm", "Europe/London", now)
    new_york = parse_when("friday 8pm", "America/New_York", now)
    assert london == datetime(2026, 3, 27, 20, 0, tzinfo=UTC)
    assert new_york == datetime(2026, 3, 28, 0, 0, tzinfo=UTC)  # 20:00 EDT is midnight UTC


def test_tonight_9pm_asked_at_21_56_is_refused_as_past() -> None:
    with pytest.raises(WhenError, match="already passed"):
        parse_when("tonight 9pm", "Europe/London", THURSDAY_NIGHT)


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("yesterday", "already passed"),
        ("2026-02-30 20:00", "February 2026 has 28 days"),
        ("2026-13-01 20:00", "no month 13"),
        ("asdf qwer", "couldn't read"),
        ("@everyone", "couldn't read"),
        ("2027-06-01 20:00", "more than a year"),
        ("friday", "At what time"),
        ("tomorrow", "At what time"),
    ],
)
def test_refusals_say_why(words: str, message: str) -> None:
    with pytest.raises(WhenError, match=message):
        parse_when(words, "Europe/London", THURSDAY_NIGHT)


def test_dst_week_a_local_time_after_the_change_keeps_its_hour() -> None:
    # Asked in GMT for a Friday in BST: 20:00 local is 19:00 UTC, not 20:00 UTC.
    at = parse_when("2026-04-03 20:00", "Europe/London", THURSDAY_NIGHT)
    assert at == datetime(2026, 4, 3, 19, 0, tzinfo=UTC)
    sunday = parse_when("sunday 8pm", "Europe/London", THURSDAY_NIGHT)
    assert sunday.astimezone(LONDON).hour == 20 and sunday == datetime(2026, 3, 29, 19, 0, tzinfo=UTC)


def test_dst_night_in_2_hours_is_elapsed_time() -> None:
    before_change = datetime(2026, 3, 28, 23, 30, tzinfo=LONDON)
    at = parse_when("in 2 hours", "Europe/London", before_change)
    assert at - before_change == timedelta(hours=2)
    assert at.astimezone(LONDON).strftime("%H:%M") == "02:30"  # 01:30 does not exist that night


def test_the_hour_the_clocks_skip_is_refused() -> None:
    with pytest.raises(WhenError, match="does not exist"):
        parse_when("2026-03-29 01:30", "Europe/London", THURSDAY_NIGHT)
    with pytest.raises(WhenError, match="does not exist"):
        parse_when("2026-03-08 02:30", "America/New_York", datetime(2026, 3, 1, tzinfo=UTC))


def test_autumn_change_keeps_the_local_hour_in_new_york() -> None:
    now = datetime(2026, 10, 30, 12, 0, tzinfo=UTC)  # EDT; the clocks go back on Sunday 1 November
    at = parse_when("2026-11-02 20:00", "America/New_York", now)
    assert at.astimezone(NEW_YORK).hour == 20 and at == datetime(2026, 11, 3, 1, 0, tzinfo=UTC)
