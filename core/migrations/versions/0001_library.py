"""The film library: films, their names, documents, facts and plot beats.

Revision ID: 0001_library
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_library"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables."""
    op.create_table(
        "films",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(300), nullable=False, unique=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("title_key", sa.String(500), nullable=False, index=True),
        sa.Column("year", sa.Integer),
    )
    op.create_table(
        "film_names",
        sa.Column("film_id", sa.Integer, sa.ForeignKey("films.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("name_key", sa.String(500), nullable=False, index=True),
        sa.Index("ix_film_names_film", "film_id"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(500), primary_key=True),
        sa.Column("film_id", sa.Integer, sa.ForeignKey("films.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("url", sa.String(1000)),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("plot_location", sa.String(200)),
    )
    op.create_table(
        "facts",
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
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("value_key", sa.String(500), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("location", sa.String(200), nullable=False),
        sa.Index("ix_facts_field_key", "field", "value_key"),
    )
    op.create_table(
        "plot_beats",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("film_id", sa.Integer, sa.ForeignKey("films.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column(
            "document_id",
            sa.String(500),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("position", sa.Float, nullable=False),
    )


def downgrade() -> None:
    """Drop the tables."""
    for table in ("plot_beats", "facts", "documents", "film_names", "films"):
        op.drop_table(table)
