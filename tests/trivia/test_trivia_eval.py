"""Trivia over every real article the tests hold: each answer is a fact the library holds, naming its source.

The checks read the library again (not the question writer's own notes): each ground of an answer is a fact
of that film as stored, or a sentence of one of its passages; the revealed answer names every ground's
source; the answer is what those grounds say; no question comes from the plot or names a character.
"""

from __future__ import annotations

import re

import pytest

from core.app import FilmClub
from core.library.model import CastValue, FieldName, Film, MoneyValue, PersonValue, ReleaseValue, titled
from core.trivia.making import GAP
from core.trivia.question import Question, Topic
from core.trivia.questions import MAX_QUESTIONS, trivia_questions

FilmTrivia = list[tuple[Film, list[Question]]]


@pytest.fixture(scope="module")
def film_trivia(articles_club: FilmClub) -> FilmTrivia:
    ids = sorted({entry.film_id for entry in articles_club.library.title_entries()})
    films = [f for f in (articles_club.library.get_film(i) for i in ids) if f is not None]
    return [(film, trivia_questions(articles_club.library, film)) for film in films]


def test_most_films_get_one_to_three_questions_of_different_topics(film_trivia: FilmTrivia) -> None:
    assert len(film_trivia) >= 35
    asked = [qs for _, qs in film_trivia if qs]
    assert len(asked) >= 0.9 * len(film_trivia)
    assert all(1 <= len(qs) <= MAX_QUESTIONS and len({q.topic for q in qs}) == len(qs) for qs in asked)
    topics = {q.topic for qs in asked for q in qs}
    assert topics == set(Topic), topics  # every kind of question is asked somewhere


def test_every_answer_rests_on_facts_and_sentences_the_library_holds_and_names_them(
    articles_club: FilmClub, film_trivia: FilmTrivia
) -> None:
    library = articles_club.library
    grounds = 0
    for film, questions in film_trivia:
        for question in questions:
            assert question.grounds, question
            revealed = question.revealed()
            for ground in question.grounds:
                grounds += 1
                held = library.get_film(ground.film_id)
                assert held is not None
                if ground.fact is not None:
                    assert ground.fact in held.facts, (film.title, question.ask)
                else:
                    assert ground.passage in library.passages(ground.film_id)
                    assert ground.passage is not None and ground.sentence in ground.passage.text
                assert ground.source in revealed, (film.title, revealed)
    assert grounds >= 60


def test_each_answer_is_what_its_grounds_say(articles_club: FilmClub, film_trivia: FilmTrivia) -> None:
    for film, questions in film_trivia:
        for q in questions:
            facts = [g.fact for g in q.grounds if g.fact is not None]
            if q.topic is Topic.YEAR:
                assert {f.value.year for f in facts if isinstance(f.value, ReleaseValue)} == {int(q.answer)}
                held = [f.value.year for f in film.facts_for(FieldName.RELEASED) if isinstance(f.value, ReleaseValue)]
                assert int(q.answer) == min(held)  # the first release, not any one
            elif q.topic is Topic.MAKING:
                [ground] = q.grounds
                gapped = re.search(r"”: “(.+)” What number", q.ask)
                assert gapped and gapped[1].replace(GAP, q.answer) == ground.sentence
            elif q.topic is Topic.MONEY:
                fields = {f.field for f in facts}
                assert fields == {FieldName.BUDGET, FieldName.GROSS}
                assert all(isinstance(f.value, MoneyValue) for f in facts)
                assert next(f.value.display() for f in facts if f.field is FieldName.GROSS) in q.detail
            elif len(q.grounds) == 2:  # what else a director or an actor made: the other film names them too
                here, there = q.grounds
                assert here.film_id == film.id and there.film_id != film.id and there.fact and here.fact
                other = articles_club.library.get_film(there.film_id)
                assert other is not None and q.answer == titled(other.title, other.year)
                assert _person(here.fact.value).casefold() == _person(there.fact.value).casefold()
                assert _person(here.fact.value) in q.ask
            else:  # who directed it
                assert {_person(g.fact.value) for g in q.grounds if g.fact} == {q.answer}


def test_no_question_tells_the_plot_or_names_a_character(film_trivia: FilmTrivia) -> None:
    for film, questions in film_trivia:
        actors = " ".join(
            _person(f.value) for f in film.facts_for(FieldName.CAST, FieldName.STARRING, FieldName.DIRECTOR)
        )
        plot_sentences = {s.strip() for p in film.plots for b in p.beats[1:] for s in re.split(r"(?<=\.) ", b.text)}
        for q in questions:
            said = f"{q.ask}\n{q.revealed()}"
            assert not [s for s in plot_sentences if len(s) > 30 and s in said], (film.title, q.ask)
            for word in _character_words(film):
                if re.search(rf"\b{re.escape(word)}\b", said) and word not in actors:
                    raise AssertionError(f"{film.title}: {word!r} in {said!r}")


def test_the_choices_hold_the_answer_once_and_no_other_right_answer(
    articles_club: FilmClub, film_trivia: FilmTrivia
) -> None:
    offered = 0
    for _, questions in film_trivia:
        for q in questions:
            if not q.options:
                continue
            offered += 1
            assert 2 <= len(q.options) <= 4 and len(set(q.options)) == len(q.options)
            assert q.options[q.right] == q.answer
            if q.topic in {Topic.DIRECTOR, Topic.CAST} and len(q.grounds) == 2:
                fields = (FieldName.DIRECTOR,) if q.topic is Topic.DIRECTOR else (FieldName.STARRING, FieldName.CAST)
                assert q.grounds[0].fact is not None
                name = _person(q.grounds[0].fact.value)
                right = {titled(t, y) for _, t, y, _ in articles_club.library.films_with_person(name, fields)}
                assert [o for o in q.options if o in right] == [q.answer], q.options
    assert offered >= 40


def _person(value: object) -> str:
    if isinstance(value, CastValue):
        return value.actor
    return value.name if isinstance(value, PersonValue) else ""


def _character_words(film: Film) -> set[str]:
    """Every capitalised word of the cast list's characters, except words of the film's title."""
    words: set[str] = set()
    for fact in film.facts_for(FieldName.CAST):
        character = fact.value.character if isinstance(fact.value, CastValue) else None
        words |= {w for w in re.findall(r"[A-Z][\w.-]{2,}", character or "") if w not in film.title}
    return words
