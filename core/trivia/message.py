"""A film's trivia as a message: each question in the open, its answer hidden and naming its sources.

The same message opens a watch party (before "press play") and answers ``/film trivia``. A question with
choices shows them as a `ChoicePart` (numbered lines on every platform) and a button per choice: a press, or
``/film trivia <title> question:N answer:N`` typed, tells the member alone whether their pick is right.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.library.model import Film
from core.responses import Action, ActionsPart, ChoicePart, Part, Response, SpoilerPart, TextPart
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
            parts.append(_picks(film, number, len(question.options)))
        else:
            parts.append(TextPart(text=f"{number}. {question.ask}"))
        parts.append(
            SpoilerPart(
                label=f"the answer to question {number}",
                text=question.revealed(),
                reveal_id=answer_id(film, number, question),
            )
        )
    return Response(parts=parts)


def _picks(film: Film, number: int, options: int) -> ActionsPart:
    """One button per choice of question ``number``: only the presser hears whether it is right."""
    title = film.display_title
    return ActionsPart(
        title=f"Your pick for question {number} (only you see whether you're right):",
        actions=[
            Action.of(f"{number}: {pick}", "film", "trivia", title=title, question=str(number), answer=str(pick))
            for pick in range(1, options + 1)
        ],
        typed=f"/film trivia {title} question:{number} answer:<1–{options}>",
    )
