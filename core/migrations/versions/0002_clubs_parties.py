"""Clubs (per-server settings) and watch parties with their steps and guests.

Revision ID: 0002_clubs_parties
Revises: 0001_library
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_clubs_parties"
down_revision = "0001_library"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables."""
    op.create_table(
        "clubs",
        sa.Column("club_key", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("reminder_day_before", sa.Boolean(), nullable=False),
        sa.Column("reminder_soon", sa.Boolean(), nullable=False),
        sa.Column("organiser_role", sa.String(length=200), nullable=True),
        sa.Column("prompts_channel", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("club_key"),
    )
    op.create_table(
        "parties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("club_key", sa.String(length=200), nullable=False),
        sa.Column("platform", sa.String(length=40), nullable=False),
        sa.Column("channel_id", sa.String(length=200), nullable=False),
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("film_title", sa.String(length=500), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("zone", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.create_index("ix_parties_club_status_start", ["club_key", "status", "starts_at"], unique=False)
        batch_op.create_index("ix_parties_platform_status", ["platform", "status"], unique=False)

    op.create_table(
        "club_spoiler_channels",
        sa.Column("club_key", sa.String(length=200), nullable=False),
        sa.Column("channel_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["club_key"], ["clubs.club_key"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("club_key", "channel_id"),
    )
    op.create_table(
        "party_guests",
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["party_id"], ["parties.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("party_id", "user_id"),
    )
    op.create_table(
        "party_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("detail", sa.String(length=500), nullable=True),
        sa.Column("reported", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["party_id"], ["parties.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("party_steps", schema=None) as batch_op:
        batch_op.create_index("ix_party_steps_party_state_due", ["party_id", "state", "due_at"], unique=False)
        batch_op.create_index("ix_party_steps_state_reported", ["state", "reported"], unique=False)


def downgrade() -> None:
    """Drop the tables."""
    with op.batch_alter_table("party_steps", schema=None) as batch_op:
        batch_op.drop_index("ix_party_steps_state_reported")
        batch_op.drop_index("ix_party_steps_party_state_due")

    op.drop_table("party_steps")
    op.drop_table("party_guests")
    op.drop_table("club_spoiler_channels")
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_index("ix_parties_platform_status")
        batch_op.drop_index("ix_parties_club_status_start")

    op.drop_table("parties")
    op.drop_table("clubs")
