"""Answering an interaction with rendered messages: reply, deferred reply, follow-ups; never a ping."""

from __future__ import annotations

import io
from typing import Any

import discord

from bots.discord.buttons import action_view
from bots.discord.render import DiscordMessage


async def send_messages(interaction: discord.Interaction, messages: list[DiscordMessage]) -> None:
    """Send rendered messages as the interaction's answer, in order.

    The first message answers the interaction (or fills the deferred "thinking…" reply); the rest
    follow up. A private answer after a public deferral replaces the deferral with an ephemeral
    follow-up, since a deferred reply keeps the visibility it was deferred with.

    Args:
        interaction: the interaction to answer.
        messages: the rendered answer (at least one message).

    """
    first, *rest = messages
    if not interaction.response.is_done():
        await interaction.response.send_message(**message_kwargs(first), ephemeral=first.ephemeral)
    elif first.ephemeral:
        await interaction.delete_original_response()
        await interaction.followup.send(**message_kwargs(first), ephemeral=True)
    else:
        edit = message_kwargs(first)
        if "files" in edit:  # an edit names its attachments
            edit["attachments"] = edit.pop("files")
        await interaction.edit_original_response(**edit)
    for message in rest:
        await interaction.followup.send(**message_kwargs(message), ephemeral=message.ephemeral)


def message_kwargs(message: DiscordMessage) -> dict[str, Any]:
    """Turn a rendered message into discord.py send arguments, with every mention switched off."""
    payload: dict[str, Any] = {
        "embeds": [discord.Embed.from_dict(embed) for embed in message.embeds],
        "allowed_mentions": discord.AllowedMentions.none(),
    }
    if message.content:
        payload["content"] = message.content
    if message.rows:
        payload["view"] = action_view(message.rows)
    if message.files:
        payload["files"] = [
            discord.File(io.BytesIO(f.data), filename=f.filename, description=f.description or None)
            for f in message.files
        ]
    return payload
