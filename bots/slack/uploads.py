"""Files of an answer (a year-in-review card, a calendar) uploaded with ``files_upload_v2``.

A public answer's file goes to the channel it was asked in; a private one (the calendar, with its secret address)
to the asker's direct messages, since Slack has no ephemeral files. Needs the ``files:write`` scope (and
``im:write`` to open the DM), both in the manifest.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from core.responses import FilePart, Response, Visibility

log = logging.getLogger("filmclub.slack")


async def upload_files(client: AsyncWebClient, response: Response, channel_id: str, user_id: str) -> None:
    """Upload every file part of ``response``; a refusal is logged and said in the message already sent."""
    files = [p for p in response.parts if isinstance(p, FilePart)]
    if not files:
        return
    try:
        target = channel_id
        if response.visibility is Visibility.PRIVATE:
            opened = await client.conversations_open(users=user_id)
            target = str((opened.get("channel") or {}).get("id", ""))
        for part in files:
            await client.files_upload_v2(
                channel=target, file=part.data, filename=part.filename, title=part.description or part.filename
            )
    except SlackApiError as exc:
        log.warning("file upload refused: %s", exc.response.get("error"))
