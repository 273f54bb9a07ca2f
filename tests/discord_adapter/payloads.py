"""Discord JSON payloads built in code: users, the application, guilds, messages and interactions.

Shapes follow Discord's API documentation (and what discord.py 2.7 reads). Options for a command
are built from the core registry, so every registered command can be invoked the same way.
"""

from __future__ import annotations

import itertools
from typing import Any

import discord

from core.commands.lines import parse_line
from core.commands.registry import ArgType, Command, Registry

APP_ID = "1100000000000000001"
BOT_ID = APP_ID
GUILD_ID = "1200000000000000002"
CHANNEL_ID = "1300000000000000003"
OTHER_CHANNEL_ID = "1300000000000000033"
USER_ID = "1400000000000000004"
ORGANISER_ROLE_ID = "1500000000000000005"
TIMESTAMP = "2026-11-20T18:00:00.000000+00:00"

MEMBER = discord.Permissions(
    view_channel=True, send_messages=True, read_message_history=True, use_application_commands=True
)
MANAGER = discord.Permissions(MEMBER.value | discord.Permissions(manage_guild=True).value)
EVENT_MANAGER = discord.Permissions(MEMBER.value | discord.Permissions(manage_events=True).value)

_ids = itertools.count(1_600_000_000_000_000_000)


def snowflake() -> str:
    return str(next(_ids))


def user(user_id: str = USER_ID, name: str = "zahra", bot: bool = False) -> dict[str, Any]:
    return {
        "id": user_id,
        "username": name,
        "global_name": name.title(),
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
    }


def bot_user() -> dict[str, Any]:
    return {**user(BOT_ID, "filmclub", bot=True), "verified": True, "mfa_enabled": False, "flags": 0}


def application() -> dict[str, Any]:
    return {
        "id": APP_ID,
        "name": "Film club",
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "owner": user("1400000000000000009", "owner"),
        "flags": 0,
    }


def role(role_id: str, name: str, permissions: discord.Permissions = MEMBER, position: int = 1) -> dict[str, Any]:
    return {
        "id": role_id,
        "name": name,
        "color": 0,
        "hoist": False,
        "position": position,
        "permissions": str(permissions.value),
        "managed": False,
        "mentionable": True,
        "flags": 0,
    }


def text_channel(channel_id: str = CHANNEL_ID, name: str = "film-talk") -> dict[str, Any]:
    return {
        "id": channel_id,
        "type": 0,
        "guild_id": GUILD_ID,
        "name": name,
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
    }


def guild() -> dict[str, Any]:
    """A GUILD_CREATE payload: the server, its roles (the default role's id is the server's) and channels."""
    return {
        "id": GUILD_ID,
        "name": "Film club",
        "icon": None,
        "owner_id": "1400000000000000009",
        "unavailable": False,
        "member_count": 3,
        "roles": [role(GUILD_ID, "@everyone", MEMBER, 0), role(ORGANISER_ROLE_ID, "Organisers")],
        "channels": [text_channel(), text_channel(OTHER_CHANNEL_ID, "watch-party")],
        "emojis": [],
        "stickers": [],
        "features": [],
        "members": [],
        "threads": [],
        "voice_states": [],
        "presences": [],
        "large": False,
        "verification_level": 0,
        "explicit_content_filter": 0,
        "default_message_notifications": 0,
        "mfa_level": 0,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "system_channel_id": None,
        "afk_channel_id": None,
        "afk_timeout": 300,
        "nsfw_level": 0,
    }


def ready(resume_url: str, guilds: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "v": 10,
        "user": bot_user(),
        "guilds": [{"id": g["id"], "unavailable": True} for g in guilds],
        "session_id": "fake-session",
        "resume_gateway_url": resume_url,
        "application": {"id": APP_ID, "flags": 0},
        "private_channels": [],
        "relationships": [],
    }


def member(
    permissions: discord.Permissions = MEMBER, roles: tuple[str, ...] = (), name: str = "zahra"
) -> dict[str, Any]:
    return {
        "user": user(name=name),
        "roles": list(roles),
        "permissions": str(permissions.value),
        "joined_at": TIMESTAMP,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "nick": None,
        "avatar": None,
        "pending": False,
    }


