"""The one database every part of the core shares: engine creation and schema set-up.

SQLite by default (a file, WAL mode so the scheduler and commands don't block each other),
any SQLAlchemy URL by setting (PostgreSQL in docker compose).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, MetaData, create_engine, event, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

metadata = MetaData()
MIGRATION_LOCK = 4242  # PostgreSQL advisory lock keys: one per start-up task that two processes must not race
SEEDING_LOCK = 4243
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# ``revision = "0006_club_memory"`` / ``down_revision = "0005_club_loop"`` lines of a migration file
_REVISION_LINE = re.compile(r"""^(down_)?revision(?:\s*:[^=\n]*)?\s*=\s*(?:["']([^"']+)["']|None)""", re.MULTILINE)


def build_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout.

    Args:
        url: any SQLAlchemy URL; ``sqlite:///path`` for the embedded default.
        **kwargs: passed to ``sqlalchemy.create_engine``.

    Returns:
        The engine, with the schema not yet created (see ``ensure_schema``).
    """
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"check_same_thread": False, "timeout": 30})
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    if ":memory:" not in str(dbapi_connection):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def register_tables() -> None:
    """Import every schema module, so each table is on ``metadata``."""
    import core.actions.schema
    import core.calendar.schema
    import core.clubs.schema
    import core.library.schema
    import core.nights.schema
    import core.parties.schema
    import core.polls.schema
    import core.ratings.schema
    import core.watchlist.schema  # noqa: F401


def migrations_config(connection: Connection) -> Config:
    """Alembic's configuration for our migrations, running on ``connection``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str | None:
    """The newest migration shipped with this release (read once per process)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


@cache
def shipped_head() -> str | None:
    """The newest migration, read from the migration files' own revision lines, without importing Alembic.

    Alembic costs ≈ 0.16 s to import: a start-up whose database is already at the head (nearly every one)
    compares this with the database's revision and never loads it. None when the files do not name exactly
    one head; Alembic then decides.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for down, name in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            if name:
                (parents if down else revisions).add(name)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    """The revision the database is at (Alembic's own table), None when it has none yet."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # no table yet: a new database
        return None


def ensure_schema(engine: Engine) -> None:
    """Bring the database to the newest schema, never by dropping data.

    A database already at the head costs one query, without Alembic; otherwise Alembic migrates it. On
    PostgreSQL an advisory lock keeps two processes (Discord and Slack starting together) from migrating at once.
    """
    register_tables()
    head = shipped_head()
    if head is not None and _stored_revision(engine) == head:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.begin() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head_revision():
            return
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        command.upgrade(migrations_config(conn), "head")


@contextmanager
def one_process_at_a_time(engine: Engine, key: int) -> Iterator[None]:
    """Run a block in one process at a time across every process on the database (PostgreSQL).

    Two shard processes starting together on an empty database must not both seed the library.
    SQLite serves one machine's processes, which its own file lock already serialises per write.
    """
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            conn.commit()
