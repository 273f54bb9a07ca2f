"""Fixtures: a fake Discord on loopback, and the real bot logged in to it and prepared."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import discord
import pytest

from bots.discord.app import FilmClubBot
from core.app import FilmClub
from core.settings import BUNDLED_DATA, Settings
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord, start_fake_discord
from tests.discord_adapter.harness import add_guild
from tests.library.fake_wikipedia import FakeWikipedia, serve, standard_wiki


@pytest.fixture(scope="package")
def seeded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """An SQLite file holding the bundled films, ingested once for the package (None on PostgreSQL)."""
    if os.environ.get("FILMCLUB_TEST_DATABASE_URL"):
        return None
    path = tmp_path_factory.mktemp("discord-seed") / "seeded.sqlite3"
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        FILMCLUB_DATABASE_URL=f"sqlite:///{path}",
        FILMCLUB_DATA_DIR=BUNDLED_DATA,
    )
    club = FilmClub(settings)
    club.seed_bundled_films()
    club.engine.dispose()  # the last connection closing folds the WAL into the file
    return path


@pytest.fixture
def database_url(database_url: str, seeded_sqlite: Path | None) -> str:
    """The shared per-test database, started as a copy of the seeded one (ingesting per test costs ~0.6 s)."""
    if seeded_sqlite is not None and database_url.startswith("sqlite:///"):
        shutil.copyfile(seeded_sqlite, database_url.removeprefix("sqlite:///"))
    return database_url


@pytest.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A fake Discord on 127.0.0.1; discord.py's REST base points at it for the test."""
    fake, runner = await start_fake_discord()
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_url)
    # prepare() points the gateway at the fake's: put Discord's back after the test
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    )
    yield fake
    await runner.cleanup()


@pytest.fixture
def wiki() -> Iterator[FakeWikipedia]:
    """A fake Wikipedia for ``/film add``."""
    with serve(standard_wiki()) as fake:
        yield fake


@pytest.fixture
def settings(database_url: str, fake_discord: FakeDiscord, wiki: FakeWikipedia) -> Settings:
    """The test settings, with Discord's API and Wikipedia at their fakes."""
    return Settings(
        FILMCLUB_DATABASE_URL=database_url,
        FILMCLUB_DATA_DIR=BUNDLED_DATA,
        DISCORD_API_URL=fake_discord.api_url,
        FILMCLUB_WIKI_API_URL=wiki.api_url,
    )


@pytest.fixture
async def bot(club: FilmClub, settings: Settings, fake_discord: FakeDiscord) -> AsyncIterator[FilmClubBot]:
    """The real bot, logged in to the fake, commands synced, party delivery started, the server cached."""
    bot = FilmClubBot(club, settings)
    await bot.login("test-token")
    await bot.prepare()
    add_guild(bot, payloads.guild())
    fake_discord.calls.clear()
    yield bot
    await bot.close()
    gc.unfreeze()  # prepare() froze the start-up objects, this test's bot among them: let them be collected