def message(message_id: str, channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """A message object as Discord answers a send: what was sent, with the fields discord.py reads."""
    return {
        "id": message_id,
        "channel_id": channel_id,
        "author": bot_user(),
        "content": body.get("content") or "",
        "timestamp": TIMESTAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": body.get("embeds") or [],
        "pinned": False,
        "type": 0,
        "flags": body.get("flags", 0),
        "components": body.get("components") or [],
    }


def command_options(
    command: Command, values: dict[str, Any], focused: str | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The options Discord sends for a core command and the ``resolved`` objects they refer to."""
    options: list[dict[str, Any]] = []
    resolved: dict[str, Any] = {}
    kinds = {ArgType.TEXT: 3, ArgType.FILM: 3, ArgType.INTEGER: 4, ArgType.CHANNEL: 7, ArgType.ROLE: 8}
    for argument in command.arguments:
        if argument.name not in values:
            continue
        value = values[argument.name]
        option: dict[str, Any] = {"name": argument.name, "type": kinds[argument.type], "value": value}
        if argument.type is ArgType.CHANNEL:
            resolved.setdefault("channels", {})[str(value)] = {
                **text_channel(str(value), "watch-party"),
                "permissions": str(MANAGER.value),
            }
        if argument.type is ArgType.ROLE:
            resolved.setdefault("roles", {})[str(value)] = role(str(value), "Organisers")
        if argument.name == focused:
            option["focused"] = True
        options.append(option)
    return options, resolved


def interaction(
    command: Command,
    values: dict[str, Any],
    permissions: discord.Permissions = MEMBER,
    roles: tuple[str, ...] = (),
    focused: str | None = None,
) -> dict[str, Any]:
    """A slash-command interaction (type 2), or an autocomplete one (type 4) when an option is ``focused``."""
    options, resolved = command_options(command, values, focused)
    data: dict[str, Any] = {
        "id": "900",
        "name": command.group,
        "type": 1,
        "options": [{"name": command.name, "type": 1, "options": options}],
    }
    if resolved:
        data["resolved"] = resolved
    interaction_id = snowflake()
    return {
        "id": interaction_id,
        "application_id": APP_ID,
        "type": 4 if focused else 2,
        "token": f"token-{interaction_id}",
        "version": 1,
        "guild_id": GUILD_ID,
        "guild": {"id": GUILD_ID, "locale": "en-US", "features": []},
        "channel_id": CHANNEL_ID,
        "channel": text_channel(),
        "member": member(permissions, roles),
        "locale": "en-GB",
        "guild_locale": "en-US",
        "app_permissions": str(MANAGER.value),
        "entitlements": [],
        "authorizing_integration_owners": {"0": GUILD_ID},
        "context": 0,
        "attachment_size_limit": 10_485_760,
        "data": data,
    }


def example_values(command: Command, registry: Registry) -> dict[str, Any]:
    """Option values for a command, taken from its first documented example (ids for channels and roles)."""
    raw = parse_line(command.examples[0], registry).arguments if command.examples else {}
    values: dict[str, Any] = {}
    for argument in command.arguments:
        text = raw.get(argument.name)
        if text is None and not argument.required:
            continue
        if argument.type is ArgType.INTEGER:
            values[argument.name] = int(text) if text is not None else argument.min_value or 1
        elif argument.type is ArgType.CHANNEL:
            values[argument.name] = OTHER_CHANNEL_ID
        elif argument.type is ArgType.ROLE:
            values[argument.name] = ORGANISER_ROLE_ID
        elif argument.choices:
            values[argument.name] = text if text in argument.choices else argument.choices[0]
        else:
            values[argument.name] = text if text is not None else "Children of Heaven"
    return values


def scheduled_event(event_id: str, guild_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """The guild scheduled event Discord answers a create request with (an external one, made by the bot)."""
    return {
        "id": event_id,
        "guild_id": guild_id,
        "channel_id": None,
        "creator_id": bot_user()["id"],
        "creator": bot_user(),
        "name": body["name"],
        "description": body.get("description"),
        "scheduled_start_time": body["scheduled_start_time"],
        "scheduled_end_time": body["scheduled_end_time"],
        "privacy_level": body["privacy_level"],
        "status": 1,
        "entity_type": body["entity_type"],
        "entity_id": None,
        "entity_metadata": body["entity_metadata"],
        "user_count": 0,
        "image": None,
        "recurrence_rule": None,
    }
