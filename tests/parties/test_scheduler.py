"""The scheduler against the real APScheduler and SQLAlchemy job store: order, restarts, grace, failures, cancel.

A `Clock` stands in for the time our code reads; APScheduler's own timers are real, so the steps that
must fire for real are set a fraction of a second ahead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from core.app import FilmClub
from core.logs import formatter
from core.parties.delivery import DeliveryError
from core.parties.scheduler import CUT_OFF, RESEND_WITHIN, PartyScheduler, job_id, job_store, run_party
from core.parties.store import PartyStatus, PartyStore, StepState
from core.responses import Response, SpoilerPart
from tests.parties.conftest import PLATFORM, Clock, RecordingPublisher, context, party_id_of, steps_of, wait_until

NOW = datetime(2026, 3, 26, 12, 0, tzinfo=UTC)
Schedulers = Callable[..., PartyScheduler]


def start_party(club: FilmClub, at: datetime, when: str = "in 2 minutes", platform: str = PLATFORM) -> int:
    """A party starting at ``at``, planned two minutes before it (so no reminder is due)."""
    ctx = context(now=at - timedelta(minutes=2)).model_copy(update={"platform": platform})
    return party_id_of(club.run_line(f"/party start film:Children of Heaven when:{when}", ctx))


def planned_party(club: FilmClub) -> int:
    """A party on Friday 20:00 UTC planned on Thursday: every step ahead, reminders included."""
    return party_id_of(club.run_line("/party start film:Children of Heaven when:friday 8pm", context(now=NOW)))


async def test_steps_are_sent_in_order_by_a_controllable_clock(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    club.run_line(f"/party join {party_id}", context(user="u2", name="Bo", organiser=False, now=NOW))
    clock = Clock(NOW)
    scheduler = schedulers(clock=clock)
    for step in steps_of(club, party_id):
        clock.now = step.due_at
        await scheduler.advance(party_id, step.id)
    states = [s.state for s in steps_of(club, party_id)]
    assert states == [StepState.SENT] * 13
    texts = recorder.texts()
    assert len(texts) == 13 and all(channel == "film-night" for channel, _ in recorder.sent)
    assert "Tomorrow: watch party" in texts[0] and "Coming (2): Ana and Bo." in texts[0]
    assert "Trivia before we press play" in texts[2] and "Press play" in texts[3]
    assert "One thing that stayed with you?" in texts[-1]
    assert not any("Late" in t for t in texts)
    party = PartyStore(club.engine).party(party_id)
    assert party is not None and party.status is PartyStatus.DONE


async def test_a_step_is_not_sent_before_its_time(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    first = steps_of(club, party_id)[0]
    scheduler = schedulers(clock=Clock(first.due_at - timedelta(minutes=1)))
    await scheduler.advance(party_id, first.id)
    assert recorder.sent == [] and steps_of(club, party_id)[0].state is StepState.PENDING


async def test_restart_sends_a_step_missed_inside_the_grace_once_marked_late(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    due = datetime.now(UTC) + timedelta(seconds=1)
    party_id = start_party(club, due)
    first = schedulers()
    first.start()  # a party started while no scheduler ran gets its job now
    assert first.scheduler.get_job(job_id(party_id)) is not None
    first.shutdown()  # the bot goes down before the step is due ...
    second = schedulers(clock=Clock(due + timedelta(minutes=5)))  # ... and is back 5 minutes after it
    second.start()
    await wait_until(lambda: recorder.sent)
    await asyncio.sleep(0.3)
    assert len(recorder.sent) == 1
    text = recorder.texts()[0]
    assert text.startswith("(Late: this was due at") and "5 min ago" in text and "Press play" in text
    steps = steps_of(club, party_id)
    assert steps[0].state is StepState.LATE and {s.state for s in steps[1:]} == {StepState.PENDING}
    job = second.scheduler.get_job(job_id(party_id))
    assert job is not None and job.args == (party_id, steps[1].id)


async def test_restart_drops_and_logs_a_step_missed_by_far(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers, caplog: pytest.LogCaptureFixture
) -> None:
    due = datetime.now(UTC) + timedelta(seconds=0.5)
    party_id = start_party(club, due)
    schedulers(clock=Clock(due + timedelta(hours=2))).start()
    await wait_until(lambda: steps_of(club, party_id)[0].state is not StepState.PENDING)
    steps = steps_of(club, party_id)
    assert recorder.sent == []
    assert [s.state for s in steps[:-1]] == [StepState.DROPPED] * (len(steps) - 1)
    assert steps[-1].state is StepState.PENDING  # the follow-up, tomorrow
    assert any("dropped" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


async def test_no_step_is_sent_twice_after_a_restart(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    due = datetime.now(UTC) + timedelta(seconds=0.3)
    party_id = start_party(club, due)
    first = schedulers()
    first.start()
    await wait_until(lambda: recorder.sent)
    first.shutdown()
    second = schedulers()
    second.start()
    started = steps_of(club, party_id)[0]
    await run_party(second, party_id, started.id)  # a stale job for the step already sent
    await asyncio.sleep(0.2)
    assert len(recorder.sent) == 1 and steps_of(club, party_id)[0].state is StepState.SENT


async def test_a_step_cut_off_while_sending_is_resent_under_its_key_and_seen_once(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    first, second = steps_of(club, party_id)[:2]
    store = PartyStore(club.engine)
    arrived = store.claim(first.id, first.due_at)  # a run that posted this one, then died before recording it
    lost = store.claim(second.id, second.due_at)  # and one that died before its post reached the platform
    assert arrived and lost and arrived != lost
    await recorder.publish("film-night", first.response, arrived)
    assert [s.state for s in steps_of(club, party_id)[:2]] == [StepState.SENDING] * 2
    clock = Clock(first.due_at + timedelta(minutes=1))
    scheduler = schedulers(clock=clock)
    await scheduler.advance(party_id, first.id)
    clock.now = second.due_at + timedelta(minutes=1)
    await scheduler.advance(party_id, second.id)
    assert recorder.keys == [arrived, lost]  # the first was found in the channel, the second posted once
    assert [s.state for s in steps_of(club, party_id)[:2]] == [StepState.SENT] * 2
    assert [s.send_key for s in steps_of(club, party_id)[:2]] == [arrived, lost]


async def test_a_step_cut_off_too_long_ago_is_dropped_not_resent(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    first = steps_of(club, party_id)[0]
    assert PartyStore(club.engine).claim(first.id, first.due_at)
    await schedulers(clock=Clock(first.due_at + RESEND_WITHIN * 2)).advance(party_id, first.id)
    after = steps_of(club, party_id)[0]
    assert recorder.attempts == 0 and after.state is StepState.DROPPED and after.detail == CUT_OFF


async def test_a_retry_after_a_timeout_does_not_repeat_a_post_that_arrived(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    first = steps_of(club, party_id)[0]

    class TimesOutAfterPosting(RecordingPublisher):
        async def publish(self, channel_id: str, response: Response, key: str | None = None) -> None:
            await super().publish(channel_id, response, key)
            if len(self.sent) == 1:
                raise DeliveryError("timed out", permanent=False)

    publisher = TimesOutAfterPosting()
    await schedulers(publisher, clock=Clock(first.due_at), retry_delays=(0.0,)).advance(party_id, first.id)
    assert len(publisher.sent) == 1 and steps_of(club, party_id)[0].state is StepState.SENT


async def test_cancel_removes_every_job_with_or_without_a_running_scheduler(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    later = datetime.now(UTC) + timedelta(hours=3)
    running = schedulers()
    running.start()
    first = start_party(club, later)  # scheduled at once by the running scheduler
    assert running.scheduler.get_job(job_id(first)) is not None
    club.run_line(f"/party cancel {first}", context())
    assert running.scheduler.get_job(job_id(first)) is None
    assert {s.state for s in steps_of(club, first)} == {StepState.CANCELLED}
    running.shutdown()
    await asyncio.sleep(0.01)

    second = start_party(club, later)  # no scheduler runs: its job is made at the next start
    restarted = schedulers()
    restarted.start()
    assert restarted.scheduler.get_job(job_id(second)) is not None
    restarted.shutdown()
    await asyncio.sleep(0.01)
    club.run_line(f"/party cancel {second}", context())  # e.g. a one-shot console command
    jobs = job_store(club.engine, PLATFORM).jobs_t
    with club.engine.connect() as conn:
        assert list(conn.execute(select(jobs.c.id)).scalars()) == []
    assert recorder.sent == []


async def test_a_lasting_transient_failure_is_reported_to_organisers_once(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    step = steps_of(club, party_id)[0]
    recorder.failures = [DeliveryError("Discord is down", permanent=False)]
    await schedulers(clock=Clock(step.due_at), retry_delays=()).advance(party_id, step.id)
    assert recorder.attempts == 1 and steps_of(club, party_id)[0].state is StepState.FAILED
    member = club.run_line("/party list", context(organiser=False, user="u2", name="Bo", now=NOW))
    assert "could not be sent" not in member.plain_text()
    organiser = club.run_line("/party list", context(now=NOW)).plain_text()
    assert "could not be sent" in organiser and "Discord is down" in organiser
    assert "Reminder: the day before" in organiser
    assert "could not be sent" not in club.run_line("/party list", context(now=NOW)).plain_text()
    assert "could not be sent" not in club.run_line("/party list", context(server="guild-2", now=NOW)).plain_text()


async def test_a_channel_that_refuses_for_good_pauses_the_party_until_an_organiser_resumes_it(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    first, second = steps_of(club, party_id)[:2]
    store = PartyStore(club.engine)
    recorder.failures = [DeliveryError("missing access to #film-night", permanent=True, channel=True)]
    clock = Clock(first.due_at)
    scheduler = schedulers(clock=clock)
    scheduler.schedule(store.party(party_id))  # type: ignore[arg-type]
    await scheduler.advance(party_id, first.id)
    party = store.party(party_id)
    assert party is not None and party.status is PartyStatus.PAUSED
    assert recorder.attempts == 1 and steps_of(club, party_id)[0].state is StepState.PENDING
    assert scheduler.scheduler.get_job(job_id(party_id)) is None
    [(organiser, notice)] = recorder.notified
    assert organiser == "u1" and "missing access to #film-night" in notice.plain_text()
    assert f"then /party resume {party_id}" in notice.plain_text()
    assert "Paused watch parties" not in club.run_line("/party list", context(now=NOW)).plain_text()  # DM'd

    clock.now = second.due_at  # a stale job, or the minute's reconcile: nothing is sent, nobody told again
    await scheduler.advance(party_id, second.id)
    assert scheduler.reconcile() == 0 and recorder.attempts == 1 and len(recorder.notified) == 1
    assert {s.state for s in steps_of(club, party_id)} == {StepState.PENDING}  # no later step failed silently
    assert f"paused: /party resume {party_id}" in club.run_line("/party list", context(now=NOW)).plain_text()

    member = club.run_line(f"/party resume {party_id}", context(organiser=False, user="u2", name="Bo"))
    assert member.is_error
    clock.now = first.due_at + timedelta(minutes=5)
    resumed = club.run_line(f"/party resume {party_id}", context())
    assert not resumed.is_error and "Resumed watch party" in resumed.plain_text()
    assert scheduler.reconcile() == 1  # a resume in another process is picked up within the minute
    job = scheduler.scheduler.get_job(job_id(party_id))
    assert job is not None and job.args == (party_id, first.id)
    await scheduler.advance(party_id, first.id)
    assert (
        recorder.texts()[0].startswith("(Late: this was due at") and steps_of(club, party_id)[0].state is StepState.LATE
    )
    assert store.next_open(party_id) == steps_of(club, party_id)[1]
    assert club.run_line(f"/party resume {party_id}", context()).is_error  # not paused any more


async def test_a_pause_no_dm_could_announce_is_told_once_by_the_next_organiser_command(
    club: FilmClub, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    first = steps_of(club, party_id)[0]

    class DmsClosed(RecordingPublisher):
        async def notify(self, user_id: str, response: Response) -> None:
            raise DeliveryError("the organiser takes no DMs", permanent=True)

    publisher = DmsClosed()
    publisher.failures = [DeliveryError("missing access to #film-night", permanent=True, channel=True)]
    await schedulers(publisher, clock=Clock(first.due_at)).advance(party_id, first.id)
    member = club.run_line("/party list", context(organiser=False, user="u2", name="Bo", now=NOW)).plain_text()
    assert "Paused watch parties" not in member
    told = club.run_line(f"/party plan {party_id}", context(now=NOW)).plain_text()
    assert "Paused watch parties" in told and "missing access to #film-night" in told
    assert f"then /party resume {party_id}" in told
    assert "Paused watch parties" not in club.run_line("/party list", context(now=NOW)).plain_text()


async def test_a_message_the_platform_refuses_fails_its_step_at_once_and_the_party_goes_on(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    first = steps_of(club, party_id)[0]
    recorder.failures = [DeliveryError("Invalid Form Body", permanent=True)]
    scheduler = schedulers(clock=Clock(first.due_at), retry_delays=(0.0,))
    await scheduler.advance(party_id, first.id)
    assert recorder.attempts == 1 and steps_of(club, party_id)[0].state is StepState.FAILED
    party = PartyStore(club.engine).party(party_id)
    assert party is not None and party.status is PartyStatus.SCHEDULED and recorder.notified == []
    assert scheduler.scheduler.get_job(job_id(party_id)) is not None


async def test_transient_failures_are_retried_then_sent_or_failed(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    first, second = steps_of(club, party_id)[:2]
    scheduler = schedulers(clock=Clock(first.due_at), retry_delays=(0.01, 0.02))
    recorder.failures = [DeliveryError("rate limited", permanent=False)] * 2
    await scheduler.advance(party_id, first.id)
    assert recorder.attempts == 3 and len(recorder.sent) == 1
    assert steps_of(club, party_id)[0].state is StepState.SENT
    recorder.failures = [DeliveryError("server error", permanent=False)] * 3
    scheduler.clock = Clock(second.due_at)
    await scheduler.advance(party_id, second.id)
    assert recorder.attempts == 6 and steps_of(club, party_id)[1].state is StepState.FAILED
    assert steps_of(club, party_id)[1].detail == "server error"
    job = scheduler.scheduler.get_job(job_id(party_id))
    assert job is not None  # the party goes on with its next step


async def test_a_stored_job_is_sent_through_the_publisher_of_the_scheduler_that_fires_it(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    due = datetime.now(UTC) + timedelta(seconds=0.3)
    party_id = start_party(club, due)
    first = schedulers()
    first.start()
    first.shutdown()
    other = RecordingPublisher()
    second = schedulers(publisher=other)
    assert club.scheduler is None
    second.start()
    assert club.scheduler is second
    await wait_until(lambda: other.sent)
    assert recorder.sent == [] and "Press play" in other.texts()[0]
    assert steps_of(club, party_id)[0].state is StepState.SENT


async def test_prompts_show_spoilers_plainly_in_a_spoiler_channel(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    party_id = planned_party(club)
    prompt = next(s for s in steps_of(club, party_id) if s.label.startswith("Prompt"))
    scheduler = schedulers(clock=Clock(prompt.due_at))
    await scheduler.advance(party_id, prompt.id)
    assert recorder.sent[-1][1].has_spoilers
    club.run_line("/club spoiler-channel film-night state:on", context(now=NOW))
    second = next(s for s in steps_of(club, party_id) if s.label.startswith("Prompt") and s.state is StepState.PENDING)
    scheduler.clock = Clock(second.due_at)
    await scheduler.advance(party_id, second.id)
    shown = recorder.sent[-1][1]
    assert not shown.has_spoilers and "What we have just seen (plot part" in shown.plain_text()
    assert not any(isinstance(p, SpoilerPart) for p in shown.parts)


async def test_the_log_of_a_party_names_each_step_sent_but_never_its_spoilers(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers, caplog: pytest.LogCaptureFixture
) -> None:
    party_id = planned_party(club)
    clock = Clock(NOW)
    scheduler = schedulers(clock=clock)
    caplog.set_level(logging.INFO)
    for step in steps_of(club, party_id):
        clock.now = step.due_at
        await scheduler.advance(party_id, step.id)
    spoilers = {part.text for _, response in recorder.sent for part in response.parts if isinstance(part, SpoilerPart)}
    assert spoilers  # the plan's prompts quote the plot: the check below has something to find
    lines = [formatter(club.settings).format(record) for record in caplog.records if record.levelno >= logging.INFO]
    sent = [line for line in lines if '"party step sent"' in line]
    assert len(sent) == 13 and all(f"party={party_id}" in line for line in sent)
    assert not [line for line in lines for text in spoilers if text in line or text[:40] in line]
