"""``/club calendar [reset]``: the club's parties and nights as an .ics file, and a secret address to subscribe to."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from core.calendar.tokens import CalendarTokens
from core.commands.arguments import Arguments
from core.commands.registry import CommandContext, Registry
from core.nights.store import NightStore
from core.responses import FilePart, Response, TextPart, Visibility, error

if TYPE_CHECKING:
    from core.app import FilmClub

CALENDAR_NAME = "Our club"


class CalendarArguments(Arguments):
    """``/club calendar [reset]``."""

    action: Literal["reset"] | None = Field(None, description="reset: a new subscribe address (organisers)")


def register(registry: Registry) -> None:
    """Add the calendar command."""
    registry.command(
        "club",
        "calendar",
        "The club's parties and club nights for your calendar app",
        CalendarArguments,
        examples=("/club calendar", "/club calendar reset"),
    )(club_calendar)


def subscribe_path(token: str) -> str:
    """Where the calendar is served, under the deployment's public address."""
    return f"/calendar/{token}.ics"


def club_ics(club: FilmClub, club_key: str, now: datetime) -> bytes:
    """The club's calendar file as of ``now``: its parties and its night, in its zone (the command and the server)."""
    zone = club.clubs.get(club_key).timezone
    night = NightStore(club.engine).get(club_key)
    from core.calendar.feed import CalendarFeed  # icalendar, imported only when a calendar is written

    return CalendarFeed(club.engine, club.library).ics(club_key, CALENDAR_NAME, zone, now, night)


def club_calendar(club: FilmClub, ctx: CommandContext, args: CalendarArguments) -> Response:
    """The .ics file, plus the subscribe address where the deployment serves HTTP (only the asker sees it)."""
    tokens = CalendarTokens(club.engine)
    if args.action == "reset":
        if not club.is_organiser(ctx):
            return error("Only the club's organisers can reset the calendar address.")
        tokens.reset(ctx.club_key, ctx.moment)
    data = club_ics(club, ctx.club_key, ctx.moment)
    parts: list[TextPart | FilePart] = [
        FilePart(filename="film-club.ics", media_type="text/calendar", data=data, description="The club's calendar")
    ]
    base = club.settings.public_url.rstrip("/")
    if base:
        address = base + subscribe_path(tokens.token_for(ctx.club_key, ctx.moment))
        said = "A new address; the old one no longer works." if args.action == "reset" else "Keep it to the club."
        parts.insert(0, TextPart(text=f"Subscribe in your calendar app: {address} — {said}"))
    elif args.action == "reset":
        parts.insert(0, TextPart(text="This deployment serves no subscribe address (FILMCLUB_PUBLIC_URL is unset)."))
    return Response(parts=list(parts), visibility=Visibility.PRIVATE)
