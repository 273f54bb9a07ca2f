"""Discord shows party times as timestamps each member reads in their own zone; plan lines in the club's zone."""

from __future__ import annotations

from bots.discord.app import FilmClubBot
from tests.discord_adapter import payloads
from tests.discord_adapter.checks import message_bodies, texts
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.harness import invoke
from tests.party_times import WHEN, ZONE, assert_local, tomorrow_at_eight


async def run(bot: FilmClubBot, fake: FakeDiscord, group: str, name: str, values: dict[str, object]) -> str:
    command = bot.club.registry.get(group, name)
    assert command is not None
    fake.calls.clear()
    await invoke(bot, payloads.interaction(command, values, permissions=payloads.MANAGER))
    return " ".join(t for body in message_bodies(fake) for t in texts(body))


async def test_every_party_time_is_a_timestamp_or_the_clubs_local_time(
    bot: FilmClubBot, fake_discord: FakeDiscord
) -> None:
    await run(bot, fake_discord, "club", "timezone", {"zone": ZONE})
    stamp = f"<t:{int(tomorrow_at_eight().timestamp())}:F>"
    started = await run(bot, fake_discord, "party", "start", {"film": "Children of Heaven", "when": WHEN})
    assert stamp in started
    assert stamp in await run(bot, fake_discord, "party", "list", {})
    planned = await run(bot, fake_discord, "party", "plan", {"party": 1})
    assert stamp in planned and f"{tomorrow_at_eight():%-d %b} 20:00" in planned
    assert_local(planned.split(stamp)[1])
