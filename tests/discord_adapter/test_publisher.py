"""Party steps posted to their channel by the Discord publisher, and a failing Discord API handled.

A party is started the way a member starts one (``/party start`` through the interaction path), then the
bot's own party scheduler is told the time is the step's due time and sends it, through the publisher,
to the fake's ``POST /channels/{id}/messages``.
"""

from __future__ import annotations

import re

import pytest

from bots.discord.app import FilmClubBot
from bots.discord.publisher import DiscordPublisher
from core.parties.delivery import DeliveryError
from core.parties.store import PartyStatus, PartyStore, Step, StepState
from core.responses import Response, TextPart
from tests.discord_adapter import payloads
from tests.discord_adapter.checks import assert_safe
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.harness import invoke

CHANNEL_POSTS = rf"/channels/{payloads.CHANNEL_ID}/messages"
HELLO = Response(parts=[TextPart(text="Press play!")])


async def start_party(bot: FilmClubBot, fake: FakeDiscord) -> tuple[int, list[Step]]:
    command = bot.club.registry.get("party", "start")
    assert command is not None
    values = {"film": "Children of Heaven", "when": "in 3 hours"}
    await invoke(bot, payloads.interaction(command, values, permissions=payloads.MANAGER))
    fake.calls.clear()
    store = PartyStore(bot.club.engine)
    [party], _total = store.upcoming(f"discord:{payloads.GUILD_ID}", 0, 10)
    return party.id, store.steps(party.id)


async def send_step(bot: FilmClubBot, party_id: int, step: Step, retries: tuple[float, ...] = ()) -> Step:
    """Let the bot's scheduler send one step as if its time had come; the step as stored afterwards."""
    scheduler = bot.scheduler
    assert scheduler is not None
    scheduler.clock = lambda: step.due_at
    scheduler.retry_delays = retries
    await scheduler.advance(party_id, step.id)
    [after] = [s for s in PartyStore(bot.club.engine).steps(party_id) if s.id == step.id]
    return after


def party_goes_on(bot: FilmClubBot, party_id: int) -> bool:
    store = PartyStore(bot.club.engine)
    party = store.party(party_id)
    assert party is not None and bot.scheduler is not None
    job = bot.scheduler.scheduler.get_job(f"party:{party_id}")
    return party.status is PartyStatus.SCHEDULED and job is not None and store.next_open(party_id) is not None


async def test_the_bot_delivers_discord_parties(bot: FilmClubBot) -> None:
    assert bot.scheduler is not None and isinstance(bot.scheduler.publisher, DiscordPublisher)
    assert bot.club.scheduler is bot.scheduler


