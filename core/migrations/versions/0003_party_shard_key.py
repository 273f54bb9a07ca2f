"""Parties carry a shard key, so that each Discord shard process delivers only its own servers' parties.

Revision ID: 0003_party_shard_key
Revises: 0002_clubs_parties
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_party_shard_key"
down_revision = "0002_clubs_parties"
branch_labels = None
depends_on = None

DISCORD_GUILD_SHIFT = 22  # Discord's shard formula: (guild_id >> 22) % shard_count; the key is guild_id >> 22


def upgrade() -> None:
    """Add the column and give the Discord parties already stored their key (from ``discord:<guild id>``)."""
    with op.batch_alter_table("parties") as batch:
        batch.add_column(sa.Column("shard_key", sa.BigInteger(), nullable=True))
    parties = sa.table("parties", sa.column("id", sa.Integer), sa.column("club_key", sa.String), sa.column("shard_key"))
    conn = op.get_bind()
    rows = conn.execute(sa.select(parties.c.id, parties.c.club_key).where(parties.c.club_key.like("discord:%"))).all()
    for party_id, club_key in rows:
        guild = club_key.removeprefix("discord:")
        if guild.isdigit():
            key = int(guild) >> DISCORD_GUILD_SHIFT
            conn.execute(sa.update(parties).where(parties.c.id == party_id).values(shard_key=key))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("parties") as batch:
        batch.drop_column("shard_key")
