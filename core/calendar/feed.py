"""The club's iCalendar file (RFC 5545): one event per party with a UID that never changes, and the club night.

Each party keeps ``UID:party-<id>@filmclub`` for ever, so a calendar app updates it instead of adding a copy;
``SEQUENCE`` goes up whenever what the event shows changes (time, film, place, cancellation), remembered in
``calendar_events``; a cancelled party stays in the file with ``STATUS:CANCELLED`` so subscribers drop it.
Times carry the club's zone with its VTIMEZONE; the club night is one recurring event (RRULE).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import Engine, insert, select, update

from core.calendar.schema import calendar_events
from core.library.model import LEAD_SECTION, Film
from core.library.store import FilmLibrary
from core.nights.store import ClubNight
from core.parties.plan import DEFAULT_RUNTIME, film_runtime
from core.parties.schema import parties
from core.parties.store import PartyStatus, as_utc

PRODID = "-//filmclub//club calendar//EN"
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
KEEP_PAST = timedelta(days=1)  # a party that just ended stays a day, so a sync right after still sees it
SUMMARY_PASSAGES = 2  # the lead's first sentences: what the film is, never the plot
NIGHT_HOURS = 3  # a club night's block in the calendar before its film is chosen


class CalendarFeed:
    """Builds a club's calendar from its parties and night, raising each event's SEQUENCE when it changed."""

    def __init__(self, engine: Engine, library: FilmLibrary) -> None:
        self.engine = engine
        self.library = library

    def ics(self, club_key: str, club_name: str, zone: str, now: datetime, night: ClubNight | None) -> bytes:
        """The calendar as bytes, ready to attach, upload or serve."""
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", f"{club_name} film club")
        calendar.add("x-wr-timezone", zone)
        tz = ZoneInfo(zone)
        for event in self._party_events(club_key, tz, now):
            calendar.add_component(event)
        if night is not None:
            calendar.add_component(self._night_event(club_key, night, now))
        calendar.add_missing_timezones()
        return bytes(calendar.to_ical())

    def _party_events(self, club_key: str, tz: ZoneInfo, now: datetime) -> list[Event]:
        query = (
            select(parties)
            .where(parties.c.club_key == club_key, parties.c.starts_at >= now - KEEP_PAST)
            .order_by(parties.c.starts_at, parties.c.id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        events = []
        for row in rows:
            film = self.library.get_film(row.film_id)
            minutes = film_runtime(film)[0] if film else DEFAULT_RUNTIME
            start = as_utc(row.starts_at).astimezone(tz)
            cancelled = row.status == PartyStatus.CANCELLED.value
            event = Event()
            event.add("uid", f"party-{row.id}@filmclub")
            event.add("summary", f"Watch party: {row.film_title}")
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=minutes))
            event.add("dtstamp", now)
            event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
            event.add("description", self._summary(film) if film else row.film_title)
            shown = f"{start.isoformat()}|{minutes}|{row.film_title}|{row.channel_id}|{row.status}"
            event.add("sequence", self._sequence(club_key, f"party-{row.id}", shown))
            events.append(event)
        return events

    def _night_event(self, club_key: str, night: ClubNight, now: datetime) -> Event:
        tz = ZoneInfo(night.zone)
        first = night.rule.night_after(now - timedelta(days=7 * night.every_weeks)).astimezone(tz)
        event = Event()
        event.add("uid", f"club-night-{_digest(club_key)[:16]}@filmclub")
        event.add("summary", "Club night")
        event.add("dtstart", first)
        event.add("dtend", first + timedelta(hours=NIGHT_HOURS))
        event.add("dtstamp", now)
        event.add("rrule", {"freq": "weekly", "interval": night.every_weeks, "byday": ICAL_DAYS[night.weekday]})
        event.add("description", f"{night.rule.describe()}: the film is chosen by the club's poll before each night.")
        shown = f"{night.rule_words}|{night.weekday}|{night.hour}:{night.minute}|{night.every_weeks}|{night.zone}"
        event.add("sequence", self._sequence(club_key, "club-night", shown))
        return event

    def _summary(self, film: Film) -> str:
        lead = [p.text for p in self.library.passages(film.id, LEAD_SECTION[0])][:SUMMARY_PASSAGES]
        return " ".join(lead) if lead else film.display_title

    def _sequence(self, club_key: str, event_key: str, shown: str) -> int:
        """The event's SEQUENCE: unchanged while it shows the same, one higher each time it changed."""
        fingerprint = _digest(shown)
        key = (calendar_events.c.club_key == club_key, calendar_events.c.event_key == event_key)
        with self.engine.begin() as conn:
            row = conn.execute(select(calendar_events).where(*key).with_for_update()).first()
            if row is None:
                conn.execute(
                    insert(calendar_events).values(
                        club_key=club_key, event_key=event_key, sequence=0, fingerprint=fingerprint
                    )
                )
                return 0
            if row.fingerprint == fingerprint:
                return int(row.sequence)
            conn.execute(update(calendar_events).where(*key).values(sequence=row.sequence + 1, fingerprint=fingerprint))
            return int(row.sequence) + 1


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
