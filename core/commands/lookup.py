"""What a typed title means: one film, several equally close, or none; handlers ``match`` on it.

A lookup never hands back a half-answer: `Found` carries the film, `Ambiguous` the names to pick from,
`NotFound` the nearest names; the two misses say themselves as a member-facing `Response`.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.answers.titles import TitleIndex
from core.library.model import Film, titled
from core.library.store import FilmLibrary
from core.responses import ChoicePart, Response, Visibility, error


@dataclass(frozen=True)
class Found:
    """The title means this film."""

    film: Film


@dataclass(frozen=True)
class Ambiguous:
    """Several films are equally close: the member picks."""

    query: str
    options: tuple[str, ...]

    def response(self) -> Response:
        """Ask which film (only the asker sees it)."""
        question = f"Which film do you mean by “{self.query}”?"
        return Response(
            parts=[ChoicePart(question=question, options=list(self.options))], visibility=Visibility.PRIVATE
        )


@dataclass(frozen=True)
class NotFound:
    """No film in the library is called that."""

    query: str
    nearest: tuple[str, ...]

    def response(self) -> Response:
        """Say so, with the closest titles when there are any, and how an organiser adds the film from Wikipedia."""
        adding = f"An organiser can add it from Wikipedia: /film add {self.query}"
        if self.nearest:
            adding = "Closest titles: " + ", ".join(self.nearest) + ". Not one of these? " + adding
        return error(f"No film called “{self.query}” in the library.", adding)


FilmLookup = Found | Ambiguous | NotFound


def look_up(titles: TitleIndex, library: FilmLibrary, query: str) -> FilmLookup:
    """The film a typed title means.

    Args:
        titles: the title index.
        library: where films are loaded from.
        query: what the member typed.

    Returns:
        `Found`, `Ambiguous` or `NotFound`.
    """
    resolution = titles.resolve(query)
    if resolution.film_id is not None:
        film = library.get_film(resolution.film_id)
        if film is not None:
            return Found(film)
    if resolution.ambiguous:
        return Ambiguous(query, tuple(titled(c.title, c.year) for c in resolution.candidates))
    return NotFound(query, tuple(e.title for e in titles.suggest(query)))
