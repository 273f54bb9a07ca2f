"""Checks on messages as they arrive at the fake Discord: nobody pinged, every limit kept."""

from __future__ import annotations

import re
from typing import Any

from tests.discord_adapter.fake_discord import Call, FakeDiscord

# Everything a member might type to ping: the two mass mentions, a role, a user (both forms).
HOSTILE = "@everyone @here <@&1500000000000000005> <@1400000000000000004> <@!1400000000000000004>"
RAW_MENTION = re.compile(r"@everyone|@here|<@[!&]?\d")
NO_PINGS = {"parse": []}


def message_bodies(fake: FakeDiscord) -> list[dict[str, Any]]:
    """Every message the bot sent or edited, in order: interaction replies, follow-ups, channel posts."""
    bodies = []
    for call in fake.calls:
        if call.path.endswith("/callback") and call.body["type"] == 4:
            bodies.append(call.body["data"])
        elif _is_message_call(call):
            bodies.append(call.body)
    return bodies


def texts(body: dict[str, Any]) -> list[str]:
    """Every text Discord shows from a message: content and every text of its embeds."""
    shown = [body.get("content") or ""]
    for embed in body.get("embeds") or []:
        shown += [embed.get("title", ""), embed.get("description", ""), embed.get("footer", {}).get("text", "")]
        for field in embed.get("fields", []):
            shown += [field["name"], field["value"]]
    return shown


def assert_safe(body: dict[str, Any]) -> None:
    """No ping possible, no raw mention shown, and within Discord's limits."""
    assert body["allowed_mentions"] == NO_PINGS
    for text in texts(body):
        assert not RAW_MENTION.search(text), text
    assert_within_limits(body)


def assert_within_limits(body: dict[str, Any]) -> None:
    """Discord's message and embed limits."""
    assert body.get("content") or body.get("embeds"), "an empty message"
    assert len(body.get("content") or "") <= 2000
    embeds = body.get("embeds") or []
    assert len(embeds) <= 10
    total = 0
    for embed in embeds:
        assert len(embed.get("title", "")) <= 256
        assert len(embed.get("description", "")) <= 4096
        assert len(embed.get("footer", {}).get("text", "")) <= 2048
        fields = embed.get("fields", [])
        assert len(fields) <= 25
        for field in fields:
            assert 0 < len(field["name"]) <= 256
            assert 0 < len(field["value"]) <= 1024
        total += sum(len(t) for t in texts({"embeds": [embed]}))
    assert total <= 6000


def _is_message_call(call: Call) -> bool:
    sends = call.method == "POST" and re.fullmatch(r"/(channels/\d+/messages|webhooks/\d+/[^/]+)", call.path)
    edits = call.method == "PATCH" and call.path.endswith("/messages/@original")
    return bool(sends or edits)
