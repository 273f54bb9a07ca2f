"""The plan of a watch party for the seed film, and for a film the library knows little about."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.app import FilmClub
from core.commands.lookup import Found
from core.library.model import Film
from core.parties.plan import PlannedStep, PlanRequest, StepKind, build_plan, film_runtime
from core.parties.prompts import beat_ends, party_plot
from core.responses import SpoilerPart, TextPart
from core.spoilers.reveal import resolve_reveal

START = datetime(2026, 4, 3, 19, 0, tzinfo=UTC)  # Friday 20:00 in London (BST)
ASKED = datetime(2026, 3, 26, 12, 0, tzinfo=UTC)


@pytest.fixture
def film(club: FilmClub) -> Film:
    found = club.find_film("Children of Heaven")
    assert isinstance(found, Found)
    return found.film


def plan_for(film: Film, start: datetime = START, now: datetime = ASKED, **choices: bool) -> list[PlannedStep]:
    return build_plan(PlanRequest(7, film, start, "Europe/London", now, **choices))


def minutes(step: PlannedStep, start: datetime = START) -> float:
    return (step.due_at - start).total_seconds() / 60


def every_text(step: PlannedStep) -> str:
    return "\n".join(p.text for p in step.response.parts if isinstance(p, TextPart | SpoilerPart))


def test_children_of_heaven_plan_steps_and_offsets(film: Film) -> None:
    steps = plan_for(film)
    shape = [(s.kind, s.label, minutes(s)) for s in steps]
    assert shape == [
        (StepKind.REMINDER, "Reminder: the day before", -24 * 60),
        (StepKind.REMINDER, "Reminder: 15 minutes before", -15),
        (StepKind.START, "Press play", 0),
        (StepKind.PROMPT, "Prompt at 25 min", 25),
        (StepKind.PROMPT, "Prompt at 46 min", 46),
        (StepKind.PROMPT, "Prompt at 67 min", 67),
        (StepKind.CREDITS, "Credits", 85),
        (StepKind.DISCUSSION, "Discussion: the ending", 90),
        (StepKind.DISCUSSION, "Discussion: the characters", 95),
        (StepKind.DISCUSSION, "Discussion: how it was made", 100),
        (StepKind.DISCUSSION, "Discussion: how it was received", 105),
        (StepKind.FOLLOW_UP, "Follow-up the next day", 24 * 60),
    ]
    assert "Press play on Children of Heaven" in every_text(steps[2]) and "3… 2… 1…" in every_text(steps[2])
    assert "It runs 89 minutes" in every_text(steps[2])


def test_prompts_during_the_film_speak_only_of_beats_already_shown(film: Film) -> None:
    plot = party_plot(film)
    assert plot is not None
    runtime, _ = film_runtime(film)
    ends = dict(zip((b.index for b in plot.beats), beat_ends(plot), strict=True))
    prompts = [s for s in plan_for(film) if s.kind is StepKind.PROMPT]
    used = [index for s in prompts for index in s.beats]
    assert len(prompts) == 3 and used == sorted(set(used)) and len(used) == 3
    assert plot.beats[-1].index not in used  # the ending waits for after the film
    first_seen = {n: min(b.index for b in plot.beats if n in b.text) for n in ("Zahra", "Roya", "Alireza")}
    assert first_seen["Alireza"] > 2  # so the check below means something
    for step in prompts:
        at = minutes(step)
        shown = max(step.beats)
        for index in step.beats:
            assert ends[index] * runtime <= at, f"{step.label} speaks of beat {index}, still on screen"
        text = every_text(step)
        for later in plot.beats:
            if later.index > shown:
                assert later.text[:60] not in text
        for name, beat in first_seen.items():
            if beat > shown:
                assert name not in text, f"{step.label} names {name}, who appears in beat {beat}"
        assert "race" not in text  # the race is near the end


def test_anything_past_the_set_up_is_spoiler_tagged(film: Film) -> None:
    steps = plan_for(film)
    for step in steps:
        plain = step.response.plain_text()
        if step.beats and max(step.beats) > 1:
            hidden = [p for p in step.response.parts if isinstance(p, SpoilerPart)]
            assert hidden, step.label
            assert all(p.text not in plain for p in hidden)
    ending = next(s for s in steps if s.label == "Discussion: the ending")
    plot = party_plot(film)
    assert plot is not None and ending.beats == (plot.beats[-1].index,)
    assert "pool" in every_text(ending) and "pool" not in ending.response.plain_text()


def test_discussion_questions_come_from_the_films_own_facts(film: Film) -> None:
    by_label = {s.label: every_text(s) for s in plan_for(film)}
    assert "Amir Farrokh Hashemian plays Ali and Bahare Seddiqi plays Zahra" in by_label["Discussion: the characters"]
    made = by_label["Discussion: how it was made"]
    assert "Written and directed by: Majid Majidi" in made and "$180,000" in made
    received = by_label["Discussion: how it was received"]
    for fact in ("Metascore 77/100", "Tomatometer 83%", "$1,628,579", "Academy Award", "Bicycle Thieves"):
        assert fact in received
    assert "do you see the likeness?" in received
    assert "No need to sit through the credits" in by_label["Credits"]
    assert "/film plot Children of Heaven" in by_label["Follow-up the next day"]
    questions = [by_label[k] for k in by_label if k.startswith(("Discussion", "Prompt"))]
    assert all("?" in text for text in questions)


def test_day_before_and_next_day_keep_the_local_hour_across_dst(film: Film) -> None:
    saturday = datetime(2026, 3, 28, 20, 0, tzinfo=UTC)  # GMT; Sunday is BST
    steps = plan_for(film, start=saturday, now=saturday - timedelta(days=3))
    london = ZoneInfo("Europe/London")
    day_before, follow_up = steps[0], steps[-1]
    assert day_before.due_at.astimezone(london).hour == 20
    assert follow_up.due_at.astimezone(london).hour == 20
    assert follow_up.due_at - saturday == timedelta(hours=23)


def test_reminders_are_left_out_when_past_or_turned_off(film: Film) -> None:
    soon = plan_for(film, now=START - timedelta(hours=2))
    assert [s.label for s in soon if s.kind is StepKind.REMINDER] == ["Reminder: 15 minutes before"]
    quiet = plan_for(film, reminder_day_before=False, reminder_soon=False)
    assert not [s for s in quiet if s.kind is StepKind.REMINDER]


def test_a_film_with_few_facts_still_gets_a_sensible_plan() -> None:
    bare = Film(id=99, slug="obscure-film", title="Obscure Film")
    steps = plan_for(bare)
    kinds = [s.kind for s in steps]
    assert kinds.count(StepKind.PROMPT) == 4  # 100 minutes assumed: every 25 minutes, at most 4
    assert "assume 100 minutes" in every_text(steps[2])
    assert StepKind.CREDITS in kinds and kinds[-1] is StepKind.FOLLOW_UP
    assert "No source in the library says whether anything comes after the credits" in every_text(
        next(s for s in steps if s.kind is StepKind.CREDITS)
    )
    assert not any(s.beats for s in steps)
    assert not any(isinstance(p, SpoilerPart) for s in steps for p in s.response.parts)
    assert all(minutes(s) < 100 for s in steps if s.kind is StepKind.PROMPT)


def test_hidden_prompts_reveal_the_beat_they_speak_of(club: FilmClub, film: Film) -> None:
    plot = party_plot(film)
    assert plot is not None
    beats = {b.index: b.text for b in plot.beats}
    hidden = [(s, p) for s in plan_for(film) for p in s.response.parts if isinstance(p, SpoilerPart)]
    assert len(hidden) == 4  # three prompts and the ending
    for step, part in hidden:
        revealed = resolve_reveal(club, part.reveal_id)
        assert revealed is not None and revealed.text == beats[step.beats[-1]]


def test_after_the_film_the_articles_production_and_critics_are_quoted(club: FilmClub, film: Film) -> None:
    passages = club.library.passages(film.id)
    steps = build_plan(PlanRequest(7, film, START, "Europe/London", ASKED, passages=passages))
    by_label = {s.label: every_text(s) for s in steps}
    made = by_label["Discussion: how it was made"]
    assert (
        "“The production costs have been estimated at US$180,000.” (Wikipedia: Children of Heaven, Production)" in made
    )
    assert "Written and directed by" not in made  # the article's words, not the infobox
    received = by_label["Discussion: how it was received"]
    assert "“Roger Eberts review in the Chicago Sun-Times called it" in received
    assert "(Wikipedia: Children of Heaven, Critical response)" in received
    assert "Metascore 77/100" in received and "(end-credits page: Children of Heaven)" in received
    assert "Do you agree with them?" in received and "higher or lower" in received
    assert "Discussion: themes" not in by_label  # the article has no themes section


def test_a_themes_section_feeds_one_more_question_hidden_as_it_may_tell_the_story(club: FilmClub) -> None:
    found = club.find_film("Batman")
    assert isinstance(found, Found)
    batman = found.film
    steps = build_plan(PlanRequest(7, batman, START, "Europe/London", ASKED, passages=club.library.passages(batman.id)))
    themes = next(s for s in steps if s.label == "Discussion: themes")
    hidden = [p for p in themes.response.parts if isinstance(p, SpoilerPart)]
    assert len(hidden) == 1 and "(Wikipedia: Batman, Themes)" in hidden[0].text
    assert "Did you see this in Batman?" in hidden[0].text
    made = next(s for s in steps if s.label == "Discussion: how it was made")
    assert "Production › Development)" in every_text(made) and "Production › Casting)" in every_text(made)
    assert "Did the casting work for you?" in every_text(made)
