"""How scheduled messages leave the core: each platform's process gives its scheduler a `Publisher`.

Scheduled jobs store only ids; the scheduler firing one sends through the publisher it was made with,
so a job written by one process is delivered by whichever process of that platform runs next.

A party step is posted under a send key committed before the post. A crash can cut a send off before
the platform accepted it or after (before we recorded it): the next run posts again under the same key,
and the publisher makes that a no-op when the first post arrived (Discord dedupes a message ``nonce``;
Slack's message metadata carries the key and `Publisher.delivered` looks for it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from core.responses import Response


class DeliveryError(Exception):
    """A message could not be delivered.

    ``permanent`` when retrying cannot help; with ``channel`` too when the channel is what refuses
    (deleted, bot not in it, no permission): the party is paused and its organiser told how to fix it,
    since every later step would fail the same way. Otherwise the step is marked failed (and reported
    to the organisers) at once when permanent (a message the platform refuses), after the retries when not.
    """

    def __init__(self, reason: str, permanent: bool, channel: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.channel = channel


class Publisher(Protocol):
    """Posts a neutral response into a channel of one platform."""

    platform: str

    async def publish(self, channel_id: str, response: Response, key: str | None = None) -> None:
        """Send ``response`` to ``channel_id`` (under ``key`` when given); raise `DeliveryError` if it can't be sent.

        Posting twice under one key shows members one message when the platform dedupes by it.
        """
        ...

    async def delivered(self, channel_id: str, key: str, since: datetime) -> bool:
        """Whether a message posted under ``key`` since ``since`` is in the channel (False when it can't tell).

        Asked before a resend; a platform that dedupes the resend itself (Discord) answers False.
        """
        ...

    async def notify(self, user_id: str, response: Response) -> None:
        """Send ``response`` to one member directly (a DM); raise `DeliveryError` when it cannot be sent."""
        ...
