"""The link that adds the bot to a server, asking for exactly what it uses."""

from __future__ import annotations

import discord

SCOPES = ("bot", "applications.commands")


def bot_permissions() -> discord.Permissions:
    """List the permissions the bot uses, and no others.

    Returns:
        View channels (a channel the bot cannot see, it cannot post in), send messages (party steps),
        embed links (fact cards in party posts), read message history (the party's earlier posts in its
        channel) and create events (each party listed under the server's Events; optional: without it
        parties run the same, unlisted). Slash-command answers need none of these: they go through the
        interaction itself.

    """
    return discord.Permissions(
        view_channel=True, send_messages=True, embed_links=True, read_message_history=True, create_events=True
    )


def invite_url(application_id: int) -> str:
    """Build the OAuth2 link that adds the bot with its commands and permissions.

    Args:
        application_id: the bot's application id.

    Returns:
        ``https://discord.com/oauth2/authorize?client_id=…&scope=bot+applications.commands&permissions=…``.

    """
    return discord.utils.oauth_url(application_id, permissions=bot_permissions(), scopes=SCOPES)
