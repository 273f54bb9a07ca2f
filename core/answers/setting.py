"""Where a film is set: a sentence saying "set in" / "takes place in" a place, else the place its plot opens in.

The lead and the plot sections are read for "is set in", "takes place on" followed by a place or a time
(not "takes place early in the hero's career", not "filming took place in": that is where it was made).
When none says so, the plot is read from its set-up on for the first sentence naming a place
(``core.answers.places``): the set-up is open, a later part stays hidden like its ``/film plot`` part.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.answers.passages import beat_part, citation, in_plot, plot_part
from core.answers.places import place_score
from core.answers.plot_events import cast_characters
from core.documents.beats import split_sentences
from core.library.model import LEAD_SECTION, Film
from core.responses import Response, TextPart
from core.spoilers.plot import tellings

if TYPE_CHECKING:
    from core.library.store import FilmLibrary

_SET_IN = re.compile(
    r"\b(?:set|takes? place|took place|taking place|unfolds?)\s+(?:(?:mostly|mainly|largely|entirely|partly)\s+)?"
    r"(?:in|on|at|during|around|across|aboard|over|inside|within)\s+\S",
    re.I,
)
# Words that make a "took place" tell of the making or the release, not of the story.
_NOT_STORY = re.compile(
    r"\b(?:photography|filming|shooting|shoot|production|premiere|screening|ceremony|recording|festival|release|"
    r"changes|events? (?:was|were) held)\b",
    re.I,
)
_SETTING_SECTION = re.compile(r"setting|premise|synopsis|plot|story", re.I)


def says_set_in(sentence: str) -> bool:
    """Whether a sentence says where or when the story is set ("is set in 1830s London", "takes place on an island")."""
    match = _SET_IN.search(sentence)
    return match is not None and not _NOT_STORY.search(sentence[: match.start()])


def setting(library: FilmLibrary, film: Film, plain: bool) -> Response | None:
    """Where (and when) the film is set, cited; None when neither its lead nor its plot says.

    Other sections are not read for "set in": they tell of other works (sequels, novels, a remake).
    """
    for passage in library.passages(film.id):
        if passage.section == LEAD_SECTION or any(_SETTING_SECTION.search(h) for h in passage.section):
            for sentence in split_sentences(passage.text) or [passage.text]:
                if says_set_in(sentence):
                    if in_plot(passage):
                        return Response(parts=[plot_part(film, passage, sentence, plain)])
                    return Response(parts=[TextPart(text=f"{sentence} ({citation(passage)})")])
    return plot_place(film, plain)


def plot_place(film: Film, plain: bool) -> Response | None:
    """The first sentence of the plot naming a place, from the set-up on (later parts hidden as in /film plot)."""
    plots = tellings(film)
    if not plots:
        return None
    people = cast_characters(film)
    plot = plots[0]
    for beat in plot.beats:
        sentences = split_sentences(beat.text) or [beat.text]
        scored = [(place_score(s, people, origins=False), -i, s) for i, s in enumerate(sentences)]
        best = max(scored)
        if best[0] > 0:
            return Response(parts=[beat_part(film, plot, beat, best[2], plain, plot.source.label)])
    return None
