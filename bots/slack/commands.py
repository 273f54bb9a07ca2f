"""Slack slash-command text → a core invocation, and the caller → a core context.

Slack hands us ``/film`` with ``text = "info Children of Heaven"``: exactly the console's command line after
the group, so the core's own line parser reads it and commands added to the registry appear here unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from core.clubs.organisers import Organisers
from core.commands.arguments import ArgType
from core.commands.lines import Invocation, LineError, parse_line
from core.commands.registry import CommandContext, Registry
from core.responses import ErrorPart, ListPart, Response, Visibility, error

PLATFORM = "slack"


# Slack escapes what a member picks in a command's text (the manifest's should_escape): a channel as
# <#C0123|name>, a user group as <!subteam^S0123|@handle>, a member as <@U0123|name>.
ESCAPED_REFERENCE = re.compile(r"^<(?:#|!subteam\^|@)(?P<id>[A-Z0-9]+)(?:\|[^>]*)?>$")
CHANNEL_ID_TEXT = r"[CG][A-Z0-9]{8,11}"
"""The shape of a Slack channel id (``C0123ABCD``; ``G…`` for old private channels)."""
CHANNEL_ID = re.compile(rf"^(?P<id>{CHANNEL_ID_TEXT})$")  # an id typed as it is
REFERENCE_TYPES = {ArgType.CHANNEL: "channel", ArgType.ROLE: "user group"}


def read_command(group: str, text: str, registry: Registry) -> Invocation | Response:
    """The invocation a slash command asks for, or the group's help when it names none.

    A channel or user-group argument reaches the core as Slack's id (``C0123``, ``S0123``), the value its
    settings are compared with; a channel name Slack did not escape names nothing the bot can see, and is
    refused (a user group may still be given by its handle).
    """
    try:
        invocation = parse_line(f"/{group} {text}", registry)
    except LineError as exc:
        return group_help(group, registry, problem=f"{exc}." if text.strip() else "")
    command = registry.get(invocation.group, invocation.name)
    arguments = dict(invocation.arguments)
    for argument in command.arguments if command else ():
        value = arguments.get(argument.name)
        if argument.type not in REFERENCE_TYPES or not isinstance(value, str) or not value.strip():
            continue
        words = value.split()
        match = ESCAPED_REFERENCE.match(words[0]) or CHANNEL_ID.match(words[0])
        if match is None and argument.type is ArgType.ROLE:
            continue  # a user group's id or handle as typed: the organiser check looks handles up
        if match is None:
            what = REFERENCE_TYPES[argument.type]
            return error(
                f"I can't find a {what} called “{words[0]}” that I can see.",
                f"Pick the {what} from Slack's list as you type {'#' if what == 'channel' else '@'}; "
                "for a private channel, /invite the bot there first.",
            )
        arguments[argument.name] = " ".join([match["id"], *words[1:]])  # "<#C1|x> off" typed bare keeps "off"
    return invocation.model_copy(update={"arguments": arguments})


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
