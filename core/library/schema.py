"""Library tables: films, the documents about them, and each document's facts and plot beats.

Facts are stored per document, so re-ingesting a document replaces exactly its own rows and
disagreeing sources never overwrite each other.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, String, Table, Text

from core.database import metadata

films = Table(
    "films",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(300), nullable=False, unique=True),
    Column("title", String(500), nullable=False),
    Column("title_key", String(500), nullable=False, index=True),
    Column("year", Integer),
)

film_names = Table(
    "film_names",
    metadata,
    Column("film_id", Integer, ForeignKey("films.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(500), nullable=False),
    Column("name_key", String(500), nullable=False, index=True),
    Index("ix_film_names_film", "film_id"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(500), primary_key=True),
    Column("film_id", Integer, ForeignKey("films.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("title", String(500), nullable=False),
    Column("url", String(1000)),
    Column("content_hash", String(64), nullable=False),
    Column("plot_location", String(200)),
)

facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("film_id", Integer, ForeignKey("films.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", String(500), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    Column("field", String(40), nullable=False),
    Column("value_key", String(500), nullable=False),
    Column("value", Text, nullable=False),
    Column("raw", Text, nullable=False),
    Column("location", String(200), nullable=False),
    Index("ix_facts_field_key", "field", "value_key"),
)

plot_beats = Table(
    "plot_beats",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("film_id", Integer, ForeignKey("films.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", String(500), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("position", Float, nullable=False),
)

# The prose of each document, sentence or short paragraph at a time. Each database indexes it in its own full-text
# search, created by migration 0004 (not on ``metadata``): SQLite an FTS5 table ``passages_fts`` kept in step by
# triggers, PostgreSQL a generated ``tsv`` column with a GIN index.
passages = Table(
    "passages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("film_id", Integer, ForeignKey("films.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", String(500), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("ordinal", Integer, nullable=False),
    Column("section", Text, nullable=False),
    Column("text", Text, nullable=False),
)
FULLTEXT_OBJECTS = frozenset({"passages_fts", "tsv", "ix_passages_tsv"})
SECTION_SEPARATOR = "\n"  # headings never hold a line break: the stored path is its headings joined by one


def managed_by_metadata(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic's ``include_name``: the full-text objects (and FTS5's shadow tables) are the migration's own."""
    if name is None:
        return True
    return not (name in FULLTEXT_OBJECTS or (type_ == "table" and name.startswith("passages_fts_")))
