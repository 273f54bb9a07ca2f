"""The keys a club's and a channel's data are stored under: built here only, so no adapter spells them.

A club is one server of one platform (a Discord guild, a Slack workspace, the console); the platform is part
of the key so the same id on two platforms never shares data.
"""

from __future__ import annotations


def club_key(platform: str, server_id: str) -> str:
    """The club of one server, e.g. ``slack:T0123``.

    Args:
        platform: ``discord``, ``slack`` or ``console``.
        server_id: the platform's id of the server.

    Returns:
        The key every club table is filtered by.
    """
    return f"{platform}:{server_id}"


def channel_key(platform: str, server_id: str, channel_id: str) -> str:
    """One channel of one club, unique across platforms and servers.

    Args:
        platform: the platform.
        server_id: the server the channel is in.
        channel_id: the platform's id of the channel.

    Returns:
        The key of the channel's memory.
    """
    return f"{club_key(platform, server_id)}:{channel_id}"
