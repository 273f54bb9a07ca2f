"""Scheduled messages into Discord channels: watch-party steps, posted by the party scheduler.

discord.py already retries what Discord asks it to (429 with ``retry_after``, and 500/502/504/524);
what still fails comes here as an exception and leaves as a `DeliveryError`: permanent when a retry
cannot help (channel deleted, no access, a message Discord refuses), transient otherwise. Nothing
else escapes, so a failing channel never stops the scheduler.

A step's messages carry its send key as their ``nonce`` with ``enforce_nonce``: Discord answers a
second post with the same nonce, within minutes, with the message it already made, so a resend after a
crash is never seen twice.
"""

from __future__ import annotations

import logging
from datetime import datetime

import aiohttp
import discord

from bots.discord.render import DiscordMessage, render
from bots.discord.replies import message_kwargs
from core.parties.delivery import DeliveryError
from core.responses import Response

log = logging.getLogger(__name__)

PLATFORM = "discord"


class DiscordPublisher:
    """Posts neutral responses into channels through the bot's own REST session."""

    platform = PLATFORM

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def publish(self, channel_id: str, response: Response, key: str | None = None) -> None:
        """Send ``response`` to a channel (``POST /channels/{id}/messages``, one call per message).

        Args:
            channel_id: the channel's id, as the party stores it.
            response: what to post.
            key: the step's send key: message N carries the nonce ``<key>-N`` (Discord dedupes it).

        Raises:
            DeliveryError: the channel is gone or closed to the bot (permanent), or Discord is failing (transient).

        """
        if not channel_id.isdigit():
            raise DeliveryError(f"{channel_id!r} is not a Discord channel id", permanent=True, channel=True)
        channel = self.client.get_partial_messageable(int(channel_id))
        for number, message in enumerate(render(response)):
            await _send(channel, message, None if key is None else f"{key}-{number}")

    async def delivered(self, channel_id: str, key: str, since: datetime) -> bool:
        """Always False: a resend carries the same nonces, and Discord itself answers it with the first post."""
        return False

    async def notify(self, user_id: str, response: Response) -> None:
        """DM a member (``POST /users/@me/channels``, then the DM channel's messages).

        Raises:
            DeliveryError: the member takes no DMs from the bot, or Discord is failing.

        """
        if not user_id.isdigit():
            raise DeliveryError(f"{user_id!r} is not a Discord user id", permanent=True)
        try:
            channel = await self.client.create_dm(discord.Object(int(user_id)))
        except discord.HTTPException as exc:
            raise DeliveryError(f"no DM with {user_id}: {exc.status} {exc.text}", permanent=exc.status < 500) from exc
        for message in render(response):
            await _send(channel, message, None)


async def _send(channel: discord.abc.Messageable, message: DiscordMessage, nonce: str | None) -> None:
    try:
        await channel.send(**message_kwargs(message), nonce=nonce)
    except (discord.NotFound, discord.Forbidden) as exc:
        raise DeliveryError(_reason(channel, exc), permanent=True, channel=True) from exc
    except discord.RateLimited as exc:  # longer than the client waits by itself
        raise DeliveryError(f"rate limited by Discord for {exc.retry_after:.0f} s", permanent=False) from exc
    except discord.HTTPException as exc:
        transient = exc.status >= 500 or exc.status == 429
        raise DeliveryError(_reason(channel, exc), permanent=not transient) from exc
    except (TimeoutError, aiohttp.ClientError, OSError) as exc:
        raise DeliveryError(f"could not reach Discord: {exc or type(exc).__name__}", permanent=False) from exc


def _reason(channel: discord.abc.Messageable, exc: discord.HTTPException) -> str:
    said = exc.text or exc.response.reason or "no detail"
    what = {404: "the channel no longer exists", 403: "the bot may not post there"}.get(exc.status, "Discord refused")
    return f"channel {getattr(channel, 'id', '?')}: {what} ({exc.status}: {said})"
