"""``/film trivia`` on the bundled films, its hidden answers revealed one at a time, and the party's opener."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.registry import CommandContext
from core.ingest.files import ingest_paths
from core.parties.plan import StepKind
from core.parties.store import PartyStore
from core.responses import ChoicePart, SpoilerPart, TextPart, Visibility
from core.spoilers.reveal import resolve_reveal
from core.trivia.question import Topic
from core.trivia.questions import trivia_questions

CTX = CommandContext(
    platform="test", server_id="s1", channel_id="c1", user_id="u1", user_name="Ada", organisers=EVERYONE
)
# A second film by Batman's director, written as articles are: the "what else did the director make" question.
BEETLEJUICE = """{{Infobox film
| name = Beetlejuice
| director = [[Tim Burton]]
| starring = [[Michael Keaton]]
| released = {{Film date|1988|3|30}}
}}
'''''Beetlejuice''''' is a 1988 American fantasy horror comedy film directed by [[Tim Burton]].
"""


def test_trivia_asks_in_the_open_and_hides_each_answer_naming_its_source(club: FilmClub) -> None:
    response = club.run_line("/film trivia batmn", CTX)
    assert not response.is_error and response.visibility is Visibility.PUBLIC
    questions = [p.question for p in response.parts if isinstance(p, ChoicePart)]
    answers = [p for p in response.parts if isinstance(p, SpoilerPart)]
    assert 1 <= len(questions) == len(answers) <= 3
    assert all(a.label == f"the answer to question {n}" for n, a in enumerate(answers, 1))
    assert all("(Wikipedia: Batman" in a.text for a in answers)
    assert all(a.text not in response.plain_text() for a in answers)  # hidden from notifications too
    assert "schedule lapsed into ____ days" in questions[0] and answers[0].text.startswith("106.")


def test_a_choice_is_judged_for_the_member_alone_with_the_answer_and_its_source(club: FilmClub) -> None:
    asked = club.run_line("/film trivia Batman", CTX)
    choices = next(p for p in asked.parts if isinstance(p, ChoicePart) and p.question.startswith("3. "))
    right = choices.options.index("1989") + 1
    said = club.run_line(f"/film trivia Batman question:3 answer:{right}", CTX)
    assert said.visibility is Visibility.PRIVATE and said.plain_text().startswith("Right! Question 3: 1989.")
    wrong = club.run_line(f"/film trivia Batman question:3 answer:{right % 4 + 1}", CTX)
    assert "Not quite: you picked" in wrong.plain_text() and "1989. First shown" in wrong.plain_text()
    assert "(Wikipedia: Batman)" in wrong.plain_text()
    for line, message in (
        ("/film trivia Batman question:3", "both the question's number"),
        ("/film trivia Batman question:3 answer:5", "at most 4"),
        ("/film trivia Batman question:4 answer:1", "at most 3"),
    ):
        refused = club.run_line(line, CTX)
        assert refused.is_error and message in refused.plain_text(), refused.plain_text()


def test_a_hidden_answer_is_revealed_alone_and_an_older_or_forged_id_is_not(club: FilmClub) -> None:
    response = club.run_line("/film trivia Batman", CTX)
    first = next(p for p in response.parts if isinstance(p, SpoilerPart))
    shown = resolve_reveal(club, first.reveal_id)
    assert shown is not None and shown.text == first.text
    assert shown.label == "Batman, the answer to trivia question 1"
    film_id, check = first.reveal_id.split(":")[1], first.reveal_id.split(":")[-1]
    for forged in (f"trivia:{film_id}:1:000000", f"trivia:{film_id}:9:{check}", "trivia:99999999999:1:abcdef"):
        assert resolve_reveal(club, forged) is None


def test_films_unknown_or_without_facts_get_a_clear_answer(club: FilmClub, tmp_path: Path) -> None:
    missing = club.run_line("/film trivia Zzyzx Road Nowhere", CTX)
    assert missing.is_error
    bare = "{{Infobox film\n| name = Bare Film\n}}\n'''Bare Film''' is a film.\n\n== Plot ==\nA man walks home.\n"
    (tmp_path / "bare.wiki").write_text(bare, encoding="utf-8")
    ingest_paths(club.library, [tmp_path])
    club.library_changed()
    answer = club.run_line("/film trivia Bare Film", CTX)
    assert answer.is_error and "no sourced fact" in answer.plain_text()


def test_the_directors_other_film_in_the_library_is_asked_with_both_sources(club: FilmClub, tmp_path: Path) -> None:
    (tmp_path / "beetlejuice.wiki").write_text(BEETLEJUICE, encoding="utf-8")
    ingest_paths(club.library, [tmp_path])
    club.library_changed()
    batman = next(f for f in map(club.library.get_film, range(1, 20)) if f and f.title == "Batman")
    [director] = [q for q in trivia_questions(club.library, batman) if q.topic is Topic.DIRECTOR]
    assert director.ask.startswith("Tim Burton directed Batman. Which other film")
    assert director.answer == "Beetlejuice (1988)" and director.options.count("Beetlejuice (1988)") == 1
    assert "(Wikipedia: Batman; Wikipedia: Beetlejuice)" in director.revealed()


def test_a_party_opens_with_the_trivia_before_press_play_and_the_preview_shows_it(club: FilmClub) -> None:
    now = datetime(2026, 3, 26, 12, 0, tzinfo=UTC)
    ctx = CTX.model_copy(update={"now": now})
    started = club.run_line("/party start film:Batman when:friday 8pm", ctx)
    assert "a trivia opener, press play" in started.plain_text()
    steps = PartyStore(club.engine).steps(1)
    kinds = [s.kind for s in steps]
    trivia = steps[kinds.index(StepKind.TRIVIA)]
    assert kinds.index(StepKind.TRIVIA) == kinds.index(StepKind.START) - 1
    assert trivia.due_at == steps[kinds.index(StepKind.START)].due_at.replace(minute=50, hour=19)
    assert trivia.response == club.run_line("/film trivia Batman", ctx).model_copy(
        update={"parts": [TextPart(text=trivia.response.parts[0].text), *trivia.response.parts[1:]]}
    )
    preview = club.run_line("/party preview 1", ctx)
    assert "Trivia before we start" in preview.plain_text() and "Trivia before we press play" in preview.plain_text()
    hidden = [p.text for p in trivia.response.parts if isinstance(p, SpoilerPart)]
    assert hidden and not [h for h in hidden if h in preview.plain_text()]


def test_a_party_starting_in_minutes_has_no_time_for_trivia(club: FilmClub) -> None:
    now = datetime(2026, 3, 26, 12, 0, tzinfo=UTC)
    club.run_line("/party start film:Batman when:in 3 minutes", CTX.model_copy(update={"now": now}))
    assert StepKind.TRIVIA not in [s.kind for s in PartyStore(club.engine).steps(1)]
