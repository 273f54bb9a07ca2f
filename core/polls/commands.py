"""``/poll start|vote|show|close|cancel``: approval polls on the next film, each query kept to the caller's club.

Only organisers start, close and cancel. A vote names a film by its number in the poll or by title; a
press on a film already backed takes the vote back. Answers show counts only, never who voted.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from pydantic import Field

from core.commands.arguments import Arguments
from core.commands.lookup import Found
from core.commands.registry import CommandContext, Permission, Registry
from core.history.store import last_watched
from core.parties.scheduler import running_scheduler
from core.parties.when import EXAMPLES, WhenError, parse_when
from core.polls.closing import close_poll
from core.polls.jobs import running_loop
from core.polls.messages import poll_part, poll_response, result_response
from core.polls.store import NewPoll, Poll, PollOption, PollStatus, PollStore, PressResult
from core.responses import Response, TextPart, Visibility, error
from core.watchlist.store import WatchlistStore, pick_for_poll

if TYPE_CHECKING:
    from core.app import FilmClub

DEFAULT_SIZE = 4
MAX_OPEN = timedelta(days=30)


class StartArguments(Arguments):
    """``/poll start closes:<when> [films:A; B; C] [size:N]``."""

    closes: str = Field(description=f"When it closes, in the club's time zone: {EXAMPLES}", max_length=100)
    films: str | None = Field(None, description="Films separated by ';' (default: the watchlist)", max_length=1000)
    size: int = Field(DEFAULT_SIZE, description="How many films from the watchlist (default 4)", ge=2, le=10)


class PollArguments(Arguments):
    """A command about one poll: the open one unless a number is given."""

    poll: int | None = Field(None, description="The poll's number (default: the open one)", ge=1)


class VoteArguments(Arguments):
    """``/poll vote <number or title> [poll:N]``."""

    film: str = Field(description="The film's number in the poll, or its title")
    poll: int | None = Field(None, description="The poll's number (default: the open one)", ge=1)


def register(registry: Registry) -> None:
    """Add the poll commands.

    Args:
        registry: the bot's command registry.

    """
    organiser = Permission.ORGANISER
    registry.command(
        "poll",
        "start",
        "Open a poll on the next film (from the watchlist, or the films you name)",
        StartArguments,
        permission=organiser,
        examples=("/poll start closes:friday 6pm", "/poll start films:Heat; Batman; Ra.One closes:in 2 hours"),
    )(poll_start)
    registry.command(
        "poll",
        "vote",
        "Back a film in the poll (again to take the vote back); back as many as you like",
        VoteArguments,
        examples=("/poll vote 2", "/poll vote Batman"),
    )(poll_vote)
    registry.command("poll", "show", "The open poll and its tallies", PollArguments, examples=("/poll show",))(
        poll_show
    )
    registry.command(
        "poll",
        "close",
        "Close the poll now and name the winner",
        PollArguments,
        permission=organiser,
        examples=("/poll close",),
    )(poll_close)
    registry.command(
        "poll",
        "cancel",
        "Drop the poll without a winner",
        PollArguments,
        permission=organiser,
        examples=("/poll cancel",),
    )(poll_cancel)


def poll_start(club: FilmClub, ctx: CommandContext, args: StartArguments) -> Response:
    """Open a poll of two films or more, closing at a time in the club's zone, and schedule its close."""
    store = PollStore(club.engine)
    already = store.latest_open(ctx.club_key)
    if already is not None:
        return error(f"Poll #{already.id} is still open.", "Close it (/poll close) or cancel it (/poll cancel) first.")
    settings = club.clubs.get(ctx.club_key)
    now = ctx.now or datetime.now(UTC)
    try:
        closes_at = parse_when(args.closes, settings.timezone, now)
    except WhenError as exc:
        return error(str(exc))
    if closes_at - now > MAX_OPEN:
        return error("A poll can stay open for at most 30 days.", "Pick a closing time within the next month.")
    films = _named_films(club, args.films) if args.films else _watchlist_films(club, ctx, args.size)
    if isinstance(films, Response):
        return films
    new = NewPoll(
        club_key=ctx.club_key,
        platform=ctx.platform,
        channel_id=ctx.channel_id,
        opened_by=ctx.user_id,
        opened_at=now,
        closes_at=closes_at,
        zone=settings.timezone,
        shard_key=ctx.shard_key,
    )
    poll = store.create(new, films)
    loop = running_loop(club, ctx.platform)
    if loop is not None:
        loop.schedule_close(poll)
    return poll_response(poll, last_watched(club.engine, ctx.club_key, now))


