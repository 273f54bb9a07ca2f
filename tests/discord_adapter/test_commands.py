"""Every slash command through discord.py's interaction path, as Discord would send it; answers read at the fake."""

from __future__ import annotations

from typing import Any

import pytest

import core.app  # noqa: F401  (the registry's command model needs the club class defined)
from bots.discord.app import FilmClubBot
from bots.discord.render import render
from bots.discord.replies import send_messages
from core.commands import build_registry
from core.commands.registry import ArgType, Command
from core.responses import Response, TextPart
from tests.discord_adapter import payloads
from tests.discord_adapter.checks import HOSTILE, assert_safe, message_bodies
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.harness import interaction_for, invoke
from tests.library.fake_wikipedia import FakeWikipedia

REGISTRY = build_registry()
COMMANDS = list(REGISTRY)
EPHEMERAL = 64


def callbacks(fake: FakeDiscord) -> list[dict[str, Any]]:
    return [c.body for c in fake.sent("POST", r"/interactions/\d+/[^/]+/callback")]


async def run(bot: FilmClubBot, group: str, name: str, values: dict[str, Any], **who: Any) -> None:
    command = bot.club.registry.get(group, name)
    assert command is not None, f"/{group} {name} is not registered"
    await invoke(bot, payloads.interaction(command, values, **who))


@pytest.mark.parametrize("command", COMMANDS, ids=[c.path for c in COMMANDS])
async def test_every_command_answers_once_without_pinging(
    bot: FilmClubBot, fake_discord: FakeDiscord, command: Command
) -> None:
    values = payloads.example_values(command, REGISTRY)
    await invoke(bot, payloads.interaction(command, values, permissions=payloads.MANAGER))
    [callback] = callbacks(fake_discord)
    assert callback["type"] in (4, 5)
    bodies = message_bodies(fake_discord)
    assert bodies, f"{command.path} sent no message"
    for body in bodies:
        assert_safe(body)
        refused = (body.get("content") or "").startswith("⚠️")
        assert not refused or body.get("flags", 0) & EPHEMERAL, "errors are shown only to the member"


