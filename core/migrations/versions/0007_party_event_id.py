"""Parties keep the id of their listing in the platform's calendar (a Discord scheduled event).

Revision ID: 0007_party_event_id
Revises: 0006_club_memory
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_party_event_id"
down_revision = "0006_club_memory"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the column; parties listed before it have no id to fill in (their events end on their own)."""
    with op.batch_alter_table("parties") as batch:
        batch.add_column(sa.Column("calendar_event_id", sa.String(100), nullable=True))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("parties") as batch:
        batch.drop_column("calendar_event_id")
