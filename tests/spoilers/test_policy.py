"""The spoiler policy in one place, and beat labels that say what is hidden without saying it."""

from __future__ import annotations

import pytest

from core.documents.beats import split_beats
from core.library.model import Plot, Source, SourceKind
from core.responses import SpoilerPart, TextPart
from core.spoilers.labels import beat_labels
from core.spoilers.policy import SETUP_BEATS, Content, beat_content, default_label, guard, is_spoiler

SOURCE = Source(document_id="test:plot", kind=SourceKind.WIKITEXT, title="Test")


@pytest.mark.parametrize(
    ("content", "spoiler"),
    [
        (Content.SETUP, False),
        (Content.CREDITS_VERDICT, False),
        (Content.PLOT_BEAT, True),
        (Content.PLOT_ANSWER, True),
        (Content.ENDING, True),
        (Content.OUTCOME, True),
        (Content.CHARACTER_FATE, True),
        (Content.CREDITS_CONTENT, True),
    ],
)
def test_what_is_a_spoiler(content: Content, spoiler: bool) -> None:
    assert is_spoiler(content) is spoiler


def test_beats_after_the_set_up_are_spoilers_and_the_last_is_the_ending() -> None:
    assert SETUP_BEATS == 1
    assert [beat_content(i, 4) for i in range(1, 5)] == [
        Content.SETUP,
        Content.PLOT_BEAT,
        Content.PLOT_BEAT,
        Content.ENDING,
    ]
    assert beat_content(1, 1) is Content.SETUP


def test_guard_hides_spoilers_unless_shown_plainly() -> None:
    hidden = guard(Content.ENDING, "part 3 of 3 — how it ends", "They sail home.", plain=False, reveal_id="plot:1:x")
    assert hidden == SpoilerPart(label="part 3 of 3 — how it ends", text="They sail home.", reveal_id="plot:1:x")
    plain = guard(Content.ENDING, "part 3 of 3 — how it ends", "They sail home.", plain=True)
    assert plain == TextPart(text="Part 3 of 3 — how it ends: They sail home.")
    setup = guard(Content.SETUP, "part 1 of 3 — the set-up", "A boat.", plain=False)
    assert isinstance(setup, TextPart)
    verdict = guard(Content.CREDITS_VERDICT, "end-credit scenes", "none", plain=False)
    assert isinstance(verdict, TextPart)


def test_default_labels_name_what_is_hidden_only() -> None:
    assert default_label(Content.ENDING) == "how it ends"
    assert default_label(Content.OUTCOME) == "who wins"
    assert default_label(Content.CHARACTER_FATE, "Zahra") == "what happens to Zahra"
    assert default_label(Content.CREDITS_CONTENT) == "what happens in the end-credit scenes"


def plot_of(*paragraphs: str) -> Plot:
    return Plot(source=SOURCE, beats=split_beats(list(paragraphs)))


FILLER = "The days pass slowly in the village, and the two friends keep to their chores and their quarrels."


def test_labels_say_where_a_part_falls_and_take_no_word_from_it() -> None:
    """A label naming an event ("how the race ends") would tell there is a race, and that it ends."""
    plot = plot_of(
        f"Two sisters share one bicycle in a small village by the sea. {FILLER}",
        f"The school announces a cycling race around the bay, with a new bicycle as the prize. {FILLER}",
        f"On the day, after a crash at the harbour, Mina wins and gives the prize to her sister. {FILLER}",
        f"Back home, the sisters ride the new bicycle together along the shore after the race. {FILLER}",
        f"Years later, Mina teaches the village children to ride on the same old bicycle. {FILLER}",
    )
    assert beat_labels(plot) == [
        "part 1 of 5 — the set-up",
        "part 2 of 5 — early in the film",
        "part 3 of 5 — the middle of the film",
        "part 4 of 5 — the middle of the film",
        "part 5 of 5 — the last part: how it ends",
    ]
    words = {w.casefold() for beat in plot.beats for w in beat.text.split()} - {"the", "of", "in", "a", "end"}
    assert not [w for label in beat_labels(plot) for w in label.split() if w.casefold() in words]


def test_a_one_beat_plot_is_only_its_set_up() -> None:
    assert beat_labels(plot_of("A man walks to the sea and back again, and nothing else happens at all.")) == [
        "part 1 of 1 — the set-up"
    ]
