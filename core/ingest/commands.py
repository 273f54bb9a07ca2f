"""``/film add``: grow the library with a film article fetched from Wikipedia.

The handler blocks on the network (one polite API request, retried while Wikipedia is busy): adapters run
it off their event loop, as they do every command.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from pydantic import Field

from core.commands.arguments import Arguments
from core.commands.registry import CommandContext, Permission, Registry
from core.documents.mediawiki import FetchedPage, WikiError, WikiUnavailable, client_for, title_from_input
from core.documents.wikipages import MAIN_NAMESPACE, film_candidates, is_disambiguation, is_film_article
from core.ingest.files import DocumentReport
from core.ingest.sources import page_job, parse_job
from core.library.model import titled
from core.library.store import SaveStatus
from core.responses import ChoicePart, Response, TextPart, Visibility, error

if TYPE_CHECKING:
    from core.app import FilmClub

log = logging.getLogger(__name__)

MAX_CHOICES = 15


class AddArguments(Arguments):
    """``/film add <title or link>``."""

    title: str = Field(description="The Wikipedia article's title or link", max_length=400)


def register(registry: Registry) -> None:
    """Add the library commands.

    Args:
        registry: the bot's command registry.
    """
    registry.command(
        "film",
        "add",
        "Add a film (or refresh it) from its Wikipedia article",
        AddArguments,
        permission=Permission.ORGANISER,
        examples=("/film add Bicycle Thieves", "/film add https://en.wikipedia.org/wiki/Batman_(1989_film)"),
    )(film_add)


def film_add(club: FilmClub, ctx: CommandContext, args: AddArguments) -> Response:
    """Fetch an article's current wikitext and file it under its film, or say plainly why not."""
    try:
        title = title_from_input(args.title)
    except ValueError as exc:
        return error(str(exc))
    settings = club.settings
    try:
        fetched = client_for(settings.wiki_api_url, settings.contact).fetch(title)
    except WikiUnavailable as exc:
        busy = "busy" in str(exc)
        return error(
            f"I can't reach Wikipedia right now{' (it asked me to slow down)' if busy else ''}, "
            f"so I couldn't add “{title}”.",
            "Every film already in the library still works; try again in a while.",
        )
    except WikiError as exc:
        log.warning("wiki error for %r: %s", title, exc)
        return error(f"Wikipedia gave an answer I couldn't use for “{title}”.", str(exc))
    return add_fetched(club, fetched)


def add_fetched(club: FilmClub, fetched: FetchedPage) -> Response:
    """File a fetched page under its film; refuse missing, non-article, disambiguation and non-film pages.

    Args:
        club: the club whose library grows.
        fetched: what the wiki answered.

    Returns:
        What was added (or refreshed), the films a disambiguation page lists, or why nothing was added.
    """
    page = fetched.page
    if fetched.invalid:
        return error(
            f"“{fetched.requested}” can't be a Wikipedia title.", "Type the article's title or paste its link."
        )
    if page is None:
        return error(
            f"Wikipedia has no article called “{fetched.requested}”.",
            "Check the spelling, or paste the article's link.",
        )
    if page.namespace != MAIN_NAMESPACE:
        return error(f"“{page.title}” is not an encyclopedia article.")
    if fetched.disambiguation or is_disambiguation(page.text):
        films = film_candidates(page.text)
        if not films:
            return error(f"“{page.title}” has several meanings on Wikipedia, and none of them is listed as a film.")
        return Response(
            parts=[
                ChoicePart(
                    question=f"“{page.title}” has several meanings on Wikipedia. Which film do you mean?",
                    options=films[:MAX_CHOICES],
                ),
                TextPart(text="Run /film add again with the full title."),
            ],
            visibility=Visibility.PRIVATE,
        )
    if not is_film_article(page.text):
        return error(
            f"“{page.title}” on Wikipedia is not a film article (it has no film infobox), so I didn't add it.",
            "If you meant a film, try its full title, e.g. “Title (1999 film)”.",
        )
    job = page_job(fetched.wiki, page)
    parsed = parse_job(job)
    if isinstance(parsed, DocumentReport):
        return error(f"I fetched “{page.title}” but couldn't read it as a film.", "; ".join(parsed.problems))
    result = club.library.save_document(parsed, job.content_hash)
    club.library_changed()
    shown = titled(result.title, parsed.year)
    via = f" (“{fetched.redirected_from}” redirects there)" if fetched.redirected_from else ""
    if result.status is SaveStatus.UNCHANGED:
        said = f"{shown} is already up to date with Wikipedia: {page.title}{via}."
    else:
        verb = "Added" if result.status is SaveStatus.ADDED else "Refreshed"
        plot = f", a plot in {len(parsed.plot.beats)} parts" if parsed.plot else ""
        said = f"{verb} {shown} from Wikipedia: {page.title}{via}: {len(parsed.facts)} facts{plot}."
    return Response(parts=[TextPart(text=said), TextPart(text=f"Try /film info {result.title}")])
