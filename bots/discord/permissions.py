"""Who organises a club on Discord: server managers, and the holders of the club's organiser role.

Without an organiser role, members who may manage events organise; with one, its holders do (and
server managers always, so a club can never lock itself out of its own settings). This is Discord's
`core.clubs.organisers.Organisers`, read from the interaction: no API call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import discord

_ROLE_ID = re.compile(r"^(?:<@&)?(\d{15,21})>?$")


@dataclass(frozen=True)
class MemberOrganisers:
    """The organiser answer for one member, from what the interaction says of them."""

    permissions: discord.Permissions  # in the channel (``interaction.permissions``)
    role_ids: frozenset[int]

    @classmethod
    def of(cls, interaction: discord.Interaction) -> MemberOrganisers:
        """Read the member who sent an interaction (no roles outside a server)."""
        user = interaction.user
        roles = frozenset(role.id for role in user.roles) if isinstance(user, discord.Member) else frozenset()
        return cls(permissions=interaction.permissions, role_ids=roles)

    def is_organiser(self, organiser_role: str | None) -> bool:
        """Administrators and managers always; else the role's holders when one is set, or event managers."""
        if self.permissions.administrator or self.permissions.manage_guild:
            return True
        if organiser_role:
            return role_id(organiser_role) in self.role_ids
        return self.permissions.manage_events


def role_id(stored: str) -> int | None:
    """Read a stored role (``123…`` or ``<@&123…>``) as its id; None for anything else."""
    match = _ROLE_ID.match(stored.strip())
    return int(match.group(1)) if match else None
