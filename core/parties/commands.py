"""``/party start|list|cancel|join|leave|plan|preview|resume``: watch parties, each query kept to the caller's club."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from core.commands.arguments import Arguments, ChannelName, FilmTitle
from core.commands.lookup import Found
from core.commands.paging import page_count, page_footer, past_the_end
from core.commands.registry import CommandContext, Permission, Registry
from core.parties.plan import PlannedStep, PlanRequest, StepKind, build_plan, film_runtime
from core.parties.scheduler import GRACE, running_scheduler, unschedule_party
from core.parties.store import NewParty, Party, PartyStatus, PartyStore, StepState
from core.parties.when import EXAMPLES, WhenError, parse_when
from core.responses import ListPart, Part, PartyEvent, Response, TextPart, TimePart, Visibility, error
from core.times import DAY, show_time
from core.trivia.message import trivia_response
from core.trivia.questions import trivia_questions

if TYPE_CHECKING:
    from core.app import FilmClub

PER_PAGE = 10
ON_NOW = timedelta(hours=3)


class StartArguments(Arguments):
    """``/party start film:<title> when:<time> [channel:…]``."""

    film: FilmTitle
    when: str = Field(description=f"When, in the club's time zone: {EXAMPLES}", max_length=100)
    channel: ChannelName | None = Field(
        None, description="Where to post (default: the club's prompts channel, else this one)"
    )


class PageArguments(Arguments):
    """``/party list [page:N]``."""

    page: int = Field(1, description="Page number", ge=1)


class PartyArguments(Arguments):
    """A command about one party: ``/party join 3``."""

    party: int = Field(description="The party's number (see /party list)", ge=1)


def register(registry: Registry) -> None:
    """Add the watch-party commands.

    Args:
        registry: the bot's command registry.

    """
    registry.command(
        "party",
        "start",
        "Plan a watch party: reminders, press play, prompts during the film, questions after",
        StartArguments,
        permission=Permission.ORGANISER,
        examples=("/party start film:Children of Heaven when:friday 8pm", "/party start Batman when:in 2 hours"),
    )(party_start)
    registry.command(
        "party",
        "list",
        "This server's upcoming watch parties",
        PageArguments,
        examples=("/party list",),
    )(party_list)
    registry.command(
        "party",
        "cancel",
        "Cancel a watch party and all its messages",
        PartyArguments,
        permission=Permission.ORGANISER,
        examples=("/party cancel 3",),
    )(party_cancel)
    registry.command(
        "party", "join", "Say you're coming to a watch party", PartyArguments, examples=("/party join 3",)
    )(party_join)
    registry.command(
        "party", "leave", "Take yourself off a watch party's list", PartyArguments, examples=("/party leave 3",)
    )(party_leave)
    registry.command(
        "party", "plan", "A watch party's messages and their times", PartyArguments, examples=("/party plan 3",)
    )(party_plan)
    registry.command(
        "party",
        "preview",
        "Every message a watch party will post, in order, as members will see it (only you see the preview)",
        PartyArguments,
        permission=Permission.ORGANISER,
        examples=("/party preview 3",),
    )(party_preview)
    registry.command(
        "party",
        "resume",
        "Resume a watch party paused because its channel refused a message (fix the channel first)",
        PartyArguments,
        permission=Permission.ORGANISER,
        examples=("/party resume 3",),
    )(party_resume)


def party_start(club: FilmClub, ctx: CommandContext, args: StartArguments) -> Response:
    """Plan a party for a film at a time in the club's zone, and schedule it if this process runs a scheduler."""
    found = club.find_film(args.film)
    if not isinstance(found, Found):
        return found.response()
    film = found.film
    settings = club.clubs.get(ctx.club_key)
    now = ctx.now or datetime.now(UTC)
    try:
        starts_at = parse_when(args.when, settings.timezone, now)
    except WhenError as exc:
        return error(str(exc))
    channel = args.channel or settings.prompts_channel or ctx.channel_id
    new = NewParty(
        club_key=ctx.club_key,
        platform=ctx.platform,
        channel_id=channel,
        film_id=film.id,
        film_title=film.title,
        starts_at=starts_at,
        zone=settings.timezone,
        created_by=ctx.user_id,
        created_by_name=ctx.user_name or ctx.user_id,
        shard_key=ctx.shard_key,
    )

    questions = trivia_questions(club.library, film)
    trivia = trivia_response(film, questions, opener=True) if questions else None

    def plan(party_id: int) -> list[PlannedStep]:
        request = PlanRequest(
            party_id,
            film,
            starts_at,
            settings.timezone,
            now,
            settings.reminder_day_before,
            settings.reminder_soon,
            passages=club.library.passages(film.id),
            trivia=trivia,
        )
        return build_plan(request)

    party, steps = PartyStore(club.engine).create(new, plan)
    scheduler = running_scheduler(club, ctx.platform)
    if scheduler is not None:
        scheduler.schedule(party)
    kinds = Counter(s.kind for s in steps)
    runtime, assumed = film_runtime(film)
    where = "here" if channel == ctx.channel_id else f"in {channel}"
    summary = (
        f"The plan: {_count(kinds[StepKind.REMINDER], 'reminder')}, "
        f"{'a trivia opener, ' if kinds[StepKind.TRIVIA] else ''}press play, "
        f"{_count(kinds[StepKind.PROMPT], 'prompt')} during the film, "
        f"{_count(kinds[StepKind.DISCUSSION], 'question')} after it and a follow-up the next day."
    )
    parts: list[Part] = [
        TextPart(text=f"Watch party #{party.id}: {film.display_title}, {where}."),
        TimePart(label="Starts", at=starts_at, zone=settings.timezone),
        TextPart(text=summary),
    ]
    if assumed:
        parts.append(TextPart(text=f"The library has no runtime for it: the plan assumes {runtime} minutes."))
    parts.append(TextPart(text=f"/party plan {party.id} shows the times; /party join {party.id} to say you're coming."))
    ends_at = max(s.due_at for s in steps if s.kind is not StepKind.FOLLOW_UP)
    event = party_event(party, film.display_title, ends_at, "created")
    return _with_failures(club, ctx, Response(parts=parts, party_event=event))


