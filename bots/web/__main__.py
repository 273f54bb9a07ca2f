"""``python -m bots.web``: serve the clubs' calendar subscriptions on FILMCLUB_CALENDAR_PORT."""

from __future__ import annotations

import logging

from bots.web.server import CalendarServer
from core.app import FilmClub
from core.logs import configure_logging
from core.settings import load_settings

log = logging.getLogger("filmclub.web")


def main() -> None:
    """Open the database and serve until stopped."""
    settings = load_settings()
    configure_logging(settings)
    club = FilmClub(settings)
    server = CalendarServer(club, "0.0.0.0", settings.calendar_port)
    log.info("calendar server listening", extra={"port": settings.calendar_port})
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
