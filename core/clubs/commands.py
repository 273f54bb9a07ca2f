"""``/club …``: this server's settings (time zone, reminders, organiser role, channels)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from core.clubs.store import ClubSettings
from core.clubs.zones import resolve_zone, suggest_zones
from core.commands.arguments import Arguments, ChannelName, NoArguments, RoleName
from core.commands.registry import CommandContext, Permission, Registry
from core.nights.commands import describe
from core.nights.store import NightStore
from core.responses import ListPart, Response, TextPart, error
from core.times import CLOCK, show_time

if TYPE_CHECKING:
    from core.app import FilmClub

ON_OFF = ("on", "off")
CLEAR_WORDS = frozenset({"none", "off", "clear", "-"})
OnOff = Literal["on", "off"]


class ZoneArguments(Arguments):
    """``/club timezone <zone>``."""

    zone: str = Field(description="An IANA zone, e.g. Europe/London or America/New_York", max_length=64)


class RemindersArguments(Arguments):
    """``/club reminders <on|off> [which:…]``."""

    state: OnOff = Field(description="on or off")
    which: Literal["both", "day-before", "15-minutes"] | None = Field(
        None, description="both, day-before or 15-minutes"
    )


class RoleArguments(Arguments):
    """``/club organiser-role <role>``."""

    role: RoleName = Field(description="The role")


class ChannelArguments(Arguments):
    """``/club prompts-channel <channel>``."""

    channel: ChannelName = Field(description="The channel")


class SpoilerChannelArguments(ChannelArguments):
    """``/club spoiler-channel <channel> [state:on|off]``."""

    state: OnOff | None = Field(None, description="on or off (default on)")


def register(registry: Registry) -> None:
    """Add the club settings commands.

    Args:
        registry: the bot's command registry.

    """
    organiser = Permission.ORGANISER
    registry.command(
        "club",
        "timezone",
        "The time zone party times are read and shown in",
        ZoneArguments,
        permission=organiser,
        examples=("/club timezone Europe/London",),
    )(club_timezone)
    registry.command(
        "club",
        "reminders",
        "Turn party reminders on or off (the day before, 15 minutes before)",
        RemindersArguments,
        permission=organiser,
        examples=("/club reminders off", "/club reminders on which:15-minutes"),
    )(club_reminders)
    registry.command(
        "club",
        "organiser-role",
        "The role whose members may start and cancel parties and change settings ('none' to clear)",
        RoleArguments,
        permission=organiser,
        examples=("/club organiser-role Organisers",),
    )(club_organiser_role)
    registry.command(
        "club",
        "prompts-channel",
        "Where parties post by default ('none' to post where they are started)",
        ChannelArguments,
        permission=organiser,
        examples=("/club prompts-channel #film-talk",),
    )(club_prompts_channel)
    registry.command(
        "club",
        "spoiler-channel",
        "Show spoilers plainly in a channel (on), or hide them there again (off)",
        SpoilerChannelArguments,
        permission=organiser,
        examples=("/club spoiler-channel #spoilers state:on",),
    )(club_spoiler_channel)
    registry.command("club", "settings", "This server's settings", NoArguments, examples=("/club settings",))(
        club_settings
    )


def club_timezone(club: FilmClub, ctx: CommandContext, args: ZoneArguments) -> Response:
    """Set the zone; parties already planned keep theirs (their times do not move)."""
    zone = resolve_zone(args.zone)
    if zone is None:
        close = suggest_zones(args.zone)
        hint = (
            f"Did you mean {' or '.join(close)}?" if close else "Use an IANA name such as Europe/London or Asia/Tehran."
        )
        return error(f"“{args.zone}” is not a time zone I know.", hint)
    club.clubs.update(ctx.club_key, timezone=zone)
    local = show_time(ctx.now or datetime.now(UTC), zone, CLOCK, named=False)
    text = f"Time zone set to {zone} (it is {local} there now). Parties already planned keep their times."
    return Response(parts=[TextPart(text=text)])


def club_reminders(club: FilmClub, ctx: CommandContext, args: RemindersArguments) -> Response:
    """Turn one or both reminders on or off for parties planned from now on."""
    on = args.state == "on"
    which = args.which or "both"
    values = {}
    if which in {"both", "day-before"}:
        values["reminder_day_before"] = on
    if which in {"both", "15-minutes"}:
        values["reminder_soon"] = on
    settings = club.clubs.update(ctx.club_key, **values)
    return Response(parts=[TextPart(text=f"Reminders: {_reminders(settings)} (for parties planned from now on).")])


def club_organiser_role(club: FilmClub, ctx: CommandContext, args: RoleArguments) -> Response:
    """Store the organiser role; each adapter decides who holds it."""
    role = _cleared(args.role)
    club.clubs.update(ctx.club_key, organiser_role=role)
    text = f"Organiser role: {role}." if role else "No organiser role: the server's managers organise."
    return Response(parts=[TextPart(text=text)])


def club_prompts_channel(club: FilmClub, ctx: CommandContext, args: ChannelArguments) -> Response:
    """Store the channel parties post in when /party start names none."""
    channel = _cleared(args.channel)
    club.clubs.update(ctx.club_key, prompts_channel=channel)
    text = (
        f"Parties will post in {channel} unless told otherwise."
        if channel
        else "Parties will post where they are started."
    )
    return Response(parts=[TextPart(text=text)])


def club_spoiler_channel(club: FilmClub, ctx: CommandContext, args: SpoilerChannelArguments) -> Response:
    """Mark a channel as one where spoilers show plainly (or not any more)."""
    channel: str = args.channel
    state: str | None = args.state
    words = channel.rsplit(" ", 1)
    if state is None and len(words) == 2 and words[1].casefold() in ON_OFF:  # "/club spoiler-channel #x off" typed bare
        channel, state = words[0], words[1].casefold()
    plain = (state or "on") == "on"
    club.clubs.set_spoiler_channel(ctx.club_key, channel, plain)
    text = f"Spoilers show plainly in {channel}." if plain else f"Spoilers are hidden again in {channel}."
    return Response(parts=[TextPart(text=text)])


def club_settings(club: FilmClub, ctx: CommandContext, args: NoArguments) -> Response:
    """Every setting of this server."""
    settings = club.clubs.get(ctx.club_key)
    now = ctx.now or datetime.now(UTC)
    items = [
        f"Time zone: {settings.timezone} (now {show_time(now, settings.timezone, CLOCK, named=False)})",
        f"Reminders: {_reminders(settings)}",
        f"Organiser role: {settings.organiser_role or 'none (the server managers)'}",
        f"Prompts channel: {settings.prompts_channel or 'none (where a party is started)'}",
        f"Spoiler channels: {', '.join(settings.spoiler_channels) or 'none'}",
    ]
    night = NightStore(club.engine).get(ctx.club_key)
    items += describe(night, now) if night else ["Club night: none (/club night fridays 8pm sets one)"]
    return Response(parts=[ListPart(title="Club settings", items=items)])


def _reminders(settings: ClubSettings) -> str:
    on = [
        name
        for name, flag in (
            ("the day before", settings.reminder_day_before),
            ("15 minutes before", settings.reminder_soon),
        )
        if flag
    ]
    return " and ".join(on) if on else "off"


def _cleared(value: str) -> str | None:
    return None if value.casefold() in CLEAR_WORDS else value
