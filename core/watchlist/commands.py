"""``/club suggest|watchlist|unsuggest``: the club's watchlist, kept to the caller's club.

A film the club has already watched is refused with the date it was watched, unless the member says
``again:yes``: a club rewatching on purpose can, and nobody re-suggests a film by accident.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from pydantic import Field

from core.commands.arguments import Arguments, FilmTitle, NoArguments
from core.commands.lookup import Found, NotFound
from core.commands.registry import CommandContext, Registry
from core.history.store import last_watched
from core.ingest.commands import AddArguments, film_add
from core.library.model import Film
from core.polls.messages import watched_note
from core.responses import ListPart, Response, TextPart, Visibility, error
from core.watchlist.store import WatchlistStore

if TYPE_CHECKING:
    from core.app import FilmClub


class SuggestArguments(Arguments):
    """``/club suggest <title> [again:yes]``."""

    title: FilmTitle
    again: Literal["yes", "no"] | None = Field(None, description="yes: suggest a film the club has already watched")


class TitleArguments(Arguments):
    """``/club unsuggest <title>``."""

    title: FilmTitle


def register(registry: Registry) -> None:
    """Add the watchlist commands.

    Args:
        registry: the bot's command registry.

    """
    registry.command(
        "club",
        "suggest",
        "Suggest a film for the club's next poll (organisers may name one not yet in the library)",
        SuggestArguments,
        examples=("/club suggest Children of Heaven", "/club suggest Batman again:yes"),
    )(club_suggest)
    registry.command(
        "club", "watchlist", "The films suggested for the next poll", NoArguments, examples=("/club watchlist",)
    )(club_watchlist)
    registry.command(
        "club",
        "unsuggest",
        "Take a film off the watchlist (the member who suggested it, or an organiser)",
        TitleArguments,
        examples=("/club unsuggest Batman",),
    )(club_unsuggest)


def club_suggest(club: FilmClub, ctx: CommandContext, args: SuggestArguments) -> Response:
    """Put a film on the watchlist once; say who suggested it first, or when the club watched it."""
    film = find_or_add(club, ctx, args.title)
    if isinstance(film, Response):
        return film
    now = ctx.now or datetime.now(UTC)
    store = WatchlistStore(club.engine)
    zone = club.clubs.get(ctx.club_key).timezone
    watched = last_watched(club.engine, ctx.club_key, now)
    existing = store.entry(ctx.club_key, film.id)
    if existing is None and film.id in watched and args.again != "yes":
        return error(
            f"The club already watched {film.display_title} ({watched_note(watched, film.id, zone)}).",
            f"To suggest it again anyway: /club suggest {film.title} again:yes",
        )
    entry, added = store.suggest(ctx.club_key, film.id, film.title, ctx.user_id, ctx.user_name or ctx.user_id, now)
    if not added:
        when = f"{entry.suggested_at.astimezone(ZoneInfo(zone)):%-d %b %Y}"
        return error(
            f"{film.display_title} is already on the watchlist: {entry.suggested_by_name} suggested it on {when}."
        )
    count = len(store.entries(ctx.club_key))
    waiting = f"{count} film{'' if count == 1 else 's'} waiting"
    return Response(parts=[TextPart(text=f"Added {film.display_title} to the watchlist ({waiting}).")])


def club_watchlist(club: FilmClub, ctx: CommandContext, args: NoArguments) -> Response:
    """Every entry with who suggested it, when, and how many polls it has been in; watched films marked."""
    entries = WatchlistStore(club.engine).entries(ctx.club_key)
    if not entries:
        return Response(parts=[TextPart(text="The watchlist is empty. Suggest a film: /club suggest <title>")])
    zone = club.clubs.get(ctx.club_key).timezone
    watched = last_watched(club.engine, ctx.club_key, ctx.now or datetime.now(UTC))
    items = []
    for e in entries:
        note = watched_note(watched, e.film_id, zone)
        polls = f"in {e.polls} poll{'' if e.polls == 1 else 's'}" if e.polls else "not in a poll yet"
        items.append(
            f"{e.film_title} — {e.suggested_by_name}, {e.suggested_at.astimezone(ZoneInfo(zone)):%-d %b %Y}, "
            f"{polls}{f' ({note})' if note else ''}"
        )
    return Response(parts=[ListPart(title=f"Watchlist ({len(entries)})", items=items)])


def club_unsuggest(club: FilmClub, ctx: CommandContext, args: TitleArguments) -> Response:
    """Take a film off the watchlist: the member who suggested it, or an organiser."""
    found = club.find_film(args.title)
    if not isinstance(found, Found):
        return found.response()
    film = found.film
    store = WatchlistStore(club.engine)
    entry = store.entry(ctx.club_key, film.id)
    if entry is None:
        return error(f"{film.display_title} is not on the watchlist.", "/club watchlist shows it.")
    if entry.suggested_by != ctx.user_id and not club.is_organiser(ctx):
        return error(
            f"Only {entry.suggested_by_name}, who suggested {film.display_title}, or an organiser can take it off."
        )
    store.remove(ctx.club_key, film.id)
    return Response(
        parts=[TextPart(text=f"Took {film.display_title} off the watchlist.")], visibility=Visibility.PUBLIC
    )


def find_or_add(club: FilmClub, ctx: CommandContext, title: str) -> Film | Response:
    """The film a title means; an organiser's title the library lacks is fetched from Wikipedia like /film add."""
    found = club.find_film(title)
    if isinstance(found, NotFound) and club.is_organiser(ctx):
        added = film_add(club, ctx, AddArguments(title=title))
        if added.is_error:
            return added
        found = club.find_film(title)
    return found.film if isinstance(found, Found) else found.response()
