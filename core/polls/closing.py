"""Closing a poll, once, and for a club night's poll creating its party in the same transaction.

The organiser's ``/poll close`` and the scheduled close both come here; the status check-and-set in
`PollStore.close` makes whichever is first the only one, and the night's party is written inside that
same transaction, so a crash leaves either an open poll (closed again at the next start) or both.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from core.parties.plan import PlannedStep, PlanRequest, build_plan
from core.parties.store import NewParty, Party, PartyStore
from core.polls.store import Poll, PollStore

if TYPE_CHECKING:
    from core.app import FilmClub


def close_poll(club: FilmClub, poll_id: int, at: datetime, late: bool) -> tuple[Poll, Party | None] | None:
    """Close an open poll and, for a club night's, create the winner's party at the night.

    Args:
        club: the club (library and settings).
        poll_id: the poll.
        at: now.
        late: the close is after its time (the bot was offline).

    Returns:
        The closed poll and its party; None when the poll was no longer open.

    """
    created: list[Party] = []

    def with_party(conn: Connection, poll: Poll) -> int | None:
        winner = poll.winner
        film = club.library.get_film(winner.film_id) if winner else None
        if poll.night_at is None or film is None or poll.night_at <= at:
            return None
        settings = club.clubs.get(poll.club_key)
        new = NewParty(
            club_key=poll.club_key,
            platform=poll.platform,
            channel_id=poll.channel_id,
            film_id=film.id,
            film_title=film.title,
            starts_at=poll.night_at,
            zone=poll.zone,
            created_by=poll.opened_by,
            created_by_name="",  # nobody is put on the guest list for the club
            shard_key=poll.shard_key,
        )
        night_at = poll.night_at

        def plan(party_id: int) -> list[PlannedStep]:
            request = PlanRequest(
                party_id,
                film,
                night_at,
                poll.zone,
                at,
                settings.reminder_day_before,
                settings.reminder_soon,
                passages=club.library.passages(film.id),
            )
            return build_plan(request)

        party, _ = PartyStore.create_in(conn, new, plan)
        created.append(party)
        return party.id

    closed = PollStore(club.engine).close(poll_id, at, late, with_party)
    if closed is None:
        return None
    return closed, (created[0] if created else None)
