"""Watch-party scheduling speed, beside the bare APScheduler floors measured in the same run.

Usage: ``.venv/bin/python -m benchmarks.parties_bench [--parties 10000] [--firing 300] [--dir D]``

Both sides use APScheduler 3 ``AsyncIOScheduler`` with the ``SQLAlchemyJobStore`` on an SQLite file (WAL,
as the project's engine sets it up), with the scheduler running on the event loop while jobs are added,
and a turn of the loop after each add (as between two members' commands):

- schedule: the bare floor adds N DateTrigger jobs; ours stores N parties of Children of Heaven (the party,
  its 12 planned steps with their messages, its first guest: one transaction) and points each party's one
  job at its first step. Printed: total, and per party the time the event loop is blocked (p50/p99);
- restart: a fresh process opens the same database and starts a new scheduler over the N jobs; timed from
  ``start()`` until the next wake-up is set (ours also checks, with one SQL anti-join, that every scheduled
  party has a job). Aim: < 0.5 s for 10k parties;
- firing: F jobs (bare) or F parties' "press play" steps (ours) due within a few seconds, with the N others
  still scheduled far ahead; the delay from the due time to the job running (bare) or to the publisher
  receiving the message (ours: party and step rows read, atomic check-and-set, the message built, the next
  step's job written). Aim: p99 < 50 ms. Each firing phase starts with ``gc.collect()``: the garbage the N
  schedules left would otherwise land one full collection (tens of ms here, the libraries' objects) in the
  middle of whichever side is measured second; the longest GC pause during the phase is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import func, select

from benchmarks import targets
from benchmarks.publishers import TimingPublisher
from benchmarks.targets import Target
from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.lookup import Found
from core.commands.registry import CommandContext
from core.database import build_engine
from core.library.model import Film
from core.parties.plan import PlanRequest, build_plan
from core.parties.scheduler import PartyScheduler
from core.parties.store import NewParty, Party, PartyStore
from core.settings import BUNDLED_DATA, Settings

PLATFORM = "bench"
FAR = timedelta(days=30)
FIRING_LEAD = 3.0  # seconds before the first due step, so every party is scheduled before it
FIRING_SPREAD = 2.0
COMMANDS = 200  # whole /party start commands (title lookup, dateparser, plan, store, job), after the N parties

_lateness: list[float] = []


def bare_job(due: float) -> None:
    """A bare job: how late it runs."""
    _lateness.append(time.time() - due)


async def bare_noop() -> None:
    """A bare job that is never due during the run."""


def bare_scheduler(url: str) -> AsyncIOScheduler:
    store = SQLAlchemyJobStore(engine=build_engine(url), tablename="apscheduler_jobs_bare")
    return AsyncIOScheduler(jobstores={"default": store}, timezone=UTC)


def club_for(url: str) -> FilmClub:
    settings = Settings(_env_file=None, FILMCLUB_DATABASE_URL=url, FILMCLUB_DATA_DIR=BUNDLED_DATA)  # type: ignore[call-arg]
    club = FilmClub(settings)
    club.seed_bundled_films()
    return club


def seed_film(club: FilmClub) -> Film:
    found = club.find_film("Children of Heaven")
    assert isinstance(found, Found)
    return found.film


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    if not ordered:
        return {"n": 0, "p50": float("nan"), "p99": float("nan"), "max": float("nan")}
    return {
        "n": len(ordered),
        "p50": statistics.median(ordered),
        "p99": ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))],
        "max": ordered[-1],
    }


async def timed_each(count: int, one: Callable[[int], Awaitable[None]]) -> tuple[float, list[float]]:
    """Total seconds, and each call's seconds (a loop turn after each, as between two commands)."""
    each = []
    started = time.perf_counter()
    for i in range(count):
        t0 = time.perf_counter()
        await one(i)
        each.append(time.perf_counter() - t0)
        await asyncio.sleep(0)
    return time.perf_counter() - started, each


# -- bare APScheduler ------------------------------------------------------------------------------


async def bare_schedule(url: str, count: int) -> dict[str, Any]:
    scheduler = bare_scheduler(url)
    scheduler.start()
    far = datetime.now(UTC) + FAR

    async def add(i: int) -> None:
        scheduler.add_job(bare_noop, "date", run_date=far + timedelta(seconds=i), id=f"bare:{i}")

    total, each = await timed_each(count, add)
    scheduler.shutdown(wait=False)
    await asyncio.sleep(0.01)
    return {"total": total, "each": percentiles(each)}


async def bare_restart(url: str) -> dict[str, Any]:
    scheduler = bare_scheduler(url)
    started = time.perf_counter()
    scheduler.start()
    await asyncio.sleep(0)  # the wake-up runs on the loop: due jobs read, next wake-up set
    ready = time.perf_counter() - started
    scheduler.shutdown(wait=False)
    await asyncio.sleep(0.01)
    return {"ready": ready}


