"""``python -m bots.discord`` at DEBUG against the fake: no secret it was given or received reaches its log.

discord.py logs every gateway event whole at DEBUG, interaction tokens (a 15-minute capability to post
and edit the bot's replies) included, and every REST route, webhook tokens in the path included.
"""

from __future__ import annotations

import asyncio
import base64
import signal
from pathlib import Path

from core.commands import build_registry
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.test_process import START_TIMEOUT, start_bot, wait_for_call

BOT_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"
DB_PASSWORD = "correct-horse-battery"


def interaction_token(interaction_id: str) -> str:
    """Shaped like Discord's: base64 of ``interaction:<id>:<random>``."""
    return base64.urlsafe_b64encode(f"interaction:{interaction_id}:Zq8XbW3k9Lm2Pn7Rt5Vy".encode()).decode()


async def test_debug_lines_hold_no_token_given_or_received(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake_discord.guilds = [payloads.guild()]
    database = tmp_path / "club.sqlite3"
    process = await start_bot(
        fake_discord,
        tmp_path / "home",
        token=BOT_TOKEN,
        FILMCLUB_LOG_LEVEL="DEBUG",
        FILMCLUB_DATABASE_URL=f"sqlite:///{database}",
    )
    received = []
    try:
        assert process.stdout is not None and process.stderr is not None
        stderr = asyncio.create_task(process.stderr.read())  # a full pipe would stall the bot
        await asyncio.wait_for(process.stdout.readline(), START_TIMEOUT)
        await asyncio.wait_for(fake_discord.identified.wait(), START_TIMEOUT)
        registry = build_registry()
        for group, name, values in [
            ("film", "info", {"title": "Children of Heaven"}),
            ("film", "plot", {"title": "Children of Heaven"}),
        ]:
            command = registry.get(group, name)
            assert command is not None
            interaction = payloads.interaction(command, values)
            interaction["token"] = interaction_token(interaction["id"])
            received.append(interaction["token"])
            fake_discord.calls.clear()
            await fake_discord.dispatch("INTERACTION_CREATE", interaction)
            await wait_for_call(fake_discord, "POST", rf"/interactions/{interaction['id']}/[^/]+/callback", 20)
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 30)
        log = (await stderr).decode()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert "WebSocket Event" in log and "INTERACTION_CREATE" in log, "the gateway events are in the log"
    assert f"/interactions/{interaction['id']}/[secret]/callback" in log, "routes stay, only their tokens masked"
    assert f"/webhooks/{payloads.APP_ID}/[secret]" in log, "follow-ups went to the interaction's webhook"
    for secret in (BOT_TOKEN, *received):
        assert secret not in log
    assert "GET http://127.0.0.1:" in log and "[secret]@me" not in log, "URLs keep their host and path"
