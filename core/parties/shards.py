"""Which servers' parties a process delivers, when a platform splits its servers across processes.

A sharded platform gives each party a *shard key* (a number derived from the server's id); a
process serving shards ``ids`` of ``count`` owns the parties whose ``shard_key % count`` is in
``ids``. The core does not know how a platform derives the key (Discord: the guild id shifted
right by 22 bits); it only needs the same arithmetic in Python and in SQL, and that every shard
is served by exactly one process.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import ColumnElement

MAX_SHARDS = 4096


class ShardSet(BaseModel):
    """The shards one process serves: ``ids`` out of ``count``."""

    model_config = ConfigDict(frozen=True)

    count: int = Field(ge=1, le=MAX_SHARDS)
    ids: tuple[int, ...]

    @model_validator(mode="after")
    def _ids_within_count(self) -> ShardSet:
        if not self.ids:
            raise ValueError("a process must serve at least one shard")
        wrong = [i for i in self.ids if not 0 <= i < self.count]
        if wrong:
            raise ValueError(f"shard ids must be from 0 to {self.count - 1}; got {wrong}")
        if len(set(self.ids)) != len(self.ids):
            raise ValueError(f"shard ids repeat: {list(self.ids)}")
        object.__setattr__(self, "ids", tuple(sorted(self.ids)))
        return self

    @classmethod
    def parse(cls, count: int, ids: str | None) -> ShardSet:
        """Read ``ids`` as written in a setting (``"0,1"``, ``"2-3"``, or empty for every shard).

        Args:
            count: how many shards the platform has in all.
            ids: the shards of this process.

        Returns:
            The shard set.

        Raises:
            ValueError: ids that are not numbers or ranges, or out of 0…count-1.

        """
        if not ids or not ids.strip():
            return cls(count=count, ids=tuple(range(count)))
        chosen: list[int] = []
        for piece in ids.replace(" ", "").split(","):
            first, dash, last = piece.partition("-")
            if not first.isdigit() or (dash and not last.isdigit()):
                raise ValueError(f"{piece!r} is not a shard id or a range such as 0-3")
            chosen.extend(range(int(first), int(last) + 1) if dash else [int(first)])
        return cls(count=count, ids=tuple(chosen))

    def shard_of(self, shard_key: int | None) -> int:
        """The shard a key falls in; a party without a key (a direct message, not a server) is shard 0's."""
        return 0 if shard_key is None else shard_key % self.count

    def owns(self, shard_key: int | None) -> bool:
        """Whether a party with this key is this process's to deliver."""
        return self.shard_of(shard_key) in self.ids

    def where(self, column: ColumnElement[Any], shard_id: int) -> ColumnElement[bool]:
        """The SQL condition for rows of one of this process's shards (the same arithmetic as `shard_of`)."""
        condition = (column % self.count) == shard_id
        return condition | column.is_(None) if shard_id == 0 else condition

    @property
    def label(self) -> str:
        """``shards 0, 1 of 4``, for logs."""
        return f"shard{'s' if len(self.ids) > 1 else ''} {', '.join(map(str, self.ids))} of {self.count}"
