"""Console-only lines (``help``, ``spoilers on``, ``quit``) and the help text built from the registry."""

from __future__ import annotations

from core.commands.registry import GROUP_DESCRIPTIONS, Registry
from core.responses import ListPart, Response

QUIT_WORDS = frozenset({"quit", "exit", ":q"})


def help_response(registry: Registry) -> Response:
    """Every command with its usage and an example, grouped as on the chat platforms."""
    parts = []
    for group in registry.groups():
        items = []
        for command in registry.in_group(group):
            example = f"  e.g. {command.examples[0]}" if command.examples else ""
            items.append(f"{command.usage()} — {command.description}{example}")
        parts.append(ListPart(title=f"/{group}: {GROUP_DESCRIPTIONS.get(group, '')}", items=items))
    parts.append(
        ListPart(
            title="console",
            items=["help — this list", "spoilers on|off — show hidden plot parts", "quit — leave"],
        )
    )
    return Response(parts=parts)
