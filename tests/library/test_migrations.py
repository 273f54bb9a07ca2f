"""The schema is versioned: an old database migrates to the newest schema with its data intact."""

from __future__ import annotations

import hashlib
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, column, insert, select, table

from core.database import build_engine, ensure_schema, head_revision, metadata, migrations_config, register_tables
from core.ingest.files import document_id_for, ingest_paths, read_document
from core.library.model import ParsedDocument
from core.library.schema import managed_by_metadata
from core.library.store import FilmLibrary
from core.parties.schema import parties
from core.settings import BUNDLED_DATA
from tests.parties.conftest import party_row


def _library_before_passages(database_url: str, revision: str, path: Path) -> FilmLibrary:
    """A library at ``revision`` holding one document saved the way releases before passages did (no passages)."""
    engine = build_engine(database_url)
    register_tables()
    with engine.begin() as conn:
        command.upgrade(migrations_config(conn), revision)
    library = FilmLibrary(engine)
    parsed = read_document(path.read_bytes(), document_id_for(path), path.stem, str(path))
    assert isinstance(parsed, ParsedDocument)
    library.save_document(parsed.model_copy(update={"passages": []}), hashlib.sha256(path.read_bytes()).hexdigest())
    return library


def test_first_revision_with_data_upgrades_to_head_with_data_intact(database_url: str) -> None:
    library = _library_before_passages(
        database_url, "0001_library", BUNDLED_DATA / "children_of_heaven.wikipedia-flat.txt"
    )
    engine = library.engine
    before = library.get_film(library.title_entries()[0].film_id)

    ensure_schema(engine)

    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    assert library.count_films() == 1
    assert library.get_film(before.id) == before
    engine.dispose()


def test_library_from_before_passages_gets_them_at_the_next_ingest(database_url: str) -> None:
    """The store never kept document text: 0004 marks documents to be read again, and ingest writes passages."""
    path = BUNDLED_DATA / "batman_1989.wiki"
    library = _library_before_passages(database_url, "0003_party_shard_key", path)
    engine = library.engine

    ensure_schema(engine)
    film_id = library.title_entries()[0].film_id
    assert library.passages(film_id) == []
    report = ingest_paths(library, [path])

    assert [d.status for d in report.documents] == ["updated"]
    assert library.count_films() == 1
    assert library.passages(film_id, "Plot")
    assert library.search_passages(film_id, "Joker Axis Chemicals")
    engine.dispose()


def test_models_and_migrations_agree(engine: Engine) -> None:
    """The full-text objects (FTS5 table, tsvector column, GIN index) are the migration's own, not the models'."""
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": managed_by_metadata})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_upgrade_is_a_no_op_at_head(engine: Engine) -> None:
    ensure_schema(engine)
    ensure_schema(engine)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()


def test_parties_stored_before_shard_keys_get_theirs(database_url: str) -> None:
    """A Discord party planned by an older release is still delivered by the shard process of its guild."""
    engine = build_engine(database_url)
    register_tables()
    with engine.begin() as conn:
        command.upgrade(migrations_config(conn), "0002_clubs_parties")
        rows = [
            party_row("discord:81384788765712384", "discord", id=1),
            party_row("slack:T0123", "slack", id=2),
        ]
        conn.execute(insert(table("parties", *(column(c) for c in rows[0]))), rows)

    ensure_schema(engine)

    with engine.connect() as conn:
        keys = dict(conn.execute(select(parties.c.id, parties.c.shard_key).order_by(parties.c.id)).all())
        titles = conn.execute(select(parties.c.film_title)).scalars().all()
    assert keys == {1: 81384788765712384 >> 22, 2: None}
    assert titles == ["Heat", "Heat"]
    engine.dispose()
