"""Watch parties listed as Discord Scheduled Events: created with the party, deleted with it, optional."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

import discord
import pytest

from bots.discord.app import FilmClubBot
from core.parties.store import PartyStore
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.harness import invoke

CAN_LIST = discord.Permissions(payloads.MANAGER.value | discord.Permissions(create_events=True).value)
START = {"film": "Children of Heaven", "when": "tomorrow 8pm"}


async def run(bot: FilmClubBot, name: str, values: dict[str, Any], bot_permissions: discord.Permissions) -> None:
    command = bot.club.registry.get("party", name)
    assert command is not None
    interaction = payloads.interaction(command, values, permissions=payloads.MANAGER)
    interaction["app_permissions"] = str(bot_permissions.value)
    await invoke(bot, interaction)


def events_created(fake: FakeDiscord) -> list[dict[str, Any]]:
    return [c.body for c in fake.sent("POST", rf"/guilds/{payloads.GUILD_ID}/scheduled-events")]


async def test_a_party_is_listed_under_the_servers_events_and_removed_when_cancelled(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    await run(bot, "start", START, CAN_LIST)
    [created] = events_created(fake_discord)
    assert created["name"] == "Watch party: Children of Heaven (1997)"
    assert created["entity_type"] == 3 and created["privacy_level"] == 2  # external, members only
    assert created["entity_metadata"] == {"location": "#film-talk"}  # the party's channel
    assert created["description"].startswith("Watch party #1.")
    start = datetime.fromisoformat(created["scheduled_start_time"])
    end = datetime.fromisoformat(created["scheduled_end_time"])
    assert start.tzinfo is not None
    assert 90 <= (end - start).total_seconds() / 60 <= 240  # the film (89 min) and its discussion

    [first_id] = fake_discord.scheduled_events
    assert stored_event_id(bot, 1) == first_id  # kept with the party

    await run(bot, "start", START, CAN_LIST)  # a second party: its event must survive the first's cancel
    assert len(fake_discord.scheduled_events) == 2
    await run(bot, "cancel", {"party": 1}, CAN_LIST)
    [left] = fake_discord.scheduled_events.values()
    assert left["description"].startswith("Watch party #2.")
    [deleted] = fake_discord.sent("DELETE", rf"/guilds/{payloads.GUILD_ID}/scheduled-events/\d+")
    assert deleted.path.endswith(f"/{first_id}")
    assert fake_discord.sent("GET", rf"/guilds/{payloads.GUILD_ID}/scheduled-events") == []  # no search


def stored_event_id(bot: FilmClubBot, party_id: int) -> str | None:
    party = PartyStore(bot.club.engine).party(party_id)
    assert party is not None
    return party.calendar_event_id


async def test_a_cancelled_partys_event_is_found_by_its_stored_id_even_after_a_moderator_edited_it(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    await run(bot, "start", START, CAN_LIST)
    [event] = fake_discord.scheduled_events.values()
    event["description"] = "Bring snacks!"  # edited in Discord's Events: a search by description misses it
    await run(bot, "cancel", {"party": 1}, CAN_LIST)
    assert fake_discord.scheduled_events == {}


async def test_an_event_deleted_by_hand_does_not_trouble_the_cancel(
    bot: FilmClubBot, fake_discord: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    await run(bot, "start", START, CAN_LIST)
    fake_discord.scheduled_events.clear()
    fake_discord.calls.clear()
    with caplog.at_level(logging.WARNING, logger="bots.discord.events"):
        await run(bot, "cancel", {"party": 1}, CAN_LIST)
    [callback] = fake_discord.sent("POST", r"/interactions/\d+/[^/]+/callback")
    assert "Cancelled watch party #1" in str(callback.body)
    assert caplog.records == []


async def test_without_the_create_events_permission_the_party_runs_unlisted(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    await run(bot, "start", START, payloads.MANAGER)
    assert events_created(fake_discord) == []
    [callback] = fake_discord.sent("POST", r"/interactions/\d+/[^/]+/callback")
    assert "Watch party #1" in callback.body["data"]["content"] + str(callback.body["data"].get("embeds"))


async def test_discord_refusing_the_event_loses_nothing(
    bot: FilmClubBot, fake_discord: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    refusal = {"message": "Missing Access", "code": 50001}
    fake_discord.fail("POST", rf"/guilds/{payloads.GUILD_ID}/scheduled-events", 403, body=refusal)
    with caplog.at_level(logging.WARNING, logger="bots.discord.events"):
        await run(bot, "start", START, CAN_LIST)
    assert fake_discord.sent("POST", r"/interactions/\d+/[^/]+/callback")  # the member got the plan
    await run(bot, "plan", {"party": 1}, CAN_LIST)  # and the party is there
    assert [r.getMessage() for r in caplog.records] == ["scheduled event not mirrored"]
