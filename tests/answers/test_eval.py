"""The evaluation set of ``/film ask`` (eval_questions.py) is answered at least 95 % right."""

from __future__ import annotations

from core.app import FilmClub
from tests.answers.eval_questions import QUESTIONS, run_eval


def test_the_evaluation_set_is_answered_right(films: FilmClub) -> None:
    results = run_eval(films)
    misses = [f"{r.item.question!r}: {'; '.join(r.problems)} → {r.answer[:160]}" for r in results if not r.right]
    score = 100 * (len(results) - len(misses)) / len(results)
    assert score >= 95, "\n".join(misses)


def test_the_evaluation_set_covers_every_fixture_film_with_varied_questions() -> None:
    per_film: dict[str, int] = {}
    for item in QUESTIONS:
        per_film[item.film] = per_film.get(item.film, 0) + 1
    assert len(per_film) == 9 and min(per_film.values()) >= 15
    assert len({item.question for item in QUESTIONS}) >= len(QUESTIONS) - 2