def poll_vote(club: FilmClub, ctx: CommandContext, args: VoteArguments) -> Response:
    """Press a film: back it, or take the vote back; a closed or unknown poll changes nothing."""
    poll = _find(club, ctx, args.poll)
    if isinstance(poll, Response):
        return poll
    now = ctx.now or datetime.now(UTC)
    if poll.status is not PollStatus.OPEN or poll.closes_at <= now:
        return _closed(poll)
    option = _option(club, poll, args.film)
    if isinstance(option, Response):
        return option
    pressed = PollStore(club.engine).press(poll.id, ctx.user_id, option.film_id, ctx.press_id)
    if pressed is None:
        return _closed(poll)
    result, counts = pressed
    said = {
        PressResult.ADDED: f"You back {option.film_title}.",
        PressResult.REMOVED: f"You took back your vote for {option.film_title}.",
        PressResult.REPEATED: f"That press was already counted: {option.film_title} is unchanged.",
    }[result]
    return Response(parts=[TextPart(text=said), poll_part(poll.tallied(counts), {})], visibility=Visibility.PRIVATE)


def poll_show(club: FilmClub, ctx: CommandContext, args: PollArguments) -> Response:
    """The poll with its tallies (the open one unless a number is given)."""
    poll = _find(club, ctx, args.poll)
    if isinstance(poll, Response):
        return poll
    if poll.status is PollStatus.CANCELLED:
        return _closed(poll)
    if poll.status is PollStatus.CLOSED:
        return result_response(poll, None)
    watched = last_watched(club.engine, ctx.club_key, ctx.now or datetime.now(UTC))
    return poll_response(poll, watched)


def poll_close(club: FilmClub, ctx: CommandContext, args: PollArguments) -> Response:
    """Close the poll early and name the winner (a seeded draw settles a tie)."""
    poll = _find(club, ctx, args.poll)
    if isinstance(poll, Response):
        return poll
    done = close_poll(club, poll.id, ctx.now or datetime.now(UTC), late=False)
    if done is None:
        return _closed(poll)
    closed, party = done
    scheduler = running_scheduler(club, ctx.platform)
    if party is not None and scheduler is not None:
        scheduler.schedule(party)
    return result_response(closed, party)


def poll_cancel(club: FilmClub, ctx: CommandContext, args: PollArguments) -> Response:
    """Drop the poll: no winner, the watchlist unchanged."""
    poll = _find(club, ctx, args.poll)
    if isinstance(poll, Response):
        return poll
    if not PollStore(club.engine).cancel(ctx.club_key, poll.id):
        return _closed(poll)
    return Response(parts=[TextPart(text=f"Poll #{poll.id} is cancelled; the watchlist is unchanged.")])


def _find(club: FilmClub, ctx: CommandContext, poll_id: int | None) -> Poll | Response:
    store = PollStore(club.engine)
    if poll_id is None:
        poll = store.latest(ctx.club_key)
        if poll is None:
            return error("No poll is open in this server.", "An organiser can open one: /poll start closes:<when>")
        return poll
    found = store.get(ctx.club_key, poll_id)
    return found if found is not None else error(f"There is no poll #{poll_id} in this server.")


def _closed(poll: Poll) -> Response:
    if poll.status is PollStatus.CANCELLED:
        return error(f"Poll #{poll.id} was cancelled; nothing changed.")
    at = poll.closed_at or poll.closes_at
    return error(f"Poll #{poll.id} closed at {at.astimezone(ZoneInfo(poll.zone)):%a %-d %b %H:%M}; nothing changed.")


def _option(club: FilmClub, poll: Poll, words: str) -> PollOption | Response:
    """The poll's film a member means: its number, its title, or a title the library resolves to it."""
    listed = ", ".join(f"{o.position}. {o.film_title}" for o in poll.options)
    if words.strip().isdigit():
        numbered = next((o for o in poll.options if o.position == int(words)), None)
        return numbered or error(f"Poll #{poll.id} has no film number {words.strip()}.", f"Its films: {listed}")
    exact = next((o for o in poll.options if o.film_title.casefold() == words.casefold()), None)
    if exact is not None:
        return exact
    lookup = club.find_film(words)
    film_id = lookup.film.id if isinstance(lookup, Found) else None
    resolved = next((o for o in poll.options if o.film_id == film_id), None)
    return resolved or error(f"“{words}” is not in poll #{poll.id}.", f"Its films: {listed}")


def _named_films(club: FilmClub, words: str) -> list[tuple[int, str]] | Response:
    films: list[tuple[int, str]] = []
    for title in filter(None, (t.strip() for t in words.split(";"))):
        found = club.find_film(title)
        if not isinstance(found, Found):
            return found.response()
        film = found.film
        if film.id not in {f for f, _ in films}:
            films.append((film.id, film.title))
    if len(films) < 2:
        return error("A poll needs at least two different films.", "Separate them with ';': films:Heat; Batman")
    return films


def _watchlist_films(club: FilmClub, ctx: CommandContext, size: int) -> list[tuple[int, str]] | Response:
    entries = WatchlistStore(club.engine).entries(ctx.club_key)
    chosen = pick_for_poll(entries, size)
    if len(chosen) < 2:
        return error(
            f"The watchlist has {len(chosen) or 'no'} film{'' if len(chosen) == 1 else 's'}: a poll needs two or more.",
            "Suggest films with /club suggest <title>, or name them: /poll start films:A; B closes:<when>",
        )
    return [(e.film_id, e.film_title) for e in chosen]
