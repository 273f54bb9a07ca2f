"""The subscribe address over real HTTP on 127.0.0.1: the live token serves the .ics; others get 404."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from bots.web.server import CalendarServer
from core.app import FilmClub
from core.calendar.commands import subscribe_path
from core.calendar.tokens import CalendarTokens
from tests.memory.conftest import CLUB, OTHER, MakeParty


@pytest.fixture
def server(memory_club: FilmClub) -> Iterator[str]:
    web = CalendarServer(memory_club, "127.0.0.1", 0)
    thread = threading.Thread(target=web.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{web.server_address[1]}"
    web.shutdown()
    web.server_close()


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return reply.status, reply.headers["Content-Type"], reply.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers["Content-Type"], refused.read()


def test_the_live_token_serves_its_club_and_nothing_else(
    server: str, memory_club: FilmClub, make_party: MakeParty
) -> None:
    make_party("Batman", datetime.now(UTC) + timedelta(days=2))
    make_party("Welcome", datetime.now(UTC) + timedelta(days=2), club_key=OTHER)
    tokens = CalendarTokens(memory_club.engine)
    token = tokens.token_for(CLUB, datetime.now(UTC))
    status, media_type, body = _get(server + subscribe_path(token))
    assert (status, media_type) == (200, "text/calendar; charset=utf-8")
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(body).walk("VEVENT")] == ["Watch party: Batman"]

    tokens.reset(CLUB, datetime.now(UTC))
    for path in (subscribe_path(token), subscribe_path("x" * 32), "/calendar/", "/", "/calendar/../etc/passwd"):
        status, _, body = _get(server + path)
        assert (status, body) == (404, b"Not found\n"), path
