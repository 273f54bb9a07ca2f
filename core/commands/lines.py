"""Reading a typed command line (``/film plot Children of Heaven upto:3``) into an invocation.

The console takes these lines, and Slack hands us the same text after the slash command. The first
argument may be given bare (the rest of the line up to the first ``name:``); later arguments are
``name:value``, a value running to the next known ``name:``.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel

from core.commands.registry import Command, Registry


class Invocation(BaseModel):
    """A command picked by group and name, with its raw argument strings (checked later)."""

    group: str
    name: str
    arguments: dict[str, Any] = {}


class LineError(ValueError):
    """The line does not name a command; the message says what would."""


def parse_line(line: str, registry: Registry) -> Invocation:
    """Split a command line into group, name and arguments.

    Args:
        line: e.g. ``/film info Children of Heaven`` (the leading slash is optional).
        registry: the commands that exist.

    Returns:
        The invocation, its arguments still strings.

    Raises:
        LineError: no such group or command.
    """
    words = line.strip().lstrip("/").split(maxsplit=2)
    if not words:
        raise LineError("empty command")
    group = words[0].casefold()
    if group not in registry.groups():
        raise LineError(f"unknown command /{words[0]}{_did_you_mean(group, registry.groups(), '/')}")
    names = [c.name for c in registry.in_group(group)]
    if len(words) < 2:
        usages = "; ".join(c.usage() for c in registry.in_group(group))
        raise LineError(f"/{group} needs a subcommand: {usages}")
    command = registry.get(group, words[1].casefold())
    if command is None:
        raise LineError(f"/{group} has no subcommand {words[1]!r}{_did_you_mean(words[1], names, f'/{group} ')}")
    rest = words[2] if len(words) > 2 else ""
    return Invocation(group=group, name=command.name, arguments=split_arguments(rest, command))


def _did_you_mean(typed: str, known: list[str], prefix: str) -> str:
    """`` (did you mean /film info?)`` for a slip of a key or two, else nothing."""
    close = difflib.get_close_matches(typed.casefold(), known, n=1, cutoff=0.6)
    return f" (did you mean {prefix}{close[0]}?)" if close else ""


def split_arguments(rest: str, command: Command) -> dict[str, str]:
    """Arguments of one command from the text after its name."""
    names = [a.name for a in command.arguments]
    if not names:
        return {}
    marker = re.compile(r"(?:(?<=\s)|^)(" + "|".join(map(re.escape, names)) + r"):", re.IGNORECASE)
    found: dict[str, str] = {}
    matches = list(marker.finditer(rest))
    head = rest[: matches[0].start()] if matches else rest
    if head.strip():
        found[names[0]] = head.strip()
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(rest)
        found[match.group(1).casefold()] = rest[match.end() : end].strip()
    return found
