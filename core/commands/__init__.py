"""The command surface: `build_registry` gathers every feature's commands into one registry."""

from __future__ import annotations

import importlib

from core.commands.registry import Registry

# Each feature package owns its commands in a `commands` module with `register(registry)`.
COMMAND_MODULES = (
    "core.answers.commands",
    "core.spoilers.commands",
    "core.library.commands",
    "core.parties.commands",
    "core.clubs.commands",
)


def build_registry() -> Registry:
    """Every command of the bot, in a fixed order (adapters' command lists follow it)."""
    registry = Registry()
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # INTEGRATION: becomes a strict import once every module exists
            if exc.name != name:
                raise
            continue
        module.register(registry)
    return registry
