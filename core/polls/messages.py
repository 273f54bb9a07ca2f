"""What a poll says: the open poll with its tallies, and the result with its winner.

Tallies are counts only: no message ever names who voted for what.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from core.parties.store import Party
from core.polls.store import Poll, outcome_of
from core.responses import Action, ActionsPart, Part, PollChoice, PollPart, Response, TextPart, TimePart
from core.times import DAY, show_time


def watched_note(watched: dict[int, datetime], film_id: int, zone: str) -> str:
    """``watched 3 Oct 2026`` for a film the club has watched, else empty."""
    at = watched.get(film_id)
    return f"watched {at.astimezone(ZoneInfo(zone)):%-d %b %Y}" if at else ""


def poll_part(poll: Poll, watched: dict[int, datetime]) -> PollPart:
    """The poll as members see it: numbered films, their approvals, and whether it is still open."""
    choices = [
        PollChoice(
            position=o.position, title=o.film_title, votes=o.votes, note=watched_note(watched, o.film_id, poll.zone)
        )
        for o in poll.options
    ]
    return PollPart(
        poll_id=poll.id,
        title=f"Poll #{poll.id}: what do we watch next?",
        choices=choices,
        closes_at=poll.closes_at,
        zone=poll.zone,
        is_open=poll.status.value == "open",
    )


def poll_response(poll: Poll, watched: dict[int, datetime], note: str = "") -> Response:
    """The poll message: its films and tallies, when it closes, and a vote button per film while it is open.

    A press re-draws the message from ``/poll show``: the tallies move, and once the poll is closed the buttons go.
    """
    shown = poll_part(poll, watched)
    parts: list[Part] = [TextPart(text=note)] if note else []
    parts += [shown, TimePart(label="Closes", at=poll.closes_at, zone=poll.zone)]
    if shown.is_open:
        votes = [
            Action.of(f"{c.position}. {c.title}", "poll", "vote", film=str(c.position), poll=str(poll.id))
            for c in shown.choices
        ]
        source = Action.of("Show", "poll", "show", poll=str(poll.id))
        parts.append(
            ActionsPart(
                title="Back as many films as you like; press again to take a vote back.",
                actions=votes,
                typed=f"/poll vote <number> poll:{poll.id}",
                source=source,
            )
        )
    return Response(parts=parts)


def result_response(poll: Poll, party: Party | None) -> Response:
    """The result of a closed poll: the winner with its votes, the draw when there was one, and the party."""
    outcome = outcome_of(poll)
    winner = poll.winner
    assert winner is not None  # a closed poll always has one
    votes = f"{outcome.votes} vote{'' if outcome.votes == 1 else 's'}"
    parts: list[Part] = []
    if poll.late:
        due = show_time(poll.closes_at, poll.zone, DAY, named=False)
        parts.append(TextPart(text=f"This poll closes late: it was due at {due} while the bot was offline."))
    parts.append(TextPart(text=f"Poll #{poll.id} is closed. The winner: {winner.film_title} with {votes}."))
    if outcome.drawn:
        names = ", ".join(o.film_title for o in poll.options if o.position in outcome.tied)
        parts.append(
            TextPart(
                text=f"{names} tied with {votes} each: a draw seeded with the poll's number "
                f"(#{poll.id}) picked {winner.film_title}."
            )
        )
    parts.append(PollPart.model_validate({**poll_part(poll, {}).model_dump(), "is_open": False}))
    if party is not None:
        parts.append(
            TimePart(label=f"Watch party #{party.id}: {party.film_title}", at=party.starts_at, zone=party.zone)
        )
        parts.append(TextPart(text=f"/party join {party.id} to say you're coming."))
    else:
        parts.append(TextPart(text=f"Plan it: /party start film:{winner.film_title} when:<time>"))
    return Response(parts=parts)
