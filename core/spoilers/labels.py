"""Labels for plot beats: where in the film each hidden part is, never what happens in it.

A label gives the part's place (``part 7 of 8``) and where that falls in the film: the set-up, early in the
film, the middle, near the end, or the last part. Nothing is drawn from the beat's text: a label that named
an event ("how the race ends") would tell that there is a race and that it ends.
"""

from __future__ import annotations

from core.library.model import Plot, PlotBeat
from core.spoilers.policy import Content, beat_content

_EARLY, _LATE = 1 / 3, 2 / 3


def beat_labels(plot: Plot) -> list[str]:
    """A label for every beat of a plot, in order (the label of beat ``i`` is at ``i - 1``).

    Args:
        plot: one source's plot.

    Returns:
        Labels such as ``part 1 of 8 — the set-up``, ``part 6 of 8 — near the end`` and
        ``part 8 of 8 — the last part: how it ends``.
    """
    total = len(plot.beats)
    return [f"part {beat.index} of {total} — {_where(beat, total)}" for beat in plot.beats]


def _where(beat: PlotBeat, total: int) -> str:
    content = beat_content(beat.index, total)
    if content is Content.SETUP:
        return "the set-up"
    if content is Content.ENDING:
        return "the last part: how it ends"
    if beat.position < _EARLY:
        return "early in the film"
    return "the middle of the film" if beat.position < _LATE else "near the end"