async def bare_firing(url: str, count: int) -> dict[str, Any]:
    _lateness.clear()
    scheduler = bare_scheduler(url)
    scheduler.start()
    first = time.time() + FIRING_LEAD
    for i in range(count):
        due = first + FIRING_SPREAD * i / count
        at = datetime.fromtimestamp(due, UTC)
        scheduler.add_job(bare_job, "date", run_date=at, args=(due,), id=f"fire:{i}", misfire_grace_time=None)
    deadline = time.time() + FIRING_LEAD + FIRING_SPREAD + 10
    while len(_lateness) < count and time.time() < deadline:
        await asyncio.sleep(0.05)
    scheduler.shutdown(wait=False)
    await asyncio.sleep(0.01)
    return percentiles(list(_lateness))


# -- ours --------------------------------------------------------------------------------------------


def new_party(film: Film, starts_at: datetime, channel: str) -> NewParty:
    return NewParty(
        club_key=f"{PLATFORM}:bench-server",
        platform=PLATFORM,
        channel_id=channel,
        film_id=film.id,
        film_title=film.title,
        starts_at=starts_at,
        zone="Europe/London",
        created_by="u1",
        created_by_name="Ana",
    )


def create_party(store: PartyStore, film: Film, starts_at: datetime, channel: str) -> Party:
    asked = starts_at - timedelta(minutes=2)
    party, _ = store.create(
        new_party(film, starts_at, channel),
        lambda pid: build_plan(PlanRequest(pid, film, starts_at, "Europe/London", asked)),
    )
    return party


async def ours_schedule(url: str, count: int) -> dict[str, Any]:
    club = club_for(url)
    film = seed_film(club)
    store = PartyStore(club.engine)
    scheduler = PartyScheduler(club, TimingPublisher(PLATFORM))
    scheduler.start()
    far = datetime.now(UTC) + FAR
    create_each: list[float] = []
    schedule_each: list[float] = []

    async def one(i: int) -> None:
        t0 = time.perf_counter()
        party = create_party(store, film, far + timedelta(minutes=i), f"c{i}")
        t1 = time.perf_counter()
        scheduler.schedule(party)
        schedule_each.append(time.perf_counter() - t1)
        create_each.append(t1 - t0)

    total, each = await timed_each(count, one)
    ctx = CommandContext(platform=PLATFORM, server_id="bench-server", channel_id="c", user_id="u1", organisers=EVERYONE)
    line = f"/party start film:childern of haven when:{far:%Y-%m-%d} 20:00"

    async def command(_: int) -> None:
        assert not club.run_line(line, ctx).is_error

    _, commands = await timed_each(COMMANDS, command)
    scheduler.shutdown()
    await asyncio.sleep(0.01)
    return {
        "total": total,
        "each": percentiles(each),
        "create": percentiles(create_each),
        "schedule": percentiles(schedule_each),
        "command": percentiles(commands),
    }


async def ours_restart(url: str) -> dict[str, Any]:
    settings = Settings(_env_file=None, FILMCLUB_DATABASE_URL=url, FILMCLUB_DATA_DIR=BUNDLED_DATA)  # type: ignore[call-arg]
    club = FilmClub(settings)
    scheduler = PartyScheduler(club, TimingPublisher(PLATFORM))
    started = time.perf_counter()
    scheduler.start()
    await asyncio.sleep(0)
    ready = time.perf_counter() - started
    with club.engine.connect() as conn:
        jobs = conn.execute(select(func.count()).select_from(scheduler.jobstores["default"].jobs_t)).scalar_one()
    scheduler.shutdown()
    await asyncio.sleep(0.01)
    return {"ready": ready, "jobs": jobs}


async def ours_firing(url: str, count: int) -> dict[str, Any]:
    club = club_for(url)
    film = seed_film(club)
    store = PartyStore(club.engine)
    publisher = TimingPublisher(PLATFORM)
    scheduler = PartyScheduler(club, publisher)
    scheduler.start()
    first = time.time() + FIRING_LEAD
    due: dict[str, float] = {}
    for i in range(count):
        at = first + FIRING_SPREAD * i / count
        channel = f"fire{i}"
        due[channel] = at
        scheduler.schedule(create_party(store, film, datetime.fromtimestamp(at, UTC), channel))
    late_start = time.time() > first
    deadline = time.time() + FIRING_LEAD + FIRING_SPREAD + 10
    while len(publisher.arrived) < count and time.time() < deadline:
        await asyncio.sleep(0.05)
    scheduler.shutdown()
    await asyncio.sleep(0.01)
    result = percentiles([publisher.arrived[c] - due[c] for c in publisher.arrived])
    result["scheduled_in_time"] = not late_start
    return result


# -- the run -----------------------------------------------------------------------------------------


