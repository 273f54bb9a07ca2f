"""One library of the bundled films for the read-only tests of this package (parsing them per test is slow)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.ingest.files import ingest_paths
from core.settings import BUNDLED_DATA, Settings

_channels = itertools.count()


DEV_ARTICLES = Path(__file__).parents[1] / "fixtures" / "wikitext-dev"


def _shared_club(folder: Path, *more: Path) -> FilmClub:
    """A club on SQLite in ``folder`` holding the bundled films and the documents in ``more``."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        FILMCLUB_DATABASE_URL=f"sqlite:///{folder / 'answers.sqlite3'}",
        FILMCLUB_DATA_DIR=BUNDLED_DATA,
    )
    club = FilmClub(settings)
    club.seed_bundled_films()
    if more:
        ingest_paths(club.library, list(more))
        club.library_changed()
    return club


@pytest.fixture(scope="package")
def films(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FilmClub]:
    """A club holding the bundled films, on SQLite, shared: tests must not change its library.

    Tests that add films use the per-test ``club`` fixture instead (which also runs on PostgreSQL in CI).
    """
    club = _shared_club(tmp_path_factory.mktemp("answers"))
    yield club
    club.engine.dispose()


@pytest.fixture(scope="package")
def dev_films(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FilmClub]:
    """A club holding the bundled films and the 33 development articles (tests/fixtures/wikitext-dev), shared."""
    club = _shared_club(tmp_path_factory.mktemp("answers-dev"), DEV_ARTICLES)
    yield club
    club.engine.dispose()


@pytest.fixture
def ctx() -> CommandContext:
    """A channel of its own, so the film one test talks about never leaks into another."""
    return CommandContext(platform="test", server_id="club", channel_id=f"channel-{next(_channels)}", user_id="member")
