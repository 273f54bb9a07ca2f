"""The club's weekly loop: the watchlist, polls with their films, votes and presses, club nights and their runs.

Revision ID: 0005_club_loop
Revises: 0004_passages
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_club_loop"
down_revision = "0004_passages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables (new ones only: nothing stored before changes)."""
    op.create_table(
        "watchlist",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("club_key", sa.String(200), nullable=False),
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("film_title", sa.String(500), nullable=False),
        sa.Column("suggested_by", sa.String(200), nullable=False),
        sa.Column("suggested_by_name", sa.String(200), nullable=False),
        sa.Column("suggested_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("club_key", "film_id", name="uq_watchlist_club_film"),
    )
    op.create_index("ix_watchlist_club_suggested", "watchlist", ["club_key", "suggested_at"])
    op.create_table(
        "polls",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("club_key", sa.String(200), nullable=False),
        sa.Column("platform", sa.String(40), nullable=False),
        sa.Column("channel_id", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("opened_by", sa.String(200), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("winner_film_id", sa.Integer(), nullable=True),
        sa.Column("tie_drawn", sa.Boolean(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("night_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("shard_key", sa.BigInteger(), nullable=True),
    )
    op.create_index("ix_polls_club_status", "polls", ["club_key", "status"])
    op.create_index("ix_polls_platform_status", "polls", ["platform", "status"])
    op.create_table(
        "poll_films",
        sa.Column("poll_id", sa.Integer(), sa.ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("film_title", sa.String(500), nullable=False),
    )
    op.create_index("uq_poll_films_film", "poll_films", ["poll_id", "film_id"], unique=True)
    op.create_table(
        "poll_votes",
        sa.Column("poll_id", sa.Integer(), sa.ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("member_id", sa.String(200), primary_key=True),
        sa.Column("film_id", sa.Integer(), primary_key=True),
    )
    op.create_index("ix_poll_votes_poll_film", "poll_votes", ["poll_id", "film_id"])
    op.create_table(
        "poll_presses",
        sa.Column("poll_id", sa.Integer(), sa.ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("press_id", sa.String(200), primary_key=True),
    )
    op.create_table(
        "club_nights",
        sa.Column("club_key", sa.String(200), primary_key=True),
        sa.Column("platform", sa.String(40), nullable=False),
        sa.Column("channel_id", sa.String(200), nullable=False),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=False),
        sa.Column("every_weeks", sa.Integer(), nullable=False),
        sa.Column("anchor", sa.DateTime(timezone=True), nullable=False),
        sa.Column("zone", sa.String(64), nullable=False),
        sa.Column("opens_before_min", sa.Integer(), nullable=False),
        sa.Column("closes_before_min", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("shard_key", sa.BigInteger(), nullable=True),
    )
    op.create_table(
        "night_runs",
        sa.Column("club_key", sa.String(200), primary_key=True),
        sa.Column("night_at", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("poll_id", sa.Integer(), nullable=True),
    )


def downgrade() -> None:
    """Drop the tables."""
    for table in ("night_runs", "club_nights", "poll_presses", "poll_votes", "poll_films", "polls", "watchlist"):
        op.drop_table(table)
