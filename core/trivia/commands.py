"""``/film trivia <title>``: a film's trivia on demand, the same questions a watch party opens with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.commands.arguments import Arguments, FilmTitle
from core.commands.lookup import Found
from core.commands.registry import CommandContext, Registry
from core.responses import Response, error
from core.trivia.message import trivia_response
from core.trivia.questions import trivia_questions

if TYPE_CHECKING:
    from core.app import FilmClub


class TriviaArguments(Arguments):
    """``/film trivia <title>``."""

    title: FilmTitle


def register(registry: Registry) -> None:
    """Add the trivia command.

    Args:
        registry: the bot's command registry.
    """
    registry.command(
        "film",
        "trivia",
        "One to three trivia questions from the film's sourced facts, answers hidden",
        TriviaArguments,
        examples=("/film trivia Batman", "/film trivia Children of Heaven"),
    )(film_trivia)


def film_trivia(club: FilmClub, ctx: CommandContext, args: TriviaArguments) -> Response:
    """Ask a film's trivia; the channel then talks about that film."""
    match club.find_film(args.title):
        case Found(film=film):
            club.remember_film(ctx, film)
            questions = trivia_questions(club.library, film)
            if not questions:
                return error(
                    f"The library holds no sourced fact about {film.display_title} to make trivia from.",
                    f"/film info {film.title} shows what it holds.",
                )
            return trivia_response(film, questions)
        case missed:
            return missed.response()
