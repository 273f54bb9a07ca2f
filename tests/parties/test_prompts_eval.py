"""The party plans over every real article the tests hold (data/films and tests/fixtures/wikitext-dev).

The checks are written against the articles' own text, not against the prompt writer's rules: a name a
prompt shows must be in the plot up to the part it speaks of, and no question form comes twice.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from core.app import FilmClub
from core.library.model import FieldName, Film, Passage
from core.parties.moments import FORMS
from core.parties.plan import PlannedStep, PlanRequest, StepKind, build_plan
from core.parties.prompts import CAST_ONLY, party_plot
from core.responses import SpoilerPart, TextPart

START = datetime(2026, 4, 3, 19, 0, tzinfo=UTC)


ClubPassages = list[tuple[Film, list[Passage]]]


@pytest.fixture(scope="module")
def club_passages(articles_club: FilmClub) -> ClubPassages:
    """Every film of the real articles with its passages, read once for the module."""
    ids = sorted({entry.film_id for entry in articles_club.library.title_entries()})
    found = [(articles_club.library.get_film(i), articles_club.library.passages(i)) for i in ids]
    return [(film, passages) for film, passages in found if film is not None]


@pytest.fixture(scope="module")
def films(club_passages: ClubPassages) -> list[Film]:
    return [film for film, _ in club_passages]


def plan_with(film: Film, passages: list[Passage]) -> list[PlannedStep]:
    return build_plan(PlanRequest(1, film, START, "Europe/London", START.replace(month=3), passages=passages))


def plan(film: Film) -> list[PlannedStep]:
    return plan_with(film, [])


def body(step: PlannedStep) -> str:
    """What a prompt says past its heading (the heading names the film, not a character)."""
    return "\n".join(p.text for p in step.response.parts[1:] if isinstance(p, TextPart | SpoilerPart))


def character_words(film: Film) -> set[str]:
    """Every capitalised word of the cast list's characters, except words of the film's title."""
    title = set(re.findall(r"\w+", film.title))
    words = set()
    for fact in film.facts_for(FieldName.CAST):
        character = getattr(fact.value, "character", None) or ""
        words |= {w for w in re.findall(r"[A-Z][\w.-]{2,}", character) if w not in title}
    return words


def form_of(question: str) -> str:
    """The form a question was written from, the names taken out."""
    for form in [f.text for f in FORMS] + list(CAST_ONLY):
        pattern = re.escape(form).replace(re.escape("{a}"), ".+").replace(re.escape("{b}"), ".+")
        pattern = pattern.replace(re.escape("{names}"), ".+")
        if re.fullmatch(pattern, question):
            return form
    return question


def test_every_article_is_read(films: list[Film]) -> None:
    assert len(films) >= 35
    assert sum(1 for f in films if party_plot(f)) >= 20


def test_prompts_name_only_characters_the_plot_has_shown_by_then(films: list[Film]) -> None:
    checked = 0
    for film in films:
        plot = party_plot(film)
        if plot is None:
            continue
        words = character_words(film)
        for step in plan(film):
            if step.kind is not StepKind.PROMPT:
                continue
            shown = " ".join(b.text for b in plot.beats if not step.beats or b.index <= max(step.beats))
            if not step.beats:
                shown = ""  # nothing has fully played yet: no character may be named
            for word in words:
                if re.search(rf"\b{re.escape(word)}\b", body(step)):
                    checked += 1
                    assert re.search(rf"\b{re.escape(word)}\b", shown), f"{film.title}, {step.label}: {word}"
    assert checked >= 40  # the prompts do name characters


def test_no_two_prompts_of_a_party_ask_in_the_same_form(films: list[Film]) -> None:
    fitted = asked = 0
    for film in films:
        prompts = [s for s in plan(film) if s.kind is StepKind.PROMPT]
        forms = [form_of(body(s).splitlines()[-1]) for s in prompts]
        assert len(forms) == len(set(forms)), f"{film.title}: {forms}"
        kinds = {f.text: f.kind for f in FORMS}
        asked += sum(1 for s in prompts if s.beats)
        fitted += sum(1 for s, f in zip(prompts, forms, strict=True) if s.beats and kinds.get(f) != "general")
    assert asked >= 40
    assert fitted / asked >= 0.6, f"{fitted} of {asked} prompts about a part fit a moment of it"


QUOTED = re.compile(r"“(.+?)” \((.+?)\)$", re.MULTILINE)
MADE_HEADINGS = re.compile(
    r"production|development|casting|filming|photography|effects|music|soundtrack|background", re.I
)
RECEIVED_HEADINGS = re.compile(r"reception|critic|response|reviews", re.I)


def discussion(steps: list[PlannedStep], label: str) -> str:
    return next((body(s) for s in steps if s.label == label), "")


def test_after_the_film_questions_quote_the_articles_own_sections(club_passages: ClubPassages) -> None:
    quoted = {"made": 0, "received": 0, "themes": 0}
    for film, passages in club_passages:
        steps = plan_with(film, passages)
        for key, label, headings in (
            ("made", "Discussion: how it was made", MADE_HEADINGS),
            ("received", "Discussion: how it was received", RECEIVED_HEADINGS),
            ("themes", "Discussion: themes", re.compile(r"theme|analysis", re.I)),
        ):
            held = [p for p in passages if any(headings.search(h) for h in p.section)]
            quotes = QUOTED.findall(discussion(steps, label))
            for sentence, citation in quotes:
                said = sentence.removesuffix("…")  # a long sentence is cut at a word
                assert any(said in p.text and citation.endswith(" › ".join(p.section)) for p in held), sentence
                assert citation.startswith(f"Wikipedia: {film.title}") or citation.startswith("Wikipedia:")
            if key != "themes" and any(p.section[0].casefold() in {"production", "reception"} for p in held):
                assert quotes, f"{film.title}: {label} quotes nothing of its {key} sections"
            quoted[key] += bool(quotes)
            if key != "themes" and not quotes:
                assert "“" not in discussion(steps, label)  # the facts, as before
    assert quoted["made"] >= 15 and quoted["received"] >= 15 and quoted["themes"] >= 1, quoted


def test_the_critics_are_set_against_the_room_with_the_scores_labelled(club_passages: ClubPassages) -> None:
    for film, passages in club_passages:
        received = discussion(plan_with(film, passages), "Discussion: how it was received")
        if QUOTED.search(received):
            assert "agree" in received
            if film.facts_for(FieldName.SCORE):
                assert "Scores:" in received and re.search(r"\((?:Wikipedia|end-credits page): [^)]+\)", received)
