"""Watch parties mirrored as Discord Scheduled Events, so they show under the server's Events.

Members can mark an event "Interested" and Discord reminds them when it starts; the bot's own
reminders and prompts are unchanged. Best effort: without the Create Events permission, or when
Discord refuses, the party stands as planned and only the listing is missing (logged). The event's id is
stored with the party (``calendar_event_id``), and a cancelled party's event is deleted by that id.
"""

from __future__ import annotations

import logging

import discord

from core.responses import PartyEvent

log = logging.getLogger(__name__)

LOCATION_LIMIT = 100


def can_list_events(permissions: discord.Permissions) -> bool:
    """Whether the bot may create (and delete its own) scheduled events in the server."""
    return permissions.create_events or permissions.manage_events


async def mirror_party(
    guild: discord.Guild | None, bot_permissions: discord.Permissions, event: PartyEvent
) -> str | None:
    """Create the scheduled event of a party just started, or delete the one of a party just cancelled.

    Args:
        guild: the server (None in direct messages: there is no server calendar).
        bot_permissions: what the bot may do there (``app_permissions`` of the interaction).
        event: the party as the core describes it; a cancelled one carries the id stored at its creation.

    Returns:
        The id of the event created, for the caller to store with the party; None otherwise.

    """
    if guild is None or not can_list_events(bot_permissions):
        return None
    try:
        if event.action == "created":
            created = await guild.create_scheduled_event(
                name=event.name,
                description=event.description,
                start_time=event.starts_at,
                end_time=event.ends_at,
                entity_type=discord.EntityType.external,
                privacy_level=discord.PrivacyLevel.guild_only,
                location=_location(guild, event.channel_id),
            )
            return str(created.id)
        if event.calendar_event_id is not None:
            scheduled = await guild.fetch_scheduled_event(int(event.calendar_event_id), with_counts=False)
            await scheduled.delete()
    except discord.NotFound:
        log.info("scheduled event already gone", extra={"party": event.party_id})
    except discord.HTTPException as exc:
        log.warning(
            "scheduled event not mirrored",
            extra={"party": event.party_id, "action": event.action, "status": exc.status, "reason": exc.text[:200]},
        )
    return None


def _location(guild: discord.Guild, channel_id: str) -> str:
    channel = guild.get_channel(int(channel_id)) if channel_id.isdigit() else None
    return (f"#{channel.name}" if channel is not None else guild.name)[:LOCATION_LIMIT]
