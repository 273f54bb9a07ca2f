"""``python -m bots.discord``: run the Discord bot until SIGTERM or Ctrl-C.

Reads ``DISCORD_TOKEN`` (required), ``DISCORD_GUILD_ID`` (sync commands to that one server while
developing), ``DISCORD_API_URL`` (another REST base, e.g. a proxy or a local fake; the gateway is
then the one that API names) and ``DISCORD_SHARD_COUNT``/``DISCORD_SHARD_IDS`` (serve only those
shards, and deliver only their guilds' watch parties: see docker-compose.yml's ``shards`` profile).
Prints the invite link, syncs the slash commands, and serves. A bad token, an unreachable API or a
refused sync ends with one line saying so, not a traceback.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

import aiohttp
import discord
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bots.discord.app import FilmClubBot, make_bot
from bots.discord.invite import invite_url
from core.app import FilmClub
from core.logs import configure_logging
from core.settings import Settings, load_settings

log = logging.getLogger("bots.discord")


def main() -> int:
    """Run the bot; the exit status is 0 after a clean stop, 1 when it could not run, 2 when not configured.

    Returns:
        The process exit status.

    """
    settings = load_settings()
    configure_logging(settings)
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        # Not an error to restart on: compose's on-failure policy leaves an unconfigured bot stopped.
        print(
            "DISCORD_TOKEN is not set, so the Discord bot does not start: put the bot token from the Discord "
            "Developer Portal in it.",
            file=sys.stderr,
        )
        return 0
    discord.http.Route.BASE = settings.discord_api_url.rstrip("/")
    try:
        club = FilmClub(settings)
    except SQLAlchemyError as exc:
        where = make_url(settings.database_url).render_as_string(hide_password=True)
        print(f"Cannot open the database {where}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 1
    return asyncio.run(serve(club, settings, token))


async def serve(club: FilmClub, settings: Settings, token: str) -> int:
    """Log in, prepare, connect, and run until a stop signal; a start-up failure becomes one line.

    Args:
        club: the club the bot serves.
        settings: the process settings.
        token: the bot token.

    Returns:
        The process exit status.

    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with make_bot(club, settings) as bot:
        running = asyncio.create_task(_run(bot, token))
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if running.done():
            failure = running.exception()
            if failure is None:
                log.info("the gateway connection ended")
                return 0
            print(describe_failure(failure, settings), file=sys.stderr)
            log.debug("start-up failure", exc_info=failure)
            return 1
        log.info("stopping")
        await bot.close()
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
    return 0


async def _run(bot: FilmClubBot, token: str) -> None:
    await bot.login(token)
    assert bot.application_id is not None  # login fetched the application
    print(f"Invite the bot to a server: {invite_url(bot.application_id)}", flush=True)
    await bot.prepare()
    log.info("connecting to the gateway")
    await bot.connect()


def describe_failure(exc: BaseException, settings: Settings) -> str:
    """Say in one line why the bot could not run.

    Args:
        exc: what stopped it.
        settings: for the API address.

    Returns:
        The line to print.

    """
    api = settings.discord_api_url
    match exc:
        case discord.LoginFailure():
            return "Discord refused DISCORD_TOKEN: copy the bot token again (Developer Portal → Bot → Reset Token)."
        case discord.GatewayNotFound():
            return f"No gateway address from {api}/gateway/bot: is DISCORD_API_URL right, or is Discord down?"
        case discord.Forbidden():
            return (
                f"Discord refused a start-up request ({exc.status}: {exc.text}): re-invite the bot with the link "
                "above (it needs the applications.commands scope)."
            )
        case discord.HTTPException():
            return f"The Discord API at {api} answered {exc.status}: {exc.text or 'no detail'}."
        case discord.ConnectionClosed():
            return f"The Discord gateway closed the connection (code {exc.code}): {exc.reason or 'no reason given'}."
        case aiohttp.ClientError() | OSError() | TimeoutError():
            return f"Cannot reach the Discord API at {api}: {exc or type(exc).__name__}."
        case _:
            return f"The bot stopped: {type(exc).__name__}: {exc}"


if __name__ == "__main__":
    sys.exit(main())
