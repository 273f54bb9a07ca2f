"""A film's trivia: one to three questions, each from a different kind of sourced fact.

Preferred in this order: a number from how it was made, what else its director or a cast member made that
the library holds, the box office against the budget, the year it came out, and last who directed it (the
card says so at a glance). Nothing comes from the plot, so nothing is spoiled; the same library always gives
the same questions (a button pressed later is checked against them).
"""

from __future__ import annotations

from core.library.model import Film
from core.library.nearby import NearbyFilms
from core.library.store import FilmLibrary
from core.trivia.facts import money_question, year_question
from core.trivia.making import making_question
from core.trivia.people import People
from core.trivia.question import Question

MAX_QUESTIONS = 3
OTHER_YEARS = 6


def trivia_questions(library: FilmLibrary, film: Film) -> list[Question]:
    """Write a film's trivia from what the library holds.

    Args:
        library: the library (the film's passages, other films for the "what else" questions and wrong answers).
        film: the film.

    Returns:
        Up to three questions; none when the library holds no sourced fact to ask about.
    """
    people = People(library, film)
    director = people.director_question()
    years = [y for _, _, y in NearbyFilms(library.engine).films(film.year, [film.id], OTHER_YEARS) if y]
    found = [
        making_question(film, library.passages(film.id)),
        director,
        people.cast_question(),
        money_question(film),
        year_question(film, years),
        people.who_directed_question() if director is None else None,
    ]
    return [q for q in found if q is not None][:MAX_QUESTIONS]
