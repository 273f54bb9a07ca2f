"""The slash-command schema as discord.py syncs it (``PUT /applications/{id}/commands``), against the registry.

The snapshot holds the exact JSON sent. When a command is added or changed in the core, regenerate it with
``FILMCLUB_UPDATE_SNAPSHOTS=1 pytest tests/discord_adapter/test_schema.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import discord

from bots.discord.app import FilmClubBot
from bots.discord.invite import invite_url
from core.app import FilmClub
from core.commands.registry import ArgType
from core.settings import Settings
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord

SNAPSHOT = Path(__file__).with_name("commands_snapshot.json")
OPTION_TYPES = {ArgType.TEXT: 3, ArgType.FILM: 3, ArgType.INTEGER: 4, ArgType.CHANNEL: 7, ArgType.ROLE: 8}
NAME = re.compile(r"^[-_a-z0-9]{1,32}$")
UPDATE = bool(os.environ.get("FILMCLUB_UPDATE_SNAPSHOTS"))  # read at import: the test environment is emptied


async def synced(club: FilmClub, settings: Settings, fake: FakeDiscord, path: str) -> list[dict[str, Any]]:
    bot = FilmClubBot(club, settings)
    await bot.login("test-token")
    try:
        await bot.sync_commands()
    finally:
        await bot.close()
    [put] = fake.sent("PUT", path)
    return put.body


async def test_the_synced_schema_matches_the_snapshot(
    club: FilmClub, settings: Settings, fake_discord: FakeDiscord
) -> None:
    schema = await synced(club, settings, fake_discord, rf"/applications/{payloads.APP_ID}/commands")
    if UPDATE:
        SNAPSHOT.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert schema == json.loads(SNAPSHOT.read_text(encoding="utf-8")), "regenerate: see this module's docstring"


async def test_every_registry_command_is_synced_with_its_typed_options(
    club: FilmClub, settings: Settings, fake_discord: FakeDiscord
) -> None:
    schema = await synced(club, settings, fake_discord, rf"/applications/{payloads.APP_ID}/commands")
    groups = {group["name"]: group for group in schema}
    assert list(groups) == club.registry.groups()
    for command in club.registry:
        group = groups[command.group]
        assert group["dm_permission"] is False  # a club is a server
        [sub] = [o for o in group["options"] if o["name"] == command.name]
        assert sub["type"] == 1 and NAME.match(sub["name"]) and 1 <= len(sub["description"]) <= 100
        options = {o["name"]: o for o in sub["options"]}
        assert [o["name"] for o in sub["options"] if o["required"]] == [a.name for a in command.arguments if a.required]
        for argument in command.arguments:
            option = options[argument.name]
            assert NAME.match(option["name"]) and 1 <= len(option["description"]) <= 100
            assert option["type"] == OPTION_TYPES[argument.type]
            assert option["required"] == argument.required
            assert option.get("autocomplete", False) == (argument.type is ArgType.FILM)
            if argument.choices:
                assert [c["value"] for c in option["choices"]] == list(argument.choices)
            elif option["type"] == 3:
                assert option["max_length"] == argument.max_length
            if argument.type is ArgType.INTEGER:
                assert option.get("min_value") == argument.min_value
                assert option.get("max_value") == argument.max_value
            if argument.type is ArgType.CHANNEL:
                assert 0 in option["channel_types"]  # text channels


async def test_a_development_server_gets_the_commands_at_once(
    club: FilmClub, settings: Settings, fake_discord: FakeDiscord
) -> None:
    settings = settings.model_copy(update={"discord_guild_id": int(payloads.GUILD_ID)})
    schema = await synced(
        club, settings, fake_discord, rf"/applications/{payloads.APP_ID}/guilds/{payloads.GUILD_ID}/commands"
    )
    assert [group["name"] for group in schema] == club.registry.groups()
    assert not fake_discord.sent("PUT", rf"/applications/{payloads.APP_ID}/commands")


def test_the_invite_asks_for_exactly_what_the_bot_uses() -> None:
    query = parse_qs(urlsplit(invite_url(int(payloads.APP_ID))).query)
    assert query["client_id"] == [payloads.APP_ID]
    assert query["scope"] == ["bot applications.commands"]
    wanted = discord.Permissions(
        view_channel=True, send_messages=True, embed_links=True, read_message_history=True, create_events=True
    )
    assert int(query["permissions"][0]) == wanted.value
