"""``/film info``, ``/film ask`` and ``/film search``: looking films up and asking about them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.answers.ask import answer_question
from core.answers.card import build_card
from core.answers.search import search_films
from core.commands.registry import ArgType, Argument, CommandContext, Registry
from core.responses import Response

if TYPE_CHECKING:
    from core.app import FilmClub

TITLE = Argument(name="title", description="The film's title (typos are fine)", type=ArgType.FILM)


def register(registry: Registry) -> None:
    """Add the look-up commands.

    Args:
        registry: the bot's command registry.

    """
    registry.command(
        "film",
        "info",
        "A film's fact card, every fact with its source",
        TITLE,
        examples=("/film info Children of Heaven", "/film info Solaris 1972"),
    )(film_info)
    registry.command(
        "film",
        "ask",
        "Ask about a film in plain words",
        Argument(
            name="question", description="Your question, e.g. who plays Zahra in Children of Heaven?", max_length=300
        ),
        examples=(
            "/film ask who directed Children of Heaven?",
            "/film ask who plays Zahra in Children of Heaven?",
            "/film ask how much did it make?",
            "/film ask is there anything after the credits?",
        ),
    )(film_ask)
    registry.command(
        "film",
        "search",
        "Find films by title words or by a person",
        Argument(name="words", description="Title words, or 'films by <name>' / 'films with <name>'"),
        examples=("/film search heaven", "/film search films by Majid Majidi"),
    )(film_search)


def film_info(club: FilmClub, ctx: CommandContext, args: dict[str, Any]) -> Response:
    """Show the card of the film named by ``title``; the channel then talks about that film."""
    found = club.find_film(args["title"])
    if isinstance(found, Response):
        return found
    club.remember_film(ctx, found)
    return Response(parts=[build_card(found)])


def film_ask(club: FilmClub, ctx: CommandContext, args: dict[str, Any]) -> Response:
    """Answer a question in plain words, with or without the film's title."""
    return answer_question(club, ctx, args["question"])


def film_search(club: FilmClub, ctx: CommandContext, args: dict[str, Any]) -> Response:
    """List films matching title words or a person."""
    return search_films(club, args["words"])
