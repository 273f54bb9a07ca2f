"""The console prints party messages while it runs, including those of a party a one-shot command started."""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime, timedelta

from bots.console.app import ConsoleSession
from bots.console.publisher import console_parties
from core.app import FilmClub
from core.parties.store import StepState
from tests.parties.conftest import party_id_of, steps_of


def wait_for(condition: object, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def test_the_next_console_delivers_a_party_started_by_a_one_shot_command(club: FilmClub) -> None:
    due = datetime.now(UTC) + timedelta(seconds=0.5)
    one_shot = ConsoleSession(club, io.StringIO())  # like `filmclub run "/party start …"`: no scheduler runs
    one_shot.ctx = one_shot.ctx.model_copy(update={"now": due - timedelta(minutes=2)})
    party_id = party_id_of(one_shot.answer("/party start film:Children of Heaven when:in 2 minutes"))  # type: ignore[arg-type]

    out = io.StringIO()
    session = ConsoleSession(club, out)
    with console_parties(club, session):  # the next interactive console
        wait_for(lambda: "Press play" in out.getvalue())
    printed = out.getvalue()
    assert "watch party, in console" in printed and "Press play on Children of Heaven (1997) now!" in printed
    assert printed.count("Press play on") == 1
    assert steps_of(club, party_id)[0].state is StepState.SENT


def test_a_party_started_in_the_running_console_is_scheduled_at_once(club: FilmClub) -> None:
    out = io.StringIO()
    session = ConsoleSession(club, out, as_json=True)
    with console_parties(club, session):
        session.ctx = session.ctx.model_copy(update={"now": datetime.now(UTC) + timedelta(seconds=0.3, minutes=-2)})
        reply = session.answer("/party start film:Batman when:in 2 minutes")
        assert reply is not None and not reply.is_error
        wait_for(lambda: "Press play" in out.getvalue())
    assert '"kind":"text"' in out.getvalue()  # --json prints the neutral response, one object per line
