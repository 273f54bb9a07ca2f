"""``python -m bots.discord`` as a real process against the fake Discord: REST, gateway, commands, SIGTERM.

The process starts with an empty ``HOME`` and no database setting, so it creates its database, seeds the
bundled films, prints its invite link, syncs its commands, connects to the gateway the fake's
``/gateway/bot`` names, answers an INTERACTION_CREATE within Discord's 3 s, and exits cleanly on SIGTERM.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from bots.discord.__main__ import main
from core.commands import build_registry
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import Call, FakeDiscord

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0


async def start_bot(
    fake: FakeDiscord, home: Path, token: str = "test-token", **settings: str
) -> asyncio.subprocess.Process:
    """Run ``python -m bots.discord`` against the fake, with an empty environment but for ``settings``."""
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "PYTHONPATH": str(ROOT),
        "DISCORD_TOKEN": token,
        "DISCORD_API_URL": fake.api_url,
        "FILMCLUB_LOG_LEVEL": "WARNING",
        **settings,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bots.discord",
        cwd=home,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def wait_for_call(fake: FakeDiscord, method: str, path: str, timeout: float = 5.0) -> Call:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := fake.sent(method, path):
            return found[-1]
        await asyncio.sleep(0.01)
    raise AssertionError(f"no {method} {path} within {timeout} s; got {[(c.method, c.path) for c in fake.calls]}")


async def test_the_bot_process_serves_commands_from_the_gateway_and_stops_on_sigterm(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    fake_discord.guilds = [payloads.guild()]
    process = await start_bot(fake_discord, tmp_path / "empty-home")
    try:
        assert process.stdout is not None
        invite = await asyncio.wait_for(process.stdout.readline(), START_TIMEOUT)
        assert b"https://discord.com/oauth2/authorize?client_id=" + payloads.APP_ID.encode() in invite
        await asyncio.wait_for(fake_discord.identified.wait(), START_TIMEOUT)
        assert fake_discord.sent("PUT", rf"/applications/{payloads.APP_ID}/commands")  # synced, globally
        assert fake_discord.sent("GET", "/gateway/bot")

        info = build_registry().get("film", "info")
        assert info is not None
        await fake_discord.dispatch("INTERACTION_CREATE", payloads.interaction(info, {"title": "No Such Film 2049"}))
        callback = await wait_for_call(fake_discord, "POST", r"/interactions/\d+/[^/]+/callback")
        # type 4, not a deferral (5): the bot answered within its acknowledgement budget, well inside Discord's 3 s
        assert callback.body["type"] == 4 and callback.body["data"]["flags"] == 64
        assert "No film called" in callback.body["data"]["content"]

        fake_discord.calls.clear()
        await fake_discord.dispatch("INTERACTION_CREATE", payloads.interaction(info, {"title": "Children of Heaven"}))
        callback = await wait_for_call(fake_discord, "POST", r"/interactions/\d+/[^/]+/callback")
        assert callback.body["data"]["embeds"][0]["title"] == "Children of Heaven (1997)"  # seeded by itself

        process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), 10)
        assert process.returncode == 0, err.decode()
        assert b"Traceback" not in err
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_a_wrong_token_ends_with_one_clear_line(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake_discord.fail("GET", "/users/@me", 401, body={"message": "401: Unauthorized", "code": 0})
    process = await start_bot(fake_discord, tmp_path / "home", token="not-a-token")
    out, err = await asyncio.wait_for(process.communicate(), START_TIMEOUT)
    assert process.returncode == 1
    lines = err.decode().strip().splitlines()
    assert lines == ["Discord refused DISCORD_TOKEN: copy the bot token again (Developer Portal → Bot → Reset Token)."]
    assert out == b""


def test_a_missing_token_ends_with_one_clear_line_and_a_status_no_restart_policy_retries(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main() == 0  # compose restarts its bots on failure only: an unconfigured one stays stopped
    assert capsys.readouterr().err == (
        "DISCORD_TOKEN is not set, so the Discord bot does not start: put the bot token from the Discord "
        "Developer Portal in it.\n"
    )
