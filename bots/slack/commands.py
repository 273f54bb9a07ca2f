"""Slack slash-command text → a core invocation, and the caller → a core context.

Slack hands us ``/film`` with ``text = "info Children of Heaven"``: exactly the console's command line after
the group, so the core's own line parser reads it and commands added to the registry appear here unchanged.
"""

from __future__ import annotations

from typing import Any

from core.clubs.organisers import Organisers
from core.commands.lines import Invocation, LineError, parse_line
from core.commands.registry import CommandContext, Registry
from core.responses import ErrorPart, ListPart, Response, Visibility

PLATFORM = "slack"


def read_command(group: str, text: str, registry: Registry) -> Invocation | Response:
    """The invocation a slash command asks for, or the group's help when it names none."""
    try:
        return parse_line(f"/{group} {text}", registry)
    except LineError as exc:
        return group_help(group, registry, problem=f"{exc}." if text.strip() else "")


def group_help(group: str, registry: Registry, problem: str = "") -> Response:
    """The subcommands of one group with their usage and an example, built from the registry."""
    items = [
        f"{c.usage()} — {c.description}" + (f" (e.g. {c.examples[0]})" if c.examples else "")
        for c in registry.in_group(group)
    ]
    parts: list[Any] = [ErrorPart(message=problem)] if problem else []
    parts.append(ListPart(title=f"/{group} commands", items=items))
    return Response(parts=parts, visibility=Visibility.PRIVATE)


def slack_context(body: dict[str, Any], organisers: Organisers) -> CommandContext:
    """The core context of a slash command or action payload (ids as Slack gives them)."""
    user = body.get("user") or {}
    channel = body.get("channel") or {}
    team = body.get("team") or {}
    return CommandContext(
        platform=PLATFORM,
        server_id=body.get("team_id") or team.get("id", ""),
        channel_id=body.get("channel_id") or channel.get("id", ""),
        user_id=action_user(body),
        user_name=body.get("user_name") or user.get("username", ""),
        organisers=organisers,
    )


def action_user(body: dict[str, Any]) -> str:
    """The member who sent a slash command (``user_id``) or pressed a button (``user.id``)."""
    return str(body.get("user_id") or (body.get("user") or {}).get("id", ""))
