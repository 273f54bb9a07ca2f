"""Plot questions answered from the one or two plot sentences that tell the event, hidden like /film plot parts.

The film is invented (tests/answers/synthetic.py), so each rule is met in general terms: synonyms of the
event, a pronoun that refers back to a name, "at the end", "where", "really", a job, a fate.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.answers.plot_events import plot_sentences, without_title
from core.app import FilmClub
from core.commands.registry import CommandContext
from core.library.model import Film, Plot, PlotBeat, Source, SourceKind
from core.responses import Response, SpoilerPart, TextPart
from tests.answers.synthetic import HARBOUR, ingest_article


@pytest.fixture
def harbour(empty_club: FilmClub, tmp_path: Path) -> FilmClub:
    """A club holding The Harbour Lights (on SQLite, and on PostgreSQL when the suite runs there)."""
    ingest_article(empty_club, tmp_path, "harbour", HARBOUR)
    return empty_club


def ask(club: FilmClub, ctx: CommandContext, question: str) -> Response:
    return club.run_line(f"/film ask {question} in the harbour lights", ctx)


def hidden(response: Response) -> str:
    return " ".join(p.text for p in response.parts if isinstance(p, SpoilerPart))


def shown(response: Response) -> str:
    return " ".join(p.text for p in response.parts if isinstance(p, TextPart))


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("who killed oskar", "Dieter Kahn stabbed Oskar"),  # kill = murder = stab
        ("what happens to oskar", "Oskar is found murdered"),  # "what happens to" asks for a fate
        ("is piet really a sailor", "not a sailor at all but a customs officer"),
        ("where does elena go at the end", "sail for Lisbon"),  # the last part, a place
    ],
)
def test_a_plot_event_is_the_sentence_that_tells_it_hidden(
    harbour: FilmClub, ctx: CommandContext, question: str, told: str
) -> None:
    response = ask(harbour, ctx, question)
    assert told in hidden(response)
    assert told not in response.plain_text()
    labels = [p.label for p in response.parts if isinstance(p, SpoilerPart)]
    assert labels and all("(Wikipedia: The Harbour Lights, part " in label for label in labels)
    assert len(hidden(response)) < 400  # a sentence or two, not the whole plot


def test_a_pronoun_refers_back_to_the_character_named_before(harbour: FilmClub, ctx: CommandContext) -> None:
    said = ask(harbour, ctx, "who does elena run off with")
    assert "she has eloped with Piet" in shown(said) + hidden(said)


def test_an_answer_from_the_set_up_is_open(harbour: FilmClub, ctx: CommandContext) -> None:
    said = shown(ask(harbour, ctx, "what is oskar's job"))
    assert "Oskar works as a baker" in said and "part 1 of" in said and "the set-up" in said


def test_plot_sentences_are_plain_in_a_spoiler_channel(harbour: FilmClub, ctx: CommandContext) -> None:
    response = ask(harbour, ctx.model_copy(update={"spoiler_channel": True}), "who killed oskar")
    assert not any(isinstance(p, SpoilerPart) for p in response.parts)
    assert "Dieter Kahn stabbed Oskar" in shown(response)


def test_a_making_of_question_naming_a_place_of_the_plot_stays_with_the_making(
    harbour: FilmClub, ctx: CommandContext
) -> None:
    said = shown(ask(harbour, ctx, "which bakery was oskar's shop"))
    assert said.startswith("The bakery scenes were shot in a real bakery in Penzance")


def test_a_fact_question_without_a_character_is_not_a_plot_question(harbour: FilmClub, ctx: CommandContext) -> None:
    said = shown(harbour.run_line("/film ask when did the harbour lights come out", ctx))
    assert "1999" in said and "part " not in said


def test_a_fact_question_naming_a_character_asks_the_plot(harbour: FilmClub, ctx: CommandContext) -> None:
    said = ask(harbour, ctx, "where does elena come from")
    assert "Falmouth" in shown(said) + hidden(said)


def _film(*beats: str) -> Film:
    source = Source(document_id="doc:x", kind=SourceKind.WIKITEXT, title="Milo and Otis")
    n = len(beats)
    plot = Plot(source=source, beats=[PlotBeat(index=i + 1, text=t, position=i / n) for i, t in enumerate(beats)])
    return Film(id=1, slug="milo-and-otis", title="Milo and Otis", plots=[plot])


def test_a_lone_title_word_left_in_a_question_is_a_character() -> None:
    film = _film("Milo the cat drifts away.", "Otis the pug finds a mate, Sondra.")
    assert without_title(film, ["who", "does", "otis", "end", "up", "with"]) == [
        "who",
        "does",
        "otis",
        "end",
        "up",
        "with",
    ]
    assert without_title(film, ["who", "is", "sondra", "in", "milo", "and", "otis"]) == ["who", "is", "sondra", "in"]
    found = plot_sentences(film, ["who", "does", "otis", "end", "up", "with"])
    assert found is not None and [s.text for s in found.sentences] == ["Otis the pug finds a mate, Sondra."]


def test_no_plot_sentence_holding_too_little_of_the_question_answers() -> None:
    film = _film("Milo the cat drifts away on a river.", "Otis the pug follows him.")
    assert plot_sentences(film, ["who", "shoots", "the", "mayor", "at", "the", "lighthouse"]) is None


def test_two_characters_named_in_the_question_s_order_pick_the_sentence_where_one_acts_on_the_other() -> None:
    film = _film(
        "Walter arrives and tells Luis that he is a detective.",
        "In a fight Luis shoots Walter dead.",
    )
    found = plot_sentences(film, ["what", "does", "luis", "do", "to", "walter"])
    assert found is not None and found.sentences[0].text == "In a fight Luis shoots Walter dead."
