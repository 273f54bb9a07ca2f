"""Club-memory fixtures: the seeded club with ratings, suggestion log and calendar tables emptied, and a party maker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import delete

from core.app import FilmClub
from core.calendar.schema import calendar_events, calendar_tokens
from core.parties.plan import PlannedStep, StepKind
from core.parties.store import NewParty, Party, PartyStore
from core.ratings.schema import ratings, suggestion_log
from core.responses import Response
from tests.clubloop.conftest import NOW, film_ids, loop_club  # noqa: F401  (fixtures)
from tests.parties.conftest import club, recorder, schedulers, seeded_club  # noqa: F401  (fixtures)

CLUB = "console:memory"
OTHER = "console:elsewhere"


@pytest.fixture
def memory_club(loop_club: FilmClub) -> FilmClub:  # noqa: F811
    """The club with no rating, logged suggestion or calendar state left by another test."""
    with loop_club.engine.begin() as conn:
        for table in (ratings, suggestion_log, calendar_events, calendar_tokens):
            conn.execute(delete(table))
    return loop_club


MakeParty = Callable[..., Party]


@pytest.fixture
def make_party(memory_club: FilmClub) -> MakeParty:
    """Store a party (no steps) for a film title at a time, with guests."""
    store = PartyStore(memory_club.engine)
    ids = film_ids(memory_club)

    def make(title: str, starts_at: datetime, club_key: str = CLUB, guests: tuple[str, ...] = ("ana",)) -> Party:
        new = NewParty(
            club_key=club_key,
            platform="console",
            channel_id="console",
            film_id=ids[title],
            film_title=title,
            starts_at=starts_at,
            zone="UTC",
            created_by=guests[0] if guests else "host",
            created_by_name=guests[0] if guests else "",
        )
        start = PlannedStep(StepKind.START, "Press play", starts_at, Response(text="Press play"))
        party, _ = store.create(new, lambda _id: [start])
        for guest in guests[1:]:
            store.join(party.id, guest, guest)
        return party

    return make
