"""kill -9 of the Discord bot process in both gaps of a send, at a reminder, the start and prompts: seen once."""

from __future__ import annotations

from pathlib import Path

from core.app import FilmClub
from tests.crash import kill_run
from tests.discord_adapter.crash_target import DiscordTarget
from tests.discord_adapter.fake_discord import FakeDiscord


async def test_a_bot_killed_in_either_gap_of_a_send_shows_every_step_once(
    fake_discord: FakeDiscord, club: FilmClub, tmp_path: Path
) -> None:
    # the day-before reminder taken then killed, the 15-minute one killed before it was taken, and so on:
    # the rounds reach press play and the first prompts, each cut off in one gap or the other
    tally = await kill_run(
        DiscordTarget(fake_discord), tmp_path / "home", club, [True, False, True, False, True, False]
    )
    assert tally.rounds == 6
    assert {"reminder", "start", "prompt"} <= set(tally.by_kind)
    assert tally.lost == [] and tally.repeated == []
    assert len(fake_discord.posted) == len(set(m["nonce"] for m in fake_discord.posted))
