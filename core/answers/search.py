"""``/film search`` and ``/film list``: films by title words, by a person (``films by …``), or the whole library.

People are found through the store's index of fact values (exact folded names), titles through
the in-memory title index; a bare name is tried as a person first, then as title words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.answers.cite import join_words
from core.answers.fields import CREW_NOUNS
from core.commands.paging import page_count, page_footer, past_the_end
from core.library.model import PEOPLE_FIELDS, FieldName, titled
from core.library.store import FilmOrder
from core.responses import ListPart, Part, Response, TextPart

if TYPE_CHECKING:
    from core.app import FilmClub

_BY = re.compile(
    r"^\s*(?:(?:all |the )?(?:films?|movies?|pictures?)\s+)?"
    r"(?P<how>by|with|starring|featuring|directed by|written by|produced by|scored by|composed by|of)\s+(?P<name>.+)$",
    re.IGNORECASE,
)
CREW = (FieldName.DIRECTOR, FieldName.WRITER, FieldName.PRODUCER, FieldName.MUSIC, FieldName.CINEMATOGRAPHY)
ACTORS = (FieldName.STARRING, FieldName.CAST)
FIELDS_BY_WORD: dict[str, tuple[FieldName, ...]] = {
    "by": CREW,
    "of": (*CREW, *ACTORS),
    "with": ACTORS,
    "starring": ACTORS,
    "featuring": ACTORS,
    "directed by": (FieldName.DIRECTOR,),
    "written by": (FieldName.WRITER,),
    "produced by": (FieldName.PRODUCER,),
    "scored by": (FieldName.MUSIC,),
    "composed by": (FieldName.MUSIC,),
}
ROLE_WORDS = {**CREW_NOUNS, FieldName.STARRING: "actor", FieldName.CAST: "actor"}
MAX_RESULTS = 10
PER_PAGE = 20


def search_films(club: FilmClub, words: str, page: int = 1) -> Response:
    """Films for a search.

    Args:
        club: the club (library and title index).
        words: title words, or ``films by <person>`` / ``films with <person>``, or a person's name.
        page: which page of the titles holding the words.

    Returns:
        A list of films (``Title (year)``) with what the search matched, or a text saying nothing did.
        Titles holding every word come first (paged); only when none does, the nearest titles (a typo).

    """
    match = _BY.match(words)
    if match:
        name = " ".join(match["name"].split())
        how = " ".join(match["how"].casefold().split())
        found = person_films(club, name, FIELDS_BY_WORD[how], f"Films {how} {name}")
        return found or Response(parts=[TextPart(text=f"No films {how} {name} in the library.")])
    query = " ".join(words.split())
    people = person_films(club, query, (*PEOPLE_FIELDS, FieldName.CAST), f"Films with {query}")
    parts = list(people.parts) if people else []
    holding, total = club.library.list_films((page - 1) * PER_PAGE, PER_PAGE, words=query.split())
    if holding:
        parts.append(ListPart(title=f"Titles with “{query}” ({total})", items=[e.display_title for e in holding]))
        footer = page_footer(page, page_count(total, PER_PAGE), f"/film search {query} page:{page + 1}")
        parts += [footer] if footer else []
    elif total == 0 and (nearest := club.titles.suggest(query, limit=MAX_RESULTS)):
        parts.append(ListPart(title=f"Titles close to “{query}”", items=[e.display_title for e in nearest]))
    if not parts:
        text = f"No films found for “{query}”." if total == 0 else past_the_end(page_count(total, PER_PAGE))
        return Response(parts=[TextPart(text=text)])
    return Response(parts=parts)


def list_films(club: FilmClub, order: FilmOrder, page: int) -> Response:
    """A page of the whole library, in the order asked, with the line to the next page."""
    entries, total = club.library.list_films((page - 1) * PER_PAGE, PER_PAGE, order)
    pages = page_count(total, PER_PAGE)
    if not entries:
        text = "The library is empty: add films with /film add <title>." if total == 0 else past_the_end(pages)
        return Response(parts=[TextPart(text=text)])
    heading = {FilmOrder.TITLE: "A–Z", FilmOrder.YEAR: "newest first", FilmOrder.ADDED: "latest added first"}[order]
    parts: list[Part] = [
        ListPart(title=f"The library: {total} films, {heading}", items=[e.display_title for e in entries])
    ]
    footer = page_footer(page, pages, f"/film list sort:{order.value} page:{page + 1}")
    return Response(parts=[*parts, footer] if footer else parts)


def person_films(club: FilmClub, name: str, fields: tuple[FieldName, ...], heading: str) -> Response | None:
    """Films in which a person holds one of ``fields``, with the roles found; None when there are none."""
    rows = club.library.films_with_person(name, fields)
    if not rows:
        return None
    items = list(dict.fromkeys(titled(title, year) for _, title, year, _ in rows))
    roles = list(dict.fromkeys(ROLE_WORDS.get(FieldName(field), field) for *_, field in rows))
    return Response(parts=[ListPart(title=f"{heading} (as {join_words(roles)})", items=items[: MAX_RESULTS * 5])])
