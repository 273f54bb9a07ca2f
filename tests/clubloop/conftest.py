"""Club-loop fixtures: the parties' seeded club with the watchlist, polls and nights emptied too."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import delete

from core.app import FilmClub
from core.nights.schema import club_nights, night_runs
from core.polls.schema import poll_films, poll_presses, poll_votes, polls
from core.watchlist.schema import watchlist
from tests.parties.conftest import club, recorder, schedulers, seeded_club  # noqa: F401  (fixtures)

NOW = datetime(2026, 3, 26, 12, 0, tzinfo=UTC)  # a Thursday


@pytest.fixture
def loop_club(club: FilmClub) -> FilmClub:  # noqa: F811
    """The club with no suggestion, poll, vote or club night left by another test."""
    with club.engine.begin() as conn:
        for table in (poll_presses, poll_votes, poll_films, polls, night_runs, club_nights, watchlist):
            conn.execute(delete(table))
    return club


def film_ids(club: FilmClub) -> dict[str, int]:  # noqa: F811
    """The bundled films' ids by title."""
    return {e.title: e.film_id for e in club.library.title_entries()}
