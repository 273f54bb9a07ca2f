"""The one database every part of the core shares: engine creation and schema set-up.

SQLite by default (a file, WAL mode so the scheduler and commands don't block each other),
any SQLAlchemy URL by setting (PostgreSQL in docker compose).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, MetaData, create_engine, event

metadata = MetaData()


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


def ensure_schema(engine: Engine) -> None:
    """Create every table that does not exist yet (all schema modules register on ``metadata``)."""
    import core.clubs.schema
    import core.library.schema
    import core.parties.schema  # noqa: F401

    metadata.create_all(engine)
