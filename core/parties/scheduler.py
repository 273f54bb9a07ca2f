"""The party scheduler: APScheduler 3 on the project database, one job per party moved from step to step.

Design choices, on purpose:
- One job per party (id ``party:<id>``), pointed at its next pending step: scheduling a party is one
  job-table write, not one per step, and a restart loads one row per party.
- Each platform's process has its own job table (``apscheduler_jobs_<platform>``): APScheduler 3 cannot
  share one between processes, and a process schedules only its own platform's parties. A platform split
  across processes by shard (`ShardSet`) has one table per shard (``apscheduler_jobs_discord_shard1of2``):
  a process loads the tables of its shards only, so each party is in exactly one running process, and a
  shard moved to another process takes its jobs along.
- The job function (`run_party`) is module-level and stores ids only; the scheduler that fires it passes
  itself in (`_OwnerExecutor`), with the publisher it was given, so a job written by one process is sent by
  the next and no process-wide registry says who runs or sends it.
- APScheduler never skips our jobs (``misfire_grace_time=None``, ``coalesce=True``): its own misfire
  handling would drop the job silently, and with it every later step of the party. The job applies the
  grace itself: a step sent more than `LATE_AFTER` (1 minute) and up to `GRACE` (10 minutes) after its
  time is marked late and says so; one missed by more is marked dropped and logged, never sent hours late.
- Our table is the truth: a step leaves ``pending`` by an atomic check-and-set to ``sending``, with a new
  send key, committed before it is sent; only then is it ``sent``. A crash in between leaves it
  ``sending``, and the next run resends it under the same key: the platform recognises a post that had
  arrived (Discord's nonce, Slack's metadata), so members see each step once. A step cut off more than
  `RESEND_WITHIN` ago is not resent (Discord remembers a nonce for minutes only): it is dropped and logged.
- A channel that refuses a step for good (deleted, bot removed, no permission) pauses the party rather
  than failing every later step: the step waits, the organiser is sent a DM once (by whichever run
  paused it) saying how to fix it (when no DM gets through, the club's next organiser command says it),
  and ``/party resume`` schedules the party again.
- On start, and every minute, parties of this platform without a job get one (a party started by a
  one-shot ``filmclub run`` is delivered by the next console that runs).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import logging
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from apscheduler.executors.asyncio import AsyncIOExecutor
from apscheduler.job import Job
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from sqlalchemy import ColumnElement, Engine, String, cast, literal, select

from core.parties.delivery import DeliveryError, Publisher
from core.parties.outgoing import outgoing_message, paused_notice
from core.parties.schema import parties
from core.parties.shards import ShardSet
from core.parties.store import Party, PartyStatus, PartyStore, Step, StepState, party_from_row
from core.parties.when import warm_up

if TYPE_CHECKING:
    from core.app import FilmClub

log = logging.getLogger(__name__)

GRACE = timedelta(minutes=10)
LATE_AFTER = timedelta(minutes=1)  # sent later than this after its time, a step says it is late
EARLY = timedelta(milliseconds=500)  # a timer may wake a hair early: a step this close to due is due
RETRY_DELAYS: tuple[float, ...] = (2.0, 10.0, 30.0)
RESEND_WITHIN = timedelta(minutes=3)  # a send cut off by a crash is resent this long after it began
CUT_OFF = "the bot stopped while sending it and came back too late to resend it (it may have arrived)"
RECONCILE_SECONDS = 60
JOB_PREFIX = "party:"
_PLATFORM = re.compile(r"[a-z][a-z0-9_]{0,30}")

_on_start: list[Callable[[PartyScheduler], None]] = []
OwnedJob = Callable[..., Awaitable[None]]


def on_start(hook: Callable[[PartyScheduler], None]) -> None:
    """Run ``hook`` with every scheduler that starts (other jobs, e.g. poll closes, ride on its job stores)."""
    if hook not in _on_start:
        _on_start.append(hook)


def owned_job(func: OwnedJob) -> OwnedJob:
    """Mark a job function that takes the scheduler firing it as its first argument (before the stored ids).

    APScheduler checks a job's stored arguments against the signature: it is shown without that first one.
    """
    signature = inspect.signature(func)
    func.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    func.takes_scheduler = True  # type: ignore[attr-defined]
    return func


def running_scheduler(club: FilmClub, platform: str) -> PartyScheduler | None:
    """Return the scheduler running on ``club`` for ``platform``, if one runs."""
    scheduler = club.scheduler
    return scheduler if scheduler is not None and scheduler.platform == platform else None


@owned_job
async def run_party(scheduler: PartyScheduler, party_id: int, step_id: int) -> None:
    """Send a party's due steps and point its job at the next one (the APScheduler job).

    Module-level and stored with ids only, so the job store pickles a reference, never an object.

    Args:
        scheduler: the scheduler firing the job (passed by its executor, never stored).
        party_id: the party.
        step_id: the step the job was set for (logged; every due step is sent).

    """
    await scheduler.advance(party_id, step_id)


class _OwnerExecutor(AsyncIOExecutor):  # type: ignore[misc]
    """Runs `owned_job` functions with the scheduler that fires them as first argument."""

    def __init__(self, owner: PartyScheduler) -> None:
        super().__init__()
        self.owner = owner

    def _do_submit_job(self, job: Job, run_times: list[datetime]) -> None:
        if getattr(job.func, "takes_scheduler", False):
            job = _WithOwner(job, self.owner)
        super()._do_submit_job(job, run_times)


class _WithOwner:
    """A job as the executor runs it: the stored one, its function given the owning scheduler."""

    def __init__(self, job: Job, owner: PartyScheduler) -> None:
        self._job = job
        self.func = functools.partial(job.func, owner)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._job, name)

    def __str__(self) -> str:
        return str(self._job)


def job_id(party_id: int) -> str:
    """Name a party's APScheduler job."""
    return f"{JOB_PREFIX}{party_id}"


