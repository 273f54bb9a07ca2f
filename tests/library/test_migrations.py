"""The schema is versioned: an old database migrates to the newest schema with its data intact."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, column, insert, select, table

from core.database import build_engine, ensure_schema, head_revision, metadata, migrations_config, register_tables
from core.ingest.files import ingest_paths
from core.library.store import FilmLibrary
from core.parties.schema import parties
from core.settings import BUNDLED_DATA
from tests.parties.conftest import party_row


def test_first_revision_with_data_upgrades_to_head_with_data_intact(database_url: str) -> None:
    engine = build_engine(database_url)
    register_tables()
    with engine.begin() as conn:
        command.upgrade(migrations_config(conn), "0001_library")
    library = FilmLibrary(engine)
    ingest_paths(library, [BUNDLED_DATA / "children_of_heaven.wikipedia-flat.txt"])
    before = library.get_film(library.title_entries()[0].film_id)

    ensure_schema(engine)

    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    assert library.count_films() == 1
    assert library.get_film(before.id) == before
    engine.dispose()


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
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
