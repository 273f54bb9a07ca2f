"""Watch parties in the database: create, list, RSVP, cancel, and the steps' check-and-set states.

Every query a member's command makes is filtered by the club (``club_key``): one server never sees,
joins or cancels another's party. The scheduler's queries go by party id, which only it holds.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Connection, Engine, Row, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from core.parties.plan import PlannedStep
from core.parties.schema import parties, party_guests, party_steps
from core.responses import Response


class PartyStatus(StrEnum):
    """A party is scheduled until its last step is settled, or until it is cancelled.

    PAUSED: its channel refused a step for good (deleted, bot removed, no permission); nothing more is
    sent until an organiser fixes the channel and resumes it (``/party resume``).
    """

    SCHEDULED = "scheduled"
    PAUSED = "paused"
    DONE = "done"
    CANCELLED = "cancelled"


class StepState(StrEnum):
    """Where a step is; it leaves PENDING exactly once, to SENDING (then SENT or LATE) or DROPPED.

    SENDING is committed, with the step's send key, before the post: a crash after it leaves the step
    SENDING, and the next run resends it under the same key, which the platform recognises.
    """

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    LATE = "late"
    DROPPED = "dropped"
    FAILED = "failed"
    CANCELLED = "cancelled"


class PartyFields(BaseModel):
    """What a party is: whose, where, which film, when (UTC) and in which zone, planned by whom."""

    club_key: str
    platform: str
    channel_id: str
    film_id: int
    film_title: str
    starts_at: datetime
    zone: str
    created_by: str
    shard_key: int | None = None  # see core.parties.shards: which process of a sharded platform delivers it
    calendar_event_id: str | None = None  # the platform's listing of the party (a Discord scheduled event)


class NewParty(PartyFields):
    """What a member asks for when starting a party (their name goes on the guest list; none for a club night's)."""

    created_by_name: str


class Party(PartyFields):
    """A stored party."""

    id: int
    status: PartyStatus


class Step(BaseModel):
    """A stored step of a party's plan."""

    id: int
    party_id: int
    seq: int
    kind: str
    label: str
    due_at: datetime
    state: StepState
    body: str
    detail: str | None = None
    finished_at: datetime | None = None  # when it left PENDING
    send_key: str | None = None  # the key its post carries, from the claim on

    @property
    def response(self) -> Response:
        """The message as planned (before the late note and the guest list are added)."""
        return Response.model_validate_json(self.body)


def as_utc(moment: datetime) -> datetime:
    """Make a stored datetime aware UTC (SQLite gives back naive UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class PartyStore:
    """Parties, their steps and guests in one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- creating and reading ------------------------------------------------------------------

    def create(self, new: NewParty, plan: Callable[[int], Sequence[PlannedStep]]) -> tuple[Party, list[PlannedStep]]:
        """Store a party, its plan (made once the id is known: messages name it) and its creator as a guest.

        Args:
            new: the party.
            plan: makes the steps from the party's id.

        Returns:
            The party and its planned steps, stored in one transaction.

        """
        with self.engine.begin() as conn:
            return self.create_in(conn, new, plan)

    @staticmethod
    def create_in(
        conn: Connection, new: NewParty, plan: Callable[[int], Sequence[PlannedStep]]
    ) -> tuple[Party, list[PlannedStep]]:
        """`create` inside the caller's transaction (a poll's close creates its night's party in its own)."""
        values = new.model_dump(exclude={"created_by_name"})
        inserted = conn.execute(
            insert(parties).values(**values, created_at=datetime.now(UTC), status=PartyStatus.SCHEDULED.value)
        )
        party_id = int(inserted.inserted_primary_key[0])  # type: ignore[index]
        steps = list(plan(party_id))
        rows = [
            {
                "party_id": party_id,
                "seq": seq,
                "kind": step.kind.value,
                "label": step.label,
                "due_at": step.due_at,
                "state": StepState.PENDING.value,
                "body": step.response.model_dump_json(),
                "reported": False,
            }
            for seq, step in enumerate(steps, start=1)
        ]
        conn.execute(insert(party_steps), rows)
        if new.created_by_name:
            conn.execute(
                insert(party_guests).values(party_id=party_id, user_id=new.created_by, user_name=new.created_by_name)
            )
        return Party(id=party_id, status=PartyStatus.SCHEDULED, **values), steps

    def get(self, club_key: str, party_id: int) -> Party | None:
        """Find a club's party by id; None for another club's party or no party."""
        with self.engine.connect() as conn:
            row = conn.execute(select(parties).where(parties.c.id == party_id, parties.c.club_key == club_key)).first()
        return party_from_row(row) if row else None

    def party(self, party_id: int) -> Party | None:
        """Any party by id (the scheduler's view: it holds only ids of its own platform's parties)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(parties).where(parties.c.id == party_id)).first()
        return party_from_row(row) if row else None

    def upcoming(
        self, club_key: str, offset: int, limit: int, since: datetime | None = None
    ) -> tuple[list[Party], int]:
        """Read a page of a club's scheduled parties by start time, and how many there are in all.

        Args:
            club_key: the club.
            offset: parties to skip.
            limit: parties in the page.
            since: leave out parties that started before this (still scheduled for their follow-up).

        Returns:
            The page, and the count of all that match.

        """
        where = (parties.c.club_key == club_key) & parties.c.status.in_(LIVE)
        if since is not None:
            where &= parties.c.starts_at >= since
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(parties).where(where)).scalar_one()
            rows = conn.execute(
                select(parties).where(where).order_by(parties.c.starts_at, parties.c.id).offset(offset).limit(limit)
            ).all()
        return [party_from_row(r) for r in rows], total

    def steps(self, party_id: int) -> list[Step]:
        """Read a party's steps in time order."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(party_steps)
                .where(party_steps.c.party_id == party_id)
                .order_by(party_steps.c.due_at, party_steps.c.seq)
            ).all()
        return [_step(r) for r in rows]

    def due_steps(self, party_id: int, until: datetime) -> list[Step]:
        """Read a party's open steps (pending, or cut off while sending) due by ``until``, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(party_steps)
                .where(
                    party_steps.c.party_id == party_id,
                    party_steps.c.state.in_(OPEN),
                    party_steps.c.due_at <= until,
                )
                .order_by(party_steps.c.due_at, party_steps.c.seq)
            ).all()
        return [_step(r) for r in rows]

    def next_open(self, party_id: int) -> Step | None:
        """Read a party's earliest step still to send (pending, or cut off while sending)."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(party_steps)
                .where(party_steps.c.party_id == party_id, party_steps.c.state.in_(OPEN))
                .order_by(party_steps.c.due_at, party_steps.c.seq)
                .limit(1)
            ).first()
        return _step(row) if row else None

    # -- guests --------------------------------------------------------------------------------

    def guests(self, party_id: int) -> list[str]:
        """List who said they'd come, alphabetically."""
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(party_guests.c.user_name)
                    .where(party_guests.c.party_id == party_id)
                    .order_by(party_guests.c.user_name)
                ).scalars()
            )

    def guest_counts(self, party_ids: list[int]) -> dict[int, int]:
        """How many said they'd come, per party, in one query."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(party_guests.c.party_id, func.count())
                .where(party_guests.c.party_id.in_(party_ids))
                .group_by(party_guests.c.party_id)
            ).all()
        return {party_id: count for party_id, count in rows}

    def join(self, party_id: int, user_id: str, user_name: str) -> bool:
        """Add a guest; False when they had already joined."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(party_guests).values(party_id=party_id, user_id=user_id, user_name=user_name))
        except IntegrityError:
            return False
        return True

    def leave(self, party_id: int, user_id: str) -> bool:
        """Remove a guest; False when they were not on the list."""
        with self.engine.begin() as conn:
            result = conn.execute(
                delete(party_guests).where(party_guests.c.party_id == party_id, party_guests.c.user_id == user_id)
            )
        return bool(result.rowcount)

    def set_calendar_event(self, party_id: int, event_id: str) -> None:
        """Remember the platform's listing of a party just created, so cancelling it removes exactly that one."""
        with self.engine.begin() as conn:
            conn.execute(update(parties).where(parties.c.id == party_id).values(calendar_event_id=event_id))

    # -- states --------------------------------------------------------------------------------

    def cancel(self, club_key: str, party_id: int) -> int:
        """Cancel a club's party and every step still to send; how many there were."""
        with self.engine.begin() as conn:
            owned = conn.execute(
                update(parties)
                .where(parties.c.id == party_id, parties.c.club_key == club_key)
                .values(status=PartyStatus.CANCELLED.value)
            ).rowcount
            if not owned:
                return 0
            return int(
                conn.execute(
                    update(party_steps)
                    .where(party_steps.c.party_id == party_id, party_steps.c.state.in_(OPEN))
                    .values(state=StepState.CANCELLED.value, finished_at=datetime.now(UTC))
                ).rowcount
            )

    def claim(self, step_id: int, at: datetime) -> str | None:
        """Move a step from PENDING to SENDING with a new send key, atomically (check-and-set).

        Args:
            step_id: the step.
            at: when (kept: a resend says how late the step was when first sent).

        Returns:
            The key its post must carry; None when the step was no longer pending (taken by another run,
            or cancelled).

        """
        key = secrets.token_hex(8)  # 16 characters: Discord takes a nonce of up to 25
        with self.engine.begin() as conn:
            result = conn.execute(
                update(party_steps)
                .where(party_steps.c.id == step_id, party_steps.c.state == StepState.PENDING.value)
                .values(state=StepState.SENDING.value, finished_at=at, send_key=key)
            )
        return key if result.rowcount == 1 else None

    def drop(self, step_id: int, at: datetime, detail: str) -> bool:
        """Give up an open step (too late to send): True for the one caller that did it (check-and-set)."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(party_steps)
                .where(party_steps.c.id == step_id, party_steps.c.state.in_(OPEN))
                .values(state=StepState.DROPPED.value, finished_at=at, detail=detail)
            )
        return result.rowcount == 1

    def sent(self, step_id: int, state: StepState) -> None:
        """Record that a SENDING step is in its channel (``state`` SENT, or LATE when it went out late)."""
        with self.engine.begin() as conn:
            conn.execute(
                update(party_steps)
                .where(party_steps.c.id == step_id, party_steps.c.state == StepState.SENDING.value)
                .values(state=state.value)
            )

    def fail(self, step_id: int, reason: str) -> None:
        """Record that a claimed step could not be delivered (reported to the organisers later)."""
        with self.engine.begin() as conn:
            conn.execute(
                update(party_steps)
                .where(party_steps.c.id == step_id)
                .values(state=StepState.FAILED.value, detail=reason[:500], reported=False)
            )

    def pause(self, party_id: int, step_id: int, reason: str) -> bool:
        """Pause a party whose channel refused a step for good; the step waits, pending, for the resume.

        Returns:
            True for the one caller that paused it (it tells the organiser); False when it was not scheduled.

        """
        with self.engine.begin() as conn:
            conn.execute(
                update(party_steps)
                .where(party_steps.c.id == step_id, party_steps.c.state.in_(OPEN))
                .values(
                    state=StepState.PENDING.value, send_key=None, finished_at=None, detail=reason[:500], reported=False
                )
            )
            result = conn.execute(
                update(parties)
                .where(parties.c.id == party_id, parties.c.status == PartyStatus.SCHEDULED.value)
                .values(status=PartyStatus.PAUSED.value)
            )
        return result.rowcount == 1

    def told(self, step_id: int) -> None:
        """Record that the organiser was sent the pause notice of the step their channel refused."""
        with self.engine.begin() as conn:
            conn.execute(update(party_steps).where(party_steps.c.id == step_id).values(reported=True))

    def take_pauses(self, club_key: str) -> list[Failure]:
        """Take a club's paused parties whose organiser was not told yet (no DM got through), marking them told."""
        return self._take(
            (
                parties.c.club_key == club_key,
                parties.c.status == PartyStatus.PAUSED.value,
                party_steps.c.state == StepState.PENDING.value,
                party_steps.c.detail.is_not(None),
            ),
            parties.c.id,
        )

    def resume(self, club_key: str, party_id: int) -> bool:
        """Schedule a club's paused party again; False when it was not paused."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(parties)
                .where(
                    parties.c.id == party_id,
                    parties.c.club_key == club_key,
                    parties.c.status == PartyStatus.PAUSED.value,
                )
                .values(status=PartyStatus.SCHEDULED.value)
            )
        return result.rowcount == 1

    def finish(self, party_id: int) -> None:
        """Mark a scheduled party done (it has no pending step left)."""
        with self.engine.begin() as conn:
            conn.execute(
                update(parties)
                .where(parties.c.id == party_id, parties.c.status == PartyStatus.SCHEDULED.value)
                .values(status=PartyStatus.DONE.value)
            )

    def take_failures(self, club_key: str) -> list[Failure]:
        """Take a club's failed steps not yet reported, marking them reported."""
        return self._take(
            (parties.c.club_key == club_key, party_steps.c.state == StepState.FAILED.value), party_steps.c.due_at
        )

    def _take(self, where: tuple[ColumnElement[bool], ...], order: ColumnElement[Any]) -> list[Failure]:
        """Read the unreported steps matching ``where`` with their party and film, and mark them reported.

        One transaction, so two processes never both report the same step.
        """
        query = (
            select(
                parties.c.id,
                parties.c.film_title,
                party_steps.c.id.label("step_id"),
                party_steps.c.label,
                party_steps.c.detail,
            )
            .join(party_steps, party_steps.c.party_id == parties.c.id)
            .where(*where, party_steps.c.reported.is_(False))
            .order_by(order)
        )
        with self.engine.begin() as conn:
            rows = conn.execute(query).all()
            if rows:
                conn.execute(
                    update(party_steps).where(party_steps.c.id.in_([r.step_id for r in rows])).values(reported=True)
                )
        return [Failure(r.id, r.film_title, r.label, r.detail or "unknown reason") for r in rows]


@dataclass(frozen=True)
class Failure:
    """A step that could not be delivered, for the organisers' next look at /party."""

    party_id: int
    film_title: str
    step_label: str
    reason: str


OPEN = (StepState.PENDING.value, StepState.SENDING.value)
LIVE = (PartyStatus.SCHEDULED.value, PartyStatus.PAUSED.value)  # a party still to come or under way


def party_from_row(row: Row[tuple[object, ...]]) -> Party:
    """Read a party from a row of the ``parties`` table."""
    values = dict(row._mapping)
    values["starts_at"] = as_utc(values["starts_at"])
    return Party.model_validate(values)


def _step(row: Row[tuple[object, ...]]) -> Step:
    values = dict(row._mapping)
    values["due_at"] = as_utc(values["due_at"])
    if values["finished_at"] is not None:
        values["finished_at"] = as_utc(values["finished_at"])
    return Step.model_validate(values)