class _ClubEngineJobStore(SQLAlchemyJobStore):  # type: ignore[misc]
    """The job store on the club's own engine: shutting the scheduler down must not dispose that engine."""

    def shutdown(self) -> None:
        """Leave the shared engine open."""


def job_store(engine: Engine, platform: str) -> SQLAlchemyJobStore:
    """Make the job store of one platform's parties on the project database.

    Args:
        engine: the project's engine.
        platform: ``discord``, ``slack``, ``console`` …: one table each.

    Returns:
        The store (its table is created when a scheduler starts with it).

    Raises:
        ValueError: a platform name that cannot name a table.

    """
    if not _PLATFORM.fullmatch(platform):
        raise ValueError(f"bad platform name {platform!r}")
    return _ClubEngineJobStore(engine=engine, tablename=f"apscheduler_jobs_{platform}")


def unschedule_party(club: FilmClub, platform: str, party_id: int) -> None:
    """Remove a party's job, whether or not this process runs that platform's scheduler."""
    scheduler = running_scheduler(club, platform)
    if scheduler is not None:
        scheduler.remove_job(party_id)
        return
    store = job_store(club.engine, platform)
    store.jobs_t.create(club.engine, checkfirst=True)
    with contextlib.suppress(JobLookupError):
        store.remove_job(job_id(party_id))


