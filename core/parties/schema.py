"""Watch-party tables: the parties, each one's planned steps, and who said they'd come.

These tables are the truth about a party; APScheduler's job table only says when to wake up.
Every step keeps its own state so that delivery is a check-and-set: a step leaves ``pending``
exactly once, whichever process or restart gets to it first, for ``sending`` with the key it is posted
under (committed before the post, so a restart resends it under the same key and the platform dedupes).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from core.database import metadata

parties = Table(
    "parties",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("club_key", String(200), nullable=False),
    Column("platform", String(40), nullable=False),
    Column("channel_id", String(200), nullable=False),
    Column("film_id", Integer, nullable=False),
    Column("film_title", String(500), nullable=False),
    Column("starts_at", DateTime(timezone=True), nullable=False),
    Column("zone", String(64), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("status", String(20), nullable=False),
    # set by platforms that split their servers across processes (see core.parties.shards); NULL elsewhere
    Column("shard_key", BigInteger),
    # the party's listing in the platform's calendar (a Discord scheduled event), once the adapter made one
    Column("calendar_event_id", String(100)),
    Index("ix_parties_club_status_start", "club_key", "status", "starts_at"),
    Index("ix_parties_platform_status", "platform", "status"),
)

party_steps = Table(
    "party_steps",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("party_id", Integer, ForeignKey("parties.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("label", String(200), nullable=False),
    Column("due_at", DateTime(timezone=True), nullable=False),
    Column("state", String(20), nullable=False),
    Column("body", Text, nullable=False),
    Column("finished_at", DateTime(timezone=True)),  # when it left pending (claimed for sending, or dropped)
    Column("send_key", String(40)),  # set when claimed for sending: the platform's dedupe key of its post
    Column("detail", String(500)),
    Column("reported", Boolean, nullable=False, default=False),
    Index("ix_party_steps_party_state_due", "party_id", "state", "due_at"),
    # failed steps are rare: this finds the unreported ones without reading every step
    Index("ix_party_steps_state_reported", "state", "reported"),
)

party_guests = Table(
    "party_guests",
    metadata,
    Column("party_id", Integer, ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(200), primary_key=True),
    Column("user_name", String(200), nullable=False),
)
