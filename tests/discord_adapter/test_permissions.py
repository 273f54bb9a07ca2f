"""Organiser commands: refused to plain members, allowed to server managers, event managers and the organiser role."""

from __future__ import annotations

from typing import Any

import pytest

import core.app  # noqa: F401  (the registry's command model needs the club class defined)
from bots.discord.app import FilmClubBot
from core.commands import build_registry
from core.commands.registry import Command, Permission
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.harness import invoke

REGISTRY = build_registry()
ORGANISER_COMMANDS = [c for c in REGISTRY if c.permission is Permission.ORGANISER]


def answer(fake: FakeDiscord) -> dict[str, Any]:
    [call] = fake.sent("POST", r"/interactions/\d+/[^/]+/callback")
    fake.calls.clear()
    return call.body["data"]


def refused(data: dict[str, Any]) -> bool:
    return "Only the club's organisers" in (data.get("content") or "")


async def run_as(bot: FilmClubBot, fake: FakeDiscord, command: Command, **who: Any) -> dict[str, Any]:
    await invoke(bot, payloads.interaction(command, payloads.example_values(command, REGISTRY), **who))
    return answer(fake)


@pytest.mark.parametrize("command", ORGANISER_COMMANDS, ids=[c.path for c in ORGANISER_COMMANDS])
async def test_plain_members_are_refused_privately(
    bot: FilmClubBot, fake_discord: FakeDiscord, command: Command
) -> None:
    data = await run_as(bot, fake_discord, command, permissions=payloads.MEMBER)
    assert refused(data)
    assert data["flags"] == 64
    assert data["allowed_mentions"] == {"parse": []}


async def test_server_and_event_managers_organise_when_no_role_is_set(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    command = REGISTRY.get("club", "timezone")
    assert command is not None
    assert not refused(await run_as(bot, fake_discord, command, permissions=payloads.MANAGER))
    assert not refused(await run_as(bot, fake_discord, command, permissions=payloads.EVENT_MANAGER))


async def test_the_organiser_role_set_through_discord_decides(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    set_role = REGISTRY.get("club", "organiser-role")
    timezone = REGISTRY.get("club", "timezone")
    assert set_role is not None and timezone is not None
    values = {"role": payloads.ORGANISER_ROLE_ID}
    await invoke(bot, payloads.interaction(set_role, values, permissions=payloads.MANAGER))
    assert not refused(answer(fake_discord))
    assert bot.club.clubs.get(f"discord:{payloads.GUILD_ID}").organiser_role == payloads.ORGANISER_ROLE_ID

    role = (payloads.ORGANISER_ROLE_ID,)
    assert not refused(await run_as(bot, fake_discord, timezone, permissions=payloads.MEMBER, roles=role))
    assert refused(await run_as(bot, fake_discord, timezone, permissions=payloads.EVENT_MANAGER))  # the role decides
    assert not refused(await run_as(bot, fake_discord, timezone, permissions=payloads.MANAGER))  # managers always
