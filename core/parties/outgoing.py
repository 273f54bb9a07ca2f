"""A planned step as it is sent: who is coming (reminders), a note when it is late, spoilers per channel.

The plan is fixed when the party is made; these are the parts that can only be known at send time.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from core.answers.cite import join_words
from core.parties.plan import StepKind
from core.parties.store import Party, PartyStore, Step
from core.responses import Part, Response, SpoilerPart, TextPart, Visibility
from core.spoilers.policy import Content, guard
from core.times import CLOCK, show_time

if TYPE_CHECKING:
    from core.app import FilmClub

MAX_NAMES = 20


def outgoing_message(
    club: FilmClub, store: PartyStore, party: Party, step: Step, late_by: timedelta | None
) -> Response:
    """Make the message to post for a step now.

    Args:
        club: the club (its settings say where spoilers show plainly).
        store: the parties (for the guest list).
        party: the party.
        step: the step being sent.
        late_by: how late it is, when late enough to say so.

    Returns:
        The step's planned response with the guest list (reminders), a late note first, spoilers
        shown plainly in the club's spoiler channels, and its buttons stored for the club's members.

    """
    parts: list[Part] = list(step.response.parts)
    if step.kind == StepKind.REMINDER.value:
        parts.append(TextPart(text=coming(store.guests(party.id))))
    if late_by is not None:
        due = show_time(step.due_at, party.zone, CLOCK, named=False)
        minutes = max(1, round(late_by.total_seconds() / 60))
        note = f"(Late: this was due at {due} {party.zone}, {minutes} min ago, while the bot was offline.)"
        parts.insert(0, TextPart(text=note))
    if club.clubs.is_spoiler_channel(party.club_key, party.channel_id):
        parts = [
            guard(Content.PLOT_BEAT, p.label, p.text, plain=True) if isinstance(p, SpoilerPart) else p for p in parts
        ]
    return club.actions.remember(party.club_key, Response(parts=parts))


def coming(names: list[str]) -> str:
    """``Coming: Ana, Bo and Cy.``, or that nobody has said so yet."""
    if not names:
        return "Nobody has said they're coming yet."
    shown = names[:MAX_NAMES]
    more = len(names) - len(shown)
    return f"Coming ({len(names)}): " + join_words([*shown, f"{more} more"] if more else shown) + "."


def paused_notice(party: Party, step: Step, reason: str, grace: timedelta) -> Response:
    """What the organiser is told, once, when a party's channel refused a step for good: why, and the fix."""
    minutes = round(grace.total_seconds() / 60)
    return Response(
        parts=[
            TextPart(
                text=f"Watch party #{party.id} ({party.film_title}) is paused: “{step.label}” could not be posted "
                f"in its channel ({reason[:200]})."
            ),
            TextPart(
                text="Check that the channel still exists and that the bot is in it and may post there "
                f"(invite it, or give it permission to send messages), then /party resume {party.id}. "
                f"Messages more than {minutes} min past their time are skipped; the rest follow on time."
            ),
        ],
        visibility=Visibility.PRIVATE,
    )
