"""A film's trivia as a message: each question in the open, its answer hidden and naming its sources.

The same message opens a watch party (before "press play") and answers ``/film trivia``. A question with
choices shows them as a `ChoicePart` (numbered lines on every platform); ``/film trivia <title> question:N
answer:N`` tells the member alone whether their pick is right.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.library.model import Film
from core.responses import ChoicePart, Part, Response, SpoilerPart, TextPart
from core.trivia.question import Question
from core.trivia.reveal import answer_id


def trivia_response(film: Film, questions: Sequence[Question], opener: bool = False) -> Response:
    """The trivia message of a film.

    Args:
        film: the film.
        questions: its questions (at least one).
        opener: the message opens a watch party (it says so).

    Returns:
        A heading, then per question its text and its answer as a `SpoilerPart` labelled by its number.
    """
    count = f"{len(questions)} question{'' if len(questions) == 1 else 's'}"
    head = (
        f"🎬 Trivia before we press play on {film.title}: {count}, answers hidden till you reveal them."
        if opener
        else f"🎬 Trivia on {film.title}: {count}, answers hidden till you reveal them."
    )
    parts: list[Part] = [TextPart(text=head)]
    for number, question in enumerate(questions, start=1):
        if question.options:
            parts.append(ChoicePart(question=f"{number}. {question.ask}", options=list(question.options)))
        else:
            parts.append(TextPart(text=f"{number}. {question.ask}"))
        parts.append(
            SpoilerPart(
                label=f"the answer to question {number}",
                text=question.revealed(),
                reveal_id=answer_id(film, number, question),
            )
        )
    if any(q.options for q in questions):
        answer = f"/film trivia {film.title} question:N answer:N"
        parts.append(TextPart(text=f"Pick a choice with {answer}: only you see whether you're right."))
    return Response(parts=parts)
