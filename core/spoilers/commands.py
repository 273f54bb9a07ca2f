"""``/film plot``: reading a plot without being spoiled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from core.commands.arguments import Arguments, FilmTitle
from core.commands.lookup import Found
from core.commands.registry import CommandContext, Registry
from core.responses import Response
from core.spoilers.plot import plot_response

if TYPE_CHECKING:
    from core.app import FilmClub

MAX_UPTO = 100


class PlotArguments(Arguments):
    """``/film plot <title> [upto:N] [source:…]``."""

    title: FilmTitle
    upto: int | None = Field(
        None, description="Show parts 1 to N openly (only to you); the rest stay hidden", ge=1, le=MAX_UPTO
    )
    source: str | None = Field(
        None,
        description="Which telling: wikipedia, credits (the end-credits page's recap), or its number; "
        "default the fullest",
        max_length=100,
    )


def register(registry: Registry) -> None:
    """Add the plot command.

    Args:
        registry: the bot's command registry.
    """
    registry.command(
        "film",
        "plot",
        "A film's plot without spoilers: the set-up open, every later part hidden on its own",
        PlotArguments,
        examples=(
            "/film plot Children of Heaven",
            "/film plot Children of Heaven upto:3",
            "/film plot Children of Heaven source:wikipedia",
        ),
    )(film_plot)


def film_plot(club: FilmClub, ctx: CommandContext, args: PlotArguments) -> Response:
    """``/film plot <title> [upto:N] [source:…]``.

    Args:
        club: the club.
        ctx: who asks, where (``spoiler_channel`` shows every part plainly).
        args: the title, and optional ``upto`` and ``source``, already checked.

    Returns:
        The plot (see `plot_response`), or why it cannot be shown.
    """
    match club.find_film(args.title):
        case Found(film=film):
            club.remember_film(ctx, film)
            return plot_response(film, args.source, args.upto, ctx.spoiler_channel)
        case missed:
            return missed.response()
