"""Shared fixtures: a fresh database per test, the bundled films, the shared fixtures folder."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from core.app import FilmClub
from core.database import build_engine, ensure_schema
from core.ingest.files import ingest_paths
from core.parties.plan import PlannedStep, StepKind
from core.parties.store import NewParty, Party, PartyStore
from core.responses import Response, TextPart
from core.settings import BUNDLED_DATA, Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_BESIDE = (SHARED / "seeds").is_dir() and (SHARED / "fixtures" / "wikitext").is_dir()
BUNDLED_SEEDS = {  # the seeds' names in ../shared/seeds → the same bytes bundled in data/films
    "000_db45820d1969818c.txt": "children_of_heaven.wikipedia-flat.txt",
    "004_a1d7495195fd799d.txt": "children_of_heaven.end-credits.txt",
}


def _fixture_folders() -> tuple[Path, Path]:
    """The seeds and the wikitext fixtures: ../shared beside the checkout, else their bundled copies.

    A clone on its own (a new contributor's) has no ../shared; data/films bundles the same files under
    other names, so the tests see them through links named as in ../shared.
    """
    if SHARED_BESIDE:
        return SHARED / "seeds", SHARED / "fixtures" / "wikitext"
    root = Path(tempfile.mkdtemp(prefix="filmclub-fixtures-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    (root / "seeds").mkdir()
    (root / "wikitext").mkdir()
    for shared_name, bundled_name in BUNDLED_SEEDS.items():
        (root / "seeds" / shared_name).symlink_to(BUNDLED_DATA / bundled_name)
    for wiki in BUNDLED_DATA.glob("*.wiki"):
        (root / "wikitext" / wiki.name).symlink_to(wiki)
    return root / "seeds", root / "wikitext"


SEEDS, WIKITEXT_FIXTURES = _fixture_folders()


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's .env, home directory or real tokens."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    for name in list(os.environ):
        if name.startswith(("DISCORD_", "SLACK_")) or (
            name.startswith("FILMCLUB_") and name != "FILMCLUB_TEST_DATABASE_URL"
        ):
            monkeypatch.delenv(name)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """SQLite in the test's folder, or the PostgreSQL server named by FILMCLUB_TEST_DATABASE_URL (emptied)."""
    url = os.environ.get("FILMCLUB_TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp_path / 'filmclub.sqlite3'}"
    engine = build_engine(url)
    with engine.begin() as conn:  # every table, the scheduler's and Alembic's included
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = build_engine(database_url)
    ensure_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(FILMCLUB_DATABASE_URL=database_url, FILMCLUB_DATA_DIR=BUNDLED_DATA)


DEV_ARTICLES = ROOT / "tests" / "fixtures" / "wikitext-dev"


@pytest.fixture(scope="module")
def articles_club(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FilmClub]:
    """Every real article the tests hold (data/films and tests/fixtures/wikitext-dev) in one library, per module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('articles') / 'library.db'}"
    club = FilmClub(Settings(FILMCLUB_DATABASE_URL=url, FILMCLUB_DATA_DIR=BUNDLED_DATA), build_engine(url))
    ingest_paths(club.library, [BUNDLED_DATA, DEV_ARTICLES])
    yield club
    club.engine.dispose()


@pytest.fixture
def empty_club(settings: Settings, engine: Engine) -> FilmClub:
    return FilmClub(settings, engine)


@pytest.fixture
def club(empty_club: FilmClub) -> FilmClub:
    """A club whose library holds the bundled films."""
    empty_club.seed_bundled_films()
    return empty_club


def store_party(
    club: FilmClub, club_key: str, title: str, starts_at: datetime, guests: tuple[str, ...] = ("ana",)
) -> Party:
    """Store a party of a bundled film with one step and its guests, as `/party start` would leave it."""
    store = PartyStore(club.engine)
    film_id = next(e.film_id for e in club.library.title_entries() if e.title == title)
    platform = club_key.split(":", 1)[0]
    new = NewParty(
        club_key=club_key,
        platform=platform,
        channel_id="C1",
        film_id=film_id,
        film_title=title,
        starts_at=starts_at,
        zone="UTC",
        created_by=guests[0] if guests else "host",
        created_by_name=guests[0] if guests else "",
    )
    start = PlannedStep(StepKind.START, "Press play", starts_at, Response(parts=[TextPart(text="Press play")]))
    party, _ = store.create(new, lambda _id: [start])
    for guest in guests[1:]:
        store.join(party.id, guest, guest)
    return party
