"""Film titles autocomplete from the library: Discord sends what was typed, the bot answers with choices (type 8)."""

from __future__ import annotations

from typing import Any

import pytest

import core.app  # noqa: F401  (the registry's command model needs the club class defined)
from bots.discord.app import FilmClubBot
from core.commands import build_registry
from core.commands.registry import ArgType, Command
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.harness import invoke

REGISTRY = build_registry()
FILM_OPTIONS = [(c, a.name) for c in REGISTRY for a in c.arguments if a.type is ArgType.FILM]


async def choices_for(bot: FilmClubBot, fake: FakeDiscord, command: Command, option: str, typed: str) -> list[Any]:
    values = {**payloads.example_values(command, REGISTRY), option: typed}
    await invoke(bot, payloads.interaction(command, values, focused=option))
    [call] = fake.sent("POST", r"/interactions/\d+/[^/]+/callback")
    assert call.body["type"] == 8
    return call.body["data"]["choices"]


@pytest.mark.parametrize(("command", "option"), FILM_OPTIONS, ids=[f"{c.path} {o}" for c, o in FILM_OPTIONS])
async def test_every_film_option_completes_a_prefix(
    bot: FilmClubBot, fake_discord: FakeDiscord, command: Command, option: str
) -> None:
    choices = await choices_for(bot, fake_discord, command, option, "chil")
    assert choices[0] == {"name": "Children of Heaven (1997)", "value": "Children of Heaven (1997)"}


async def test_a_misspelled_title_still_completes(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    command = REGISTRY.get("film", "info")
    assert command is not None
    choices = await choices_for(bot, fake_discord, command, "title", "chidren of heavn")
    assert "Children of Heaven (1997)" in [c["value"] for c in choices]


async def test_nothing_typed_offers_at_most_25_films(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    command = REGISTRY.get("film", "info")
    assert command is not None
    choices = await choices_for(bot, fake_discord, command, "title", "")
    assert 1 <= len(choices) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)


async def test_a_chosen_completion_finds_its_film(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    command = REGISTRY.get("film", "info")
    assert command is not None
    [choice, *_] = await choices_for(bot, fake_discord, command, "title", "batm")
    fake_discord.calls.clear()
    await invoke(bot, payloads.interaction(command, {"title": choice["value"]}))
    [call] = fake_discord.sent("POST", r"/interactions/\d+/[^/]+/callback")
    assert call.body["data"]["embeds"][0]["title"] == "Batman (1989)"


async def test_the_start_of_a_later_word_completes(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    command = REGISTRY.get("film", "info")
    assert command is not None
    choices = await choices_for(bot, fake_discord, command, "title", "milo and ot")
    assert choices[0]["value"] == "The Adventures of Milo and Otis (1986)"
