"""What ``prepare()`` leaves behind before the bot serves: index built, start-up objects frozen, scheduler running."""

from __future__ import annotations

import gc

from bots.discord.app import FilmClubBot


async def test_prepare_builds_the_index_and_freezes_what_start_up_made(bot: FilmClubBot) -> None:
    assert bot.club._index is not None  # built before the first keystroke, in a thread
    assert gc.get_freeze_count() > 10_000  # the index and the library objects are beyond the collector
    assert bot.scheduler is not None and bot.scheduler.scheduler.running
    assert bot.scheduler.label == "discord"  # not sharded: one job table for every server's parties