def with_gc_watch(run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run a firing phase from a clean heap (garbage left by scheduling N is not the firing's), noting GC pauses.

    A full collection in this process costs tens of ms (the imported libraries' objects): a step that lands on
    one is late by that much, bare or ours. The longest pause during the phase is printed beside the delays.
    """
    gc.collect()
    pauses: list[float] = []
    started: list[float] = [0.0]

    def watch(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            pauses.append(time.perf_counter() - started[0])

    gc.callbacks.append(watch)
    try:
        result = run()
    finally:
        gc.callbacks.remove(watch)
    result["gc_longest"] = max(pauses, default=0.0)
    return result


def in_child(kind: str, url: str) -> dict[str, Any]:
    """A restart measured in a fresh process: its own imports, engine and connections."""
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks.parties_bench", "--child", kind, "--url", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    result["process"] = time.perf_counter() - started
    return result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def report(parties: int, bare: dict[str, Any], ours: dict[str, Any]) -> bool:
    print(f"\nWatch parties: {parties} parties, one job each (SQLite, WAL)\n")
    print(f"{'':40} {'bare APScheduler':>18} {'ours':>14} {'ours/bare':>10}")
    rows = [
        (f"schedule {parties}: total", bare["schedule"]["total"], ours["schedule"]["total"]),
        ("  per party: loop blocked p50", bare["schedule"]["each"]["p50"], ours["schedule"]["each"]["p50"]),
        ("  per party: loop blocked p99", bare["schedule"]["each"]["p99"], ours["schedule"]["each"]["p99"]),
        (f"restart over {parties}+ jobs: ready", bare["restart"]["ready"], ours["restart"]["ready"]),
        ("  fresh process, wall (imports incl.)", bare["restart"]["process"], ours["restart"]["process"]),
        ("firing delay p50", bare["firing"]["p50"], ours["firing"]["p50"]),
        ("firing delay p99", bare["firing"]["p99"], ours["firing"]["p99"]),
        ("firing delay max", bare["firing"]["max"], ours["firing"]["max"]),
        ("  longest GC pause while firing", bare["firing"]["gc_longest"], ours["firing"]["gc_longest"]),
    ]
    for label, floor, mine in rows:
        ratio = mine / floor if floor > 0 else float("nan")
        print(f"{label:40} {ms(floor):>18} {ms(mine):>14} {ratio:>9.1f}x")
    sched = ours["schedule"]
    for what, key in (
        ("per party: store the party + 12 steps", "create"),
        ("per party: point its job at step 1", "schedule"),
        ("a whole /party start (title typo, dateparser)", "command"),
    ):
        print(f"ours, {what:46} p50 {ms(sched[key]['p50'])}, p99 {ms(sched[key]['p99'])} ({sched[key]['n']} runs)")
    fired = ours["firing"]
    print(
        f"firing: {fired['n']} parties' steps sent (bare: {bare['firing']['n']} jobs run) within {FIRING_SPREAD:.0f} s"
    )
    if not fired["scheduled_in_time"]:
        print("warning: scheduling the firing parties took longer than the lead time; their delays include it")
    print(f"restart: {ours['restart']['jobs']} jobs in our table")
    blocked, floor = ours["schedule"]["each"], bare["schedule"]["each"]
    return targets.report(
        [
            Target(
                "schedule a party: loop blocked p50",
                blocked["p50"] * 1e3,
                floor["p50"] * 1e3,
                "≤ 3× the bare add",
                blocked["p50"] <= 3 * floor["p50"],
            ),
            Target(
                "schedule a party: loop blocked p99",
                blocked["p99"] * 1e3,
                floor["p99"] * 1e3,
                "≤ 3× the bare add",
                blocked["p99"] <= 3 * floor["p99"],
            ),
            Target(
                f"firing delay p99, {parties} scheduled",
                fired["p99"] * 1e3,
                bare["firing"]["p99"] * 1e3,
                "≤ 50 ms",
                fired["p99"] <= 0.05,
            ),
            Target(
                f"restart over {parties} parties: ready",
                ours["restart"]["ready"] * 1e3,
                bare["restart"]["ready"] * 1e3,
                "< 500 ms",
                ours["restart"]["ready"] < 0.5,
            ),
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--parties", type=int, default=10_000)
    parser.add_argument("--firing", type=int, default=300)
    parser.add_argument("--dir", type=Path, default=None, help="where the SQLite files go (default: a temp folder)")
    parser.add_argument("--child", choices=("bare", "ours"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        restart = bare_restart if args.child == "bare" else ours_restart
        print(json.dumps(asyncio.run(restart(args.url))))
        return 0
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        bare_url = f"sqlite:///{Path(folder) / 'bare.sqlite3'}"
        ours_url = f"sqlite:///{Path(folder) / 'ours.sqlite3'}"
        print(f"scheduling {args.parties} bare jobs …", file=sys.stderr)
        bare = {"schedule": asyncio.run(bare_schedule(bare_url, args.parties))}
        bare["restart"] = in_child("bare", bare_url)
        bare["firing"] = with_gc_watch(lambda: asyncio.run(bare_firing(bare_url, args.firing)))
        print(f"scheduling {args.parties} parties …", file=sys.stderr)
        ours = {"schedule": asyncio.run(ours_schedule(ours_url, args.parties))}
        ours["restart"] = in_child("ours", ours_url)
        ours["firing"] = with_gc_watch(lambda: asyncio.run(ours_firing(ours_url, args.firing)))
    return 0 if report(args.parties, bare, ours) else 1


if __name__ == "__main__":
    sys.exit(main())
