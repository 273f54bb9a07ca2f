"""Slash commands built from the core registry: one `app_commands.Group` per group, one command per entry.

Nothing here names a command: a command registered in the core appears on Discord at the next start.
discord.py reads a command's options from its callback's signature, so each callback gets a
signature made from the command's arguments (``__signature__``, which `inspect.signature` honours),
with one `ArgumentOption` transformer per argument as its annotation; descriptions and renames go
through discord.py's own ``describe`` and ``rename`` decorators.
"""

from __future__ import annotations

import inspect
import keyword
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands

from bots.discord.options import Completer, option_for
from core.commands.registry import GROUP_DESCRIPTIONS, Command, Registry

DESCRIPTION_LIMIT = 100  # Discord's limit for command and option descriptions
Answer = Callable[[discord.Interaction, Command, dict[str, Any]], Awaitable[None]]


def build_groups(registry: Registry, answer: Answer, complete_film: Completer) -> list[app_commands.Group]:
    """Build the slash-command groups for every command in the registry.

    Args:
        registry: the core's commands.
        answer: runs a core command for an interaction (parse → core → render → send).
        complete_film: film titles for what a member has typed so far.

    Returns:
        One guild-only group per registry group (``/film``, ``/party``, ``/club`` …).

    """
    groups = []
    for name in registry.groups():
        group = app_commands.Group(
            name=name,
            description=_short(GROUP_DESCRIPTIONS.get(name, f"/{name} commands")),
            guild_only=True,  # a club is a server: its settings, parties and memory live there
        )
        for command in registry.in_group(name):
            group.add_command(build_command(command, answer, complete_film))
        groups.append(group)
    return groups


def build_command(command: Command, answer: Answer, complete_film: Completer) -> app_commands.Command[Any, ..., Any]:
    """Build one slash command whose options are the core command's arguments.

    Args:
        command: the core command.
        answer: called with the interaction, the command and the arguments by their core names.
        complete_film: film titles for what a member has typed so far.

    Returns:
        The discord.py command, not yet attached to a group.

    """
    python_names = {argument.name: _python_name(argument.name) for argument in command.arguments}
    core_names = {python: core for core, python in python_names.items()}

    async def callback(interaction: discord.Interaction, **options: Any) -> None:
        await answer(interaction, command, {core_names[name]: value for name, value in options.items()})

    first = inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction)
    parameters = [first]
    for argument in command.arguments:
        parameters.append(
            inspect.Parameter(
                python_names[argument.name],
                inspect.Parameter.KEYWORD_ONLY,
                annotation=option_for(argument, complete_film),
                default=inspect.Parameter.empty if argument.required else None,
            )
        )
    callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    described = app_commands.describe(**{python_names[a.name]: _short(a.description) for a in command.arguments})
    renamed = app_commands.rename(**{p: core for core, p in python_names.items() if p != core})
    return app_commands.Command(
        name=command.name,
        description=_short(command.description),
        callback=renamed(described(callback)),
    )


def _python_name(name: str) -> str:
    """Make an option name usable as a Python parameter ("organiser-role" → "organiser_role")."""
    python = name.replace("-", "_")
    return f"{python}_" if keyword.iskeyword(python) else python


def _short(text: str) -> str:
    return text if len(text) <= DESCRIPTION_LIMIT else text[: DESCRIPTION_LIMIT - 1] + "…"
