"""The benchmarks' publisher: the scheduler's whole delivery path runs, and the post only notes when it arrived."""

from __future__ import annotations

import time
from datetime import datetime

from core.responses import Response


class TimingPublisher:
    """Notes when each channel's first message arrives; posts nothing anywhere."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.arrived: dict[str, float] = {}

    async def publish(self, channel_id: str, response: Response, key: str | None = None) -> None:
        """Note the arrival (a bench channel is one party's)."""
        self.arrived.setdefault(channel_id, time.time())

    async def delivered(self, channel_id: str, key: str, since: datetime) -> bool:
        """Nothing is kept to look in: a cut-off step is simply resent."""
        return False

    async def notify(self, user_id: str, response: Response) -> None:
        """No organiser to tell in a bench."""
