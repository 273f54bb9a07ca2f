"""Scheduled party messages in the terminal: the console's publisher and the scheduler's background loop.

The interactive prompt blocks the main thread on input, so the party scheduler runs on its own event
loop in a daemon thread, and prints each due message above the prompt. Parties started by a one-shot
``filmclub run "/party start …"`` are picked up when the next interactive console starts.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from rich.markup import escape

from bots.console.app import ConsoleSession
from core.app import FilmClub
from core.parties.delivery import DeliveryError
from core.parties.scheduler import PartyScheduler
from core.responses import Response

log = logging.getLogger(__name__)

PLATFORM = "console"
START_TIMEOUT = 10.0


class ConsolePublisher:
    """Prints a party's messages in the running console session."""

    platform = PLATFORM

    def __init__(self, session: ConsoleSession) -> None:
        self.session = session

    async def publish(self, channel_id: str, response: Response, key: str | None = None) -> None:
        """Print the message under a header naming the party's channel (no key needed: see `delivered`).

        Raises:
            DeliveryError: the terminal is gone (permanent: retrying cannot help).

        """
        try:
            if not self.session.as_json:
                self.session.console.print(f"\n[bold magenta]— watch party, in {escape(channel_id)} —[/bold magenta]")
            self.session.show(response)
        except (OSError, ValueError) as exc:  # a closed terminal or pipe
            raise DeliveryError(f"the console is gone ({exc})", permanent=True, channel=True) from exc

    async def delivered(self, channel_id: str, key: str, since: datetime) -> bool:
        """Always False: what a console printed before it was killed went with its session, so it is resent."""
        return False

    async def notify(self, user_id: str, response: Response) -> None:
        """Print it: whoever runs the console is every member."""
        await self.publish("you", response)


class SchedulerThread:
    """The party scheduler on its own event loop in a daemon thread."""

    def __init__(self, club: FilmClub, publisher: ConsolePublisher) -> None:
        self.club = club
        self.publisher = publisher
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="party-scheduler", daemon=True)

    def start(self) -> None:
        """Start the thread and wait until the scheduler has loaded its jobs."""
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT):
            log.warning("the party scheduler did not start within %s s", START_TIMEOUT)

    def stop(self) -> None:
        """Stop the scheduler (jobs stay in the database) and wait for the thread."""
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(START_TIMEOUT)

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except Exception:
            log.exception("the party scheduler stopped")
        finally:
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        scheduler = PartyScheduler(self.club, self.publisher)
        scheduler.start()
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            scheduler.shutdown()
            await asyncio.sleep(0)  # let APScheduler's shutdown, queued on this loop, run before it closes


@contextmanager
def console_parties(club: FilmClub, session: ConsoleSession) -> Iterator[SchedulerThread]:
    """Deliver party messages into ``session`` while the block runs.

    Args:
        club: the club (its database holds the parties and the console's job table).
        session: where messages are printed.

    Yields:
        The running background scheduler.

    """
    runner = SchedulerThread(club, ConsolePublisher(session))
    runner.start()
    try:
        yield runner
    finally:
        runner.stop()
