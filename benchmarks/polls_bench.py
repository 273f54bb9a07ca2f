"""Polls at scale: 10k open polls restored after a restart, and a vote with its new tally, beside bare floors.

Usage: ``.venv/bin/python -m benchmarks.polls_bench [--polls 10000] [--votes 2000] [--dir D]``

A library of the bundled films in an SQLite file (WAL, as the project's engine sets it up) gets N open polls
of 4 films each, one per server, written in bulk through SQLAlchemy Core (as N `/poll start` would leave
them, closing in 30 days). Then:

- first start: a scheduler starts over polls that have no close job yet (opened while no scheduler ran): the
  club loop's reconcile gives each its job. Printed, not a target;
- restart (the target): a fresh process opens the same database and starts the scheduler over the N polls
  and their jobs, timed from ``start()`` until the next wake-up is set (the club loop's reconcile included:
  one SQL anti-join finding the polls without a job). Floor: a bare APScheduler ``AsyncIOScheduler``
  starting over N jobs in its own table on the same database, in a fresh process too. Target ≤ 0.5 s;
- vote: ``/poll vote <n>`` through the command registry, as a member of one of the servers (a new member
  each time, so every press adds a vote), answered with the poll's new tally. Floor: one bare transaction
  through Core inserting the vote row and counting the poll's votes per film. Target p99 ≤ 5 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import func, insert, select

from benchmarks.publishers import TimingPublisher
from benchmarks.targets import Target, report
from core.app import FilmClub
from core.commands.registry import CommandContext
from core.database import build_engine
from core.parties.scheduler import PartyScheduler
from core.polls.jobs import POLL_PREFIX
from core.polls.schema import poll_films, poll_votes, polls
from core.settings import BUNDLED_DATA, Settings

PLATFORM = "bench"
FILMS_PER_POLL = 4
CLOSES_IN = timedelta(days=30)


async def bare_noop() -> None:
    """A bare job that is never due during the run."""


def club_for(url: str) -> FilmClub:
    settings = Settings(_env_file=None, FILMCLUB_DATABASE_URL=url, FILMCLUB_DATA_DIR=BUNDLED_DATA)  # type: ignore[call-arg]
    return FilmClub(settings)


def server(i: int) -> str:
    return f"s{i}"


def fill(url: str, count: int) -> None:
    """N open polls, one per server, 4 of the bundled films each; and N bare jobs in the floor's own table."""
    club = club_for(url)
    club.seed_bundled_films()
    films = [(e.film_id, e.title) for e in club.library.title_entries()][:FILMS_PER_POLL]
    now = datetime.now(UTC)
    closes = now + CLOSES_IN
    rows = [
        {
            "id": i,
            "club_key": f"{PLATFORM}:{server(i)}",
            "platform": PLATFORM,
            "channel_id": "c",
            "status": "open",
            "opened_by": "host",
            "opened_at": now,
            "closes_at": closes + timedelta(seconds=i),
            "zone": "UTC",
            "tie_drawn": False,
            "late": False,
        }
        for i in range(1, count + 1)
    ]
    options = [
        {"poll_id": i, "position": n, "film_id": f, "film_title": t}
        for i in range(1, count + 1)
        for n, (f, t) in enumerate(films, 1)
    ]
    with club.engine.begin() as conn:
        conn.execute(insert(polls), rows)
        conn.execute(insert(poll_films), options)
    bare = AsyncIOScheduler(jobstores={"default": bare_store(url)}, timezone=UTC)
    for i in range(1, count + 1):  # paused scheduler: jobs are written at start without a wake-up each
        bare.add_job(bare_noop, "date", run_date=closes + timedelta(seconds=i), id=f"bare:{i}")

    async def write() -> None:
        bare.start(paused=True)
        bare.shutdown(wait=False)

    asyncio.run(write())
    club.engine.dispose()


def bare_store(url: str) -> SQLAlchemyJobStore:
    return SQLAlchemyJobStore(engine=build_engine(url), tablename="apscheduler_jobs_bare")


async def first_start(url: str) -> dict[str, Any]:
    """Start over polls without jobs: the reconcile writes each poll's close job."""
    club = club_for(url)
    scheduler = PartyScheduler(club, TimingPublisher(PLATFORM))
    started = time.perf_counter()
    scheduler.start()
    await asyncio.sleep(0)
    took = time.perf_counter() - started
    scheduler.shutdown()
    await asyncio.sleep(0.01)
    return {"took": took, "jobs": poll_jobs(club, scheduler)}


def poll_jobs(club: FilmClub, scheduler: PartyScheduler) -> int:
    table = scheduler.jobstores["default"].jobs_t
    with club.engine.connect() as conn:
        return int(
            conn.execute(select(func.count()).select_from(table).where(table.c.id.like(f"{POLL_PREFIX}%"))).scalar_one()
        )