async def test_a_due_step_is_posted_to_the_party_channel(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    party_id, steps = await start_party(bot, fake_discord)
    after = await send_step(bot, party_id, steps[0])
    assert after.state is StepState.SENT
    [post] = fake_discord.sent("POST", CHANNEL_POSTS)
    assert_safe(post.body)
    assert "Children of Heaven" in post.body["content"]
    assert re.search(r"<t:\d+:F> \(<t:\d+:R>\)", post.body["content"])  # the start, in each member's own zone
    assert party_goes_on(bot, party_id)


async def test_every_step_of_a_party_posts_within_discords_limits(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    party_id, steps = await start_party(bot, fake_discord)
    for step in steps:
        assert (await send_step(bot, party_id, step)).state is StepState.SENT
    posts = fake_discord.sent("POST", CHANNEL_POSTS)
    assert len(posts) >= len(steps)
    for post in posts:
        assert_safe(post.body)
    assert any("||" in (p.body.get("content") or "") for p in posts), "prompts about the film are spoiler-tagged"


@pytest.mark.parametrize(("status", "code", "why"), [(404, 10003, "no longer exists"), (403, 50001, "may not post")])
async def test_a_deleted_or_closed_channel_pauses_the_party_and_dms_its_organiser_once(
    bot: FilmClubBot, fake_discord: FakeDiscord, status: int, code: int, why: str
) -> None:
    party_id, steps = await start_party(bot, fake_discord)
    fake_discord.fail("POST", CHANNEL_POSTS, status, times=5, body={"message": "Missing Access", "code": code})
    after = await send_step(bot, party_id, steps[0], retries=(0.0, 0.0))
    assert after.state is StepState.PENDING and why in (after.detail or "")
    assert len(fake_discord.sent("POST", CHANNEL_POSTS)) == 1  # permanent: not retried
    party = PartyStore(bot.club.engine).party(party_id)
    assert party is not None and party.status is PartyStatus.PAUSED
    assert not party_goes_on(bot, party_id)
    await send_step(bot, party_id, steps[1])  # a later step is neither sent nor failed, and nobody told twice
    [dm] = fake_discord.sent("POST", rf"/channels/{fake_discord.dms[payloads.USER_ID]}/messages")
    assert f"/party resume {party_id}" in dm.body["content"] and why in dm.body["content"]
    assert_safe(dm.body)
    assert [s.state for s in PartyStore(bot.club.engine).steps(party_id)[:2]] == [StepState.PENDING] * 2

    fake_discord.failures.clear()  # the organiser gave the bot its access back
    command = bot.club.registry.get("party", "resume")
    assert command is not None
    await invoke(bot, payloads.interaction(command, {"party": party_id}, permissions=payloads.MANAGER))
    assert party_goes_on(bot, party_id)  # the running scheduler has its job again
    assert (await send_step(bot, party_id, steps[0])).state is StepState.SENT
    assert len(fake_discord.posted) == 2  # the DM, then the step in its channel


async def test_a_message_discord_refuses_fails_its_step_and_the_party_goes_on(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    party_id, steps = await start_party(bot, fake_discord)
    fake_discord.fail("POST", CHANNEL_POSTS, 400, body={"message": "Invalid Form Body", "code": 50035})
    after = await send_step(bot, party_id, steps[0], retries=(0.0,))
    assert after.state is StepState.FAILED and "Invalid Form Body" in (after.detail or "")
    assert len(fake_discord.sent("POST", CHANNEL_POSTS)) == 1  # permanent: not retried
    assert party_goes_on(bot, party_id) and fake_discord.dms == {}  # the channel is fine: no pause


async def test_a_server_error_is_retried_and_the_step_still_arrives(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    party_id, steps = await start_party(bot, fake_discord)
    fake_discord.fail("POST", CHANNEL_POSTS, 503)  # discord.py itself retries only 500/502/504/524
    after = await send_step(bot, party_id, steps[0], retries=(0.0,))
    assert after.state is StepState.SENT
    assert len(fake_discord.sent("POST", CHANNEL_POSTS)) == 2


async def test_a_500_is_retried_by_discord_py_itself(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    # discord.py waits 1 s before its first retry of a 500: the one slow test here, kept for the real path.
    party_id, steps = await start_party(bot, fake_discord)
    fake_discord.fail("POST", CHANNEL_POSTS, 500)
    after = await send_step(bot, party_id, steps[0])
    assert after.state is StepState.SENT
    assert len(fake_discord.sent("POST", CHANNEL_POSTS)) == 2


async def test_a_server_error_that_lasts_fails_the_step_and_the_party_goes_on(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    party_id, steps = await start_party(bot, fake_discord)
    fake_discord.fail("POST", CHANNEL_POSTS, 503, times=3)
    after = await send_step(bot, party_id, steps[0], retries=(0.0, 0.0))
    assert after.state is StepState.FAILED and "503" in (after.detail or "")
    assert len(fake_discord.sent("POST", CHANNEL_POSTS)) == 3
    assert party_goes_on(bot, party_id)


async def test_a_short_rate_limit_is_waited_out(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    limited = {"message": "You are being rate limited.", "retry_after": 0.05, "global": False}
    fake_discord.fail("POST", CHANNEL_POSTS, 429, body=limited, headers={"Via": "1.1 google", "Retry-After": "1"})
    await DiscordPublisher(bot).publish(payloads.CHANNEL_ID, HELLO)
    posts = fake_discord.sent("POST", CHANNEL_POSTS)
    assert len(posts) == 2 and posts[-1].body["content"] == "Press play!"


async def test_a_long_rate_limit_is_a_transient_failure(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    limited = {"message": "You are being rate limited.", "retry_after": 600.0, "global": False}
    fake_discord.fail("POST", CHANNEL_POSTS, 429, body=limited, headers={"Via": "1.1 google", "Retry-After": "600"})
    with pytest.raises(DeliveryError) as failure:
        await DiscordPublisher(bot).publish(payloads.CHANNEL_ID, HELLO)
    assert not failure.value.permanent


async def test_an_unreachable_api_is_a_transient_failure(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    bot.http.proxy = "http://127.0.0.1:9"  # nothing listens there: the connection is refused
    with pytest.raises(DeliveryError) as failure:
        await DiscordPublisher(bot).publish(payloads.CHANNEL_ID, HELLO)
    assert not failure.value.permanent


async def test_a_stored_channel_that_is_no_discord_id_is_a_permanent_failure(bot: FilmClubBot) -> None:
    with pytest.raises(DeliveryError) as failure:
        await DiscordPublisher(bot).publish("#film-talk", HELLO)
    assert failure.value.permanent


async def test_a_step_resent_after_a_crash_carries_its_nonce_and_members_see_it_once(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    party_id, steps = await start_party(bot, fake_discord)
    store = PartyStore(bot.club.engine)
    key = store.claim(steps[0].id, steps[0].due_at)  # the run that posted it died before recording it
    assert key is not None
    await DiscordPublisher(bot).publish(payloads.CHANNEL_ID, steps[0].response, key)
    after = await send_step(bot, party_id, steps[0])
    assert after.state is StepState.SENT
    posts = fake_discord.sent("POST", CHANNEL_POSTS)
    assert len(posts) == 2 and {(p.body["nonce"], p.body["enforce_nonce"]) for p in posts} == {(f"{key}-0", True)}
    [seen] = fake_discord.posted
    assert "Children of Heaven" in seen["content"]


async def test_each_message_of_a_step_has_its_own_nonce(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    long = Response(parts=[TextPart(text="word " * 500), TextPart(text="more " * 500)])
    await DiscordPublisher(bot).publish(payloads.CHANNEL_ID, long, "k1")
    await DiscordPublisher(bot).publish(payloads.CHANNEL_ID, long, "k1")
    nonces = [p.body["nonce"] for p in fake_discord.sent("POST", CHANNEL_POSTS)]
    assert len(nonces) >= 4 and len(set(nonces)) == len(nonces) // 2
    assert len(fake_discord.posted) == len(nonces) // 2
