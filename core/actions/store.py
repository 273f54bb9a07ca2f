"""Keeping an answer's buttons: each action is stored once under a key made from what it does and for whom."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from core.actions.schema import actions
from core.commands.lines import Invocation
from core.responses import Action, ActionsPart, Response

KEY_LENGTH = 20  # hex characters: a Discord custom id holds 100, with room for our prefix


@dataclass(frozen=True)
class StoredAction:
    """What a pressed button runs, for which club, and the command that re-draws its message."""

    club_key: str
    command: Invocation
    source: Invocation | None


def _invocation(action: Action) -> Invocation:
    return Invocation(group=action.group, name=action.name, arguments=dict(action.arguments))


def action_key(club_key: str, action: Action, source: Action | None) -> str:
    """The same button for the same club always gets the same key: sending a message twice stores nothing new."""
    what = [club_key, _invocation(action).model_dump(), source and _invocation(source).model_dump()]
    return hashlib.sha256(json.dumps(what, sort_keys=True).encode("utf-8")).hexdigest()[:KEY_LENGTH]


class ActionStore:
    """The actions of every club's buttons (a button outlives the bot's restarts, so they are kept in the database)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def remember(self, club_key: str, response: Response, at: datetime | None = None) -> Response:
        """Give every action of ``response`` its key, storing the ones not seen before.

        Args:
            club_key: the club whose members may press them.
            response: an answer about to leave the core.
            at: when (now by default).

        Returns:
            The response with each action's ``key`` set (unchanged when it has no buttons).
        """
        groups = [p for p in response.parts if isinstance(p, ActionsPart)]
        if not groups:
            return response
        rows: dict[str, dict[str, object]] = {}
        for part in groups:
            for action in part.actions:
                action.key = action_key(club_key, action, part.source)
                rows[action.key] = {
                    "key": action.key,
                    "club_key": club_key,
                    "command": _invocation(action).model_dump(),
                    "source": part.source and _invocation(part.source).model_dump(),
                    "created_at": at or datetime.now(UTC),
                }
        with self.engine.begin() as conn:
            known = set(conn.scalars(select(actions.c.key).where(actions.c.key.in_(rows))))
            for key in rows.keys() - known:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(actions).values(**rows[key]))
                except IntegrityError:  # the same button stored at the same moment by another worker
                    pass
        return response

    def find(self, key: str) -> StoredAction | None:
        """The action stored under ``key``, or None (an unknown or forged key)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(actions).where(actions.c.key == key[:KEY_LENGTH])).one_or_none()
        if row is None:
            return None
        source = Invocation.model_validate(row.source) if row.source else None
        return StoredAction(row.club_key, Invocation.model_validate(row.command), source)