async def ours_restart(url: str) -> dict[str, Any]:
    club = club_for(url)
    scheduler = PartyScheduler(club, TimingPublisher(PLATFORM))
    started = time.perf_counter()
    scheduler.start()
    await asyncio.sleep(0)  # the wake-up runs on the loop: due jobs read, next wake-up set
    ready = time.perf_counter() - started
    jobs = poll_jobs(club, scheduler)
    scheduler.shutdown()
    await asyncio.sleep(0.01)
    return {"ready": ready, "jobs": jobs}


async def bare_restart(url: str) -> dict[str, Any]:
    scheduler = AsyncIOScheduler(jobstores={"default": bare_store(url)}, timezone=UTC)
    started = time.perf_counter()
    scheduler.start()
    await asyncio.sleep(0)
    ready = time.perf_counter() - started
    scheduler.shutdown(wait=False)
    await asyncio.sleep(0.01)
    return {"ready": ready}


def in_child(kind: str, url: str) -> dict[str, Any]:
    """A start measured in a fresh process: its own imports, engine and connections."""
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks.polls_bench", "--child", kind, "--url", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def percentiles(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "p50": statistics.median(ordered),
        "p99": ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))],
    }


def votes(url: str, count: int, polls_count: int) -> tuple[dict[str, float], dict[str, float]]:
    """Ours (the whole command) and the floor (insert + count), interleaved in one process on one database."""
    club = club_for(url)
    rng = random.Random(5)
    ours: list[float] = []
    floor: list[float] = []
    for n in range(count + 20):
        poll_id = rng.randint(1, polls_count)
        ctx = CommandContext(platform=PLATFORM, server_id=server(poll_id), channel_id="c", user_id=f"m{n}")
        line = f"/poll vote {rng.randint(1, FILMS_PER_POLL)}"
        t0 = time.perf_counter()
        response = club.run_line(line, ctx)
        t1 = time.perf_counter()
        assert not response.is_error, response.plain_text()
        with club.engine.begin() as conn:
            conn.execute(insert(poll_votes).values(poll_id=poll_id, member_id=f"f{n}", film_id=1))
            conn.execute(
                select(poll_votes.c.film_id, func.count())
                .where(poll_votes.c.poll_id == poll_id)
                .group_by(poll_votes.c.film_id)
            ).all()
        t2 = time.perf_counter()
        if n >= 20:  # the first few warm the statement caches
            ours.append(t1 - t0)
            floor.append(t2 - t1)
    club.engine.dispose()
    return percentiles(ours), percentiles(floor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polls", type=int, default=10_000)
    parser.add_argument("--votes", type=int, default=2_000)
    parser.add_argument("--dir", type=Path, default=None, help="where the SQLite file goes (default: a temp folder)")
    parser.add_argument("--child", choices=("bare", "ours"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        restart = bare_restart if args.child == "bare" else ours_restart
        print(json.dumps(asyncio.run(restart(args.url))))
        return 0
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        url = f"sqlite:///{Path(folder) / 'polls.sqlite3'}"
        print(f"writing {args.polls} open polls …", file=sys.stderr)
        fill(url, args.polls)
        first = asyncio.run(first_start(url))
        bare = in_child("bare", url)
        ours = in_child("ours", url)
        vote, vote_floor = votes(url, args.votes, args.polls)
    print(f"\nPolls: {args.polls} open polls of {FILMS_PER_POLL} films, one per server (SQLite, WAL)")
    print(f"  first start over polls without a job: {first['took'] * 1e3:.0f} ms to give {first['jobs']} their close")
    print(f"  restart: {ours['jobs']} close jobs loaded; ready in {ours['ready'] * 1e3:.1f} ms")
    print(f"    floor: bare APScheduler over {args.polls} jobs, ready in {bare['ready'] * 1e3:.1f} ms")
    print(f"  vote + new tally ({args.votes} votes): p50 {vote['p50'] * 1e3:.2f} ms, p99 {vote['p99'] * 1e3:.2f} ms")
    print(
        f"    floor: insert + count via Core: p50 {vote_floor['p50'] * 1e3:.2f} ms, "
        f"p99 {vote_floor['p99'] * 1e3:.2f} ms"
    )
    passed = report(
        [
            Target(
                f"restart over {args.polls} open polls: ready",
                ours["ready"] * 1e3,
                bare["ready"] * 1e3,
                "≤ 500 ms",
                ours["ready"] <= 0.5 and ours["jobs"] >= args.polls,
            ),
            Target(
                "vote with the new tally, p99",
                vote["p99"] * 1e3,
                vote_floor["p99"] * 1e3,
                "≤ 5 ms",
                vote["p99"] <= 0.005,
            ),
        ]
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
