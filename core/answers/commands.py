"""``/film info``, ``/film ask``, ``/film search`` and ``/film list``: looking films up and asking about them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from core.answers.ask import answer_question
from core.answers.card import build_card
from core.answers.search import list_films, search_films
from core.commands.arguments import Arguments, FilmTitle
from core.commands.lookup import Found
from core.commands.registry import CommandContext, Registry
from core.library.store import FilmOrder
from core.ratings.store import RatingStore
from core.responses import CardRow, CardValue, Response

if TYPE_CHECKING:
    from core.app import FilmClub


class InfoArguments(Arguments):
    """``/film info <title>``."""

    title: FilmTitle


class AskArguments(Arguments):
    """``/film ask <question>``."""

    question: str = Field(description="Your question, e.g. who plays Zahra in Children of Heaven?", max_length=300)


class SearchArguments(Arguments):
    """``/film search [words] [page:N]``: no words lists the library."""

    words: str | None = Field(
        None,
        description="Title words, or 'films by <name>' / 'films with <name>' (none: the whole library)",
        max_length=200,
    )
    page: int = Field(1, description="Page number", ge=1)


class ListArguments(Arguments):
    """``/film list [sort:title|year|added] [page:N]``."""

    sort: FilmOrder = Field(FilmOrder.TITLE, description="title (A–Z), year (newest first) or added (latest first)")
    page: int = Field(1, description="Page number", ge=1)


def register(registry: Registry) -> None:
    """Add the look-up commands.

    Args:
        registry: the bot's command registry.

    """
    registry.command(
        "film",
        "info",
        "A film's fact card, every fact with its source",
        InfoArguments,
        examples=("/film info Children of Heaven", "/film info Solaris 1972"),
    )(film_info)
    registry.command(
        "film",
        "ask",
        "Ask about a film in plain words",
        AskArguments,
        examples=(
            "/film ask who directed Children of Heaven?",
            "/film ask who plays Zahra in Children of Heaven?",
            "/film ask how much did it make?",
            "/film ask is there anything after the credits?",
        ),
    )(film_ask)
    registry.command(
        "film",
        "search",
        "Find films by title words or by a person",
        SearchArguments,
        examples=("/film search heaven", "/film search the", "/film search films by Majid Majidi"),
    )(film_search)
    registry.command(
        "film",
        "list",
        "Every film in the library, a page at a time",
        ListArguments,
        examples=("/film list", "/film list sort:year", "/film list sort:added page:2"),
    )(film_list)


def film_info(club: FilmClub, ctx: CommandContext, args: InfoArguments) -> Response:
    """Show the card of the film named by ``title``; the channel then talks about that film."""
    match club.find_film(args.title):
        case Found(film=film):
            club.remember_film(ctx, film)
            card = build_card(film)
            rating = RatingStore(club.engine).club_rating(ctx.club_key, film.id)
            if rating is not None:  # beside the critics' scores, and labelled as the club's own
                value = CardValue(text=rating.display(), sources=["this club's members"])
                card.rows.append(CardRow(label="This club's rating", values=[value]))
            return Response(parts=[card])
        case missed:
            return missed.response()


def film_ask(club: FilmClub, ctx: CommandContext, args: AskArguments) -> Response:
    """Answer a question in plain words, with or without the film's title."""
    return answer_question(club, ctx, args.question)


def film_search(club: FilmClub, ctx: CommandContext, args: SearchArguments) -> Response:
    """List films matching title words or a person; with no words, the library."""
    if not args.words:
        return list_films(club, FilmOrder.TITLE, args.page)
    return search_films(club, args.words, args.page)


def film_list(club: FilmClub, ctx: CommandContext, args: ListArguments) -> Response:
    """List the library, paged."""
    return list_films(club, args.sort, args.page)
