"""Poll closes and club-night steps as jobs of the party scheduler: same job stores, same restart story.

- A poll's close is one job (``poll:<id>``) at its close time; a club night is one job (``night:<club>``)
  at the next time its poll opens. Both live in the platform's (or shard's) job table, beside the parties'.
- Job functions are module-level and store ids only; the scheduler firing one passes itself in (`owned_job`).
- Our tables are the truth: a close is a check-and-set on the poll's status, a night's opening inserts
  its run row, so each step happens exactly once whichever restart or job gets there first.
- A close that fell while the bot was down happens at start (APScheduler runs the overdue job, or the
  reconcile gives a job to a poll that has none) and the result says it is late. A night whose poll
  would already have closed is skipped: the next night is planned.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import datetime
from typing import TYPE_CHECKING

from apscheduler.jobstores.base import JobLookupError
from apscheduler.triggers.date import DateTrigger
from sqlalchemy import String, cast, literal, select

from core.nights.opening import open_night_poll
from core.nights.schema import club_nights
from core.nights.store import ClubNight, NightStore
from core.parties.scheduler import (
    EARLY,
    LATE_AFTER,
    RECONCILE_SECONDS,
    PartyScheduler,
    on_start,
    owned_job,
    running_scheduler,
)
from core.polls.closing import close_poll
from core.polls.messages import result_response
from core.polls.schema import polls
from core.polls.store import Poll, PollStatus, PollStore
from core.responses import Response

if TYPE_CHECKING:
    from core.app import FilmClub

log = logging.getLogger(__name__)

POLL_PREFIX = "poll:"
NIGHT_PREFIX = "night:"


@owned_job
async def run_poll_close(parties: PartyScheduler, poll_id: int) -> None:
    """Close a poll at its time (the APScheduler job; ids only, so the store pickles a reference)."""
    await ClubLoop(parties).close(poll_id)


@owned_job
async def run_night(parties: PartyScheduler, club_key: str) -> None:
    """Open a club night's poll at its time (the APScheduler job)."""
    await ClubLoop(parties).open_night(club_key)


def running_loop(club: FilmClub, platform: str) -> ClubLoop | None:
    """The club loop riding on the scheduler running on ``club`` for ``platform``, if any."""
    parties = running_scheduler(club, platform)
    return ClubLoop(parties) if parties is not None and parties.scheduler.running else None


