"""A member's words echoed back on Discord show as typed: no markup, no code span, no ping, no chip."""

from __future__ import annotations

import re

from bots.discord.app import FilmClubBot
from bots.discord.text import ZWSP, escape
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.harness import invoke

TYPED = "`x **bold** <#1300000000000000003> </film info:900> <@&1500000000000000005> @everyone ||y"
# what Discord shows for markdown once its backslash escapes are read, and with the zero-width spaces gone
UNESCAPED = re.compile(r"\\(.)")


def shown(content: str) -> str:
    return UNESCAPED.sub(r"\1", content).replace(ZWSP, "")


async def test_a_title_typed_with_markup_comes_back_as_typed_and_inert(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    command = bot.club.registry.get("film", "info")
    assert command is not None
    await invoke(bot, payloads.interaction(command, {"title": TYPED}))
    [callback] = fake_discord.sent("POST", r"/interactions/\d+/[^/]+/callback")
    content = callback.body["data"]["content"]
    assert "No film called" in content and TYPED in shown(content)
    assert re.search(r"(?<!\\)`", content.split("No film called", 1)[1].split("`/", 1)[0]) is None, "no bare backtick"
    for chip in ("<#1300", "</film", "<@&", "@everyone"):
        assert chip not in content
    assert callback.body["data"]["allowed_mentions"]["parse"] == []


def test_backticks_are_escaped_except_in_the_cores_command_spans() -> None:
    assert escape("try `/film info Heat` or `rm -rf`") == r"try `/film info Heat` or \`rm -rf\`"
    assert escape("<#123> <a:wave:1> <:wave:2>") == f"<{ZWSP}#123> <{ZWSP}a:wave:1> <{ZWSP}:wave:2>"
