"""The Discord side of `tests.crash`: ``python -m bots.discord`` against the fake, posts counted by nonce."""

from __future__ import annotations

from collections import Counter

from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord


class DiscordTarget:
    """The bot posts to the fake's channel; a step's messages carry ``<send key>-N`` as their nonce."""

    platform = "discord"
    server_id = payloads.GUILD_ID
    channel_id = payloads.CHANNEL_ID
    user_id = payloads.USER_ID

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    def environment(self) -> dict[str, str]:
        return {"DISCORD_TOKEN": "test-token", "DISCORD_API_URL": self.fake.api_url}

    def module(self) -> str:
        return "bots.discord"

    def seen(self) -> Counter[str]:
        """A step of several messages is seen once when each of its messages is there once."""
        per_message = Counter(str(m.get("nonce", "")) for m in self.fake.posted)
        per_step: Counter[str] = Counter()
        for nonce, times in per_message.items():
            step = nonce.rsplit("-", 1)[0]
            per_step[step] = max(per_step[step], times)
        return per_step
