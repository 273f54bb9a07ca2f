"""Poll closes and club-night steps across restarts, against the real APScheduler and SQLAlchemy job store.

Times are set around the real present: APScheduler's own timers are real, so a step whose time has passed
fires as soon as a scheduler starts, and one hours ahead does not fire during the test. Our code reads
the injected `Clock`; the due step is then run as its job would run it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from core.app import FilmClub
from core.nights.store import ClubNight, NightStore
from core.parties.scheduler import PartyScheduler, job_store
from core.parties.schema import parties
from core.polls.jobs import POLL_PREFIX, run_night, run_poll_close
from core.polls.store import NewPoll, PollStatus, PollStore
from core.watchlist.store import WatchlistStore
from tests.clubloop.conftest import film_ids
from tests.parties.conftest import PLATFORM, Clock, RecordingPublisher, context, wait_until

Schedulers = Callable[..., PartyScheduler]
CLUB = f"{PLATFORM}:guild-1"


def real_now() -> datetime:
    return datetime.now(UTC).replace(second=0, microsecond=0)


def poll_at(club: FilmClub, closes_at: datetime, opened_at: datetime) -> int:
    ids = list(film_ids(club).values())
    new = NewPoll(
        club_key=CLUB,
        platform=PLATFORM,
        channel_id="film-night",
        opened_by="u1",
        opened_at=opened_at,
        closes_at=closes_at,
        zone="UTC",
    )
    return PollStore(club.engine).create(new, [(ids[0], "A"), (ids[1], "B")]).id


def jobs(club: FilmClub) -> list[str]:
    table = job_store(club.engine, PLATFORM).jobs_t
    with club.engine.connect() as conn:
        return sorted(conn.execute(select(table.c.id)).scalars())


async def test_a_close_job_outlives_its_process_and_closes_once(
    loop_club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    now = real_now()
    first = schedulers(clock=Clock(now))
    first.start()
    said = loop_club.run_line("/poll start films:Batman; Ra.One closes:in 2 hours", context(now=now)).plain_text()
    poll_id = int(said.split("#", 1)[1].split(":", 1)[0])
    first.shutdown()
    assert f"{POLL_PREFIX}{poll_id}" in jobs(loop_club)

    second = schedulers(clock=Clock(now + timedelta(hours=2, seconds=20)))
    second.start()
    assert jobs(loop_club).count(f"{POLL_PREFIX}{poll_id}") == 1  # restored, not added twice
    await run_poll_close(second, poll_id)  # what its job does at the close time
    await run_poll_close(second, poll_id)  # a duplicate run changes nothing
    texts = recorder.texts()
    assert len(texts) == 1 and f"Poll #{poll_id} is closed" in texts[0] and "late" not in texts[0]
    poll = PollStore(loop_club.engine).poll(poll_id)
    assert poll is not None and poll.status is PollStatus.CLOSED


async def test_a_close_missed_while_the_bot_was_down_happens_at_start_saying_it_is_late(
    loop_club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    now = real_now()
    poll_id = poll_at(loop_club, closes_at=now - timedelta(minutes=30), opened_at=now - timedelta(days=1))
    scheduler = schedulers(clock=Clock(now))
    scheduler.start()  # the poll has no job (opened while no scheduler ran): the start gives it one, due now
    await wait_until(lambda: recorder.sent, what="the late close")
    [text] = recorder.texts()
    assert "This poll closes late: it was due at" in text and f"Poll #{poll_id} is closed" in text
    scheduler.shutdown()
    again = schedulers(clock=Clock(now + timedelta(minutes=1)))
    again.start()
    await run_poll_close(again, poll_id)
    assert len(recorder.sent) == 1


async def test_a_club_nights_steps_each_happen_once_across_restarts(
    loop_club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    now = real_now()
    night_at = now + timedelta(hours=3)
    watchlist = WatchlistStore(loop_club.engine)
    for n, (title, film_id) in enumerate(list(film_ids(loop_club).items())[:3]):
        watchlist.suggest(CLUB, film_id, title, f"u{n}", f"M{n}", now - timedelta(days=2, minutes=n))
    NightStore(loop_club.engine).set(
        ClubNight(
            club_key=CLUB,
            platform=PLATFORM,
            channel_id="film-night",
            rule_words="tonight's weekday",
            weekday=night_at.weekday(),
            hour=night_at.hour,
            minute=night_at.minute,
            every_weeks=1,
            anchor=night_at,
            zone="UTC",
            opens_before=timedelta(days=3),
            closes_before=timedelta(hours=2),
            created_by="u0",
        )
    )
    first = schedulers(clock=Clock(now))
    first.start()  # the poll's opening time has passed: it opens now
    await wait_until(lambda: recorder.sent, what="the night's poll")
    assert "Club night" in recorder.texts()[0] and "Poll #" in recorder.texts()[0]
    first.shutdown()

    second = schedulers(clock=Clock(now + timedelta(minutes=5)))
    second.start()
    await run_night(second, CLUB)  # the night's job run again (a restart, a duplicate): nothing more opens
    [poll] = [p for p in [PollStore(loop_club.engine).latest(CLUB)] if p is not None]
    assert poll.night_at == night_at and len(recorder.sent) == 1
    second.shutdown()

    third = schedulers(clock=Clock(poll.closes_at + timedelta(seconds=10)))
    third.start()
    await run_poll_close(third, poll.id)
    await run_poll_close(third, poll.id)
    assert len(recorder.sent) == 2 and "Watch party #" in recorder.texts()[1]
    with loop_club.engine.connect() as conn:
        made = conn.execute(select(func.count()).select_from(parties).where(parties.c.club_key == CLUB)).scalar_one()
        starts = conn.execute(select(parties.c.starts_at).where(parties.c.club_key == CLUB)).scalar_one()
    assert made == 1 and starts.replace(tzinfo=UTC) == night_at
    assert any(j.startswith("party:") for j in jobs(loop_club))
    assert any(j == f"night:{CLUB}" for j in jobs(loop_club))  # next week's night is planned