async def test_film_info_answers_with_the_card_as_an_embed(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    await run(bot, "film", "info", {"title": "children of heaven"})
    [callback] = callbacks(fake_discord)
    assert callback["type"] == 4
    data = callback["data"]
    assert data["embeds"][0]["title"] == "Children of Heaven (1997)"
    assert any(f["name"] == "Directed by" and "Majid Majidi" in f["value"] for f in data["embeds"][0]["fields"])
    assert data["allowed_mentions"] == {"parse": []}
    assert not data.get("flags", 0) & EPHEMERAL


async def test_an_unknown_title_gets_a_private_reply_not_silence(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    await run(bot, "film", "info", {"title": "Zzyzx Road Trip"})
    [callback] = callbacks(fake_discord)
    assert callback["type"] == 4
    assert callback["data"]["flags"] == EPHEMERAL
    assert "No film called “Zzyzx Road Trip”" in callback["data"]["content"]


async def test_film_ask_answers_in_words(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    await run(bot, "film", "ask", {"question": "who plays Zahra in children of heaven?"})
    [callback] = callbacks(fake_discord)
    assert "Bahare Seddiqi" in callback["data"]["content"]


async def test_film_plot_hides_each_beat_in_its_own_spoiler(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    if bot.club.registry.get("film", "plot") is None:
        pytest.skip("/film plot is not registered yet (core/spoilers)")
    await run(bot, "film", "plot", {"title": "Children of Heaven"})
    content = "\n".join(body.get("content") or "" for body in message_bodies(fake_discord))
    assert content.count("||") >= 4  # at least two hidden beats, each its own span
    for line in content.split("\n"):
        assert line.count("||") % 2 == 0  # a span opens and closes on the same line


async def test_film_trivia_hides_each_answer_in_its_own_spoiler_and_judges_a_pick_privately(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    await run(bot, "film", "trivia", {"title": "Batman"})
    content = "\n".join(body.get("content") or "" for body in message_bodies(fake_discord))
    assert "In what year did Batman first come out?" in content and "4. 1989" in content
    assert content.count("||") == 6 and "||1989. First shown" in content  # three answers, each its own span
    await run(bot, "film", "trivia", {"title": "Batman", "question": 3, "answer": 1})
    judged = message_bodies(fake_discord)[-1]
    assert judged.get("flags", 0) & EPHEMERAL and "Not quite: you picked “1986”" in judged["content"]


@pytest.mark.parametrize(
    "command",
    [c for c in COMMANDS if any(a.type in (ArgType.TEXT, ArgType.FILM) and not a.choices for a in c.arguments)],
    ids=lambda c: c.path,
)
async def test_hostile_text_in_every_string_option_never_pings(
    bot: FilmClubBot, fake_discord: FakeDiscord, command: Command
) -> None:
    values = payloads.example_values(command, REGISTRY)
    for argument in command.arguments:
        if argument.type in (ArgType.TEXT, ArgType.FILM) and not argument.choices:
            values[argument.name] = HOSTILE[: argument.max_length]
    await invoke(bot, payloads.interaction(command, values, permissions=payloads.MANAGER))
    bodies = message_bodies(fake_discord)
    assert bodies
    for body in bodies:
        assert_safe(body)


async def test_the_echoed_hostile_title_is_shown_defused(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    await run(bot, "film", "info", {"title": HOSTILE})
    [body] = message_bodies(fake_discord)
    assert "@\u200beveryone" in body["content"] and "<@\u200b&1500000000000000005>" in body["content"]


async def test_a_slow_command_is_deferred_then_its_answer_fills_the_reply(
    bot: FilmClubBot, fake_discord: FakeDiscord, wiki: FakeWikipedia
) -> None:
    bot.ack_budget = 0.05
    wiki.delay = 0.3  # Wikipedia answers after the acknowledgement is due
    await run(bot, "film", "add", {"title": "Batman 1989"}, permissions=payloads.MANAGER)
    [callback] = callbacks(fake_discord)
    assert callback["type"] == 5
    [edit] = fake_discord.sent("PATCH", r"/webhooks/\d+/[^/]+/messages/@original")
    assert "Batman" in edit.body["content"]
    assert edit.body["allowed_mentions"] == {"parse": []}


async def test_a_private_answer_after_a_deferral_stays_private(
    bot: FilmClubBot, fake_discord: FakeDiscord, wiki: FakeWikipedia
) -> None:
    bot.ack_budget = 0.05
    wiki.delay = 0.3
    await run(bot, "film", "add", {"title": "No Such Article Anywhere"}, permissions=payloads.MANAGER)
    assert [c["type"] for c in callbacks(fake_discord)] == [5]
    assert fake_discord.sent("DELETE", r"/webhooks/\d+/[^/]+/messages/@original")  # the public "thinking…" goes
    [followup] = fake_discord.sent("POST", r"/webhooks/\d+/[^/]+")
    assert followup.body["flags"] == EPHEMERAL
    assert "No Such Article Anywhere" in followup.body["content"]


async def test_a_long_answer_continues_in_follow_ups(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    command = bot.club.registry.get("film", "info")
    assert command is not None
    interaction = interaction_for(bot, payloads.interaction(command, {"title": "x"}))
    long = Response(parts=[TextPart(text="\n".join(f"Line {n} " + "word " * 40 for n in range(120)))])
    await send_messages(interaction, render(long))
    bodies = message_bodies(fake_discord)
    assert len(bodies) > 2
    assert [c["type"] for c in callbacks(fake_discord)] == [4]
    assert len(fake_discord.sent("POST", r"/webhooks/\d+/[^/]+")) == len(bodies) - 1
    for body in bodies:
        assert_safe(body)
