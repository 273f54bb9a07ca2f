"""A command the adapter has never seen becomes a slash command with typed options, and its options come back.

The registry here is made up: odd names (a hyphen, a Python keyword), every argument type, a choice list
longer than Discord can show. Nothing in the adapter names these commands.
"""

from __future__ import annotations

from typing import Any, Literal

import discord
from discord import app_commands
from pydantic import Field

from bots.discord.app import FilmClubBot
from bots.discord.commands import build_groups
from core.commands.arguments import Arguments, ChannelName, FilmTitle, RoleName
from core.commands.registry import Command, Registry
from core.responses import text
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.harness import invoke

MONTHS = tuple(f"month-{n}" for n in range(1, 31))
Month = Literal[MONTHS]  # type: ignore[valid-type]


class PollArguments(Arguments):
    film: FilmTitle
    close_after: int = Field(alias="close-after", description="Hours", ge=1, le=72)
    class_: Month | None = Field(None, alias="class", description="Which month")
    where: ChannelName | None = Field(None, description="Channel")
    who: RoleName | None = Field(None, description="Role that may vote")


def made_up_registry() -> Registry:
    registry = Registry()
    registry.command("ballot", "open", "Open a poll on the next film", PollArguments)(
        lambda club, ctx, args: text("ok")
    )
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

    command = registry.get("ballot", "open")
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
