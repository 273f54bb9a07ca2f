"""A small HTTP server for calendar subscriptions: ``GET /calendar/<token>.ics`` → the club's .ics, else 404.

Calendar apps poll the address every few hours, so the standard library's threading server is plenty; put it
behind the same HTTPS reverse proxy as the rest of the deployment. A wrong, rotated or guessed token gets the
same bare 404 as any other path: nothing says whether a club exists.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from core.app import FilmClub
from core.calendar.commands import club_ics
from core.calendar.tokens import CalendarTokens

_PATH = re.compile(r"^/calendar/([A-Za-z0-9_-]{20,64})\.ics$")


class CalendarServer(ThreadingHTTPServer):
    """The HTTP server, holding the club it serves calendars from."""

    daemon_threads = True

    def __init__(self, club: FilmClub, host: str, port: int) -> None:
        super().__init__((host, port), CalendarRequest)
        self.club = club


class CalendarRequest(BaseHTTPRequestHandler):
    """One request: the calendar for a live token, a 404 for everything else."""

    server: CalendarServer
    server_version = "filmclub"
    sys_version = ""

    def do_GET(self) -> None:
        """Serve the calendar of the token's club."""
        body = self._calendar()
        if body is None:
            self._send(404, "text/plain; charset=utf-8", b"Not found\n")
        else:
            self._send(200, "text/calendar; charset=utf-8", body)

    def _calendar(self) -> bytes | None:
        match = _PATH.match(self.path.split("?", 1)[0])
        if match is None:
            return None
        club = self.server.club
        club_key = CalendarTokens(club.engine).club_for(match.group(1))
        if club_key is None:
            return None
        return club_ics(club, club_key, datetime.now(UTC))

    def _send(self, status: int, media_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "private, max-age=300")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: request lines would carry the token, which is the club's secret."""
