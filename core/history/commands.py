"""``/club history``: the films this club watched, newest first, with who joined."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from pydantic import Field

from core.commands.arguments import Arguments
from core.commands.registry import CommandContext, Registry
from core.history.store import watched
from core.ratings.store import RatingStore
from core.responses import ListPart, Response, TextPart

if TYPE_CHECKING:
    from core.app import FilmClub

SHOWN = 50


class HistoryArguments(Arguments):
    """``/club history [limit:N]``."""

    limit: int = Field(SHOWN, description="How many (default 50)", ge=1, le=500)


def register(registry: Registry) -> None:
    """Add the history command.

    Args:
        registry: the bot's command registry.

    """
    registry.command(
        "club",
        "history",
        "The films this club watched, newest first",
        HistoryArguments,
        examples=("/club history",),
    )(club_history)


def club_history(club: FilmClub, ctx: CommandContext, args: HistoryArguments) -> Response:
    """List the club's watched films: a party that reached its start counts, with its date and guests."""
    seen = watched(club.engine, ctx.club_key, ctx.now or datetime.now(UTC), args.limit)
    if not seen:
        return Response(parts=[TextPart(text="No film watched yet: a watch party that starts is recorded here.")])
    rated = RatingStore(club.engine).club_ratings(ctx.club_key, {w.film_id for w in seen})
    items = []
    for w in seen:
        guests = f" — {', '.join(w.guests)}" if w.guests else ""
        rating = f" · {rated[w.film_id].display()}" if w.film_id in rated else ""
        items.append(f"{w.watched_at.astimezone(ZoneInfo(w.zone)):%a %-d %b %Y} · {w.film_title}{rating}{guests}")
    return Response(parts=[ListPart(title=f"Watched ({len(seen)})", items=items)])
