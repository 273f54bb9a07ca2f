"""The real ``python -m bots.slack`` process: HTTP mode (a signed request to its port) and Socket Mode (a
websocket to the fake, envelopes acknowledged), each from an empty ``HOME`` and stopped by SIGTERM."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qsl

import aiohttp
import pytest
from aiohttp import WSCloseCode
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bots.slack.__main__ import main
from bots.slack.socket import open_socket
from tests.conftest import ROOT
from tests.slack_adapter.conftest import SECRET, action_body, responses, signed_headers, slash_body
from tests.slack_adapter.fake_slack import FakeSlack, slack_error

START_TIMEOUT = 60.0
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class AppProcess:
    """The running app, its output read as it comes (a full pipe would stall it) and shown when a wait fails."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.output: list[str] = []
        self._printed = asyncio.Condition()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process.stdout is not None
        async for line in self.process.stdout:
            self.output.append(line.decode(errors="replace"))
            async with self._printed:
                self._printed.notify_all()

    async def printed(self, text: str, timeout: float = START_TIMEOUT) -> None:
        async with asyncio.timeout(timeout), self._printed:
            await self._printed.wait_for(lambda: any(text in line for line in self.output))

    async def until(self, waiting: Awaitable[T]) -> T:
        """Await ``waiting`` (which has its own timeout), failing at once, with the app's output, if the app exits."""
        task = asyncio.ensure_future(waiting)
        exited = asyncio.ensure_future(self.process.wait())
        await asyncio.wait({task, exited}, return_when=asyncio.FIRST_COMPLETED)
        exited.cancel()
        if not task.done():
            task.cancel()
            raise AssertionError(f"the app exited with {self.process.returncode}:\n{await self.all_output()}")
        try:
            return task.result()
        except (AssertionError, TimeoutError) as exc:
            raise AssertionError(f"{exc!r}; the app printed:\n{''.join(self.output)}") from exc

    async def all_output(self) -> str:
        await self._reader  # the app has exited: read to the end
        return "".join(self.output)


@asynccontextmanager
async def slack_app_process(api_url: str, home: Path, **settings: str) -> AsyncIterator[AppProcess]:
    """Run the app against the Web API at ``api_url`` with only ``settings`` (and the bot token) set; it must exit 0
    on SIGTERM."""
    home.mkdir()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": api_url,
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
    app = AppProcess(process)
    try:
        yield app
        process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), timeout=30)
        assert code == 0, f"exit code {code} after SIGTERM:\n{await app.all_output()}"
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await app.all_output()


async def test_http_mode_answers_a_signed_command_and_stops_on_sigterm(fake_slack: FakeSlack, tmp_path: Path) -> None:
    port = free_port()
    home = tmp_path / "empty-home"
    settings = {"SLACK_SIGNING_SECRET": SECRET, "FILMCLUB_HTTP_PORT": str(port)}
    async with slack_app_process(fake_slack.api_url, home, **settings) as app:
        await app.until(app.printed("listening"))
        body = slash_body(fake_slack, "/film", "info <!channel> Unknown Film Xyz")
        headers = {k: v[0] for k, v in signed_headers(body).items()}
        async with aiohttp.ClientSession() as session:
            async with session.post(f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers) as reply:
                assert reply.status == 200
            async with session.post(
                f"http://127.0.0.1:{port}/slack/events", data=body, headers={**headers, "x-slack-signature": "v0=bad"}
            ) as reply:
                assert reply.status == 401
        [answer] = await app.until(responses(fake_slack, timeout=30))
        assert "No film called" in answer["text"] and "<!channel>" not in answer["text"]
        assert (home / ".local" / "share" / "filmclub" / "filmclub.sqlite3").exists()


async def send_command(fake: FakeSlack, text: str) -> str:
    """Send ``/film text`` over Socket Mode (the form fields of the HTTP request, as JSON); its envelope id."""
    return await fake.send_envelope("slash_commands", dict(parse_qsl(slash_body(fake, "/film", text))))


