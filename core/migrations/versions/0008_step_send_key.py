"""Steps keep the key they are sent under, so a send cut off by a crash is resent and recognised, not repeated.

Revision ID: 0008_step_send_key
Revises: 0007_party_event_id
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_step_send_key"
down_revision = "0007_party_event_id"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the column; steps sent before it have no key and need none (they left ``pending`` for good)."""
    with op.batch_alter_table("party_steps") as batch:
        batch.add_column(sa.Column("send_key", sa.String(40), nullable=True))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("party_steps") as batch:
        batch.drop_column("send_key")
