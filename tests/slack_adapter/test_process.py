"""The real ``python -m bots.slack`` process: HTTP mode (a signed request to its port) and Socket Mode (a
websocket to the fake, envelopes acknowledged), each from an empty ``HOME`` and stopped by SIGTERM."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl

import aiohttp

from tests.conftest import ROOT
from tests.slack_adapter.conftest import SECRET, action_body, responses, signed_headers, slash_body
from tests.slack_adapter.fake_slack import FakeSlack

START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@asynccontextmanager
async def slack_app_process(fake: FakeSlack, home: Path, **settings: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """Run the app against the fake with only ``settings`` (and the bot token) set; it must exit 0 on SIGTERM."""
    home.mkdir()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": fake.api_url,
        **settings,
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bots.slack",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        yield process
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), timeout=30) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_http_mode_answers_a_signed_command_and_stops_on_sigterm(fake_slack: FakeSlack, tmp_path: Path) -> None:
    port = free_port()
    home = tmp_path / "empty-home"
    settings = {"SLACK_SIGNING_SECRET": SECRET, "FILMCLUB_HTTP_PORT": str(port)}
    async with slack_app_process(fake_slack, home, **settings) as process:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), timeout=START_TIMEOUT)
        while b"listening" not in line:
            line = await asyncio.wait_for(process.stdout.readline(), timeout=START_TIMEOUT)
        body = slash_body(fake_slack, "/film", "info <!channel> Unknown Film Xyz")
        headers = {k: v[0] for k, v in signed_headers(body).items()}
        async with aiohttp.ClientSession() as session:
            async with session.post(f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers) as reply:
                assert reply.status == 200
            async with session.post(
                f"http://127.0.0.1:{port}/slack/events", data=body, headers={**headers, "x-slack-signature": "v0=bad"}
            ) as reply:
                assert reply.status == 401
        [answer] = await responses(fake_slack, timeout=30)
        assert "No film called" in answer["text"] and "<!channel>" not in answer["text"]
        assert (home / ".local" / "share" / "filmclub" / "filmclub.sqlite3").exists()


async def test_socket_mode_acknowledges_envelopes_and_answers_commands_and_reveals(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    async with slack_app_process(fake_slack, tmp_path / "empty-home", SLACK_APP_TOKEN="xapp-1-test") as _process:
        async with asyncio.timeout(START_TIMEOUT):
            while fake_slack.socket is None:  # the app asked apps.connections.open, then opened the websocket
                await asyncio.sleep(0.05)
        assert fake_slack.of("apps.connections.open")

        command = dict(parse_qsl(slash_body(fake_slack, "/film", "plot Children of Heaven")))
        envelope = await fake_slack.send_envelope("slash_commands", command)
        assert (await fake_slack.acked(envelope))["envelope_id"] == envelope  # within Slack's 3 s
        [plot] = await responses(fake_slack, timeout=30)
        accessories = [block["accessory"] for block in plot["blocks"] if "accessory" in block]
        buttons = [button for button in accessories if button.get("action_id") == "reveal_spoiler"]
        assert buttons, "the plot answer hides parts behind Reveal buttons"

        action = json.loads(dict(parse_qsl(action_body(fake_slack, buttons[-1]["value"])))["payload"])
        envelope = await fake_slack.send_envelope("interactive", action)
        await fake_slack.acked(envelope)
        [_, revealed] = await responses(fake_slack, count=2, timeout=30)
        assert revealed["response_type"] == "ephemeral" and revealed["text"].strip()