async def test_socket_mode_acknowledges_envelopes_and_answers_commands_and_reveals(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    database = tmp_path / "club.sqlite3"
    settings = {"SLACK_APP_TOKEN": "xapp-1-test", "FILMCLUB_DATABASE_URL": f"sqlite:///{database}"}
    async with slack_app_process(fake_slack.api_url, tmp_path / "empty-home", **settings) as app:
        # apps.connections.open (with the app-level token: the fake, like Slack, refuses a bot token), then the ws
        await app.until(fake_slack.wait_until(lambda: fake_slack.socket, "the Socket Mode websocket", START_TIMEOUT))
        assert [token for method, token in fake_slack.tokens if method == "apps.connections.open"] == ["xapp-1-test"]

        envelope = await send_command(fake_slack, "info Children of Heaven")
        assert (await app.until(fake_slack.acked(envelope)))["envelope_id"] == envelope  # Slack retries unacked ones
        [info] = await app.until(responses(fake_slack, timeout=30))
        assert "Children of Heaven" in info["text"] and info["response_type"] == "in_channel"

        envelope = await send_command(fake_slack, "plot Children of Heaven")
        await app.until(fake_slack.acked(envelope))
        [_, plot] = await app.until(responses(fake_slack, count=2, timeout=30))
        accessories = [block["accessory"] for block in plot["blocks"] if "accessory" in block]
        buttons = [button for button in accessories if button.get("action_id") == "reveal_spoiler"]
        assert buttons, "the plot answer hides parts behind Reveal buttons"

        action = json.loads(dict(parse_qsl(action_body(fake_slack, buttons[-1]["value"])))["payload"])
        envelope = await fake_slack.send_envelope("interactive", action)
        await app.until(fake_slack.acked(envelope))
        [*_, revealed] = await app.until(responses(fake_slack, count=3, timeout=30))
        assert revealed["response_type"] == "ephemeral" and revealed["text"].strip()
        assert all(token == "xoxb-test" for method, token in fake_slack.tokens if method != "apps.connections.open")
    # SIGTERM closed the websocket with a close frame (1000), not by dropping the connection (1006)
    await fake_slack.wait_until(lambda: fake_slack.socket_close_code is not None, "the websocket to close")
    assert fake_slack.socket_close_code == WSCloseCode.OK
    assert database.exists(), "FILMCLUB_DATABASE_URL is where the app keeps the club"


async def test_socket_mode_without_a_network_logs_one_line_per_attempt_and_stops_on_sigterm(tmp_path: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}/api/"  # nothing listens there: every connection is refused
    async with slack_app_process(closed, tmp_path / "empty-home", SLACK_APP_TOKEN="xapp-1-offline") as app:
        await app.until(app.printed("cannot open the Slack Socket Mode connection"))
    # leaving the block sent SIGTERM and required exit 0 while the app was waiting to retry
    output = "".join(app.output)
    assert "retrying in 1 s" in output and "Traceback" not in output
    assert "will be unused" not in output, "bolt's warning about the token beside the client is silenced"


async def test_a_refused_app_token_ends_with_one_clear_line(fake_slack: FakeSlack, tmp_path: Path) -> None:
    fake_slack.overrides["apps.connections.open"] = [slack_error("invalid_auth")] * 20
    (tmp_path / "home").mkdir()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path / "home"),
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_APP_TOKEN": "xapp-1-revoked",
        "SLACK_API_URL": fake_slack.api_url,
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bots.slack", cwd=ROOT, env=env, stderr=asyncio.subprocess.PIPE
    )
    _, err = await asyncio.wait_for(process.communicate(), timeout=START_TIMEOUT)
    assert process.returncode == 2
    assert "Slack refused SLACK_APP_TOKEN (invalid_auth)" in err.decode()
    assert len(fake_slack.of("apps.connections.open")) == 1, "a refused token is not retried"
    assert "Traceback" not in err.decode()


async def test_open_socket_waits_longer_after_each_failed_attempt(caplog: pytest.LogCaptureFixture) -> None:
    client = AsyncWebClient(token="xoxb-test", base_url=f"http://127.0.0.1:{free_port()}/api/")
    handler = AsyncSocketModeHandler(AsyncApp(client=client, request_verification_enabled=False), "xapp-1-offline")
    stop = asyncio.Event()
    caplog.set_level(logging.WARNING, logger="bots.slack")
    attempts = asyncio.ensure_future(open_socket(handler, stop, waits=(0.01, 0.02, 0.04)))
    while len([r for r in caplog.records if r.name == "bots.slack"]) < 4:
        await asyncio.sleep(0.01)
    stop.set()
    assert await asyncio.wait_for(attempts, timeout=10) is False
    lines = [r.getMessage() for r in caplog.records if r.name == "bots.slack"]
    assert [line.split("retrying in ")[1] for line in lines[:4]] == ["0.01 s", "0.02 s", "0.04 s", "0.04 s"]
    assert all(r.exc_info is None for r in caplog.records), "no traceback per attempt"
    await handler.close_async()


def test_a_bot_token_given_as_the_app_token_ends_with_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xoxb-pasted-twice")
    assert main() == 2
    assert capsys.readouterr().err.startswith("SLACK_APP_TOKEN must be an app-level token (xapp-…")


def test_a_missing_bot_token_ends_with_one_clear_line_and_a_status_no_restart_policy_retries(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    assert main() == 0
    assert capsys.readouterr().err.startswith("SLACK_BOT_TOKEN is not set, so the Slack app does not start")
