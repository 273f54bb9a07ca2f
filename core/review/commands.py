"""``/club top`` and ``/club year``: the club's favourites, and its year in review as text and a picture."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from core.clubs.zones import zone_info
from core.commands.arguments import Arguments
from core.commands.registry import CommandContext, Registry
from core.ratings.store import MIN_RATINGS_FOR_TOP, RatingStore, top_order
from core.responses import FilePart, ListPart, Response, TextPart, text
from core.review.year import review_lines, review_year, year_bounds

if TYPE_CHECKING:
    from core.app import FilmClub

TOP_SIZE = 10
FIRST_YEAR, LAST_YEAR = 1900, 2200
CLUB_NAME = "Our club"


class YearArguments(Arguments):
    """``/club top [year]``, ``/club year [year]``."""

    year: int | None = Field(
        None,
        description="A year, e.g. 2026 (default: all time for top, this year for year)",
        ge=FIRST_YEAR,
        le=LAST_YEAR,
    )


def register(registry: Registry) -> None:
    """Add the top list and the year in review."""
    registry.command(
        "club",
        "top",
        "The club's best-rated films (at least two ratings each)",
        YearArguments,
        examples=("/club top", "/club top 2026"),
    )(club_top)
    registry.command(
        "club",
        "year",
        "The club's year in review, with a picture to share",
        YearArguments,
        examples=("/club year", "/club year 2026"),
    )(club_year)


def club_top(club: FilmClub, ctx: CommandContext, args: YearArguments) -> Response:
    """The club's films by rating: ordered by a damped mean, each shown with its plain mean and count."""
    store = RatingStore(club.engine)
    rated = store.club_ratings(ctx.club_key)
    if args.year is not None:
        start, end = year_bounds(args.year, club.clubs.get(ctx.club_key).timezone)
        that_year = store.rated_between(ctx.club_key, start, end)
        rated = {k: v for k, v in rated.items() if k in that_year}
    ranked = top_order(rated)[:TOP_SIZE]
    when = f" of {args.year}" if args.year is not None else ""
    if not ranked:
        return text(
            f"No film{when} has {MIN_RATINGS_FOR_TOP} ratings yet. Rate what you watched: /film rate <title> <stars>."
        )
    items = []
    for place, rating in enumerate(ranked, start=1):
        film = club.library.get_film(rating.film_id)
        title = film.display_title if film else f"film {rating.film_id}"
        items.append(f"{place}. {title} — {rating.mean:.2f} from {rating.count} ratings")
    rule = (
        f"Films with at least {MIN_RATINGS_FOR_TOP} ratings, ordered by a mean pulled towards 3 stars by two ratings, "
        "so a lucky pair of fives doesn't top the list; the number shown is the plain mean."
    )
    return Response(parts=[ListPart(title=f"The club's top films{when}", items=items), TextPart(text=rule)])


def club_year(club: FilmClub, ctx: CommandContext, args: YearArguments) -> Response:
    """The year in review: a short text and a PNG card of the same lines, free of plot spoilers."""
    zone = club.clubs.get(ctx.club_key).timezone
    year = args.year or ctx.moment.astimezone(zone_info(zone)).year
    review = review_year(club.engine, club.library, ctx.club_key, year, zone, ctx.moment)
    if review.empty:
        return text(f"The club neither watched nor rated a film in {year}. Start a party, or rate what you saw.")
    lines = review_lines(review, CLUB_NAME)
    from core.review.picture import draw_card  # Pillow, imported only when a card is drawn

    picture = draw_card(lines)
    card = FilePart(
        filename=f"club-year-{year}.png",
        media_type="image/png",
        data=picture.png,
        description=f"The club's {year} in review",
    )
    return Response(parts=[TextPart(text="\n".join(lines)), card])
