"""Buttons' actions, stored under the short key a platform's button carries.

Revision ID: 0009_actions
Revises: 0008_step_send_key
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_actions"
down_revision = "0008_step_send_key"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table; messages sent before it have no buttons."""
    op.create_table(
        "actions",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("club_key", sa.String(200), nullable=False),
        sa.Column("command", sa.JSON(), nullable=False),
        sa.Column("source", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Drop the table."""
    op.drop_table("actions")
