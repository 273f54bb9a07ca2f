"""Posting scheduled watch-party steps to Slack channels with ``chat.postMessage``.

A step's post carries its send key in Slack message metadata (``event_type`` `EVENT_TYPE`, payload
``{"step": key}``). Slack has no idempotent post, so before a resend the scheduler asks `delivered`,
which reads the channel's history since the first try (``conversations.history`` with
``include_all_metadata``) for a message with that key.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bots.slack.commands import PLATFORM
from bots.slack.render import render
from core.parties.delivery import DeliveryError
from core.responses import Response

log = logging.getLogger(__name__)

# Errors retrying cannot fix, all about the channel or the app's access to it: the party pauses until it is fixed.
PERMANENT_ERRORS = frozenset(
    {"channel_not_found", "not_in_channel", "is_archived", "missing_scope", "restricted_action", "invalid_auth"}
)
UNREADABLE = ("not_in_channel", "missing_scope")  # a history Slack will not show us: we cannot tell, so we post
EVENT_TYPE = "filmclub_step"
HISTORY_PAGES = 5  # of 200 messages: a channel busier than that since the first try is read no further
SLACK_EARLY = 60.0  # seconds: the history is read from a minute before the first try (clocks differ)


class SlackPublisher:
    """The Slack side of `core.parties.delivery.Publisher`."""

    platform = PLATFORM

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def publish(self, channel_id: str, response: Response, key: str | None = None) -> None:
        """Post ``response`` in ``channel_id``, with ``key`` in its metadata when given.

        Raises:
            DeliveryError: permanent for a missing, archived or closed channel; transient otherwise
                (rate limits are first retried by slack_sdk's own retry handler).
        """
        message = render(response)
        metadata = None if key is None else {"event_type": EVENT_TYPE, "event_payload": {"step": key}}
        await self._call(
            "chat_postMessage", channel=channel_id, text=message.text, blocks=message.blocks, metadata=metadata
        )

    async def delivered(self, channel_id: str, key: str, since: datetime) -> bool:
        """Whether the channel holds a message posted since ``since`` whose metadata carries ``key``.

        A channel the bot posts to without being in it (``chat:write.public``), or an install from before the
        ``:history`` scopes, cannot be read: False, logged (the step is posted again rather than held up).
        """
        cursor: str | None = None
        for _page in range(HISTORY_PAGES):
            try:
                page = await self._call(
                    "conversations_history",
                    channel=channel_id,
                    oldest=f"{since.timestamp() - SLACK_EARLY:.6f}",
                    include_all_metadata=True,
                    limit=200,
                    cursor=cursor,
                )
            except DeliveryError as exc:
                if not any(error in exc.reason for error in UNREADABLE):
                    raise
                log.warning("cannot read channel %s to check a resend (%s): posting again", channel_id, exc.reason)
                return False
            if any(_key_of(m) == key for m in page.get("messages") or []):
                return True
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not page.get("has_more") or not cursor:
                return False
        return False

    async def notify(self, user_id: str, response: Response) -> None:
        """DM a member: ``conversations.open`` with them, then ``chat.postMessage`` there."""
        opened = await self._call("conversations_open", users=user_id)
        message = render(response)
        channel = str((opened.get("channel") or {}).get("id", ""))
        await self._call("chat_postMessage", channel=channel, text=message.text, blocks=message.blocks)

    async def _call(self, method: str, **kwargs: Any) -> Any:
        try:
            return await getattr(self.client, method)(**kwargs)
        except SlackApiError as exc:
            error = str(exc.response.get("error", "unknown_error"))
            log.warning("slack refused %s for channel %s: %s", method, kwargs.get("channel"), error)
            lost = error in PERMANENT_ERRORS
            raise DeliveryError(f"Slack said {error}", permanent=lost, channel=lost) from exc
        except OSError as exc:
            raise DeliveryError(f"Slack could not be reached ({exc})", permanent=False) from exc


def _key_of(message: dict[str, Any]) -> str | None:
    metadata = message.get("metadata") or {}
    if metadata.get("event_type") != EVENT_TYPE:
        return None
    return (metadata.get("event_payload") or {}).get("step")
