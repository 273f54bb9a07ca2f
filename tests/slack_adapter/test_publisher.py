"""Party steps posted by the Slack publisher through the party scheduler, and Slack errors handled."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bots.slack.app import build_client
from bots.slack.commands import PLATFORM
from bots.slack.publisher import EVENT_TYPE, SlackPublisher
from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.registry import CommandContext
from core.parties.delivery import DeliveryError
from core.parties.scheduler import PartyScheduler
from core.parties.store import Party, PartyStatus, PartyStore, StepState
from core.responses import Response, TextPart
from core.settings import Settings
from tests.slack_adapter.fake_slack import FakeSlack, slack_error

HELLO = Response(parts=[TextPart(text="Press play! <!channel>")])


@pytest.fixture
def publisher(fake_slack: FakeSlack) -> SlackPublisher:
    return SlackPublisher(build_client(Settings(SLACK_BOT_TOKEN="xoxb-test", SLACK_API_URL=fake_slack.api_url)))


def party_in(club: FilmClub, channel: str) -> tuple[PartyStore, Party]:
    """A party started by U1 in ``channel`` of workspace T1, three hours ahead: its store and the party."""
    ctx = CommandContext(platform=PLATFORM, server_id="T1", channel_id=channel, user_id="U1", organisers=EVERYONE)
    assert not club.run_line("/party start film:Children of Heaven when:in 3 hours", ctx).is_error
    store = PartyStore(club.engine)
    [party], _ = store.upcoming(ctx.club_key, 0, 10)
    return store, party


async def test_a_due_party_step_is_posted_to_its_channel(
    club: FilmClub, fake_slack: FakeSlack, publisher: SlackPublisher
) -> None:
    store, party = party_in(club, "C42")
    scheduler = PartyScheduler(club, publisher)
    step = store.steps(party.id)[0]
    scheduler.clock = lambda: step.due_at
    await scheduler.advance(party.id, step.id)
    [post] = fake_slack.of("chat.postMessage")
    assert post["channel"] == "C42" and "Children of Heaven" in post["text"]
    assert [s.state for s in store.steps(party.id) if s.id == step.id] == [StepState.SENT]


@pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel", "is_archived"])
async def test_a_lost_channel_is_a_permanent_failure(
    fake_slack: FakeSlack, publisher: SlackPublisher, error: str
) -> None:
    fake_slack.overrides["chat.postMessage"] = [slack_error(error)]
    with pytest.raises(DeliveryError) as failure:
        await publisher.publish("C1", HELLO)
    assert failure.value.permanent and failure.value.channel and error in failure.value.reason


async def test_a_rate_limit_is_waited_out_then_sent(fake_slack: FakeSlack, publisher: SlackPublisher) -> None:
    fake_slack.overrides["chat.postMessage"] = [slack_error("ratelimited", 429, {"Retry-After": "0"})]
    await publisher.publish("C1", HELLO)
    posts = fake_slack.of("chat.postMessage")
    assert len(posts) == 2 and "<!channel>" not in posts[1]["text"]


async def test_a_lasting_rate_limit_fails_the_step_without_losing_the_party(
    club: FilmClub, fake_slack: FakeSlack, publisher: SlackPublisher
) -> None:
    store, party = party_in(club, "C1")
    scheduler = PartyScheduler(club, publisher)
    scheduler.retry_delays = ()
    step = store.steps(party.id)[0]
    fake_slack.overrides["chat.postMessage"] = [slack_error("ratelimited", 429, {"Retry-After": "0"})] * 2
    scheduler.clock = lambda: step.due_at
    await scheduler.advance(party.id, step.id)
    assert [s.state for s in store.steps(party.id) if s.id == step.id] == [StepState.FAILED]
    after = store.party(party.id)
    assert after is not None and after.status is PartyStatus.SCHEDULED
    assert store.next_open(party.id) is not None


async def test_a_step_cut_off_after_slack_took_it_is_found_in_the_history_not_posted_again(
    club: FilmClub, fake_slack: FakeSlack, publisher: SlackPublisher
) -> None:
    store, party = party_in(club, "C42")
    arrived, lost = store.steps(party.id)[:2]
    scheduler = PartyScheduler(club, publisher)
    for step in (arrived, lost):  # a run claimed both; the first reached Slack before it died, the second not
        key = store.claim(step.id, step.due_at)
        fake_slack.clock = step.due_at.timestamp
        assert key is not None
        if step is arrived:
            await publisher.publish("C42", step.response, key)
        scheduler.clock = lambda step=step: step.due_at  # type: ignore[misc]
        await scheduler.advance(party.id, step.id)
    posts = fake_slack.of("chat.postMessage")
    assert [p["metadata"]["event_payload"]["step"] for p in posts] == [s.send_key for s in store.steps(party.id)[:2]]
    assert [p["metadata"]["event_type"] for p in posts] == [EVENT_TYPE] * 2
    assert len(fake_slack.of("conversations.history")) == 2  # asked before each resend
    assert [s.state for s in store.steps(party.id)[:2]] == [StepState.SENT] * 2


async def test_an_archived_channel_pauses_the_party_and_dms_its_organiser(
    club: FilmClub, fake_slack: FakeSlack, publisher: SlackPublisher
) -> None:
    store, party = party_in(club, "C42")
    step = store.steps(party.id)[0]
    fake_slack.overrides["chat.postMessage"] = [slack_error("is_archived")]
    scheduler = PartyScheduler(club, publisher, clock=lambda: step.due_at)
    await scheduler.advance(party.id, step.id)
    paused = store.party(party.id)
    assert paused is not None and paused.status is PartyStatus.PAUSED
    [opened] = fake_slack.of("conversations.open")
    [_refused, dm] = fake_slack.of("chat.postMessage")
    assert opened["users"] == "U1" and dm["channel"] == "DU1"
    assert "is_archived" in dm["text"] and f"/party resume {party.id}" in dm["text"]


@pytest.mark.parametrize("error", ["not_in_channel", "missing_scope"])
async def test_a_history_slack_will_not_show_is_no_proof_of_a_post(
    fake_slack: FakeSlack, publisher: SlackPublisher, error: str
) -> None:
    await publisher.publish("C1", HELLO, "k1")
    fake_slack.overrides["conversations.history"] = [slack_error(error)]
    assert not await publisher.delivered("C1", "k1", datetime.now(UTC))
    assert await publisher.delivered("C1", "k1", datetime.now(UTC))  # readable again: found by its metadata
    assert not await publisher.delivered("C1", "k2", datetime.now(UTC))
