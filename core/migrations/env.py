"""Alembic environment: migrations run on the connection `core.database.upgrade_schema` hands over."""

from __future__ import annotations

from alembic import context

from core.database import metadata, register_tables
from core.library.schema import managed_by_metadata

register_tables()
connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=managed_by_metadata,
)
with context.begin_transaction():
    context.run_migrations()
