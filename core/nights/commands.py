"""``/club night <when> | off``: the club's recurring night, which opens, closes and turns its poll into a party."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from pydantic import Field

from core.commands.arguments import Arguments
from core.commands.registry import CommandContext, Permission, Registry
from core.nights.rule import (
    DEFAULT_CLOSES_BEFORE,
    DEFAULT_OPENS_BEFORE,
    EXAMPLES,
    NightError,
    parse_before,
    parse_night,
)
from core.nights.store import ClubNight, NightStore
from core.polls.jobs import running_loop
from core.responses import ListPart, Response, TextPart, error

if TYPE_CHECKING:
    from core.app import FilmClub

MAX_OPENS_BEFORE = timedelta(days=14)


class NightArguments(Arguments):
    """``/club night <when> [opens:…] [closes:…]`` or ``/club night off``."""

    when: str = Field(description=f"e.g. {EXAMPLES}, or off", max_length=100)
    opens: str | None = Field(None, description="When the poll opens before the night (default 3 days)", max_length=40)
    closes: str | None = Field(
        None, description="When the poll closes before the night (default 2 hours)", max_length=40
    )


def register(registry: Registry) -> None:
    """Add the club-night command.

    Args:
        registry: the bot's command registry.

    """
    registry.command(
        "club",
        "night",
        "Set the club's night: the bot opens the poll, closes it and plans the party itself ('off' to stop)",
        NightArguments,
        permission=Permission.ORGANISER,
        examples=(
            "/club night fridays 8pm",
            "/club night every 2 weeks on thursday at 19:30 opens:5 days",
            "/club night off",
        ),
    )(club_night)


def club_night(club: FilmClub, ctx: CommandContext, args: NightArguments) -> Response:
    """Set or turn off the club night, and (re)plan its next poll."""
    store = NightStore(club.engine)
    loop = running_loop(club, ctx.platform)
    if args.when.casefold() in {"off", "none", "stop"}:
        if not store.off(ctx.club_key):
            return error("This server has no club night to turn off.")
        if loop is not None:
            loop.drop_night(ctx.club_key)
        return Response(parts=[TextPart(text="Club night off: no more polls open by themselves.")])
    settings = club.clubs.get(ctx.club_key)
    now = ctx.now or datetime.now(UTC)
    try:
        rule = parse_night(args.when, settings.timezone, now)
        opens = parse_before(args.opens, DEFAULT_OPENS_BEFORE)
        closes = parse_before(args.closes, DEFAULT_CLOSES_BEFORE)
    except NightError as exc:
        return error(str(exc))
    if not timedelta(0) <= closes < opens <= MAX_OPENS_BEFORE:
        return error("The poll must open before it closes, close before the night, and open at most 14 days ahead.")
    night = ClubNight(
        club_key=ctx.club_key,
        platform=ctx.platform,
        channel_id=settings.prompts_channel or ctx.channel_id,
        rule_words=args.when,
        weekday=rule.weekday,
        hour=rule.hour,
        minute=rule.minute,
        every_weeks=rule.every_weeks,
        anchor=rule.anchor,
        zone=rule.zone,
        opens_before=opens,
        closes_before=closes,
        created_by=ctx.user_id,
        shard_key=ctx.shard_key,
    )
    store.set(night)
    if loop is not None and loop.platform == ctx.platform:
        loop.schedule_night(night)
    return Response(parts=[ListPart(title="Club night set", items=describe(night, now))])


def describe(night: ClubNight, now: datetime) -> list[str]:
    """The night's lines for /club night and /club settings."""
    tz = ZoneInfo(night.zone)
    next_at = night.upcoming(now)
    opens_at = (next_at - night.opens_before).astimezone(tz)
    return [
        f"Club night: {night.rule.describe()}",
        f"Next: {next_at.astimezone(tz):%a %-d %b %H:%M}; its poll opens {_span(night.opens_before)} before "
        f"({opens_at:%a %-d %b %H:%M}) and closes {_span(night.closes_before)} before",
    ]


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    for size, unit in ((1440, "day"), (60, "hour"), (1, "minute")):
        if minutes % size == 0 and minutes >= size:
            n = minutes // size
            return f"{n} {unit}{'' if n == 1 else 's'}"
    return "0 minutes"
