"""Polls in the database: open, press (vote or take back), tally, close once, cancel.

Members' queries are filtered by the club (``club_key``): one server never sees, votes in or closes
another's poll. The close is a check-and-set on the status, so a poll closes exactly once whichever
job, restart or organiser gets there first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from core.parties.store import as_utc
from core.polls.schema import poll_films, poll_presses, poll_votes, polls
from core.polls.tally import Outcome, decide
from core.watchlist.schema import watchlist


class PollStatus(StrEnum):
    """A poll is open until it closes (a winner) or is cancelled (none)."""

    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class PressResult(StrEnum):
    """What a press did: a vote added, a vote taken back, or nothing (a press already counted)."""

    ADDED = "added"
    REMOVED = "removed"
    REPEATED = "repeated"


class PollOption(BaseModel):
    """One film of a poll, numbered from 1, with its approvals (never who gave them)."""

    position: int
    film_id: int
    film_title: str
    votes: int = 0


class NewPoll(BaseModel):
    """What opening a poll needs: whose, where, until when (UTC), in which zone, by whom."""

    club_key: str
    platform: str
    channel_id: str
    opened_by: str
    opened_at: datetime
    closes_at: datetime
    zone: str
    night_at: datetime | None = None
    shard_key: int | None = None


class Poll(NewPoll):
    """A stored poll with its films and their tallies."""

    id: int
    status: PollStatus
    closed_at: datetime | None = None
    winner_film_id: int | None = None
    tie_drawn: bool = False
    late: bool = False
    party_id: int | None = None
    options: list[PollOption] = []

    @property
    def winner(self) -> PollOption | None:
        """The winning film of a closed poll."""
        return next((o for o in self.options if o.film_id == self.winner_film_id), None)

    def tallied(self, counts: dict[int, int]) -> Poll:
        """The poll with these tallies (approvals per film id): a vote's answer shows the new counts."""
        options = [o.model_copy(update={"votes": counts.get(o.film_id, 0)}) for o in self.options]
        return self.model_copy(update={"options": options})


