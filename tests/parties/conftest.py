"""Watch-party fixtures: a recording publisher (a real `Publisher`), contexts on two servers, a settable clock."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import delete, text

from core.app import FilmClub
from core.clubs.organisers import EVERYONE, NOBODY
from core.clubs.schema import club_spoiler_channels, clubs
from core.commands.registry import CommandContext
from core.database import build_engine
from core.parties.delivery import DeliveryError, Publisher
from core.parties.scheduler import PartyScheduler, job_store
from core.parties.schema import parties, party_guests, party_steps
from core.parties.store import PartyStore, Step
from core.responses import Response
from core.settings import BUNDLED_DATA, Settings

PLATFORM = "recording"


class RecordingPublisher:
    """Keeps what it is asked to publish, and the keys it came with; fails first with the errors it is given."""

    platform = PLATFORM

    def __init__(self) -> None:
        self.sent: list[tuple[str, Response]] = []
        self.keys: list[str | None] = []
        self.notified: list[tuple[str, Response]] = []  # DMs: (user id, message)
        self.failures: list[DeliveryError] = []
        self.attempts = 0

    async def publish(self, channel_id: str, response: Response, key: str | None = None) -> None:
        self.attempts += 1
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append((channel_id, response))
        self.keys.append(key)

    async def delivered(self, channel_id: str, key: str, since: datetime) -> bool:
        return key in self.keys

    async def notify(self, user_id: str, response: Response) -> None:
        self.notified.append((user_id, response))

    def texts(self) -> list[str]:
        return [response.plain_text() for _, response in self.sent]


def party_row(club_key: str, platform: str, **more: object) -> dict[str, object]:
    """A ``parties`` row as stored, for tests that write the table directly (old schemas, shard arithmetic)."""
    return {
        "club_key": club_key,
        "platform": platform,
        "channel_id": "5",
        "film_id": 1,
        "film_title": "Heat",
        "starts_at": datetime(2030, 1, 1, tzinfo=UTC),
        "zone": "UTC",
        "created_by": "u",
        "created_at": datetime(2029, 1, 1, tzinfo=UTC),
        "status": "scheduled",
        **more,
    }


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="package")
def seeded_club(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FilmClub]:
    """The bundled films, ingested once for the package (per test it takes ~0.4 s), on SQLite or PostgreSQL."""
    url = (
        os.environ.get("FILMCLUB_TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('parties') / 'db.sqlite3'}"
    )
    engine = build_engine(url)
    if url.startswith("postgresql"):  # emptied as the root `database_url` fixture does: every table, Alembic's too
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, FILMCLUB_DATABASE_URL=url, FILMCLUB_DATA_DIR=BUNDLED_DATA, FILMCLUB_TIMEZONE="UTC"
    )
    club = FilmClub(settings, engine)
    club.seed_bundled_films()
    yield club
    engine.dispose()


@pytest.fixture
def club(seeded_club: FilmClub) -> FilmClub:
    """The package's club with no party, club setting or scheduled job left by another test."""
    with seeded_club.engine.begin() as conn:
        for table in (party_guests, party_steps, parties, club_spoiler_channels, clubs):
            conn.execute(delete(table))
    for platform in (PLATFORM, "nowhere", "console", f"{PLATFORM}_shard0of2", f"{PLATFORM}_shard1of2"):
        jobs = job_store(seeded_club.engine, platform).jobs_t
        jobs.create(seeded_club.engine, checkfirst=True)
        with seeded_club.engine.begin() as conn:
            conn.execute(delete(jobs))
    return seeded_club


@pytest.fixture
def recorder() -> RecordingPublisher:
    return RecordingPublisher()


def context(
    server: str = "guild-1",
    user: str = "u1",
    name: str = "Ana",
    organiser: bool = True,
    channel: str = "film-night",
    now: datetime | None = None,
) -> CommandContext:
    return CommandContext(
        platform=PLATFORM,
        server_id=server,
        channel_id=channel,
        user_id=user,
        user_name=name,
        organisers=EVERYONE if organiser else NOBODY,
        now=now,
    )


@pytest.fixture
async def schedulers(club: FilmClub, recorder: RecordingPublisher) -> AsyncIterator[Callable[..., PartyScheduler]]:
    """Make schedulers sending through the test's recorder (or the ``publisher`` given); all shut down after."""
    made: list[PartyScheduler] = []

    def make(publisher: Publisher = recorder, **kw: Any) -> PartyScheduler:
        scheduler = PartyScheduler(club, publisher, **kw)
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        scheduler.shutdown()
    await asyncio.sleep(0.01)  # APScheduler's shutdown runs as a callback on this loop


def party_id_of(response: Response) -> int:
    text = response.plain_text()
    assert "Watch party #" in text, text
    return int(text.split("Watch party #", 1)[1].split(":", 1)[0])


def steps_of(club: FilmClub, party_id: int) -> list[Step]:
    return PartyStore(club.engine).steps(party_id)


async def wait_until(condition: Callable[[], object], seconds: float = 30.0, what: str = "the condition") -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)
