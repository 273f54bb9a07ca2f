"""Who organises a club: asked of the platform, through one small interface each adapter implements.

Only the platform knows its members' rights (Discord's permissions and roles, Slack's admins and user
groups), so the core never decides it alone; it reads the club's stored organiser role and asks the
adapter's `Organisers`, and only when a command needs to know.
"""

from __future__ import annotations

from typing import Protocol


class Organisers(Protocol):
    """The platform's answer for the member running a command."""

    def is_organiser(self, organiser_role: str | None) -> bool:
        """Tell whether the member organises the club.

        Args:
            organiser_role: the platform's id of the club's organiser role or user group, None when unset.

        Returns:
            True when the member may run organiser commands.
        """
        ...


class Everyone:
    """Every member organises: the console, whose one user runs their own club."""

    def is_organiser(self, organiser_role: str | None) -> bool:
        """Always."""
        return True


class Nobody:
    """No member organises: a context built without asking the platform (a button press, a test's member)."""

    def is_organiser(self, organiser_role: str | None) -> bool:
        """Never."""
        return False


EVERYONE = Everyone()
NOBODY = Nobody()
