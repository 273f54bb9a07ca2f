"""A command the adapter has never seen becomes a slash command with typed options, and its options come back.

The registry here is made up: odd names (a hyphen, a Python keyword), every argument type, a choice list
longer than Discord can show. Nothing in the adapter names these commands.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

import core.app  # noqa: F401  (the registry's command model needs the club class defined)
from bots.discord.app import FilmClubBot
from bots.discord.commands import build_groups
from core.commands.registry import ArgType, Argument, Command, Registry
from core.responses import text
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.harness import invoke

MONTHS = tuple(f"month-{n}" for n in range(1, 31))


def made_up_registry() -> Registry:
    registry = Registry()
    registry.command(
        "poll",
        "open",
        "Open a poll on the next film",
        Argument(name="film", description="The first option", type=ArgType.FILM),
        Argument(name="close-after", description="Hours", type=ArgType.INTEGER, min_value=1, max_value=72),
        Argument(name="class", description="Which month", choices=MONTHS, required=False),
        Argument(name="where", description="Channel", type=ArgType.CHANNEL, required=False),
        Argument(name="who", description="Role that may vote", type=ArgType.ROLE, required=False),
    )(lambda club, ctx, args: text("ok"))
    return registry


async def test_an_unknown_command_is_built_and_its_options_come_back_by_core_name(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    registry = made_up_registry()
    received: list[dict[str, Any]] = []

    async def answer(interaction: discord.Interaction, command: Command, arguments: dict[str, Any]) -> None:
        received.append(arguments)
        await interaction.response.send_message("ok")

    [group] = build_groups(registry, answer, lambda typed: [app_commands.Choice(name=typed, value=typed)])
    bot.tree.add_command(group)
    schema = group.to_dict(bot.tree)
    [sub] = schema["options"]
    options = {o["name"]: o for o in sub["options"]}
    assert list(options) == ["film", "close-after", "class", "where", "who"]
    assert options["film"]["autocomplete"] is True and options["film"]["type"] == 3
    assert (
        options["close-after"]["type"],
        options["close-after"]["min_value"],
        options["close-after"]["max_value"],
    ) == (
        4,
        1,
        72,
    )
    assert options["class"]["autocomplete"] is True and "choices" not in options["class"]  # 30 > Discord's 25
    assert options["where"]["type"] == 7 and options["who"]["type"] == 8

    command = registry.get("poll", "open")
    assert command is not None
    values = {
        "film": "Batman",
        "close-after": 12,
        "class": "month-3",
        "where": payloads.OTHER_CHANNEL_ID,
        "who": payloads.ORGANISER_ROLE_ID,
    }
    await invoke(bot, payloads.interaction(command, values))
    assert received == [
        {
            "film": "Batman",
            "close-after": 12,
            "class": "month-3",
            "where": payloads.OTHER_CHANNEL_ID,
            "who": payloads.ORGANISER_ROLE_ID,
        }
    ]

    await invoke(bot, payloads.interaction(command, {**values, "class": "month-2"}, focused="class"))
    [*_, completion] = fake_discord.sent("POST", r"/interactions/\d+/[^/]+/callback")
    offered = [c["value"] for c in completion.body["data"]["choices"]]
    assert offered[0] == "month-2" and all("month-2" in v for v in offered) and len(offered) <= 25