class ClubLoop:
    """Schedules one platform's poll closes and club nights on its `PartyScheduler`."""

    def __init__(self, parties: PartyScheduler) -> None:
        self.parties = parties
        self.club = parties.club
        self.platform = parties.platform
        self.polls = PollStore(self.club.engine)
        self.nights = NightStore(self.club.engine)

    def now(self) -> datetime:
        """The scheduler's clock (injected in tests)."""
        return self.parties.clock()

    def reconcile(self) -> int:
        """Give a job to every open poll and club night of this process that has none; how many got one."""
        engine = self.club.engine
        missing_polls: list[int] = []
        missing_nights: list[str] = []
        with engine.connect() as conn:
            for alias, store in self.parties.jobstores.items():
                jobs = select(store.jobs_t.c.id)
                mine = self.parties.shards.where(polls.c.shard_key, _shard(alias)) if self.parties.shards else None
                query = select(polls.c.id).where(
                    polls.c.platform == self.platform,
                    polls.c.status == PollStatus.OPEN.value,
                    ~(literal(POLL_PREFIX) + cast(polls.c.id, String)).in_(jobs),
                )
                missing_polls.extend(conn.execute(query if mine is None else query.where(mine)).scalars())
                night_query = select(club_nights.c.club_key).where(
                    club_nights.c.platform == self.platform,
                    ~(literal(NIGHT_PREFIX) + club_nights.c.club_key).in_(jobs),
                )
                if self.parties.shards is not None:
                    night_query = night_query.where(self.parties.shards.where(club_nights.c.shard_key, _shard(alias)))
                missing_nights.extend(conn.execute(night_query).scalars())
        for poll_id in missing_polls:
            poll = self.polls.poll(poll_id)
            if poll is not None:
                self.schedule_close(poll)
        for club_key in missing_nights:
            night = self.nights.get(club_key)
            if night is not None:
                self.schedule_night(night)
        return len(missing_polls) + len(missing_nights)

    def schedule_close(self, poll: Poll) -> None:
        """Set the poll's close job at its close time."""
        self.parties.scheduler.add_job(
            run_poll_close,
            trigger=DateTrigger(run_date=poll.closes_at),
            args=(poll.id,),
            id=f"{POLL_PREFIX}{poll.id}",
            name=f"poll {poll.id} close",
            jobstore=self.parties.jobstore_for(poll.shard_key),
            replace_existing=True,
        )

    def schedule_night(self, night: ClubNight, after: datetime | None = None) -> None:
        """Set the night's job at the time its next poll opens (now, when that time has passed)."""
        night_at = night.upcoming(self.now()) if after is None else night.rule.night_after(after)
        self.parties.scheduler.add_job(
            run_night,
            trigger=DateTrigger(run_date=max(night_at - night.opens_before, self.now())),
            args=(night.club_key,),
            id=f"{NIGHT_PREFIX}{night.club_key}",
            name=f"club night {night.club_key}",
            jobstore=self.parties.jobstore_for(night.shard_key),
            replace_existing=True,
        )

    def drop_night(self, club_key: str) -> None:
        """Remove a club night's job (it was turned off)."""
        with contextlib.suppress(JobLookupError):
            self.parties.scheduler.remove_job(f"{NIGHT_PREFIX}{club_key}")

    async def close(self, poll_id: int) -> None:
        """Close a poll that is due, post its result, schedule the night's party; never raises."""
        try:
            poll = self.polls.poll(poll_id)
            if poll is None or poll.status is not PollStatus.OPEN:
                return
            now = self.now()
            if now + EARLY < poll.closes_at:
                self.schedule_close(poll)  # woke early (or the close time moved): wait again
                return
            done = close_poll(self.club, poll_id, now, late=now - poll.closes_at > LATE_AFTER)
            if done is None:
                return
            closed, party = done
            if party is not None:
                self.parties.schedule(party)
            log.info("poll closed", extra={"poll": poll_id, "late": closed.late, "party": closed.party_id})
            await self._post(closed.club_key, closed.channel_id, result_response(closed, party))
        except Exception:
            log.exception("poll close failed", extra={"poll": poll_id})

    async def open_night(self, club_key: str) -> None:
        """Run a club night's opening step when due, then plan the next night; never raises."""
        try:
            night = self.nights.get(club_key)
            if night is None or night.platform != self.platform:
                self.drop_night(club_key)
                return
            now = self.now()
            night_at = night.upcoming(now)
            opens_at = night_at - night.opens_before
            if opens_at > now + EARLY:
                self.schedule_night(night)
                return
            late = now - opens_at > LATE_AFTER
            note = "(Opened late: the bot was offline when this poll was due.)" if late else ""
            opened = open_night_poll(self.club, night, night_at, now, note)
            self.schedule_night(night, after=night_at)
            if opened is None:
                return
            poll, message = opened
            if poll is not None:
                self.schedule_close(poll)
            log.info("club night opened", extra={"club": club_key, "poll": poll.id if poll else None})
            await self._post(club_key, night.channel_id, message)
        except Exception:
            log.exception("club night step failed", extra={"club": club_key})

    async def _post(self, club_key: str, channel_id: str, response: Response) -> None:
        """Publish for a club: the message's buttons are stored for its members first."""
        await self.parties.publisher.publish(channel_id, self.club.actions.remember(club_key, response))


def _shard(alias: str) -> int:
    return int(alias.removeprefix("shard"))


def _attach(parties: PartyScheduler) -> None:
    """Start the club loop on a scheduler that just started: jobs for what lacks one, then every minute."""
    loop = ClubLoop(parties)
    loop.reconcile()
    parties.scheduler.add_job(
        loop.reconcile,
        "interval",
        seconds=RECONCILE_SECONDS,
        id="polls:reconcile",
        jobstore="memory",
        replace_existing=True,
    )


on_start(_attach)
