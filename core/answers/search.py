"""``/film search``: films by title words, or by a person (``films by …``, ``films with …``).

People are found through the store's index of fact values (exact folded names), titles through
the in-memory title index; a bare name is tried as a person first, then as title words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.answers.cite import join_words
from core.library.model import PEOPLE_FIELDS, FieldName
from core.responses import ListPart, Response, TextPart

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
ROLE_WORDS = {
    FieldName.DIRECTOR: "director",
    FieldName.WRITER: "writer",
    FieldName.PRODUCER: "producer",
    FieldName.MUSIC: "composer",
    FieldName.CINEMATOGRAPHY: "cinematographer",
    FieldName.EDITING: "editor",
    FieldName.STARRING: "actor",
    FieldName.CAST: "actor",
}
MAX_RESULTS = 10


def search_films(club: FilmClub, words: str) -> Response:
    """Films for a search.

    Args:
        club: the club (library and title index).
        words: title words, or ``films by <person>`` / ``films with <person>``, or a person's name.

    Returns:
        A list of films (``Title (year)``) with what the search matched, or a text saying nothing did.

    """
    match = _BY.match(words)
    if match:
        name = " ".join(match["name"].split())
        how = " ".join(match["how"].casefold().split())
        found = person_films(club, name, FIELDS_BY_WORD[how], f"Films {how} {name}")
        return found or Response(parts=[TextPart(text=f"No films {how} {name} in the library.")])
    query = " ".join(words.split())
    people = person_films(club, query, (*PEOPLE_FIELDS, FieldName.CAST), f"Films with {query}")
    titles = [f"{e.title} ({e.year})" if e.year else e.title for e in club.titles.suggest(query, limit=MAX_RESULTS)]
    parts = list(people.parts) if people else []
    if titles:
        parts.append(ListPart(title=f"Titles matching “{query}”", items=titles))
    return Response(parts=parts) if parts else Response(parts=[TextPart(text=f"No films found for “{query}”.")])


def person_films(club: FilmClub, name: str, fields: tuple[FieldName, ...], heading: str) -> Response | None:
    """Films in which a person holds one of ``fields``, with the roles found; None when there are none."""
    rows = club.library.films_with_person(name, fields)
    if not rows:
        return None
    items = list(dict.fromkeys(f"{title} ({year})" if year else title for _, title, year, _ in rows))
    roles = list(dict.fromkeys(ROLE_WORDS.get(FieldName(field), field) for *_, field in rows))
    return Response(parts=[ListPart(title=f"{heading} (as {join_words(roles)})", items=items[: MAX_RESULTS * 5])])
