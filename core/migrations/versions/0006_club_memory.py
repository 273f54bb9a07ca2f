"""The club's memory: ratings, the log of suggestions, calendar events' sequences and subscribe tokens.

Revision ID: 0006_club_memory
Revises: 0005_club_loop
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_club_memory"
down_revision = "0005_club_loop"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables (new ones only); the suggestion log starts from the watchlist as it stands."""
    op.create_table(
        "ratings",
        sa.Column("club_key", sa.String(200), primary_key=True),
        sa.Column("film_id", sa.Integer(), primary_key=True),
        sa.Column("member_id", sa.String(200), primary_key=True),
        sa.Column("member_name", sa.String(200), nullable=False),
        sa.Column("halves", sa.Integer(), nullable=False),
        sa.Column("rated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_ratings_club_rated", "ratings", ["club_key", "rated_at"])
    op.create_table(
        "suggestion_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("club_key", sa.String(200), nullable=False),
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.String(200), nullable=False),
        sa.Column("member_name", sa.String(200), nullable=False),
        sa.Column("suggested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_suggestion_log_club_at", "suggestion_log", ["club_key", "suggested_at"])
    op.execute(
        "INSERT INTO suggestion_log (club_key, film_id, member_id, member_name, suggested_at) "
        "SELECT club_key, film_id, suggested_by, suggested_by_name, suggested_at FROM watchlist"
    )
    op.create_table(
        "calendar_events",
        sa.Column("club_key", sa.String(200), primary_key=True),
        sa.Column("event_key", sa.String(100), primary_key=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
    )
    op.create_table(
        "calendar_tokens",
        sa.Column("club_key", sa.String(200), primary_key=True),
        sa.Column("token", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Drop the tables."""
    for table in ("calendar_tokens", "calendar_events", "suggestion_log", "ratings"):
        op.drop_table(table)
