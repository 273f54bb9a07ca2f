"""Who organises a club on Discord: server managers, and the holders of the club's organiser role.

Without an organiser role, members who may manage events organise; with one, its holders do (and
server managers always, so a club can never lock itself out of its own settings).
"""

from __future__ import annotations

import re
from collections.abc import Collection

import discord

_ROLE_ID = re.compile(r"^(?:<@&)?(\d{15,21})>?$")


def is_organiser(permissions: discord.Permissions, role_ids: Collection[int], organiser_role: str | None) -> bool:
    """Tell whether a member may run organiser commands.

    Args:
        permissions: the member's permissions in the channel (``interaction.permissions``).
        role_ids: the ids of the member's roles.
        organiser_role: the club's stored organiser role (an id, as ``/club organiser-role`` stores it), if any.

    Returns:
        True for administrators and server managers; for holders of the organiser role when one is set;
        for members who may manage events when none is.

    """
    if permissions.administrator or permissions.manage_guild:
        return True
    if organiser_role:
        return role_id(organiser_role) in role_ids
    return permissions.manage_events


def role_id(stored: str) -> int | None:
    """Read a stored role (``123…`` or ``<@&123…>``) as its id; None for anything else."""
    match = _ROLE_ID.match(stored.strip())
    return int(match.group(1)) if match else None
