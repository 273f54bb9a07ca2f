"""Posting scheduled watch-party steps to Slack channels with ``chat.postMessage``."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bots.slack.commands import PLATFORM
from bots.slack.render import render
from core.parties.delivery import DeliveryError
from core.responses import Response

log = logging.getLogger(__name__)

# Errors retrying cannot fix: the step fails and the organiser is told.
PERMANENT_ERRORS = frozenset(
    {"channel_not_found", "not_in_channel", "is_archived", "missing_scope", "restricted_action", "invalid_auth"}
)


class SlackPublisher:
    """The Slack side of `core.parties.delivery.Publisher`."""

    platform = PLATFORM

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def publish(self, channel_id: str, response: Response) -> None:
        """Post ``response`` in ``channel_id``.

        Raises:
            DeliveryError: permanent for a missing, archived or closed channel; transient otherwise
                (rate limits are first retried by slack_sdk's own retry handler).
        """
        message = render(response)
        try:
            await self.client.chat_postMessage(channel=channel_id, text=message.text, blocks=message.blocks)
        except SlackApiError as exc:
            error = str(exc.response.get("error", "unknown_error"))
            log.warning("slack refused a party step for channel %s: %s", channel_id, error)
            raise DeliveryError(f"Slack said {error}", permanent=error in PERMANENT_ERRORS) from exc
        except OSError as exc:
            raise DeliveryError(f"Slack could not be reached ({exc})", permanent=False) from exc
