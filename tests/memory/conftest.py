"""Club-memory fixtures: the seeded club with ratings, suggestion log and calendar tables emptied, and a party maker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import delete

from core.app import FilmClub
from core.calendar.schema import calendar_events, calendar_tokens
from core.parties.store import Party
from core.ratings.schema import ratings, suggestion_log
from tests.clubloop.conftest import NOW, loop_club  # noqa: F401  (fixtures)
from tests.conftest import store_party
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
    """Store a party (one step) for a film title at a time, with guests."""

    def make(title: str, starts_at: datetime, club_key: str = CLUB, guests: tuple[str, ...] = ("ana",)) -> Party:
        return store_party(memory_club, club_key, title, starts_at, guests)

    return make