class PartyScheduler:
    """Sends the steps of one platform's parties through its publisher; start it inside the platform's event loop."""

    def __init__(
        self,
        club: FilmClub,
        publisher: Publisher,
        clock: Callable[[], datetime] | None = None,
        grace: timedelta = GRACE,
        retry_delays: tuple[float, ...] = RETRY_DELAYS,
        shards: ShardSet | None = None,
    ) -> None:
        self.club = club
        self.publisher = publisher
        self.platform = platform = publisher.platform
        self.clock = clock or (lambda: datetime.now(UTC))
        self.grace = grace
        self.retry_delays = retry_delays
        self.shards = shards
        self.store = PartyStore(club.engine)
        # the job stores, and which parties' jobs each holds: all of the platform's, or one shard's
        mine = parties.c.platform == platform
        self.jobstores: dict[str, SQLAlchemyJobStore]
        self._holds: dict[str, ColumnElement[bool]]
        if shards is None:
            self.jobstores = {"default": job_store(club.engine, platform)}
            self._holds = {"default": mine}
        else:
            self.jobstores = {
                _alias(i): job_store(club.engine, f"{platform}_shard{i}of{shards.count}") for i in shards.ids
            }
            self._holds = {_alias(i): mine & shards.where(parties.c.shard_key, i) for i in shards.ids}
        self.scheduler = AsyncIOScheduler(
            jobstores={**self.jobstores, "memory": MemoryJobStore()},
            executors={"default": _OwnerExecutor(self)},
            job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
            timezone=UTC,
        )

    def start(self) -> None:
        """Load the jobs, give a job to every party that lacks one, and warm dateparser in a thread.

        Must be called with an event loop running (the platform's, or the console's background one).
        """
        if self.club.scheduler is not None and self.club.scheduler is not self:
            log.warning("replacing the running party scheduler", extra={"scheduler": self.club.scheduler.label})
        # Parties still without a job (started while no scheduler ran) get one before the start: their jobs
        # wait in APScheduler's pending list and are written at start, without a wake-up for each.
        for store in self.jobstores.values():
            store.jobs_t.create(self.club.engine, checkfirst=True)
        self.reconcile()
        self.scheduler.start()
        self.club.scheduler = self
        for hook in _on_start:
            hook(self)
        self.scheduler.add_job(
            self.reconcile,
            "interval",
            seconds=RECONCILE_SECONDS,
            id="parties:reconcile",
            jobstore="memory",
            replace_existing=True,
        )
        asyncio.get_running_loop().run_in_executor(None, warm_up)

    def shutdown(self) -> None:
        """Stop firing; the jobs stay in the database for the next start."""
        if self.club.scheduler is self:
            self.club.scheduler = None
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def schedule(self, party: Party) -> None:
        """Point a party's job at its next pending step (thread-safe); finish the party when none is left."""
        step = self.store.next_open(party.id)
        if step is None:
            self.store.finish(party.id)
            self.remove_job(party.id)
            return
        self.scheduler.add_job(
            run_party,
            trigger=DateTrigger(run_date=step.due_at),
            args=(party.id, step.id),
            id=job_id(party.id),
            name=f"party {party.id} step {step.seq}",
            jobstore=self._jobstore_of(party),
            replace_existing=True,
        )

    def owns(self, party: Party) -> bool:
        """Whether this process delivers the party: its platform's, and on one of its shards when sharded."""
        return party.platform == self.platform and (self.shards is None or self.shards.owns(party.shard_key))

    def _jobstore_of(self, party: Party) -> str:
        return self.jobstore_for(party.shard_key)

    def jobstore_for(self, shard_key: int | None) -> str:
        """The job store holding jobs of a server with this shard key (``default`` when not sharded)."""
        return "default" if self.shards is None else _alias(self.shards.shard_of(shard_key))

    def remove_job(self, party_id: int) -> None:
        """Remove a party's job if it has one (from whichever of this process's job stores holds it)."""
        with contextlib.suppress(JobLookupError):
            self.scheduler.remove_job(job_id(party_id))

    def reconcile(self) -> int:
        """Give a job to every scheduled party this process delivers that has none; how many got one."""
        missing: list[Party] = []
        with self.club.engine.connect() as conn:
            for alias, store in self.jobstores.items():
                has_job = (literal(JOB_PREFIX) + cast(parties.c.id, String)).in_(select(store.jobs_t.c.id))
                query = select(parties).where(
                    self._holds[alias], parties.c.status == PartyStatus.SCHEDULED.value, ~has_job
                )
                missing.extend(party_from_row(row) for row in conn.execute(query))
        for party in missing:
            self.schedule(party)
        if missing:
            log.info("parties without a job scheduled", extra={"parties": len(missing), "scheduler": self.label})
        return len(missing)

    async def advance(self, party_id: int, step_id: int) -> None:
        """Send a party's due steps, then schedule its next one; never raises (the scheduler goes on).

        A job for a party this process does not deliver (left in a shard's table after the shards were
        re-divided) is removed unsent: the process that owns the party has its own job for it.

        Args:
            party_id: the party.
            step_id: the step the job was set for.

        """
        try:
            party = self.store.party(party_id)
        except Exception:  # the database is away: the next reconcile gives the party its job back
            log.exception("party unreadable", extra={"party": party_id})
            return
        if party is None or not self.owns(party):
            log.warning("job removed: party not delivered here", extra={"party": party_id, "scheduler": self.label})
            self.remove_job(party_id)
            return
        stopped = party.status is not PartyStatus.SCHEDULED  # paused, cancelled or done: no job left
        try:
            if not stopped:
                stopped = not await self._send_due(party)
        except Exception:
            log.exception("party steps failed", extra={"party": party_id, "step_id": step_id})
        finally:
            try:
                if stopped:
                    self.remove_job(party_id)
                else:
                    self.schedule(party)
            except Exception:  # the database is away: the next reconcile gives the party its job back
                log.exception("party next step not scheduled", extra={"party": party_id})

    @property
    def label(self) -> str:
        """``discord shards 0, 1 of 4``, for logs."""
        return f"{self.platform} {self.shards.label}" if self.shards else self.platform

    async def _send_due(self, party: Party) -> bool:
        """Send the party's due steps in order; False when its channel refused one for good (it is paused)."""
        now = self.clock()
        for step in self.store.due_steps(party.id, now + EARLY):
            if step.state is StepState.SENDING:  # cut off by a crash: resent under its key, or given up
                assert step.send_key is not None and step.finished_at is not None
                if now - step.finished_at > RESEND_WITHIN:
                    if self.store.drop(step.id, now, CUT_OFF):
                        log.warning("party step dropped: cut off while sending", extra=_facts(party, step))
                    continue
                if await self._deliver(party, step, step.send_key, step.finished_at, resend=True) == "paused":
                    return False
                continue
            late_by = now - step.due_at
            if late_by > self.grace:
                minutes = round(late_by.total_seconds() / 60)
                if self.store.drop(step.id, now, f"missed by {minutes} min"):
                    log.warning("party step dropped", extra={**_facts(party, step), "missed_min": minutes})
                continue
            key = self.store.claim(step.id, now)
            if key is not None and await self._deliver(party, step, key, now, resend=False) == "paused":
                return False
        return True

    async def _deliver(
        self, party: Party, step: Step, key: str, claimed_at: datetime, resend: bool
    ) -> Literal["sent", "failed", "paused"]:
        """Publish a claimed step under its key, retrying transient failures; the step failed if they last.

        Before a resend, and before each retry (a timeout may hide a post that arrived), the publisher is
        asked whether the post under this key is already in the channel.
        """
        late_by = claimed_at - step.due_at
        late = late_by > LATE_AFTER
        response = outgoing_message(self.club, self.store, party, step, late_by if late else None)
        reason = ""
        for attempt, delay in enumerate((*self.retry_delays, None)):
            try:
                if not ((resend or attempt) and await self.publisher.delivered(party.channel_id, key, claimed_at)):
                    await self.publisher.publish(party.channel_id, response, key)
            except DeliveryError as exc:
                reason = exc.reason
                if exc.permanent and exc.channel:
                    await self._pause(party, step, reason)
                    return "paused"
                if exc.permanent:
                    break
            except Exception as exc:  # a publisher's own bug: logged, and retried like a transient failure
                log.exception("publisher raised", extra={"party": party.id, "step": step.seq})
                reason = f"{type(exc).__name__}: {exc}"
            else:
                self.store.sent(step.id, StepState.LATE if late else StepState.SENT)
                log.info("party step sent", extra={**_facts(party, step), "late": late, "resent": resend})
                return "sent"
            if delay is None:
                break
            await asyncio.sleep(delay)
        log.warning("party step failed", extra={**_facts(party, step), "reason": reason[:300]})
        self.store.fail(step.id, reason)
        return "failed"

    async def _pause(self, party: Party, step: Step, reason: str) -> None:
        """Pause the party at this step and, if this run paused it, tell its organiser how to fix the channel."""
        log.warning("party paused: its channel refused a step", extra={**_facts(party, step), "reason": reason[:300]})
        if not self.store.pause(party.id, step.id, reason):
            return
        try:
            await self.publisher.notify(party.created_by, paused_notice(party, step, reason, self.grace))
        except Exception:  # DMs closed: the next organiser command in the club says it instead
            log.exception("organiser not told of a paused party by DM", extra=_facts(party, step))
        else:
            self.store.told(step.id)


def _alias(shard: int) -> str:
    """The name of a shard's job store inside the scheduler."""
    return f"shard{shard}"


def _facts(party: Party, step: Step) -> dict[str, object]:
    """What a log line says about a step: ids, kind and its spoiler-safe label, never its text."""
    return {"party": party.id, "club": party.club_key, "step": step.seq, "kind": step.kind, "label": step.label}
