"""Questions about the people who made the film: what else its director or a cast member made that the library holds.

"Other films" are only films in this library, found by the person's exact name (folded), and the answer
cites both the fact that names them here and the fact that names them there.
"""

from __future__ import annotations

from core.library.model import CastValue, Fact, FieldName, Film, PersonValue, normalize, titled
from core.library.nearby import NearbyFilms
from core.library.store import FilmLibrary
from core.trivia.choices import arrange
from core.trivia.question import Ground, Question, Topic

CAST_FIELDS = (FieldName.STARRING, FieldName.CAST)
MAX_ACTORS = 8  # billed first: a member knows the leads, and each actor costs a query
WRONG = 3


class People:
    """Writes the people questions of one film from the library."""

    def __init__(self, library: FilmLibrary, film: Film) -> None:
        self.library = library
        self.nearby = NearbyFilms(library.engine)
        self.film = film

    def director_question(self) -> Question | None:
        """Which other film of the library the director made."""
        for fact in self.film.facts_for(FieldName.DIRECTOR):
            if not isinstance(fact.value, PersonValue) or fact.value.unsplit:
                continue
            name = fact.value.name
            found = self._elsewhere(name, (FieldName.DIRECTOR,))
            if found is not None:
                ask = f"{name} directed {self.film.title}. Which other film in the club's library did {name} direct?"
                return self._other_film(Topic.DIRECTOR, ask, fact, *found)
        return None

    def who_directed_question(self) -> Question | None:
        """Who directed the film, with other directors of the library to pick from; None unless one is named."""
        directors = [f for f in self.film.facts_for(FieldName.DIRECTOR) if isinstance(f.value, PersonValue)]
        names = list(dict.fromkeys(f.value.name for f in directors if isinstance(f.value, PersonValue)))
        if len(names) != 1 or any(isinstance(f.value, PersonValue) and f.value.unsplit for f in directors):
            return None
        ask = f"Who directed {self.film.title}?"
        wrong = self.nearby.people(FieldName.DIRECTOR, self.film.year, names, WRONG)
        grounds = tuple(Ground(self.film.id, f) for f in directors)
        return Question(Topic.DIRECTOR, ask, names[0], grounds, options=arrange(names[0], wrong, ask))

    def cast_question(self) -> Question | None:
        """Which other film of the library one of the billed actors is in."""
        seen: set[str] = set()
        for fact in self.film.facts_for(*CAST_FIELDS):
            actor = _actor(fact)
            if actor is None or actor.casefold() in seen:
                continue
            seen.add(actor.casefold())
            if len(seen) > MAX_ACTORS:
                return None
            found = self._elsewhere(actor, CAST_FIELDS)
            if found is not None:
                # The character goes unnamed: before the film, even a name can give away who turns up.
                ask = f"{actor} is in the cast of {self.film.title}. In which other film of the club's library?"
                return self._other_film(Topic.CAST, ask, fact, *found)
        return None

    def _elsewhere(self, name: str, fields: tuple[FieldName, ...]) -> tuple[Film, Fact, list[int]] | None:
        """The first other film (earliest) in which ``name`` holds one of ``fields``, with the fact that says so."""
        rows = [r for r in self.library.films_with_person(name, fields) if r[0] != self.film.id]
        made = sorted({r[0] for r in rows})
        for film_id, *_ in rows:
            other = self.library.get_film(film_id)
            if other is None:
                continue
            held = next((f for f in other.facts_for(*fields) if _same_person(f, name)), None)
            if held is not None:
                return other, held, made
        return None

    def _other_film(self, topic: Topic, ask: str, here: Fact, other: Film, there: Fact, made: list[int]) -> Question:
        answer = titled(other.title, other.year)
        wrong = [titled(t, y) for _, t, y in self.nearby.films(other.year, [self.film.id, *made], WRONG)]
        grounds = (Ground(self.film.id, here), Ground(other.id, there))
        return Question(topic, ask, answer, grounds, options=arrange(answer, wrong, ask))


def _actor(fact: Fact) -> str | None:
    if isinstance(fact.value, CastValue):
        return fact.value.actor
    if isinstance(fact.value, PersonValue) and not fact.value.unsplit:
        return fact.value.name
    return None


def _same_person(fact: Fact, name: str) -> bool:
    actor = _actor(fact)
    return actor is not None and normalize(actor) == normalize(name)
