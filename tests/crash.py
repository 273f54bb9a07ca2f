"""``kill -9`` of a real bot process in the two gaps of a party step's send, then a restart, on any platform.

A party's whole plan (reminders, trivia, press play, prompts, credits, discussion, follow-up) is made due
at once. Each round starts the bot and lets it run until the platform's fake holds one new step post
unanswered (`Hold`): after taking it (members see it; the bot has not recorded it) or before. SIGKILL
lands while the bot waits; the next round starts it again on the same database. After the last round a
clean run sends the rest, and each step should be in the channel exactly once. The platform's side is a
`Target`: how to start its bot, hold a post, and count what members saw per send key.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import update

from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.registry import CommandContext
from core.parties.schema import party_steps
from core.parties.store import PartyStore, Step, StepState

ROOT = Path(__file__).resolve().parents[1]
WAIT = 60.0  # seconds for a started bot to reach the held post, or to send the rest


@dataclass
class Hold:
    """The next post of a step never seen before is not answered: taken first (``accept``) or not at all.

    A resend (a key the fake has seen) passes, so each hold is at a new step.
    """

    accept: bool
    reached: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)


class HoldsPosts(Protocol):
    """A platform's fake that can hold the next new step post (`Hold`)."""

    hold: Hold | None


class Target(Protocol):
    """One platform's bot process and the fake it posts to."""

    platform: str
    server_id: str
    channel_id: str
    user_id: str
    fake: HoldsPosts

    def environment(self) -> dict[str, str]:
        """The bot process's settings (token, API address …), besides the database."""
        ...

    def module(self) -> str:
        """``bots.discord`` …"""
        ...

    def seen(self) -> Counter[str]:
        """How many times members see each step in the channel, by send key."""
        ...


@dataclass
class Tally:
    """Rounds run, and per step what members saw: none (lost) or more than one (repeated)."""

    rounds: int = 0
    by_gap: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    lost: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    seconds: float = 0.0


def plan_party_due_now(club: FilmClub, target: Target) -> int:
    """Start a party the way a member does, two days out (every kind of step), then make every step due now."""
    ctx = CommandContext(
        platform=target.platform,
        server_id=target.server_id,
        channel_id=target.channel_id,
        user_id=target.user_id,
        user_name="zahra",
        organisers=EVERYONE,
    )
    when = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%d 20:00")
    response = club.run_line(f"/party start film:Children of Heaven when:{when}", ctx)
    party_id = int(response.plain_text().split("Watch party #", 1)[1].split(":", 1)[0])
    now = datetime.now(UTC)
    with club.engine.begin() as conn:
        for step in PartyStore(club.engine).steps(party_id):
            due = now - timedelta(seconds=5) + timedelta(milliseconds=step.seq)  # in order, all inside the grace
            conn.execute(update(party_steps).where(party_steps.c.id == step.id).values(due_at=due))
    return party_id


async def start_bot(target: Target, home: Path, database_url: str) -> asyncio.subprocess.Process:
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "FILMCLUB_DATABASE_URL": database_url,
        "FILMCLUB_LOG_LEVEL": "ERROR",
        **target.environment(),
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        target.module(),
        cwd=home,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )


async def kill_in_gap(target: Target, home: Path, database_url: str, accept: bool) -> None:
    """Run the bot until a post is held (taken first when ``accept``), then SIGKILL it there."""
    hold = Hold(accept=accept)
    target.fake.hold = hold
    process = await start_bot(target, home, database_url)
    try:
        await asyncio.wait_for(hold.reached.wait(), WAIT)
    finally:
        process.kill()
        await process.wait()
        target.fake.hold = None
        hold.release.set()


async def finish(target: Target, home: Path, database_url: str, store: PartyStore, party_id: int) -> None:
    """Run the bot until no step of the party is left to send, then stop it."""
    process = await start_bot(target, home, database_url)
    try:
        deadline = asyncio.get_running_loop().time() + WAIT
        while store.next_open(party_id) is not None:
            assert asyncio.get_running_loop().time() < deadline, "the restarted bot did not send the rest"
            await asyncio.sleep(0.05)
    finally:
        process.kill()
        await process.wait()


async def kill_run(target: Target, home: Path, club: FilmClub, gaps: Iterable[bool]) -> Tally:
    """Plan a party due now, kill the bot once per gap given (True: after the platform took the post), count.

    The run ends early when no step is left to kill in.
    """
    started = asyncio.get_running_loop().time()
    store = PartyStore(club.engine)
    party_id = plan_party_due_now(club, target)
    url = club.engine.url.render_as_string(hide_password=False)
    tally = Tally()
    for accept in gaps:
        if store.next_open(party_id) is None:
            break
        await kill_in_gap(target, home, url, accept)
        cut = [s for s in store.steps(party_id) if s.state is StepState.SENDING]
        tally.rounds += 1
        tally.by_gap["after the platform took it" if accept else "before the platform took it"] += 1
        tally.by_kind.update(s.kind for s in cut)
    await finish(target, home, url, store, party_id)
    seen = target.seen()
    for step in store.steps(party_id):
        times = seen.get(step.send_key or "", 0)
        if times == 0 or step.state is not StepState.SENT:
            tally.lost.append(_name(step))
        elif times > 1:
            tally.repeated.append(_name(step))
    tally.seconds = asyncio.get_running_loop().time() - started
    return tally


def _name(step: Step) -> str:
    return f"{step.seq}. {step.label} ({step.state.value})"
