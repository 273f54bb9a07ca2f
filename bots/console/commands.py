"""Console-only lines (help, spoilers on, reveal N, clear, quit) and the help text built from the registry."""

from __future__ import annotations

from core.commands.registry import GROUP_DESCRIPTIONS, Registry
from core.responses import ListPart, Response

QUIT_WORDS = frozenset({"quit", "exit", ":q"})
# What the console itself answers (not the core), for the help text and Tab completion.
CONSOLE_LINES = {
    "help": "this list",
    "spoilers on": "show every hidden part from now on (spoilers off: hide them again)",
    "reveal N": "show part N of the plot you just read, only that part",
    "clear": "clear the screen",
    "quit": "leave (or Ctrl-D)",
}
CONSOLE_WORDS = frozenset({"help", "spoilers", "reveal", "clear", *QUIT_WORDS})


def help_response(registry: Registry) -> Response:
    """Every command with its usage and an example, grouped as on the chat platforms."""
    parts = []
    for group in registry.groups():
        items = []
        for command in registry.in_group(group):
            example = f"  e.g. {command.examples[0]}" if command.examples else ""
            items.append(f"{command.usage()} — {command.description}{example}")
        parts.append(ListPart(title=f"/{group}: {GROUP_DESCRIPTIONS.get(group, '')}", items=items))
    parts.append(ListPart(title="console", items=[f"{line} — {what}" for line, what in CONSOLE_LINES.items()]))
    return Response(parts=parts)