def party_event(party: Party, title: str, ends_at: datetime, action: Literal["created", "cancelled"]) -> PartyEvent:
    """The calendar entry of a party: from its start to its last discussion question (the follow-up is next day)."""
    return PartyEvent(
        action=action,
        party_id=party.id,
        name=f"Watch party: {title}"[:100],
        description=f"Watch party #{party.id}. /party join {party.id} to say you're coming; prompts are posted here.",
        starts_at=party.starts_at,
        ends_at=max(ends_at, party.starts_at + timedelta(minutes=1)),
        channel_id=party.channel_id,
        calendar_event_id=party.calendar_event_id,
    )


def party_list(club: FilmClub, ctx: CommandContext, args: PageArguments) -> Response:
    """List a page of the club's upcoming parties, read with SQL paging from our own tables."""
    page = args.page
    store = PartyStore(club.engine)
    since = (ctx.now or datetime.now(UTC)) - ON_NOW  # a party under way is still listed
    found, total = store.upcoming(ctx.club_key, (page - 1) * PER_PAGE, PER_PAGE, since)
    pages = page_count(total, PER_PAGE)
    if not found:
        message = "No watch parties planned in this server." if total == 0 else past_the_end(pages)
        hint = "Start one: /party start film:<title> when:<time>"
        return _with_failures(club, ctx, Response(parts=[TextPart(text=f"{message} {hint}")]))
    counts = store.guest_counts([p.id for p in found])
    parts: list[Part] = [TextPart(text=f"Upcoming watch parties ({total}):")]
    for party in found:
        label = f"#{party.id} {party.film_title} · {counts.get(party.id, 0)} coming{_paused(party)}"
        parts.append(TimePart(label=label, at=party.starts_at, zone=party.zone))
    footer = page_footer(page, pages, f"/party list page:{page + 1}")
    if footer is not None:
        parts.append(footer)
    return _with_failures(club, ctx, Response(parts=parts))


def party_cancel(club: FilmClub, ctx: CommandContext, args: PartyArguments) -> Response:
    """Cancel a party: every pending step is marked cancelled and its job removed."""
    party = _find(club, ctx, args.party)
    if isinstance(party, Response):
        return party
    removed = PartyStore(club.engine).cancel(ctx.club_key, party.id)
    unschedule_party(club, party.platform, party.id)
    text = f"Cancelled watch party #{party.id} ({party.film_title}): {_count(removed, 'planned message')} removed."
    event = party_event(party, party.film_title, party.starts_at, "cancelled")
    return _with_failures(club, ctx, Response(parts=[TextPart(text=text)], party_event=event))


def party_join(club: FilmClub, ctx: CommandContext, args: PartyArguments) -> Response:
    """RSVP: the reminders name who is coming."""
    party = _find(club, ctx, args.party)
    if isinstance(party, Response):
        return party
    store = PartyStore(club.engine)
    added = store.join(party.id, ctx.user_id, ctx.user_name or ctx.user_id)
    count = len(store.guests(party.id))
    said = "You're on the list" if added else "You were already on the list"
    text = f"{said} for #{party.id}, {party.film_title} ({count} coming)."
    return _with_failures(club, ctx, Response(parts=[TextPart(text=text)], visibility=Visibility.PRIVATE))


def party_leave(club: FilmClub, ctx: CommandContext, args: PartyArguments) -> Response:
    """Take back an RSVP."""
    party = _find(club, ctx, args.party)
    if isinstance(party, Response):
        return party
    removed = PartyStore(club.engine).leave(party.id, ctx.user_id)
    text = f"You're off the list for #{party.id}." if removed else f"You weren't on the list for #{party.id}."
    return _with_failures(club, ctx, Response(parts=[TextPart(text=text)], visibility=Visibility.PRIVATE))


