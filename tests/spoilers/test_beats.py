"""The seed plots cut into beats: ordered steps of the story, each fit for a chat message, each placed in the film."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from core.documents.beats import MAX_BEAT_CHARS, TARGET_BEAT_CHARS, split_beats, split_sentences
from core.ingest.files import read_document
from core.library.model import ParsedDocument, Plot, SourceKind
from core.spoilers.labels import beat_labels
from tests.conftest import SEEDS

WIKIPEDIA_SEED = SEEDS / "000_db45820d1969818c.txt"
CREDITS_SEED = SEEDS / "004_a1d7495195fd799d.txt"
# Ali's first place in the race, as each seed words it.
RACE_OUTCOME = ("places first", "first-place", "atop the podium")


def seed_plot(path: Path) -> Plot:
    parsed = read_document(path.read_bytes(), f"seed:{path.name}", path.stem, path.name)
    assert isinstance(parsed, ParsedDocument) and parsed.plot is not None
    return parsed.plot


@pytest.fixture(scope="module")
def wikipedia_plot() -> Plot:
    return seed_plot(WIKIPEDIA_SEED)


@pytest.fixture(scope="module")
def credits_plot() -> Plot:
    return seed_plot(CREDITS_SEED)


def test_seed_plots_split_into_their_counts(wikipedia_plot: Plot, credits_plot: Plot) -> None:
    assert wikipedia_plot.source.kind is SourceKind.FLATTENED_WIKIPEDIA
    assert credits_plot.source.kind is SourceKind.END_CREDITS_PAGE
    assert len(wikipedia_plot.beats) == 8
    assert len(credits_plot.beats) == 10


@pytest.mark.parametrize("which", ["wikipedia_plot", "credits_plot"])
def test_seed_beats_are_ordered_placed_and_chat_sized(which: str, request: pytest.FixtureRequest) -> None:
    plot: Plot = request.getfixturevalue(which)
    beats = plot.beats
    assert [b.index for b in beats] == list(range(1, len(beats) + 1))
    assert beats[0].position == 0.0
    assert all(a.position < b.position < 1.0 for a, b in pairwise(beats))
    assert all(120 <= len(b.text) <= MAX_BEAT_CHARS for b in beats)
    # Every beat ends a sentence: no beat stops mid-sentence.
    assert all(b.text.rstrip("\"')").endswith((".", "!", "?")) for b in beats)


def test_the_race_is_won_after_the_set_up_and_late_in_the_film(wikipedia_plot: Plot, credits_plot: Plot) -> None:
    for plot in (wikipedia_plot, credits_plot):
        setup = plot.beats[0].text
        assert "shoes" in setup, "the set-up holds the premise: the lost shoes"
        assert not any(words in setup for words in RACE_OUTCOME)
        assert "race" not in setup
        (won,) = [b for b in plot.beats if any(words in b.text for words in RACE_OUTCOME)]
        assert 0.7 <= won.position < 0.9
        assert won.index == len(plot.beats) - 1 if plot is wikipedia_plot else won.index == len(plot.beats) - 2


def test_the_ending_is_the_last_beat(wikipedia_plot: Plot, credits_plot: Plot) -> None:
    assert "final shot" in wikipedia_plot.beats[-1].text
    assert credits_plot.beats[-1].text.startswith("As the film concludes")


def test_a_long_paragraph_is_cut_evenly_at_a_turn_of_the_story() -> None:
    steps = [
        "Mara finds an old map in the attic of her aunt's house, and spends the evening tracing its faded roads.",
        "She shows it to her brother Tomas, who laughs at first, then sees the name of their village in the corner.",
        "The two of them pack bags that night and leave before dawn, telling their parents they are going fishing.",
        "Finally, after three days on the road, they reach the ruined chapel the map marks with a small black cross.",
        "Inside they find nothing but a bell, which Tomas rings, and the whole valley answers with bells of its own.",
        "On the way home they agree to say nothing, and the map goes back into the attic where Mara first found it.",
    ]
    paragraph = " ".join(steps)
    assert len(paragraph) > TARGET_BEAT_CHARS
    beats = split_beats([paragraph])
    assert [b.text for b in beats] == [" ".join(steps[:3]), " ".join(steps[3:])]
    assert beats[1].position == pytest.approx(len(beats[0].text) / len(paragraph), abs=0.01)


def test_short_paragraphs_join_the_one_before_and_blank_ones_vanish() -> None:
    first = "A reel of film is lost on the way to the only cinema in town, and the projectionist goes looking for it."
    beats = split_beats([first, "", "It is found.", "   "])
    assert [b.text for b in beats] == [f"{first} It is found."]
    assert split_beats([]) == []


def test_sentences_end_at_stops_before_capitals_and_keep_their_quotes() -> None:
    text = 'He says "Go." Then he leaves, e.g. at once (Mr. Osborne is told). Harvey B. Dent runs! The U.S. Army waits.'
    assert split_sentences(text) == [
        'He says "Go."',
        "Then he leaves, e.g. at once (Mr. Osborne is told).",
        "Harvey B. Dent runs!",
        "The U.S. Army waits.",
    ]


def test_seed_labels_say_where_in_the_film_never_what_happens(wikipedia_plot: Plot, credits_plot: Plot) -> None:
    wikipedia = beat_labels(wikipedia_plot)
    assert wikipedia[0] == "part 1 of 8 — the set-up"
    assert wikipedia[6] == "part 7 of 8 — near the end"
    assert wikipedia[7] == "part 8 of 8 — the last part: how it ends"
    assert wikipedia[1:6] == [
        "part 2 of 8 — early in the film",
        "part 3 of 8 — early in the film",
        "part 4 of 8 — the middle of the film",
        "part 5 of 8 — the middle of the film",
        "part 6 of 8 — the middle of the film",
    ]
    credits = beat_labels(credits_plot)
    assert credits[7] == "part 8 of 10 — near the end"
    assert credits[8] == "part 9 of 10 — near the end"
    assert credits[9] == "part 10 of 10 — the last part: how it ends"
    for label in wikipedia + credits:
        assert not any(word in label for word in ("Ali", "Zahra", "first", "win", "podium", "shoes", "race"))
