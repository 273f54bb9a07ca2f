"""The one command surface: every adapter builds its slash commands from this registry.

A command is a group and a name (``/film info``), a pydantic model of its arguments (with descriptions
and limits, see `core.commands.arguments`), who may run it, and a handler that takes the club, the
caller's context and the validated model and returns a neutral `Response`. Discord, Slack and the
console stay the same by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ConfigDict, Field, SkipValidation

from core.clubs.keys import channel_key, club_key
from core.clubs.organisers import NOBODY, Organisers
from core.commands.arguments import ArgType, Argument, Arguments, arguments_of
from core.responses import Response

if TYPE_CHECKING:
    from core.app import FilmClub


class Permission(StrEnum):
    """Who may run a command."""

    EVERYONE = "everyone"
    ORGANISER = "organiser"


class CommandContext(BaseModel):
    """Who runs a command, where: ids are the platform's, as strings, namespaced by ``platform``.

    ``organisers`` is the platform's answer to "does this member organise?", asked by `FilmClub.is_organiser`
    only when a command needs it (on Slack it is a Web API call).
    """

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    platform: str
    server_id: str
    channel_id: str
    user_id: str
    user_name: str = ""
    organisers: SkipValidation[Organisers] = Field(default=NOBODY, exclude=True, repr=False)
    spoiler_channel: bool = False
    now: datetime | None = None
    shard_key: int | None = None  # a sharded platform's number for the server (core.parties.shards), else None
    press_id: str | None = None  # the platform's id of a button press: the same press delivered twice counts once

    @property
    def moment(self) -> datetime:
        """The command's "now": the injected one in tests and replays, else the clock."""
        return self.now or datetime.now(UTC)

    @property
    def club_key(self) -> str:
        """The club (server) this context belongs to: one server never sees another's data."""
        return club_key(self.platform, self.server_id)

    @property
    def channel_key(self) -> str:
        """The channel, unique across platforms and servers."""
        return channel_key(self.platform, self.server_id, self.channel_id)


A = TypeVar("A", bound=Arguments)
# Stored loosely typed so the model needs no club class to be defined; `Registry.command` types each handler.
Handler = Callable[..., Response]
TypedHandler = Callable[["FilmClub", CommandContext, A], Response]


class Command(BaseModel):
    """A command's definition and its handler."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    group: str
    name: str
    description: str
    model: type[Arguments]
    permission: Permission = Permission.EVERYONE
    examples: tuple[str, ...] = ()
    handler: Handler = Field(exclude=True, repr=False)

    @property
    def arguments(self) -> tuple[Argument, ...]:
        """The arguments as adapters build options from them, in the model's field order."""
        return arguments_of(self.model)

    @property
    def path(self) -> str:
        """The command as typed: ``/film info``."""
        return f"/{self.group} {self.name}"

    def usage(self) -> str:
        """One line of usage: ``/film plot <title> [upto:N]``."""
        parts = [self.path]
        for i, arg in enumerate(self.arguments):
            shown = arg.name if i == 0 and arg.type in {ArgType.FILM, ArgType.TEXT} else f"{arg.name}:…"
            parts.append(f"<{shown}>" if arg.required else f"[{shown}]")
        return " ".join(parts)


GROUP_DESCRIPTIONS = {
    "film": "Look films up, ask about them, read plots without spoilers",
    "party": "Watch parties with scheduled discussion prompts",
    "club": "This club's settings, watchlist, club night and history",
    "poll": "Vote on the next film",
}


class Registry:
    """Commands by group and name, in the order they were added."""

    def __init__(self) -> None:
        self._commands: dict[tuple[str, str], Command] = {}

    def add(self, command: Command) -> None:
        """Register a command; a second command with the same path is a programming error."""
        key = (command.group, command.name)
        if key in self._commands:
            raise ValueError(f"duplicate command {command.path}")
        self._commands[key] = command

    def command(
        self,
        group: str,
        name: str,
        description: str,
        model: type[A],
        permission: Permission = Permission.EVERYONE,
        examples: tuple[str, ...] = (),
    ) -> Callable[
        [Callable[[FilmClub, CommandContext, A], Response]], Callable[[FilmClub, CommandContext, A], Response]
    ]:
        """Decorator form of `add` for handler functions, typed by the command's arguments model."""

        def register(
            handler: Callable[[FilmClub, CommandContext, A], Response],
        ) -> Callable[[FilmClub, CommandContext, A], Response]:
            self.add(
                Command(
                    group=group,
                    name=name,
                    description=description,
                    model=model,
                    permission=permission,
                    examples=examples,
                    handler=handler,
                )
            )
            return handler

        return register

    def get(self, group: str, name: str) -> Command | None:
        """The command at ``/group name``, or None."""
        return self._commands.get((group, name))

    def groups(self) -> list[str]:
        """Group names in registration order."""
        return list(dict.fromkeys(g for g, _ in self._commands))

    def in_group(self, group: str) -> list[Command]:
        """The commands of one group."""
        return [c for (g, _), c in self._commands.items() if g == group]

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands.values())


__all__ = ["ArgType", "Argument", "Arguments", "Command", "CommandContext", "Permission", "Registry"]
