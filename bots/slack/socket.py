"""Opening Socket Mode: a clear line per failed attempt with a growing wait, and a clear exit for a refused token.

slack_sdk retries a failed connection every 10 s forever, logging a traceback each time, and retries a revoked
token as if it were a network fault. The first connection is opened here instead; once connected, slack_sdk
keeps the connection (and its reconnects log one line each, see `quiet_reconnects`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_sdk.errors import SlackApiError

log = logging.getLogger("bots.slack")

WAITS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
"""Seconds between attempts; the last repeats."""
REFUSED = frozenset({"invalid_auth", "not_authed", "account_inactive", "token_revoked", "not_allowed_token_type"})
"""Slack's errors for an app token that will never work: retrying would only hide the mistake."""


class TokenRefused(Exception):
    """Slack refused the app-level token; the message says what to do."""


async def open_socket(handler: AsyncSocketModeHandler, stop: asyncio.Event, waits: Sequence[float] = WAITS) -> bool:
    """Open the Socket Mode connection, waiting longer after each failed attempt, until connected or stopped.

    Args:
        handler: bolt's Socket Mode handler (its client opens the websocket).
        stop: set by SIGTERM / Ctrl-C: stops waiting at once.
        waits: the seconds between attempts (the last repeats).

    Returns:
        True once connected, False when stopped first.

    Raises:
        TokenRefused: Slack answered that the app token is not valid.

    """
    attempt = 0
    while not stop.is_set():
        try:
            handler.client.wss_uri = await handler.client.issue_new_wss_url()
        except SlackApiError as exc:
            code = str(exc.response.get("error", "unknown_error"))
            if code in REFUSED:
                raise TokenRefused(
                    f"Slack refused SLACK_APP_TOKEN ({code}): make a new app-level token with connections:write "
                    "(Basic Information → App-Level Tokens) and set it."
                ) from exc
            reason = f"Slack answered {code}"
        except (OSError, TimeoutError) as exc:  # aiohttp's connection errors are OSErrors
            reason = str(exc) or type(exc).__name__
        else:
            await handler.connect_async()
            return True
        wait = waits[min(attempt, len(waits) - 1)]
        attempt += 1
        log.warning(
            "cannot open the Slack Socket Mode connection (%s); attempt %d, retrying in %g s", reason, attempt, wait
        )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), wait)
    return False


class _OneLineReconnects(logging.Filter):
    """slack_sdk logs each failed reconnect with a traceback: keep its one-line message, drop the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.getMessage().startswith("Failed to connect"):
            record.exc_info = None
            record.exc_text = None
        return True


def quiet_reconnects(handler: AsyncSocketModeHandler) -> None:
    """Make slack_sdk's own reconnect attempts (after a connection was up) one log line each."""
    handler.client.logger.addFilter(_OneLineReconnects())
