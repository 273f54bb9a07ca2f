"""The evaluation set of ``/film ask`` (eval_questions.py): its score keeps a floor, its checks judge fairly.

``FLOOR`` is the score main reached when the set last grew (``python -m benchmarks.answers_eval``); a
change that answers fewer questions right fails here. Whoever makes the answers better raises it to
the new score in the same commit, so it only ever goes up.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.app import FilmClub
from core.ingest.files import IngestReport
from core.responses import Response, SpoilerPart, TextPart, error
from tests.answers.eval_questions import (
    DEV_ARTICLES,
    PROSE_KINDS,
    QUESTIONS,
    EvalQuestion,
    Kind,
    check,
    eval_club,
    fold,
    missing,
    q,
    run_eval,
    score,
)

FLOOR = 95.8  # 559/583 = 95.9 % when the set grew by 30 new questions


@pytest.fixture(scope="module")
def eval_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FilmClub, IngestReport]]:
    """A club holding every evaluation article, ingested once for the module (tests must not change it)."""
    club, report = eval_club(tmp_path_factory.mktemp("eval"))
    yield club, report
    club.engine.dispose()


def test_the_evaluation_set_keeps_its_floor(eval_library: tuple[FilmClub, IngestReport]) -> None:
    results = run_eval(eval_library[0])
    misses = [f"{r.item.question!r}: {'; '.join(r.problems)} → {r.answer[:160]}" for r in results if not r.right]
    assert score(results) >= FLOOR, f"{score(results):.1f} % < {FLOOR} %:\n" + "\n".join(misses)


def test_every_evaluation_article_is_a_film_with_questions(eval_library: tuple[FilmClub, IngestReport]) -> None:
    report = eval_library[1]
    films = {d.film for d in report.documents if d.film}
    dev_films = {d.film for d in report.documents if d.film and Path(d.path).parent == DEV_ARTICLES}
    asked = {item.title for item in QUESTIONS}
    assert len(list(DEV_ARTICLES.glob("*.wiki"))) == len(dev_films) == 33
    assert dev_films <= asked and asked <= films
    assert len(asked) >= 35


def test_the_set_is_large_varied_and_mostly_beyond_the_infobox() -> None:
    kinds = [item.kind for item in QUESTIONS]
    assert len(QUESTIONS) >= 300
    assert sum(kind in PROSE_KINDS for kind in kinds) >= len(QUESTIONS) / 3
    assert kinds.count(Kind.NOT_IN_ARTICLE) >= 20
    assert set(kinds) == set(Kind)
    assert len({item.question for item in QUESTIONS}) >= len(QUESTIONS) - 2


def _said(*parts: TextPart | SpoilerPart) -> Response:
    return Response(parts=list(parts))


DIRECTOR = q(Kind.DIRECTOR, "who directed batman", "Batman", "Tim Burton", reject=("Sam Hamm",))


def test_a_right_fact_passes_whatever_its_wording() -> None:
    answer = _said(TextPart(text="Batman (1989): TIM BURTON directed it (Wikipedia: Batman)."))
    assert check(DIRECTOR, answer).right


@pytest.mark.parametrize(
    "text",
    [
        "Batman (1989) was directed by Joel Schumacher (Wikipedia: Batman).",  # a wrong fact
        "Tim Burton directed it; Sam Hamm wrote it (Wikipedia: Batman).",  # the neighbouring fact too
        "Batman Returns was directed by Tim Burton (Wikipedia: Batman Returns).",  # another film's source
    ],
)
def test_a_wrong_fact_or_the_wrong_film_fails(text: str) -> None:
    assert not check(DIRECTOR, _said(TextPart(text=text))).right


def test_an_error_fails_even_when_it_holds_the_words() -> None:
    assert not check(DIRECTOR, error("Tim Burton? (Wikipedia: Batman)")).right


def test_any_listed_spelling_states_the_fact_and_amounts_fold_by_value() -> None:
    item = q(Kind.MONEY, "budget of indivisible", "Indivisible", "$2.7 million", "Sathyaraj|Satyaraj")
    answer = _said(TextPart(text="Indivisible cost $2,700,000; Satyaraj is not in it (Wikipedia: Indivisible)."))
    assert check(item, answer).right
    assert fold("$2.7 million") == fold("$2,700,000") != fold("$27 million")


def test_hidden_text_counts_and_a_spoiler_expectation_must_be_hidden() -> None:
    item = q(Kind.PLOT, "how does batman end", "Batman", "gargoyle", spoiler=("gargoyle",))
    hidden = _said(
        TextPart(text="Wikipedia: Batman, Plot"), SpoilerPart(label="how it ends", text="a gargoyle pulls him down")
    )
    shown = _said(TextPart(text="A gargoyle pulls him down (Wikipedia: Batman, Plot)."))
    assert check(item, hidden).right
    assert check(item, shown).problems == ["spoiler lacks 'gargoyle'"]


NOT_HELD = missing("what was the budget of four daughters", "Four Daughters", reject=("hidden",))


@pytest.mark.parametrize(
    "text",
    [
        "I don't have the budget for Four Daughters (1938) in what I hold on it.",
        "The Four Daughters article doesn't say what it cost (Wikipedia: Four Daughters).",
        "Wikipedia's Four Daughters article does not mention a budget.",
    ],
)
def test_saying_the_article_lacks_it_is_right(text: str) -> None:
    assert check(NOT_HELD, _said(TextPart(text=text))).right


@pytest.mark.parametrize(
    "text",
    [
        "Four Daughters cost $1 million (Wikipedia: Four Daughters).",  # invented
        "I don't have the budget for Batman.",  # the wrong film
        "The budget of Four Daughters is hidden behind spoiler tags; I don't have it.",  # a rejected claim
    ],
)
def test_inventing_or_naming_another_film_is_wrong(text: str) -> None:
    assert not check(NOT_HELD, _said(TextPart(text=text))).right


def test_a_film_known_by_two_titles_is_cited_by_either() -> None:
    item = EvalQuestion(Kind.DIRECTOR, "who directed knights of the quest", "I Cavalieri|The Knights", ("Avati",))
    assert check(item, _said(TextPart(text="Pupi Avati (Wikipedia: The Knights)"))).right
    assert item.title == "I Cavalieri"
