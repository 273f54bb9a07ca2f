"""How scheduled messages leave the core: each platform's process gives its scheduler a `Publisher`.

Scheduled jobs store only ids; the scheduler firing one sends through the publisher it was made with,
so a job written by one process is delivered by whichever process of that platform runs next.
"""

from __future__ import annotations

from typing import Protocol

from core.responses import Response


class DeliveryError(Exception):
    """A message could not be delivered.

    ``permanent`` when retrying cannot help (channel deleted, bot not in channel, no permission):
    the step is marked failed and reported to the organiser; otherwise it may be retried.
    """

    def __init__(self, reason: str, permanent: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class Publisher(Protocol):
    """Posts a neutral response into a channel of one platform."""

    platform: str

    async def publish(self, channel_id: str, response: Response) -> None:
        """Send ``response`` to ``channel_id``; raise `DeliveryError` when it cannot be sent."""
        ...
