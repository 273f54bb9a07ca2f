"""``/film search``: films by title words, or by a person (``films by …``, ``films with …``)."""

from __future__ import annotations

import re
from typing import Any

from core.library.model import FieldName
from core.responses import ListPart, Response, TextPart

_BY = re.compile(r"^\s*(?:films?|movies?)?\s*(by|with|starring|directed by|written by)\s+(?P<name>.+)$", re.I)
CREW = (FieldName.DIRECTOR, FieldName.WRITER, FieldName.PRODUCER, FieldName.MUSIC, FieldName.CINEMATOGRAPHY)
ACTORS = (FieldName.STARRING, FieldName.CAST)


def search_films(club: Any, words: str) -> Response:
    """Films for a search.

    Args:
        club: the `FilmClub` (library and title index).
        words: title words, or ``films by <person>`` / ``films with <person>``.

    Returns:
        A list of films, or a text saying nothing matched.
    """
    match = _BY.match(words)
    if match:
        name = match["name"].strip()
        fields = ACTORS if match.group(1).casefold() in {"with", "starring"} else CREW
        rows = club.library.films_with_person(name, fields)
        if not rows:
            return Response(parts=[TextPart(text=f"No films with {name} in the library.")])
        items = list(dict.fromkeys(f"{title} ({year})" if year else title for _, title, year, _ in rows))
        return Response(parts=[ListPart(title=f"Films {match.group(1).lower()} {name}", items=items)])
    found = club.titles.suggest(words, limit=10)
    items = [f"{e.title} ({e.year})" if e.year else e.title for e in found]
    return Response(parts=[ListPart(title=f"Films matching “{words}”", items=items)]) if items else Response()
