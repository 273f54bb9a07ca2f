"""``python -m bots.slack`` at DEBUG against the fake: no secret it was given or received reaches its log.

slack_sdk and slack-bolt log requests, envelopes and payloads at DEBUG; a ``response_url`` is a
30-minute capability to post in the channel as the app, so it is as secret as the tokens.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl

from tests.slack_adapter.conftest import responses, slash_body
from tests.slack_adapter.fake_slack import FakeSlack
from tests.slack_adapter.test_process import slack_app_process

BOT_TOKEN = "xoxb-2000000001-3000000002-AbCdEfGhIjKlMnOpQrStUvWx"
APP_TOKEN = "xapp-1-A0000000001-4000000003-0123456789abcdef0123456789abcdef"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
DB_PASSWORD = "correct-horse-battery"
RESPONSE_PATH = "respond/T1-5000000004-Zq8XbW3k9Lm2Pn7Rt5Vy"


async def test_debug_lines_hold_no_token_given_or_received(fake_slack: FakeSlack, tmp_path: Path) -> None:
    settings = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "FILMCLUB_LOG_LEVEL": "DEBUG",
        "FILMCLUB_DATABASE_URL": f"sqlite:///{tmp_path / 'club.sqlite3'}",
    }
    response_url = f"{fake_slack.url}/{RESPONSE_PATH}"
    async with slack_app_process(fake_slack.api_url, tmp_path / "home", **settings) as app:
        await app.until(fake_slack.wait_until(lambda: fake_slack.socket, "the Socket Mode websocket", 60))
        command = dict(parse_qsl(slash_body(fake_slack, "/film", "info Children of Heaven")))
        envelope = await fake_slack.send_envelope("slash_commands", {**command, "response_url": response_url})
        await app.until(fake_slack.acked(envelope))
        await app.until(responses(fake_slack, timeout=30))
    log = await app.all_output()
    assert "response_url" in log and "slash_commands" in log, "the envelope is in the log"
    for secret in (BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, response_url, RESPONSE_PATH):
        assert secret not in log
    assert f"{fake_slack.url}/api/auth.test" in log, "URLs keep their host and path"
