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
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bots.slack.commands import action_user, read_command, slack_context
from bots.slack.organisers import SlackOrganisers
from bots.slack.render import ACTION, REVEAL_ACTION, SlackMessage, render, render_reveal
from bots.slack.uploads import upload_files
from core.app import FilmClub
from core.responses import Response, SpoilerPart
from core.settings import Settings

log = logging.getLogger(__name__)


def build_client(settings: Settings) -> AsyncWebClient:
    """A Web API client on ``SLACK_API_URL`` (GovSlack, or the tests' local fake)."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    client = AsyncWebClient(token=token, base_url=settings.slack_api_url)
    # Waits out a 429's Retry-After once before the call fails (a party step is then retried by the scheduler).
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=1))
    return client


async def answer(respond: Any, response: Response) -> None:
    """Send a response through ``respond``: in the channel, or only to the asker."""
    message = render(response)
    await respond(
        text=message.text,
        blocks=message.blocks,
        response_type="ephemeral" if message.ephemeral else "in_channel",
        replace_original=False,
    )


class _GivenClient(logging.Filter):
    """Drop bolt's "`token` will be unused", which warned of nothing on every start.

    It fires whenever SLACK_BOT_TOKEN is set, and we pass the client on purpose (its base URL and retry handlers).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


GIVEN_CLIENT = _GivenClient()


def build_app(club: FilmClub, client: AsyncWebClient, signing_secret: str | None) -> AsyncApp:
    """The bolt app with a listener for every command group of the registry and the Reveal button.

    Args:
        club: the core.
        client: the Web API client (its base URL decides where every Web API call goes).
        signing_secret: checks HTTP requests; None in Socket Mode, which needs no signature.

    Returns:
        The app, ready for an HTTP server or a Socket Mode handler.
    """
    logging.getLogger("slack_bolt.AsyncApp").addFilter(GIVEN_CLIENT)  # the same filter once, however many apps
    app = AsyncApp(client=client, signing_secret=signing_secret, request_verification_enabled=bool(signing_secret))

    for group in club.registry.groups():
        app.command(f"/{group}")(command_listener(club, group))

    @app.action(REVEAL_ACTION)
    async def reveal(ack: Any, body: dict[str, Any], respond: Any, client: AsyncWebClient) -> None:
        await ack()
        value = str((body.get("actions") or [{}])[0].get("value", ""))
        ctx = slack_context(body, SlackOrganisers(client, action_user(body), asyncio.get_running_loop()))
        revealed = await asyncio.to_thread(club.reveal, value, ctx)
        if revealed.is_error or not isinstance(part := revealed.parts[0], SpoilerPart):
            await answer(respond, revealed)
            return
        message = render_reveal(part)
        await respond(text=message.text, blocks=message.blocks, response_type="ephemeral", replace_original=False)

    app.action(re.compile(rf"^{ACTION}_\d+$"))(press_listener(club))
    return app


def press_listener(club: FilmClub) -> Any:
    """Any of our buttons: the stored command runs as the presser, who alone hears back.

    A message that re-draws (a poll's tallies) is updated in place.
    """

    async def listener(ack: Any, body: dict[str, Any], respond: Any, client: AsyncWebClient) -> None:
        await ack()
        action = (body.get("actions") or [{}])[0]
        ctx = slack_context(body, SlackOrganisers(client, action_user(body), asyncio.get_running_loop()))
        # the same press delivered twice (Slack retries an action it thinks unanswered) counts once
        ctx = ctx.model_copy(update={"press_id": f"{ctx.user_id}:{action.get('action_ts', '')}"})
        pressed = await asyncio.to_thread(club.press, str(action.get("value", "")), ctx)
        await answer(respond, pressed.answer)
        ts = (body.get("message") or {}).get("ts")
        if ts and pressed.redrawn is not None:
            await redraw(client, respond, ctx.channel_id, ts, render(pressed.redrawn))

    return listener


async def redraw(client: AsyncWebClient, respond: Any, channel: str, ts: str, message: SlackMessage) -> None:
    """Update the pressed message in place.

    ``chat.update`` first; where Slack refuses it (a message a slash command's answer posted), the press's own
    ``response_url`` replaces the original.
    """
    try:
        await client.chat_update(channel=channel, ts=ts, text=message.text, blocks=message.blocks)
    except SlackApiError as exc:
        log.info("chat.update refused (%s): replacing through the response URL", exc.response.get("error"))
        await respond(text=message.text, blocks=message.blocks, replace_original=True)


def command_listener(club: FilmClub, group: str) -> Any:
    """The listener of one slash command group (``/film``, ``/party``, ``/club``)."""

    async def listener(ack: Any, body: dict[str, Any], respond: Any, client: AsyncWebClient) -> None:
        await ack()
        found = read_command(group, body.get("text", ""), club.registry)
        if isinstance(found, Response):
            await answer(respond, found)
            return
        organisers = SlackOrganisers(client, body.get("user_id", ""), asyncio.get_running_loop())
        response = await asyncio.to_thread(club.execute, found, slack_context(body, organisers))
        await answer(respond, response)
        await upload_files(client, response, body.get("channel_id", ""), body.get("user_id", ""))

    return listener
