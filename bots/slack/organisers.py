"""Who organises a club on Slack: workspace admins and owners, or members of the club's user group.

This is Slack's `core.clubs.organisers.Organisers`. The core asks it from the worker thread that runs the
command; the Web API calls (``users.info``, ``usergroups.users.list``) run on the app's event loop. An API
failure counts as "no": a member is refused, never wrongly let in.
"""

from __future__ import annotations

import asyncio
import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)

ASK_TIMEOUT = 10.0  # seconds the command waits for Slack's answer before refusing


class SlackOrganisers:
    """The organiser answer for one member of one workspace, asked of Slack at most once per command."""

    def __init__(self, client: AsyncWebClient, user_id: str, loop: asyncio.AbstractEventLoop) -> None:
        self.client = client
        self.user_id = user_id
        self.loop = loop
        self._answers: dict[str | None, bool] = {}

    def is_organiser(self, organiser_role: str | None) -> bool:
        """Ask Slack (from a worker thread: the loop must be free to make the calls)."""
        if organiser_role not in self._answers:
            asked = asyncio.run_coroutine_threadsafe(self._ask(organiser_role), self.loop)
            try:
                self._answers[organiser_role] = asked.result(timeout=ASK_TIMEOUT)
            except TimeoutError:
                asked.cancel()
                log.warning("organiser check timed out")
                return False
        return self._answers[organiser_role]

    async def _ask(self, group: str | None) -> bool:
        try:
            user = (await self.client.users_info(user=self.user_id)).get("user") or {}
            if user.get("is_admin") or user.get("is_owner"):
                return True
            group_id = await self._group_id(group) if group else ""
            if not group_id:
                return False
            members = (await self.client.usergroups_users_list(usergroup=group_id)).get("users") or []
            return self.user_id in members
        except (SlackApiError, OSError) as exc:
            log.warning("could not check organiser rights: %s", exc)
            return False

    async def _group_id(self, group: str) -> str:
        """The user group's id; a handle (stored before groups were kept by id) is looked up."""
        handle = group.strip().lstrip("@")
        if handle.startswith("S"):
            return handle
        groups = (await self.client.usergroups_list()).get("usergroups") or []
        return next((g["id"] for g in groups if g.get("handle") == handle), "")
