"""HTTP mode end to end: the real ``python -m bots.slack`` process, a signed request to its port, SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp

from tests.conftest import ROOT
from tests.slack_adapter.conftest import SECRET, responses, signed_headers, slash_body
from tests.slack_adapter.fake_slack import FakeSlack


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_http_mode_answers_a_signed_command_and_stops_on_sigterm(fake_slack: FakeSlack, tmp_path: Path) -> None:
    port = free_port()
    home = tmp_path / "empty-home"
    home.mkdir()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "FILMCLUB_HTTP_PORT": str(port),
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
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), timeout=60)
        while b"listening" not in line:
            line = await asyncio.wait_for(process.stdout.readline(), timeout=60)
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
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), timeout=30) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