def party_plan(club: FilmClub, ctx: CommandContext, args: PartyArguments) -> Response:
    """Show a party's steps with their local times and states: labels only, so nothing is spoiled."""
    party = _find(club, ctx, args.party, open_only=False)
    if isinstance(party, Response):
        return party
    items = []
    for step in PartyStore(club.engine).steps(party.id):
        state = "" if step.state is StepState.PENDING else f" ({step.state.value})"
        items.append(f"{show_time(step.due_at, party.zone, DAY, named=False)} — {step.label}{state}")
    status = "" if party.status is PartyStatus.SCHEDULED else f" ({party.status.value})"
    if party.status is PartyStatus.PAUSED:
        status += f", /party resume {party.id} once its channel is fixed"
    parts: list[Part] = [
        TimePart(label=f"Watch party #{party.id}: {party.film_title}{status}", at=party.starts_at, zone=party.zone),
        ListPart(title=f"The plan (times in {party.zone})", items=items),
    ]
    return _with_failures(club, ctx, Response(parts=parts))


def party_preview(club: FilmClub, ctx: CommandContext, args: PartyArguments) -> Response:
    """Show an organiser every message still to be posted, in order, each under its time in the club's zone.

    Each message keeps its own parts, so what is hidden from members (plot parts past the set-up, the ending)
    is hidden here the same way; only the organiser who asked sees the preview.
    """
    party = _find(club, ctx, args.party)
    if isinstance(party, Response):
        return party
    pending = [s for s in PartyStore(club.engine).steps(party.id) if s.state is StepState.PENDING]
    parts: list[Part] = [
        TimePart(label=f"Preview of watch party #{party.id}: {party.film_title}", at=party.starts_at, zone=party.zone),
        TextPart(text=f"{_count(len(pending), 'message')} to post, times in {party.zone}. Only you see this."),
    ]
    for number, step in enumerate(pending, start=1):
        parts.append(
            TextPart(text=f"— {number}. {show_time(step.due_at, party.zone, DAY, named=False)} · {step.label} —")
        )
        parts.extend(step.response.parts)
    return _with_failures(club, ctx, Response(parts=parts, visibility=Visibility.PRIVATE))


def party_resume(club: FilmClub, ctx: CommandContext, args: PartyArguments) -> Response:
    """Schedule a paused party again: the step its channel refused comes first, if still in time."""
    party = _find(club, ctx, args.party, open_only=False)
    if isinstance(party, Response):
        return party
    if not PartyStore(club.engine).resume(ctx.club_key, party.id):
        return error(f"Watch party #{party.id} is {party.status.value}, not paused.", "/party plan shows its messages.")
    scheduler = running_scheduler(club, party.platform)
    if scheduler is not None:
        scheduler.schedule(party)
    text = (
        f"Resumed watch party #{party.id} ({party.film_title}): its messages follow in their channel "
        f"(any more than {round(GRACE.total_seconds() / 60)} minutes past their time are skipped). "
        "If the channel still refuses, it pauses again."
    )
    return _with_failures(club, ctx, Response(parts=[TextPart(text=text)]))


def _paused(party: Party) -> str:
    return f" · paused: /party resume {party.id}" if party.status is PartyStatus.PAUSED else ""


def _find(club: FilmClub, ctx: CommandContext, party_id: int, open_only: bool = True) -> Party | Response:
    party = PartyStore(club.engine).get(ctx.club_key, party_id)
    if party is None:
        return error(f"There is no watch party #{party_id} in this server.", "/party list shows them.")
    if open_only and party.status not in (PartyStatus.SCHEDULED, PartyStatus.PAUSED):
        return error(f"Watch party #{party_id} is {party.status.value}.", "/party list shows the upcoming ones.")
    return party


def _with_failures(club: FilmClub, ctx: CommandContext, response: Response) -> Response:
    """Tell an organiser, once, about messages that could not be delivered, and paused parties no DM announced."""
    if not club.is_organiser(ctx):
        return response
    store = PartyStore(club.engine)
    notes: list[Part] = []
    if failures := store.take_failures(ctx.club_key):
        items = [f"#{f.party_id} {f.film_title}: “{f.step_label}” — {f.reason}" for f in failures]
        notes.append(ListPart(title="Some party messages could not be sent:", items=items))
    if pauses := store.take_pauses(ctx.club_key):
        items = [
            f"#{p.party_id} {p.film_title}: “{p.step_label}” — {p.reason}. Fix the channel (the bot must be in "
            f"it and may post), then /party resume {p.party_id}"
            for p in pauses
        ]
        notes.append(ListPart(title="Paused watch parties: their channel refused a message", items=items))
    return response.model_copy(update={"parts": [*response.parts, *notes]}) if notes else response


def _count(n: int, noun: str) -> str:
    return f"{n or 'no'} {noun}{'' if n == 1 else 's'}"
