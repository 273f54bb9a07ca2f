"""Our buttons on Discord: each carries a core action's key in its custom id.

Any press of one, even on a message sent before a restart, comes to `ActionButton.callback`: a discord.py
dynamic item, registered once by the bot, so no view has to be kept per message.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol

import discord

from bots.discord.render import DiscordButton

if TYPE_CHECKING:
    from collections.abc import Sequence

PREFIX = "filmclub:"


class Presses(Protocol):
    """What handles a press: the bot (kept abstract here so this module does not import the app)."""

    async def press(self, interaction: discord.Interaction, key: str) -> None:
        """Run the action ``key`` for the member who pressed."""


class ActionButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"{PREFIX}(?P<key>[0-9a-f]{{1,32}})"):
    """A button whose custom id is ``filmclub:<action key>``."""

    def __init__(self, key: str, label: str = "") -> None:
        super().__init__(
            discord.ui.Button(label=label or None, custom_id=f"{PREFIX}{key}", style=discord.ButtonStyle.secondary)
        )
        self.key = key

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ActionButton:
        """Rebuild the button of a press from its custom id (discord.py calls this for every matching press)."""
        return cls(match["key"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Hand the press to the bot."""
        client: Presses = interaction.client  # type: ignore[assignment]
        await client.press(interaction, self.key)


def action_view(rows: Sequence[list[DiscordButton]]) -> discord.ui.View:
    """The buttons of a message, row by row (a view that never times out: the presses go to `ActionButton`)."""
    view = discord.ui.View(timeout=None)
    for number, row in enumerate(rows):
        for button in row:
            item = ActionButton(button.key, button.label)
            item.item.row = number
            view.add_item(item)
    return view
