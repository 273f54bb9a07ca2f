"""Labels for plot beats: what each hidden part is about, without saying what happens in it.

Every label gives the part's place (``part 7 of 8``) and one safe hint: the set-up, the last part (how it
ends), a contest the part settles (``how the race ends``, never who wins), a contest it shows or follows
(``the race``, ``after the race``), or else where in the film it happens (``early in the film``). Hints
name only a fixed list of kinds of event, never a name or a word of the outcome.
"""

from __future__ import annotations

import re

from core.library.model import Plot, PlotBeat
from core.spoilers.policy import Content, beat_content

# Events a plot turns on, as the label names them; only these words ever reach a label.
_EVENTS = {
    "race": r"(?:foot)?races?|marathons?",
    "tournament": r"tournaments?",
    "competition": r"competitions?",
    "contest": r"contests?",
    "championship": r"championships?",
    "match": r"match(?:es)?",
    "fight": r"fights?",
    "battle": r"battles?",
    "duel": r"duels?",
    "showdown": r"showdowns?",
    "trial": r"trials?",
    "election": r"elections?",
    "wedding": r"weddings?",
    "heist": r"heists?",
    "robbery": r"robber(?:y|ies)",
    "exam": r"exam(?:ination)?s?",
    "audition": r"auditions?",
    "parade": r"parades?",
    "concert": r"concerts?",
}
# An event noun counts only after a determiner and a few modifiers ("a prestigious 4-kilometer footrace"),
# so verbs ("to fight Lee", "the keeper has to fight") are not taken for events.
_MODIFIER = r"(?!(?:to|has|have|had|is|are|was|were|will|would|must|can|could|and|or|but|who|which|not)\b)[\w'-]+"
_EVENT = re.compile(
    rf"\b(?:the|a|an|his|her|their|its|this|that)\s+(?:{_MODIFIER}\s+){{0,4}}?(?P<noun>"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _EVENTS.items())
    + r")\b",
    re.IGNORECASE,
)
# Words that settle a contest: a part holding one says how the event ends.
_SETTLED = re.compile(
    r"\b(?:wins?|won|winner|victory|victorious|defeat(?:s|ed)?|loses|lost to|podium|verdict|acquitted|convicted|"
    r"(?:places?|placed|finish(?:es|ed)?|comes?|came) (?:first|second|third|last)|(?:first|second|third)[ -]place|"
    r"killed|dies|survives)\b",
    re.IGNORECASE,
)
# Deaths settle a battle or a fight in the part that holds them, but never settle an event of an earlier part.
_CARRIED = re.compile(r"\b(?:killed|dies|survives)\b", re.IGNORECASE)
_EARLY, _LATE = 1 / 3, 2 / 3


def beat_labels(plot: Plot) -> list[str]:
    """A label for every beat of a plot, in order (the label of beat ``i`` is at ``i - 1``).

    Args:
        plot: one source's plot.

    Returns:
        Labels such as ``part 1 of 8 — the set-up``, ``part 7 of 8 — how the race ends`` and
        ``part 8 of 8 — the last part: how it ends``.
    """
    total = len(plot.beats)
    labels: list[str] = []
    pending: str | None = None  # an event shown in an earlier part and not yet settled
    settled: set[str] = set()
    for beat in plot.beats:
        found = _EVENT.search(beat.text)
        event = _name(found) if found else None
        # The words that settle an event come after it ("the footrace … he places first"), not before.
        ends = _SETTLED.search(beat.text, found.end() if found else 0)
        carried = ends is not None and not _CARRIED.fullmatch(ends.group(0))
        closing = event if event and ends else (pending if carried and not event else None)
        hint = _hint(beat, total, event, closing, settled)
        if closing:
            settled.add(closing)
            pending = None
        elif event and event not in settled:
            pending = event
        labels.append(f"part {beat.index} of {total} — {hint}")
    return labels


def _hint(beat: PlotBeat, total: int, event: str | None, closing: str | None, settled: set[str]) -> str:
    content = beat_content(beat.index, total)
    if content is Content.SETUP:
        return "the set-up"
    if content is Content.ENDING:
        return (
            f"the last part: how the {closing} ends"
            if closing and closing not in settled
            else "the last part: how it ends"
        )
    if closing and closing not in settled:
        return f"how the {closing} ends"
    if event in settled:
        return f"after the {event}"
    if event:
        return f"the {event}"
    if beat.position < _EARLY:
        return "early in the film"
    return "the middle of the film" if beat.position < _LATE else "late in the film"


def _name(match: re.Match[str]) -> str:
    """The kind of event an `_EVENT` match found, as the label names it."""
    return next(name for name in _EVENTS if match.group(name))