class PollStore:
    """Every club's polls, films and votes in one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, new: NewPoll, films: list[tuple[int, str]]) -> Poll:
        """Store a poll and its films (in the order given, numbered from 1)."""
        with self.engine.begin() as conn:
            return PollStore.create_in(conn, new, films)

    @staticmethod
    def create_in(conn: Connection, new: NewPoll, films: list[tuple[int, str]]) -> Poll:
        """Store a poll inside the caller's transaction (a club night records its run in the same one)."""
        values = new.model_dump()
        inserted = conn.execute(
            insert(polls).values(**values, status=PollStatus.OPEN.value, tie_drawn=False, late=False)
        )
        poll_id = int(inserted.inserted_primary_key[0])  # type: ignore[index]
        rows = [{"poll_id": poll_id, "position": n, "film_id": f, "film_title": t} for n, (f, t) in enumerate(films, 1)]
        conn.execute(insert(poll_films), rows)
        options = [PollOption(position=n, film_id=f, film_title=t) for n, (f, t) in enumerate(films, 1)]
        return Poll(id=poll_id, status=PollStatus.OPEN, options=options, **values)

    def get(self, club_key: str, poll_id: int) -> Poll | None:
        """A club's poll with its tallies; None for another club's poll or no poll."""
        with self.engine.connect() as conn:
            row = conn.execute(select(polls).where(polls.c.id == poll_id, polls.c.club_key == club_key)).first()
            return _poll(conn, row) if row else None

    def poll(self, poll_id: int) -> Poll | None:
        """Any poll by id (the scheduler's view: it holds only its own platform's ids)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(polls).where(polls.c.id == poll_id)).first()
            return _poll(conn, row) if row else None

    def latest_open(self, club_key: str) -> Poll | None:
        """The club's newest open poll, if any."""
        return self._newest(club_key, polls.c.status == PollStatus.OPEN.value)

    def latest(self, club_key: str) -> Poll | None:
        """The club's newest open poll, else its newest poll of any state (a vote after the close is told so)."""
        return self.latest_open(club_key) or self._newest(club_key, None)

    def _newest(self, club_key: str, where: ColumnElement[bool] | None) -> Poll | None:
        query = select(polls).where(polls.c.club_key == club_key)
        with self.engine.connect() as conn:
            row = conn.execute(
                (query if where is None else query.where(where)).order_by(polls.c.id.desc()).limit(1)
            ).first()
            return _poll(conn, row) if row else None

    def press(
        self, poll_id: int, member: str, film_id: int, press_id: str | None = None
    ) -> tuple[PressResult, dict[int, int]] | None:
        """A member's press on a film: a vote when they had none for it, else the vote taken back.

        Args:
            poll_id: the poll (already checked to be the caller's club's and open).
            member: the member's platform id.
            film_id: a film of the poll.
            press_id: the platform's id of this press (an interaction); the same id twice counts once.

        Returns:
            What the press did and the poll's tallies after it (read in the same transaction); None when the
            poll is no longer open (closed between check and press).

        """
        try:
            with self.engine.begin() as conn:
                is_open = conn.execute(
                    select(polls.c.id).where(polls.c.id == poll_id, polls.c.status == PollStatus.OPEN.value)
                ).first()
                if is_open is None:
                    return None
                if press_id is not None:
                    conn.execute(insert(poll_presses).values(poll_id=poll_id, press_id=press_id))
                key = (poll_votes.c.poll_id == poll_id) & (poll_votes.c.member_id == member)
                taken = conn.execute(delete(poll_votes).where(key & (poll_votes.c.film_id == film_id))).rowcount
                if not taken:
                    conn.execute(insert(poll_votes).values(poll_id=poll_id, member_id=member, film_id=film_id))
                return (PressResult.REMOVED if taken else PressResult.ADDED), _tally(conn, poll_id)
        except IntegrityError:  # this press was counted already (or the same vote landed at the same instant)
            return PressResult.REPEATED, self.tally(poll_id)

    def backed_by(self, poll_id: int, member: str) -> set[int]:
        """The films a member backs in a poll (for their own eyes only)."""
        with self.engine.connect() as conn:
            found = conn.execute(
                select(poll_votes.c.film_id).where(poll_votes.c.poll_id == poll_id, poll_votes.c.member_id == member)
            ).scalars()
            return set(found)

    def tally(self, poll_id: int) -> dict[int, int]:
        """Approvals per film id (films without any are absent)."""
        with self.engine.connect() as conn:
            return _tally(conn, poll_id)

    def close(
        self, poll_id: int, at: datetime, late: bool, then: Callable[[Connection, Poll], int | None] | None = None
    ) -> Poll | None:
        """Close an open poll once: decide the winner and take it off the club's watchlist.

        Args:
            poll_id: the poll.
            at: the moment of the close.
            late: the close happened after its time (the bot was down): the result says so.
            then: runs in the same transaction with the decided poll; the party id it returns is recorded.

        Returns:
            The closed poll; None when it was not open (closed or cancelled by someone else first).

        """
        with self.engine.begin() as conn:
            claimed = conn.execute(
                update(polls)
                .where(polls.c.id == poll_id, polls.c.status == PollStatus.OPEN.value)
                .values(status=PollStatus.CLOSED.value, closed_at=at, late=late)
            ).rowcount
            if not claimed:
                return None
            row = conn.execute(select(polls).where(polls.c.id == poll_id)).one()
            poll = _poll(conn, row)
            outcome = outcome_of(poll)
            winner = next(o for o in poll.options if o.position == outcome.position)
            poll = poll.model_copy(update={"winner_film_id": winner.film_id, "tie_drawn": outcome.drawn})
            party_id = then(conn, poll) if then is not None else None
            conn.execute(
                update(polls)
                .where(polls.c.id == poll_id)
                .values(winner_film_id=winner.film_id, tie_drawn=outcome.drawn, party_id=party_id)
            )
            conn.execute(
                delete(watchlist).where(watchlist.c.club_key == poll.club_key, watchlist.c.film_id == winner.film_id)
            )
        return poll.model_copy(update={"party_id": party_id})

    def cancel(self, club_key: str, poll_id: int) -> bool:
        """Drop a club's open poll; False when it was not open."""
        with self.engine.begin() as conn:
            return bool(
                conn.execute(
                    update(polls)
                    .where(polls.c.id == poll_id, polls.c.club_key == club_key, polls.c.status == PollStatus.OPEN.value)
                    .values(status=PollStatus.CANCELLED.value)
                ).rowcount
            )


def outcome_of(poll: Poll) -> Outcome:
    """The winner of a poll by its tallies (a seeded draw among ties)."""
    return decide(poll.id, [(o.position, o.votes) for o in poll.options])


def _tally(conn: Connection, poll_id: int) -> dict[int, int]:
    rows = conn.execute(
        select(poll_votes.c.film_id, func.count()).where(poll_votes.c.poll_id == poll_id).group_by(poll_votes.c.film_id)
    ).all()
    return {film_id: count for film_id, count in rows}


def _poll(conn: Connection, row: object) -> Poll:
    values = dict(row._mapping)  # type: ignore[attr-defined]
    for name in ("opened_at", "closes_at", "closed_at", "night_at"):
        if values[name] is not None:
            values[name] = as_utc(values[name])
    counts = _tally(conn, values["id"])
    films = conn.execute(
        select(poll_films).where(poll_films.c.poll_id == values["id"]).order_by(poll_films.c.position)
    ).all()
    options = [
        PollOption(position=f.position, film_id=f.film_id, film_title=f.film_title, votes=counts.get(f.film_id, 0))
        for f in films
    ]
    return Poll.model_validate({**values, "options": options})
