"""A club night's first step: open its poll from the watchlist, once, or ask for suggestions when it is empty.

The night's run row (`NightStore.claim_run`) and the poll are written in one transaction: after a crash
either both exist or neither, and a second attempt (a restart, another job) finds the run and does nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from core.history.store import last_watched
from core.nights.store import ClubNight, NightStore
from core.polls.messages import poll_response
from core.polls.store import NewPoll, Poll, PollStore
from core.responses import Response, text
from core.times import show_time
from core.watchlist.store import WatchlistStore, pick_for_poll

if TYPE_CHECKING:
    from core.app import FilmClub

NIGHT_POLL_SIZE = 4


def open_night_poll(
    club: FilmClub, night: ClubNight, night_at: datetime, now: datetime, late_note: str = ""
) -> tuple[Poll | None, Response] | None:
    """Run a night's opening step.

    Args:
        club: the club.
        night: the club's night.
        night_at: the night this step is for (UTC).
        now: the moment it runs.
        late_note: said first when the step runs after its time.

    Returns:
        The poll (None: the watchlist had too few films) and the message to post; None when the night already ran.

    """
    watched = last_watched(club.engine, night.club_key, now)
    entries = WatchlistStore(club.engine).entries(night.club_key)
    chosen = pick_for_poll(entries, NIGHT_POLL_SIZE)
    when = show_time(night_at, night.zone, "%A %-d %B at %H:%M", named=False)
    with club.engine.begin() as conn:
        if not NightStore.claim_run(conn, night.club_key, night_at):
            return None
        if len(chosen) < 2:
            ask = (
                f"Club night {when}: the watchlist has"
                f" {len(chosen) or 'no'} film{'' if len(chosen) == 1 else 's'} "
                "to vote on. Suggest some with /club suggest <title>; an organiser can open a poll with /poll start."
            )
            return None, text(f"{late_note} {ask}".strip())
        new = NewPoll(
            club_key=night.club_key,
            platform=night.platform,
            channel_id=night.channel_id,
            opened_by=night.created_by,
            opened_at=now,
            closes_at=night_at - night.closes_before,
            zone=night.zone,
            night_at=night_at,
            shard_key=night.shard_key,
        )
        poll = PollStore.create_in(conn, new, [(e.film_id, e.film_title) for e in chosen])
        NightStore.record_poll(conn, night.club_key, night_at, poll.id)
    note = f"{late_note} Club night {when}: pick the film. The winner becomes the watch party.".strip()
    return poll, poll_response(poll, watched, note)
