"""A club with the bundled films shared by a module's read-only tests: seeding it takes most of a second."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.app import FilmClub
from core.settings import BUNDLED_DATA, Settings


@pytest.fixture(scope="module")
def shared_club(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FilmClub]:
    """The bundled films on SQLite, seeded once per module; tests must not change what other tests read."""
    url = f"sqlite:///{tmp_path_factory.mktemp('spoilers') / 'filmclub.sqlite3'}"
    club = FilmClub(Settings(FILMCLUB_DATABASE_URL=url, FILMCLUB_DATA_DIR=BUNDLED_DATA))
    club.seed_bundled_films()
    yield club
    club.engine.dispose()
