"""The Slack app: one listener per command group, one for the Reveal button, all thin.

Each listener acknowledges at once (Slack drops a command not acknowledged within 3 s), runs the core
off the event loop, renders, and answers through ``respond`` (the payload's ``response_url``).
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bots.slack.commands import PLATFORM, read_command, slack_context
from bots.slack.render import POLL_ACTION, REVEAL_ACTION, render, render_reveal
from bots.slack.uploads import upload_files
from core.app import FilmClub
from core.clubs.keys import club_key
from core.commands.lines import Invocation
from core.commands.registry import Permission
from core.responses import Response, error
from core.settings import Settings
from core.spoilers.reveal import resolve_reveal

log = logging.getLogger(__name__)


def build_client(settings: Settings) -> AsyncWebClient:
    """A Web API client on ``SLACK_API_URL`` (GovSlack, or the tests' local fake)."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    client = AsyncWebClient(token=token, base_url=settings.slack_api_url)
    # Waits out a 429's Retry-After once before the call fails (a party step is then retried by the scheduler).
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=1))
    return client


async def is_organiser(client: AsyncWebClient, club: FilmClub, team_id: str, user_id: str) -> bool:
    """Workspace admins and owners, or members of the user group set with ``/club organiser-role``.

    The group may be given as its id (``S0123``) or its handle; an API failure counts as "no".
    """
    try:
        user = (await client.users_info(user=user_id)).get("user") or {}
        if user.get("is_admin") or user.get("is_owner"):
            return True
        group = club.clubs.get(club_key(PLATFORM, team_id)).organiser_role
        if not group:
            return False
        group_id = group.strip().lstrip("@")
        if not group_id.startswith("S"):
            groups = (await client.usergroups_list()).get("usergroups") or []
            group_id = next((g["id"] for g in groups if g.get("handle") == group_id), "")
        if not group_id:
            return False
        members = (await client.usergroups_users_list(usergroup=group_id)).get("users") or []
        return user_id in members
    except (SlackApiError, OSError) as exc:
        log.warning("could not check organiser rights: %s", exc)
        return False


async def answer(respond: Any, response: Response) -> None:
    """Send a response through ``respond``: in the channel, or only to the asker."""
    message = render(response)
    await respond(
        text=message.text,
        blocks=message.blocks,
        response_type="ephemeral" if message.ephemeral else "in_channel",
        replace_original=False,
    )


def build_app(club: FilmClub, client: AsyncWebClient, signing_secret: str | None) -> AsyncApp:
    """The bolt app with a listener for every command group of the registry and the Reveal button.

    Args:
        club: the core.
        client: the Web API client (its base URL decides where every Web API call goes).
        signing_secret: checks HTTP requests; None in Socket Mode, which needs no signature.

    Returns:
        The app, ready for an HTTP server or a Socket Mode handler.
    """
    app = AsyncApp(client=client, signing_secret=signing_secret, request_verification_enabled=bool(signing_secret))

    for group in club.registry.groups():
        app.command(f"/{group}")(command_listener(club, group))

    @app.action(REVEAL_ACTION)
    async def reveal(ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()
        value = (body.get("actions") or [{}])[0].get("value", "")
        part = await asyncio.to_thread(resolve_reveal, club, value)
        if part is None:
            await answer(respond, error("That hidden part is no longer available.", "Ask for the plot again."))
            return
        message = render_reveal(part)
        await respond(text=message.text, blocks=message.blocks, response_type="ephemeral", replace_original=False)

    app.action(re.compile(rf"^{POLL_ACTION}_\d+$"))(poll_press_listener(club))
    return app


def poll_press_listener(club: FilmClub) -> Any:
    """A poll button: the press is a ``/poll vote``; the voter hears back privately, the message's tallies update."""

    async def listener(ack: Any, body: dict[str, Any], respond: Any, client: AsyncWebClient) -> None:
        await ack()
        action = (body.get("actions") or [{}])[0]
        poll_id, _, position = str(action.get("value", "")).partition(":")
        ctx = slack_context(body, False)
        # the same press delivered twice (Slack retries an action it thinks unanswered) counts once
        ctx = ctx.model_copy(update={"press_id": f"{ctx.user_id}:{action.get('action_ts', '')}"})
        vote = Invocation(group="poll", name="vote", arguments={"film": position, "poll": poll_id})
        await answer(respond, await asyncio.to_thread(club.execute, vote, ctx))
        shown = await asyncio.to_thread(
            club.execute, Invocation(group="poll", name="show", arguments={"poll": poll_id}), ctx
        )
        message, ts = render(shown), (body.get("message") or {}).get("ts")
        if ts and not shown.is_error:
            await client.chat_update(channel=ctx.channel_id, ts=ts, text=message.text, blocks=message.blocks)

    return listener


def command_listener(club: FilmClub, group: str) -> Any:
    """The listener of one slash command group (``/film``, ``/party``, ``/club``)."""

    async def listener(ack: Any, body: dict[str, Any], respond: Any, client: AsyncWebClient) -> None:
        await ack()
        found = read_command(group, body.get("text", ""), club.registry)
        if isinstance(found, Response):
            await answer(respond, found)
            return
        command = club.registry.get(found.group, found.name)
        organiser = command is not None and command.permission is Permission.ORGANISER
        allowed = organiser and await is_organiser(client, club, body.get("team_id", ""), body.get("user_id", ""))
        response = await asyncio.to_thread(club.execute, found, slack_context(body, allowed))
        await answer(respond, response)
        await upload_files(client, response, body.get("channel_id", ""), body.get("user_id", ""))

    return listener
