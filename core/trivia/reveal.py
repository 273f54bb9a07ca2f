"""Trivia ids: how a platform shows one answer later, to one member, or checks the choice they pressed.

``trivia:<film id>:<question>:<check>`` names an answer (a Reveal button); ``quiz:<film id>:<question>:<option>:
<check>`` a choice (a multiple-choice button). The question is found again by writing the film's trivia anew:
the same library gives the same questions, and the check (a hash of the question) makes an id from an older
question resolve to nothing rather than to a different one. Both fit a Discord custom id (100 characters).
"""

from __future__ import annotations

import re

from core.library.model import Film
from core.library.store import FilmLibrary
from core.responses import SpoilerPart
from core.trivia.question import Question
from core.trivia.questions import trivia_questions

ANSWER_PREFIX = "trivia"
CHOICE_PREFIX = "quiz"
_ANSWER_ID = re.compile(rf"{ANSWER_PREFIX}:(?P<film>[1-9]\d{{0,9}}):(?P<n>[1-9]):(?P<check>[0-9a-f]{{6}})")
_CHOICE_ID = re.compile(
    rf"{CHOICE_PREFIX}:(?P<film>[1-9]\d{{0,9}}):(?P<n>[1-9]):(?P<option>[0-9]):(?P<check>[0-9a-f]{{6}})"
)
_MAX_FILM_ID = 2**31 - 1  # a 32-bit integer in PostgreSQL: a larger number in a forged id must not reach the query
MAX_ID = 100


def answer_id(film: Film, number: int, question: Question) -> str:
    """The id of question ``number``'s answer (from 1)."""
    return f"{ANSWER_PREFIX}:{film.id}:{number}:{question.check}"


def choice_id(film: Film, number: int, question: Question, option: int) -> str:
    """The id of one choice (``option`` from 0) of question ``number``."""
    return f"{CHOICE_PREFIX}:{film.id}:{number}:{option}:{question.check}"


def is_trivia_id(value: str) -> bool:
    """Whether an id is a trivia answer's or choice's (the rest are other features' ids)."""
    return value.startswith((f"{ANSWER_PREFIX}:", f"{CHOICE_PREFIX}:"))


def resolve_answer(library: FilmLibrary, value: object) -> tuple[Film, int, Question] | None:
    """The film, number and question an answer id names; None for anything else or an older question."""
    match = _ANSWER_ID.fullmatch(value) if isinstance(value, str) and len(value) <= MAX_ID else None
    return _question(library, match["film"], match["n"], match["check"]) if match else None


def resolve_choice(library: FilmLibrary, value: object) -> tuple[Film, int, Question, int] | None:
    """The film, number, question and pressed option a choice id names; None for anything else or an older question."""
    match = _CHOICE_ID.fullmatch(value) if isinstance(value, str) and len(value) <= MAX_ID else None
    found = _question(library, match["film"], match["n"], match["check"]) if match else None
    if found is None or match is None or int(match["option"]) >= len(found[2].options):
        return None
    return (*found, int(match["option"]))


def revealed_answer(library: FilmLibrary, value: str) -> SpoilerPart | None:
    """The answer an answer id names, to show to the member who pressed Reveal; None for an older question."""
    found = resolve_answer(library, value)
    if found is None:
        return None
    film, number, question = found
    return SpoilerPart(label=answer_label(film, number), text=question.revealed(), reveal_id=value)


def answer_label(film: Film, number: int) -> str:
    """``Batman, the answer to trivia question 2``: read away from the question, it names the film."""
    return f"{film.title}, the answer to trivia question {number}"


def _question(library: FilmLibrary, film_id: str, number: str, check: str) -> tuple[Film, int, Question] | None:
    film = library.get_film(int(film_id)) if int(film_id) <= _MAX_FILM_ID else None
    if film is None:
        return None
    questions = trivia_questions(library, film)
    n = int(number)
    if n > len(questions) or questions[n - 1].check != check:
        return None
    return film, n, questions[n - 1]
