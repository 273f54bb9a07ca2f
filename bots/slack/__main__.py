"""``python -m bots.slack``: run the Slack app until SIGTERM or Ctrl-C.

Socket Mode when ``SLACK_APP_TOKEN`` is set (no public URL needed); HTTP mode on ``FILMCLUB_HTTP_PORT`` at
``/slack/events`` when only ``SLACK_SIGNING_SECRET`` is. ``SLACK_BOT_TOKEN`` is always required.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bots.slack.app import build_app, build_client
from bots.slack.publisher import SlackPublisher
from bots.slack.socket import TokenRefused, open_socket, quiet_reconnects
from core.app import FilmClub
from core.logs import configure_logging
from core.parties.scheduler import PartyScheduler
from core.settings import Settings, load_settings

log = logging.getLogger("bots.slack")


async def serve(settings: Settings) -> None:
    """Prepare the library (seed, title index), start the party scheduler and the transport, wait for a stop signal."""
    club = FilmClub(settings)
    await asyncio.to_thread(club.prepare)
    client = build_client(settings)
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    app = build_app(club, client, None if settings.slack_app_token else secret)
    scheduler = PartyScheduler(club, SlackPublisher(client))
    scheduler.start()

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    try:
        if settings.slack_app_token:
            handler = AsyncSocketModeHandler(app, settings.slack_app_token.get_secret_value())
            quiet_reconnects(handler)
            try:
                if await open_socket(handler, stop):
                    log.info("connected to Slack in Socket Mode")
                    await stop.wait()
                else:
                    log.warning("stopped before Slack accepted the Socket Mode connection")
            finally:
                await handler.close_async()
        else:
            runner = web.AppRunner(app.web_app(path="/slack/events", port=settings.http_port))
            await runner.setup()
            await web.TCPSite(runner, "0.0.0.0", settings.http_port).start()
            print(f"Slack app listening on port {settings.http_port} at /slack/events", flush=True)
            await stop.wait()
            await runner.cleanup()
    finally:
        scheduler.shutdown()


def main() -> int:
    """Run the app.

    Returns:
        0 after a clean stop or when no bot token is set (nothing to run), 2 when a token it needs is missing,
        of the wrong kind, or refused by Slack.
    """
    settings = load_settings()
    configure_logging(settings)
    if not settings.slack_bot_token:
        # Not an error to restart on: compose's on-failure policy leaves an unconfigured app stopped.
        print("SLACK_BOT_TOKEN is not set, so the Slack app does not start: see .env.example.", file=sys.stderr)
        return 0
    if not settings.slack_app_token and not settings.slack_signing_secret:
        print(
            "Set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode): see .env.example.", file=sys.stderr
        )
        return 2
    app_token = settings.slack_app_token.get_secret_value() if settings.slack_app_token else ""
    if app_token and not app_token.startswith("xapp-"):
        print(
            "SLACK_APP_TOKEN must be an app-level token (xapp-…, Basic Information → App-Level Tokens, with "
            "connections:write), not the bot token.",
            file=sys.stderr,
        )
        return 2
    try:
        asyncio.run(serve(settings))
    except TokenRefused as refused:
        print(refused, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
