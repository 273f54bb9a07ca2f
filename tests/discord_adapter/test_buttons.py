"""Our buttons through the real discord.py: components on the reply, a press as the gateway delivers it.

A press of a poll's button re-draws the poll as the interaction's answer (an UPDATE_MESSAGE callback) and tells
the presser alone how their vote went (an ephemeral follow-up); any message's buttons work after a restart,
since discord.py hands every ``filmclub:<key>`` press to one dynamic item.
"""

from __future__ import annotations

import asyncio
from typing import Any

from bots.discord.app import FilmClubBot
from bots.discord.render import render
from core.ratings.buttons import rating_actions
from core.responses import Response
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import Call, FakeDiscord
from tests.discord_adapter.harness import deliver, invoke

EPHEMERAL = 64
CALLBACK = r"/interactions/\d+/[^/]+/callback"
FOLLOW_UP = r"/webhooks/\d+/[^/]+"
BUTTON = {"type": 2, "style": 2, "label": "1. Batman"}


def custom_ids(body: dict[str, Any]) -> list[str]:
    return [button["custom_id"] for row in body.get("components", []) for button in row["components"]]


async def start_poll(bot: FilmClubBot, fake: FakeDiscord) -> list[str]:
    command = bot.club.registry.get("poll", "start")
    assert command is not None
    await invoke(
        bot,
        payloads.interaction(
            command, {"films": "Batman; Children of Heaven", "closes": "in 2 hours"}, permissions=payloads.MANAGER
        ),
    )
    [call] = fake.sent("POST", CALLBACK)
    fake.calls.clear()
    return custom_ids(call.body["data"])


def press(bot: FilmClubBot, custom_id: str, message_id: str = "5551") -> dict[str, Any]:
    """A button press (interaction type 3) on a message of the bot's, as Discord sends it."""
    command = bot.club.registry.get("film", "info")
    assert command is not None
    pressed = payloads.interaction(command, {})  # the member, guild and channel of every test interaction
    pressed.update(
        type=3,
        # Discord sends the message pressed on, its buttons included: discord.py finds the pressed one there
        message=payloads.message(
            message_id,
            payloads.CHANNEL_ID,
            {"content": "Poll", "components": [{"type": 1, "components": [BUTTON | {"custom_id": custom_id}]}]},
        ),
        data={"custom_id": custom_id, "component_type": 2},
    )
    return pressed


async def wait_for(fake: FakeDiscord, method: str, pattern: str, count: int = 1) -> list[Call]:
    for _ in range(200):
        if len(found := fake.sent(method, pattern)) >= count:
            return found
        await asyncio.sleep(0.02)
    raise AssertionError(f"{count} × {method} {pattern} never reached the fake: {fake.calls}")


async def test_the_poll_reply_carries_a_button_per_film(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    ids = await start_poll(bot, fake_discord)
    assert len(ids) == 2 and all(i.startswith("filmclub:") and len(i) <= 100 for i in ids)


async def test_a_press_redraws_the_tallies_and_answers_the_presser_alone(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    ids = await start_poll(bot, fake_discord)
    deliver(bot, press(bot, ids[1]))
    [update] = await wait_for(fake_discord, "POST", CALLBACK)
    assert update.body["type"] == 7  # UPDATE_MESSAGE: the poll itself, with its new tallies and the same buttons
    assert "2. Children of Heaven — 1 vote" in update.body["data"]["content"]
    assert custom_ids(update.body["data"]) == ids
    [answer] = await wait_for(fake_discord, "POST", FOLLOW_UP)
    assert answer.body["flags"] & EPHEMERAL and "You back Children of Heaven" in answer.body["content"]
    assert "zahra" not in update.body["data"]["content"]  # tallies never name voters


async def test_the_same_press_delivered_twice_counts_once(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    ids = await start_poll(bot, fake_discord)
    payload = press(bot, ids[0])
    deliver(bot, payload)
    await wait_for(fake_discord, "POST", FOLLOW_UP)
    deliver(bot, payload)
    answers = await wait_for(fake_discord, "POST", FOLLOW_UP, 2)
    assert "already counted" in answers[1].body["content"]


async def test_a_forged_button_changes_nothing_and_says_so(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    deliver(bot, press(bot, "filmclub:" + "0" * 20))
    [answer] = await wait_for(fake_discord, "POST", CALLBACK)
    assert answer.body["type"] == 4 and answer.body["data"]["flags"] & EPHEMERAL
    assert "That button no longer works" in answer.body["data"]["content"]


async def test_a_posted_step_carries_rating_buttons(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    film = bot.club.library.get_film(bot.club.titles.resolve("Batman").film_id or 0)
    assert film is not None
    rated = bot.club.actions.remember(f"discord:{payloads.GUILD_ID}", Response(parts=[rating_actions(film)]))
    assert [len(row) for row in render(rated)[0].rows] == [5, 5]
    await bot.publisher.publish(payloads.CHANNEL_ID, rated)
    [post] = fake_discord.sent("POST", rf"/channels/{payloads.CHANNEL_ID}/messages")
    ids = custom_ids(post.body)
    assert len(ids) == 10
    deliver(bot, press(bot, ids[9]))
    [answer] = await wait_for(fake_discord, "POST", CALLBACK)
    assert (
        answer.body["data"]["flags"] & EPHEMERAL and "You rated Batman (1989) ★★★★★" in answer.body["data"]["content"]
    )


async def test_a_press_on_a_closed_poll_takes_its_buttons_away(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    ids = await start_poll(bot, fake_discord)
    command = bot.club.registry.get("poll", "close")
    assert command is not None
    await invoke(bot, payloads.interaction(command, {}, permissions=payloads.MANAGER))
    fake_discord.calls.clear()
    deliver(bot, press(bot, ids[0]))
    [update] = await wait_for(fake_discord, "POST", CALLBACK)
    assert update.body["type"] == 7 and update.body["data"]["components"] == []
    [answer] = await wait_for(fake_discord, "POST", FOLLOW_UP)
    assert answer.body["flags"] & EPHEMERAL and "closed" in answer.body["content"]
