"""Core arguments as Discord slash-command options: one transformer per `Argument`.

A discord.py `Transformer` carries everything an option needs (type, length or number bounds,
channel types, choices, autocomplete) and turns what Discord sends back into what the core expects:
text for text and films, an int for numbers, the id (as text) for channels and roles.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import discord
from discord import app_commands

from core.commands.registry import ArgType, Argument

MAX_CHOICES = 25  # Discord shows at most 25 choices or autocomplete answers
STRING_LIMIT = 6000  # Discord's largest max_length for a string option
# Where a party's prompts can be posted: text and announcement channels and their threads.
POSTABLE_CHANNELS = [
    discord.ChannelType.text,
    discord.ChannelType.news,
    discord.ChannelType.public_thread,
    discord.ChannelType.private_thread,
    discord.ChannelType.news_thread,
]
OPTION_TYPES = {
    ArgType.TEXT: discord.AppCommandOptionType.string,
    ArgType.FILM: discord.AppCommandOptionType.string,
    ArgType.INTEGER: discord.AppCommandOptionType.integer,
    ArgType.CHANNEL: discord.AppCommandOptionType.channel,
    ArgType.ROLE: discord.AppCommandOptionType.role,
}
Completer = Callable[[str], list[app_commands.Choice[str]]]


class ArgumentOption(app_commands.Transformer):
    """The Discord option for one core argument."""

    def __init__(self, argument: Argument) -> None:
        super().__init__()
        self.argument = argument

    @property
    def type(self) -> discord.AppCommandOptionType:
        return OPTION_TYPES[self.argument.type]

    @property
    def min_value(self) -> int | None:
        if self.argument.type is ArgType.INTEGER:
            return self.argument.min_value
        return 1 if self.type is discord.AppCommandOptionType.string and not self.argument.choices else None

    @property
    def max_value(self) -> int | None:
        if self.argument.type is ArgType.INTEGER:
            return self.argument.max_value
        if self.type is discord.AppCommandOptionType.string and not self.argument.choices:
            return min(self.argument.max_length, STRING_LIMIT)
        return None

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        return POSTABLE_CHANNELS if self.argument.type is ArgType.CHANNEL else []

    @property
    def choices(self) -> list[app_commands.Choice[int | float | str]] | None:
        values = self.argument.choices
        if not values or len(values) > MAX_CHOICES:  # more than Discord lists: offered by autocomplete instead
            return None
        choices: list[app_commands.Choice[int | float | str]] = [app_commands.Choice(name=v, value=v) for v in values]
        return choices

    async def transform(self, interaction: discord.Interaction, value: Any, /) -> Any:
        if self.argument.type in {ArgType.CHANNEL, ArgType.ROLE}:
            return str(value.id)  # AppCommandChannel / AppCommandThread / Role: the core keeps ids
        return value


class CompletedOption(ArgumentOption):
    """An option whose values Discord suggests while the member types (film titles, long choice lists)."""

    def __init__(self, argument: Argument, complete: Completer) -> None:
        super().__init__(argument)
        self.complete = complete

    async def autocomplete(  # type: ignore[override]
        self, interaction: discord.Interaction, value: str, /
    ) -> list[app_commands.Choice[str]]:
        return self.complete(value)[:MAX_CHOICES]


def option_for(argument: Argument, complete_film: Completer) -> ArgumentOption:
    """Build the option for ``argument``; films autocomplete from the library, long choice lists from themselves.

    Args:
        argument: the core argument.
        complete_film: titles for what a member has typed so far.

    Returns:
        The transformer to use as the callback parameter's annotation.

    """
    if argument.type is ArgType.FILM:
        return CompletedOption(argument, complete_film)
    if len(argument.choices) > MAX_CHOICES:
        return CompletedOption(argument, lambda typed: _matching_choices(argument.choices, typed))
    return ArgumentOption(argument)


def _matching_choices(values: tuple[str, ...], typed: str) -> list[app_commands.Choice[str]]:
    folded = typed.casefold().strip()
    starts = [v for v in values if v.casefold().startswith(folded)]
    within = [v for v in values if folded in v.casefold() and v not in starts]
    return [app_commands.Choice(name=v, value=v) for v in [*starts, *within][:MAX_CHOICES]]
