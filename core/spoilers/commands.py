"""``/film plot`` and ``/film reveal``: reading a plot without being spoiled, one part at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from core.commands.arguments import Arguments, FilmTitle
from core.commands.lookup import Found
from core.commands.registry import CommandContext, Registry
from core.responses import Response, error
from core.spoilers.plot import part_response, plot_response

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


class RevealArguments(Arguments):
    """``/film reveal [title] part:N [source:…]``: the title defaults to the film the channel talked about last."""

    title: FilmTitle | None = Field(
        None, description="The film's title; default the film the channel just talked about"
    )
    part: int | None = Field(None, description="The number of the part to show (only to you)", ge=1, le=MAX_UPTO)
    source: str | None = Field(
        None, description="Which telling, as in /film plot (default the fullest)", max_length=100
    )


def register(registry: Registry) -> None:
    """Add the plot and reveal commands.

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
    registry.command(
        "film",
        "reveal",
        "Show one hidden part of a film's plot, only to you",
        RevealArguments,
        examples=("/film reveal Children of Heaven part:5", "/film reveal part:5", "/film reveal Children of Heaven 5"),
    )(film_reveal)


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


def film_reveal(club: FilmClub, ctx: CommandContext, args: RevealArguments) -> Response:
    """``/film reveal [title] part:N [source:…]``: one part in the open (chat platforms also have buttons).

    A typed line may give the part as the title's last word (``/film reveal Children of Heaven 5``) when the
    whole is not exactly a film's title (``Rocky 2`` stays a title); without a title, the film is the one the
    channel talked about last.
    """
    title, part = args.title, args.part
    if title is not None and part is None:
        head, _, last = title.rpartition(" ")
        if head and last.isdigit() and not club.titles.resolve_exact(title).candidates:
            title, part = head, int(last)
    if part is None:
        return error("Which part? Give its number.", "For example `/film reveal Children of Heaven part:5`.")
    if title is None:
        film = club.channel_film(ctx)
        if film is None:
            return error("Which film? Name it, or read its plot first.", "For example `/film reveal Batman part:3`.")
        return part_response(film, args.source, part)
    match club.find_film(title):
        case Found(film=film):
            club.remember_film(ctx, film)
            return part_response(film, args.source, part)
        case missed:
            return missed.response()
