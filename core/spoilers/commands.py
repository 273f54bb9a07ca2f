"""``/film plot``: reading a plot without being spoiled."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.commands.registry import ArgType, Argument, CommandContext, Registry
from core.library.model import Film
from core.responses import Response
from core.spoilers.plot import plot_response

if TYPE_CHECKING:
    from core.app import FilmClub

MAX_UPTO = 100


def register(registry: Registry) -> None:
    """Add the plot command.

    Args:
        registry: the bot's command registry.
    """
    registry.command(
        "film",
        "plot",
        "A film's plot without spoilers: the set-up open, every later part hidden on its own",
        Argument(name="title", description="The film's title (typos are fine)", type=ArgType.FILM),
        Argument(
            name="upto",
            description="Show parts 1 to N openly (only to you); the rest stay hidden",
            type=ArgType.INTEGER,
            required=False,
            min_value=1,
            max_value=MAX_UPTO,
        ),
        Argument(
            name="source",
            description="Which telling: wikipedia, credits (the end-credits page's recap), or its number; "
            "default the fullest",
            required=False,
            max_length=100,
        ),
        examples=(
            "/film plot Children of Heaven",
            "/film plot Children of Heaven upto:3",
            "/film plot Children of Heaven source:wikipedia",
        ),
    )(film_plot)


def film_plot(club: FilmClub, ctx: CommandContext, args: dict[str, Any]) -> Response:
    """``/film plot <title> [upto:N] [source:…]``.

    Args:
        club: the club.
        ctx: who asks, where (``spoiler_channel`` shows every part plainly).
        args: ``title``, and optional ``upto`` and ``source``, already checked.

    Returns:
        The plot (see `plot_response`), or why it cannot be shown.
    """
    found = club.find_film(args["title"])
    if not isinstance(found, Film):
        return found
    club.remember_film(ctx, found)
    return plot_response(found, args.get("source"), args.get("upto"), ctx.spoiler_channel)
