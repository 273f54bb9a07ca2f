"""The one module where tests touch discord.py's private names; discord.py is pinned to >=2.7,<2.8 for them.

`invoke` is how discord.py's own tests deliver an interaction: the same tree dispatch the gateway's
INTERACTION_CREATE reaches, awaited so the test knows when the answer has been sent.
"""

from __future__ import annotations

from typing import Any

import discord


async def invoke(client: discord.Client, payload: dict[str, Any]) -> discord.Interaction:
    """Deliver an interaction payload to the client's command tree and wait for the answer to be sent."""
    interaction = interaction_for(client, payload)
    tree = client._connection._command_tree
    assert tree is not None
    await tree._call(interaction)
    return interaction


def add_guild(client: discord.Client, payload: dict[str, Any]) -> None:
    """Put a server (roles, channels) in the client's cache, as the gateway's GUILD_CREATE does."""
    client._connection.parse_guild_create(payload)  # type: ignore[arg-type]


def interaction_for(client: discord.Client, payload: dict[str, Any]) -> discord.Interaction:
    """An interaction object for a payload, to answer directly (without running a command)."""
    return discord.Interaction(data=payload, state=client._connection)  # type: ignore[arg-type]


def deliver(client: discord.Client, payload: dict[str, Any]) -> None:
    """Hand an interaction to the client as the gateway's INTERACTION_CREATE does (button presses go this way)."""
    client._connection.parse_interaction_create(payload)
