"""The Slack side of `tests.crash`: ``python -m bots.slack`` (HTTP mode) against the fake, posts counted by key."""

from __future__ import annotations

import socket
from collections import Counter

from tests.slack_adapter.fake_slack import FakeSlack, step_key


class SlackTarget:
    """The app posts to the fake's channel; a step's message carries its send key in its metadata."""

    platform = "slack"
    server_id = "T1"
    channel_id = "C42"
    user_id = "U1"

    def __init__(self, fake: FakeSlack) -> None:
        self.fake = fake

    def environment(self) -> dict[str, str]:
        with socket.socket() as sock:  # a free port for the app's HTTP listener, unused here
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        return {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_API_URL": self.fake.api_url,
            "SLACK_SIGNING_SECRET": "test-signing-secret",
            "FILMCLUB_HTTP_PORT": str(port),
        }

    def module(self) -> str:
        return "bots.slack"

    def seen(self) -> Counter[str]:
        return Counter(step_key(m) or "" for m in self.fake.messages.get(self.channel_id, []))
