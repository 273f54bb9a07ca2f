"""Fixtures: the fake Slack, the real bolt app on it, and signed request builders."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from bots.slack.app import build_app
from core.app import FilmClub
from tests.slack_adapter.fake_slack import FakeSlack

SECRET = "test-signing-secret"


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = await FakeSlack().start()
    yield fake
    await fake.stop()


@pytest.fixture
def slack_app(club: FilmClub, fake_slack: FakeSlack) -> AsyncApp:
    return build_app(club, AsyncWebClient(token="xoxb-test", base_url=fake_slack.api_url), SECRET)


def signed_headers(body: str, timestamp: int | None = None, secret: str = SECRET) -> dict[str, list[str]]:
    ts = str(timestamp if timestamp is not None else int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {
        "content-type": ["application/x-www-form-urlencoded"],
        "x-slack-signature": [signature],
        "x-slack-request-timestamp": [ts],
    }


def slash_body(fake: FakeSlack, command: str, text: str, user: str = "U1", team: str = "T1") -> str:
    return urlencode(
        {
            "command": command,
            "text": text,
            "user_id": user,
            "user_name": "member",
            "team_id": team,
            "channel_id": "C1",
            "trigger_id": "1.2.3",
            "response_url": f"{fake.url}/respond/abc",
        }
    )


def action_body(
    fake: FakeSlack,
    value: str,
    user: str = "U1",
    action_id: str = "reveal_spoiler",
    team: str = "T1",
    action_ts: str = "1.1",
) -> str:
    """A signed-ready ``block_actions`` body: a press of one button on a message of the bot's."""
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user, "username": "member"},
        "team": {"id": team},
        "channel": {"id": "C1"},
        "message": {"ts": "1700000000.000100"},
        "api_app_id": "A1",
        "token": "legacy",
        "trigger_id": "1.2.3",
        "response_url": f"{fake.url}/respond/xyz",
        "actions": [
            {"action_id": action_id, "block_id": "b", "type": "button", "value": value, "action_ts": action_ts}
        ],
    }
    return urlencode({"payload": json.dumps(payload)})


async def dispatch(app: AsyncApp, body: str, headers: dict[str, list[str]] | None = None) -> int:
    response = await app.async_dispatch(AsyncBoltRequest(body=body, headers=headers or signed_headers(body)))
    return response.status


async def responses(fake: FakeSlack, count: int = 1, timeout: float = 30.0) -> list[dict[str, Any]]:
    """What reached response_url, waiting for the listener that runs after the ack."""
    await fake.wait_until(lambda: len(fake.of("response_url")) >= count, f"{count} answer(s) at response_url", timeout)
    return fake.of("response_url")
