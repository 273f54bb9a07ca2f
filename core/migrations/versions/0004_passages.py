"""Passages: each document's prose, sentence or short paragraph at a time, in the database's own full-text search.

SQLite: an FTS5 table over ``passages`` (external content, porter stemming, bm25 ranking) kept in step by
triggers, so a document replaced or deleted (cascades included) leaves no stale index rows. PostgreSQL: a
generated ``tsvector`` column (``english`` configuration) with a GIN index, ranked with ``ts_rank``.

Libraries ingested before this release: the store keeps each document's facts, plot beats and content hash,
never its text, so their passages cannot be derived here. The upgrade empties every stored content hash
instead: the next ``filmclub ingest`` of the same files (or dump, or wiki pages) reads each document again,
and saving it writes its passages. Facts and films stay as they are until then.

Revision ID: 0004_passages
Revises: 0003_party_shard_key
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_passages"
down_revision = "0003_party_shard_key"
branch_labels = None
depends_on = None

_SQLITE_INDEX = (
    "CREATE VIRTUAL TABLE passages_fts USING fts5(film_id, text, content='passages', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN "
    "INSERT INTO passages_fts(rowid, film_id, text) VALUES (new.id, new.film_id, new.text); END",
    "CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN "
    "INSERT INTO passages_fts(passages_fts, rowid, film_id, text) VALUES ('delete', old.id, old.film_id, old.text); "
    "END",
)
_POSTGRESQL_INDEX = (
    "ALTER TABLE passages ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "CREATE INDEX ix_passages_tsv ON passages USING GIN (tsv)",
)


def upgrade() -> None:
    """Create the table and its full-text index, and mark every stored document to be read again."""
    op.create_table(
        "passages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("film_id", sa.Integer, sa.ForeignKey("films.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column(
            "document_id",
            sa.String(500),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("section", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_INDEX if dialect == "sqlite" else _POSTGRESQL_INDEX if dialect == "postgresql" else ():
        op.execute(statement)
    op.execute("UPDATE documents SET content_hash = ''")


def downgrade() -> None:
    """Drop the index and the table."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER passages_fts_insert")
        op.execute("DROP TRIGGER passages_fts_delete")
        op.execute("DROP TABLE passages_fts")
    op.drop_table("passages")
