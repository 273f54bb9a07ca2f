"""``/film trivia <title>``: a film's trivia on demand, the same questions a watch party opens with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from core.commands.arguments import Arguments, FilmTitle
from core.commands.lookup import Found
from core.commands.registry import CommandContext, Registry
from core.library.model import Film
from core.responses import Response, Visibility, error, text
from core.trivia.message import trivia_response
from core.trivia.question import Question
from core.trivia.questions import MAX_QUESTIONS, trivia_questions

if TYPE_CHECKING:
    from core.app import FilmClub


class TriviaArguments(Arguments):
    """``/film trivia <title> [question:N answer:N]``: the questions, or one choice checked."""

    title: FilmTitle
    question: int | None = Field(None, description="Answer this question (its number)", ge=1, le=MAX_QUESTIONS)
    answer: int | None = Field(None, description="Your choice (its number); only you see if it's right", ge=1, le=4)


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
        examples=("/film trivia Batman", "/film trivia Batman question:2 answer:4"),
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
            if args.question is None and args.answer is None:
                return trivia_response(film, questions)
            return _judge(film, questions, args.question, args.answer)
        case missed:
            return missed.response()


def _judge(film: Film, questions: list[Question], number: int | None, choice: int | None) -> Response:
    """Say, to the member alone, whether their choice is right, with the answer and its sources."""
    usage = f"/film trivia {film.title} question:N answer:N"
    if number is None or choice is None:
        return error("To answer, give both the question's number and your choice's.", usage)
    if number > len(questions):
        return error(f"{film.title}'s trivia has {len(questions)} question(s).", f"/film trivia {film.title}")
    question = questions[number - 1]
    if not question.options or choice > len(question.options):
        return error(f"Question {number} has {len(question.options)} choices.", usage)
    picked = question.options[choice - 1]
    verdict = "Right!" if choice - 1 == question.right else f"Not quite: you picked “{picked}”."
    return text(f"{verdict} Question {number}: {question.revealed()}", Visibility.PRIVATE)
