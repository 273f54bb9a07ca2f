"""The plan of a watch party: every message it will post, and when.

Reminders the day before and 15 minutes before (each optional per club), a trivia opener (see `core.trivia`)
shortly before the start, "press play" at the start,
prompts during the film timed to its runtime and plot beats, a note when the credits roll, open
questions after the film (the ending, the characters, how it was made and received, its themes), and a
follow-up the next day. A prompt at a point of the film speaks only of beats that have fully played
by then. "The day before" and "the next day" keep the local hour across a DST change; times within
the film are elapsed minutes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from core.library.model import FieldName, Film, Passage, Plot, PlotBeat, RuntimeValue
from core.library.reconcile import view_field
from core.parties.prompts import (
    Prompt,
    PromptWriter,
    beat_ends,
    credits_verdict,
    the_making,
    the_reception,
    the_themes,
)
from core.ratings.buttons import rating_actions
from core.responses import Response, TextPart, TimePart

DEFAULT_RUNTIME = 100
PROMPT_EVERY = 25  # minutes of film per prompt, between MIN_PROMPTS and MAX_PROMPTS of them
MIN_PROMPTS, MAX_PROMPTS = 2, 4
# A beat's position is the share of the plot text before it: a rough point in the film, so wait a little past it.
SHOWN_MARGIN = 2
CREDITS_LEAD = 4  # minutes before the end the credits roll, roughly
DISCUSSION_GAP = 5
SOON = timedelta(minutes=15)
TRIVIA_LEAD = timedelta(minutes=10)  # the trivia opener comes while members settle in, after the last reminder
TRIVIA_ROOM = timedelta(minutes=5)  # a party starting sooner has no time for trivia


class StepKind(StrEnum):
    """What a step of the plan is; stored."""

    REMINDER = "reminder"
    TRIVIA = "trivia"
    START = "start"
    PROMPT = "prompt"
    CREDITS = "credits"
    DISCUSSION = "discussion"
    FOLLOW_UP = "follow-up"


@dataclass(frozen=True)
class PlannedStep:
    """One scheduled message: its kind, a spoiler-safe label, when (UTC), what, and the beats it speaks of."""

    kind: StepKind
    label: str
    due_at: datetime
    response: Response
    beats: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlanRequest:
    """What a plan is made from: the party's id (its messages name it), film, start, zone and the club's choices."""

    party_id: int
    film: Film
    starts_at: datetime
    zone: str
    now: datetime
    reminder_day_before: bool = True
    reminder_soon: bool = True
    passages: Sequence[Passage] = ()  # the film's articles, in order: the questions after the film quote them
    trivia: Response | None = None  # the trivia opener (`core.trivia.message`), when the library holds any


def film_runtime(film: Film) -> tuple[int, bool]:
    """Give the runtime in minutes most sources agree on, and whether it was assumed (none known)."""
    groups = [g for g in view_field(film.facts, FieldName.RUNTIME).groups if isinstance(g.value, RuntimeValue)]
    if not groups:
        return DEFAULT_RUNTIME, True
    best = max(groups, key=lambda g: len(g.sources))
    assert isinstance(best.value, RuntimeValue)
    return best.value.minutes, False


def prompt_points(plot: Plot | None, runtime: int) -> list[tuple[int, PlotBeat | None]]:
    """When the prompts during the film come (minutes in), each with the latest beat fully shown by then.

    Prompts aim at even spacing and move to the nearest end of a beat, so each one follows a scene;
    the last beat (the ending) is kept for after the film.

    Args:
        plot: the plot the party follows, or None.
        runtime: minutes.

    Returns:
        (minute, beat) pairs in order; the beat is None when no beat has fully played by then, or
        when the previous prompt already spoke of it.

    """
    count = min(MAX_PROMPTS, max(MIN_PROMPTS, runtime // PROMPT_EVERY))
    latest = runtime - CREDITS_LEAD - 1
    # The minute each beat has fully played by; the last beat (the ending) is kept for after the film.
    shown_at: dict[int, float] = {}
    if plot:
        ends = beat_ends(plot)
        shown_at = {b.index: end * runtime + SHOWN_MARGIN for b, end in zip(plot.beats[:-1], ends, strict=False)}
    beats = plot.beats[:-1] if plot else []
    boundaries = sorted(math.ceil(t) for t in shown_at.values() if t <= latest)
    minutes: list[int] = []
    for k in range(1, count + 1):
        target = runtime * k / (count + 1)
        free = [m for m in boundaries if m not in minutes]
        near = min(free, key=lambda m: abs(m - target), default=None)
        minutes.append(
            near if near is not None and abs(near - target) <= runtime / (2 * (count + 1)) else round(target)
        )
    points: list[tuple[int, PlotBeat | None]] = []
    used: set[int] = set()
    for minute in sorted(set(minutes)):
        shown = [b for b in beats if shown_at[b.index] <= minute]
        beat = shown[-1] if shown and shown[-1].index not in used else None
        if beat is not None:
            used.add(beat.index)
        points.append((minute, beat))
    return points


def build_plan(request: PlanRequest) -> list[PlannedStep]:
    """Every step of a party, in time order, leaving out reminders whose time has passed.

    Args:
        request: the party and the club's choices.

    Returns:
        The steps; a film with no plot or runtime still gets reminders, the start, prompts about
        its cast, the questions its facts allow and the follow-up.

    """
    film, start, tz = request.film, request.starts_at.astimezone(UTC), ZoneInfo(request.zone)
    runtime, assumed = film_runtime(film)
    writer = PromptWriter(film)
    points = prompt_points(writer.plot, runtime)
    steps: list[PlannedStep] = []
    if request.reminder_day_before:
        steps.append(
            _step(
                StepKind.REMINDER,
                "Reminder: the day before",
                _local_days(start, tz, -1),
                _reminder(request, "Tomorrow"),
            )
        )
    if request.reminder_soon:
        steps.append(
            _step(StepKind.REMINDER, "Reminder: 15 minutes before", start - SOON, _reminder(request, "In 15 minutes"))
        )
    steps = [s for s in steps if s.due_at > request.now]
    if request.trivia is not None and start - request.now >= TRIVIA_ROOM:
        # Ten minutes before, or halfway to the start for a party starting sooner: always before "press play".
        due = max(start - TRIVIA_LEAD, request.now + (start - request.now) / 2)
        steps.append(_step(StepKind.TRIVIA, "Trivia before we start", due, request.trivia))
    steps.append(
        _step(StepKind.START, "Press play", start, _press_play(film, runtime, assumed, [m for m, _ in points]))
    )
    for number, (minute, beat) in enumerate(points, start=1):
        during = writer.during_film(beat, minute, number)
        steps.append(_step(StepKind.PROMPT, f"Prompt at {minute} min", start + timedelta(minutes=minute), during))
    credits_at = max(runtime - CREDITS_LEAD, points[-1][0] + 1 if points else 0)
    steps.append(_step(StepKind.CREDITS, "Credits", start + timedelta(minutes=credits_at), _credits(film)))
    minute = runtime + 1
    for label, prompt in (
        ("Discussion: the ending", writer.the_ending()),
        ("Discussion: the characters", writer.the_characters()),
        ("Discussion: how it was made", the_making(film, request.passages)),
        ("Discussion: how it was received", the_reception(film, request.passages)),
        ("Discussion: themes", the_themes(film, request.passages)),
    ):
        if prompt is not None:
            steps.append(_step(StepKind.DISCUSSION, label, start + timedelta(minutes=minute), prompt))
            minute += DISCUSSION_GAP
    steps.append(_step(StepKind.FOLLOW_UP, "Follow-up the next day", _local_days(start, tz, 1), _follow_up(film)))
    return _with_ratings(steps, film)


def _with_ratings(steps: list[PlannedStep], film: Film) -> list[PlannedStep]:
    """The last discussion prompt (the follow-up when there is none) carries the rating buttons."""
    discussions = [i for i, s in enumerate(steps) if s.kind is StepKind.DISCUSSION]
    last = discussions[-1] if discussions else len(steps) - 1
    rated = steps[last].response.model_copy(update={"parts": [*steps[last].response.parts, rating_actions(film)]})
    return [*steps[:last], replace(steps[last], response=rated), *steps[last + 1 :]]


def _step(kind: StepKind, label: str, due_at: datetime, content: Prompt | Response) -> PlannedStep:
    if isinstance(content, Prompt):
        return PlannedStep(kind, label, due_at, content.response, content.beats)
    return PlannedStep(kind, label, due_at, content)


def _local_days(start: datetime, tz: ZoneInfo, days: int) -> datetime:
    """Move ``days`` days keeping the local hour: a DST change in between does not shift it."""
    local = start.astimezone(tz)
    return (local.replace(tzinfo=None) + timedelta(days=days)).replace(tzinfo=tz).astimezone(UTC)


def _reminder(request: PlanRequest, when: str) -> Response:
    pid = request.party_id
    return Response(
        parts=[
            TextPart(text=f"{when}: watch party #{pid}, {request.film.display_title}."),
            TimePart(label="Starts", at=request.starts_at.astimezone(UTC), zone=request.zone),
            TextPart(text=f"Coming? /party join {pid} · The plan: /party plan {pid}"),
        ]
    )


def _press_play(film: Film, runtime: int, assumed: bool, minutes: list[int]) -> Response:
    length = (
        f"The library has no runtime for it, so I assume {runtime} minutes."
        if assumed
        else f"It runs {runtime} minutes."
    )
    at = ", ".join(str(m) for m in minutes)
    return Response(
        parts=[
            TextPart(text=f"▶ Press play on {film.display_title} now!"),
            TextPart(text="3… 2… 1… play!"),
            TextPart(
                text=f"{length} Prompts here at about {at} minutes in; past the set-up, they stay hidden till revealed."
            ),
        ]
    )


def _credits(film: Film) -> Response:
    lines = [f"The credits of {film.title} should be rolling about now.", credits_verdict(film)]
    lines.append("Questions about the film follow here in a few minutes.")
    return Response(parts=[TextPart(text=" ".join(lines))])


def _follow_up(film: Film) -> Response:
    return Response(
        parts=[
            TextPart(text=f"Yesterday we watched {film.display_title}. One thing that stayed with you?"),
            TextPart(text=f"Missed it? /film plot {film.title} tells the story, every part after the set-up hidden."),
        ]
    )
