"""``/film info`` and ``/film search``: looking films up."""

from __future__ import annotations

from typing import Any

from core.answers.card import build_card
from core.answers.search import search_films
from core.commands.registry import Argument, ArgType, CommandContext, Registry
from core.responses import Response, TextPart

TITLE = Argument(name="title", description="The film's title (typos are fine)", type=ArgType.FILM)


def register(registry: Registry) -> None:
    """Add the look-up commands."""
    registry.command(
        "film",
        "info",
        "A film's fact card, every fact with its source",
        TITLE,
        examples=("/film info Children of Heaven",),
    )(film_info)
    registry.command(
        "film",
        "search",
        "Find films by title words or by a person",
        Argument(name="words", description="Title words, or 'films by <name>' / 'films with <name>'"),
        examples=("/film search heaven", "/film search films by Majid Majidi"),
    )(film_search)


def film_info(club: Any, ctx: CommandContext, args: dict[str, Any]) -> Response:
    """The card of the film named by ``title``."""
    found = club.find_film(args["title"])
    if isinstance(found, Response):
        return found
    club.remember_film(ctx, found)
    return Response(parts=[build_card(found)])


def film_search(club: Any, ctx: CommandContext, args: dict[str, Any]) -> Response:
    """Films matching title words or a person."""
    result = search_films(club, args["words"])
    return result if result.parts else Response(parts=[TextPart(text="No films found.")])
