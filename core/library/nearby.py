"""Films and people near a film in the library: the wrong answers a quiz offers beside the right one.

Nearest in year first (a film of the same era is a harder guess than one fifty years off), then by id, so the
same library always gives the same choices: a button pressed later is checked against the same question.
"""

from __future__ import annotations

from collections.abc import Collection

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, Engine, func, select

from core.library.model import FactValue, FieldName, PersonValue, normalize
from core.library.schema import facts, films

_VALUE = TypeAdapter[FactValue](FactValue)


class NearbyFilms:
    """Reads other films and their people, nearest in year first."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def films(self, year: int | None, exclude: Collection[int], limit: int) -> list[tuple[int, str, int | None]]:
        """Other films, nearest in year first.

        Args:
            year: the year to be near (None: by id only).
            exclude: film ids to leave out (the film itself, the right answers).
            limit: at most this many.

        Returns:
            (film id, title, year) of each.
        """
        statement = select(films.c.id, films.c.title, films.c.year).order_by(_distance(year), films.c.id).limit(limit)
        if exclude:
            statement = statement.where(films.c.id.not_in(list(exclude)))
        with self.engine.connect() as conn:
            return [(r.id, r.title, r.year) for r in conn.execute(statement)]

    def people(self, field_name: FieldName, year: int | None, exclude: Collection[str], limit: int) -> list[str]:
        """People holding ``field_name`` in films nearest in year first.

        Args:
            field_name: a people field (director, music …).
            year: the year to be near (None: by film id only).
            exclude: names to leave out (the right answer), compared folded.
            limit: at most this many names.

        Returns:
            Names as the library writes them, each once; names run together that could not be split are left out.
        """
        keys = sorted({normalize(name) for name in exclude}) or [""]
        statement = (
            select(facts.c.value_key, facts.c.value)
            .join(films, films.c.id == facts.c.film_id)
            .where(facts.c.field == field_name.value, facts.c.value_key.not_in(keys))
            .order_by(_distance(year), films.c.id, facts.c.ordinal)
            .limit(limit * 4)
        )
        names: dict[str, str] = {}
        with self.engine.connect() as conn:
            for key, value in conn.execute(statement):
                person = _VALUE.validate_json(value)
                if isinstance(person, PersonValue) and not person.unsplit:
                    names.setdefault(key, person.name)
        return list(names.values())[:limit]


def _distance(year: int | None) -> ColumnElement[int]:
    """How far a film's year is from ``year`` (films without a year last); by id when there is no year."""
    if year is None:
        return films.c.id
    return func.abs(func.coalesce(films.c.year, -10_000) - year)
