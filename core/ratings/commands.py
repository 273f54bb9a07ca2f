"""``/film rate``: a member's half-star rating of a film, kept per club."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from core.commands.arguments import Arguments, FilmTitle
from core.commands.lookup import Found
from core.commands.registry import CommandContext, Registry
from core.ratings.scale import RatingError, parse_stars, stars
from core.ratings.store import RatingStore
from core.responses import Response, Visibility, error, text

if TYPE_CHECKING:
    from core.app import FilmClub


class RateArguments(Arguments):
    """``/film rate <title> <stars>``."""

    title: FilmTitle
    stars: str | None = Field(
        None, description="½ to 5 in half stars: 4, 3.5, 4½, ★★★½ or 7/10 (or typed after the title)", max_length=20
    )

    def title_and_stars(self) -> tuple[str, str]:
        """``/film rate Children of Heaven 4.5`` reads as typed: the rating may end the title."""
        if self.stars is not None:
            return self.title, self.stars
        title, _, last = self.title.rpartition(" ")
        return (title, last) if title else (self.title, "")


def register(registry: Registry) -> None:
    """Add the rating command."""
    registry.command(
        "film",
        "rate",
        "Rate a film for the club, ½ to 5 stars (changeable)",
        RateArguments,
        examples=("/film rate Children of Heaven 4.5", "/film rate Batman ★★★½"),
    )(film_rate)


def film_rate(club: FilmClub, ctx: CommandContext, args: RateArguments) -> Response:
    """Store the member's rating (replacing theirs) and show the club's rating beside it; only they see the reply."""
    title, typed = args.title_and_stars()
    try:
        halves = parse_stars(typed)
    except RatingError as exc:
        return error(str(exc), "Usage: /film rate <title> <stars>, e.g. /film rate Children of Heaven 4.5")
    match club.find_film(title):
        case Found(film=film):
            pass
        case missed:
            return missed.response()
    store = RatingStore(club.engine)
    change = store.rate(ctx.club_key, film.id, ctx.user_id, ctx.user_name or ctx.user_id, halves, ctx.moment)
    was = f" (was {stars(change.previous)})" if change.previous not in (None, halves) else ""
    rating = store.club_rating(ctx.club_key, film.id)
    club_line = f" The club: {rating.display()}." if rating else ""
    return text(f"You rated {film.display_title} {stars(halves)}{was}.{club_line}", Visibility.PRIVATE)
