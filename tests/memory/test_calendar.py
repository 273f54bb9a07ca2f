"""The .ics: parsed back with icalendar; UIDs stable across exports, SEQUENCE on change, CANCELLED, VTIMEZONE, RRULE."""

from __future__ import annotations

from datetime import timedelta

from icalendar import Calendar

from core.app import FilmClub
from core.calendar.feed import CalendarFeed
from core.calendar.tokens import CalendarTokens
from core.nights.rule import parse_night
from core.nights.store import ClubNight
from core.parties.store import PartyStore
from tests.clubloop.conftest import NOW
from tests.memory.conftest import CLUB, OTHER, MakeParty

ZONE = "Asia/Tehran"


def _events(feed: CalendarFeed, night: ClubNight | None = None) -> dict[str, object]:
    calendar = Calendar.from_ical(feed.ics(CLUB, "Memory", ZONE, NOW, night))
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_a_party_keeps_its_uid_and_raises_sequence_only_when_it_changes(
    memory_club: FilmClub, make_party: MakeParty
) -> None:
    party = make_party("Children of Heaven", NOW + timedelta(days=2))
    make_party("Batman", NOW + timedelta(days=3), club_key=OTHER)
    feed = CalendarFeed(memory_club.engine, memory_club.library)
    first = _events(feed)
    assert list(first) == [f"party-{party.id}@filmclub"]  # the other club's party is not there
    event = first[f"party-{party.id}@filmclub"]
    assert event["SUMMARY"] == "Watch party: Children of Heaven"  # type: ignore[index]
    assert event["SEQUENCE"] == 0  # type: ignore[index]
    assert event.decoded("DTSTART").tzinfo.key == ZONE  # type: ignore[attr-defined]
    assert "Majid Majidi" in str(event["DESCRIPTION"])  # type: ignore[index]  # the lead, not the plot
    assert _events(feed)[f"party-{party.id}@filmclub"]["SEQUENCE"] == 0  # type: ignore[index]

    PartyStore(memory_club.engine).cancel(CLUB, party.id)
    cancelled = _events(feed)[f"party-{party.id}@filmclub"]
    assert cancelled["STATUS"] == "CANCELLED"  # type: ignore[index]
    assert cancelled["SEQUENCE"] == 1  # type: ignore[index]


def test_the_zone_ships_its_vtimezone(memory_club: FilmClub, make_party: MakeParty) -> None:
    make_party("Children of Heaven", NOW + timedelta(days=2))
    calendar = Calendar.from_ical(CalendarFeed(memory_club.engine, memory_club.library).ics(CLUB, "M", ZONE, NOW, None))
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [ZONE]


def test_the_club_night_is_one_recurring_event(memory_club: FilmClub) -> None:
    rule = parse_night("every 2 weeks on friday at 20:00", ZONE, NOW)
    night = ClubNight(
        club_key=CLUB,
        platform="console",
        channel_id="console",
        rule_words="every 2 weeks on friday at 20:00",
        weekday=rule.weekday,
        hour=rule.hour,
        minute=rule.minute,
        every_weeks=rule.every_weeks,
        anchor=rule.anchor,
        zone=ZONE,
        opens_before=timedelta(days=3),
        closes_before=timedelta(hours=2),
        created_by="host",
    )
    events = _events(CalendarFeed(memory_club.engine, memory_club.library), night)
    (event,) = [e for uid, e in events.items() if uid.startswith("club-night-")]
    rrule = event["RRULE"]  # type: ignore[index]
    assert (rrule["FREQ"], rrule["INTERVAL"], rrule["BYDAY"]) == (["WEEKLY"], [2], ["FR"])
    start = event.decoded("DTSTART")  # type: ignore[attr-defined]
    assert (start.hour, start.minute, start.weekday()) == (20, 0, 4)


def test_subscribe_tokens_are_per_club_and_a_reset_kills_the_old_one(memory_club: FilmClub) -> None:
    tokens = CalendarTokens(memory_club.engine)
    token = tokens.token_for(CLUB, NOW)
    assert tokens.token_for(CLUB, NOW) == token
    assert len(token) >= 32
    assert tokens.club_for(token) == CLUB
    assert tokens.club_for(tokens.token_for(OTHER, NOW)) == OTHER
    fresh = tokens.reset(CLUB, NOW)
    assert fresh != token
    assert tokens.club_for(token) is None
    assert tokens.club_for(fresh) == CLUB
    assert tokens.club_for("guess" * 6) is None
    assert tokens.club_for("") is None
