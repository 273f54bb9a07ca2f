"""Title resolution: from what a member typed to a film id, exactly when possible, fuzzily otherwise.

Only names are held in memory (not films): an exact dict of normalized names, and rapidfuzz over
the names for typos. A year in the query ("Solaris 1972") tells remakes apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from core.library.model import normalize
from core.library.store import TitleEntry

_YEAR_SUFFIX = re.compile(r"\s*\(?\b(18[89]\d|19\d\d|20\d\d)\)?\s*$")
_ARTICLES = ("the ", "a ", "an ")
MIN_SCORE = 72.0
TIE_MARGIN = 2.0


def title_key(text: str) -> str:
    """Normalized name without a leading article, as used for exact lookups."""
    key = normalize(text)
    for article in _ARTICLES:
        if key.startswith(article):
            return key[len(article) :]
    return key


def split_year(query: str) -> tuple[str, int | None]:
    """``Solaris 1972`` → (``Solaris``, 1972); a title that is only a year stays a title."""
    match = _YEAR_SUFFIX.search(query)
    if match and match.start() > 0:
        return query[: match.start()], int(match.group(1))
    return query, None


@dataclass
class Resolution:
    """Films a query may mean, best first. ``ambiguous`` when several are equally close."""

    query: str
    candidates: list[TitleEntry] = field(default_factory=list)
    exact: bool = False

    @property
    def film_id(self) -> int | None:
        """The one film meant, when there is one."""
        return self.candidates[0].film_id if self.candidates and not self.ambiguous else None

    @property
    def ambiguous(self) -> bool:
        return len({c.film_id for c in self.candidates}) > 1


class TitleIndex:
    """An in-memory index of film names, rebuilt from the store when the library changes."""

    def __init__(self, entries: list[TitleEntry]) -> None:
        self._exact: dict[str, list[TitleEntry]] = {}
        for entry in entries:
            self._exact.setdefault(title_key(entry.name), []).append(entry)
        self._keys = list(self._exact)

    def __len__(self) -> int:
        return len(self._keys)

    def resolve(self, query: str) -> Resolution:
        """The films a typed title may mean.

        Args:
            query: a title as typed, with or without its year, article or typos.

        Returns:
            One candidate when the title is clear; several when they tie (the member picks);
            none when nothing is close (then ``suggest`` gives the nearest names).
        """
        name, year = split_year(query)
        key = title_key(name)
        exact = self._filter_year(self._exact.get(key, []), year)
        if exact:
            return Resolution(query, _unique_films(exact), exact=True)
        scored = process.extract(key, self._keys, scorer=fuzz.QRatio, limit=10, score_cutoff=MIN_SCORE)
        if not scored:
            return Resolution(query)
        best = scored[0][1]
        close = [k for k, score, _ in scored if best - score <= TIE_MARGIN]
        entries = self._filter_year([e for k in close for e in self._exact[k]], year)
        return Resolution(query, _unique_films(entries))

    def suggest(self, query: str, limit: int = 3) -> list[TitleEntry]:
        """The nearest names to an unknown title, for "did you mean"."""
        key = title_key(split_year(query)[0])
        found = process.extract(key, self._keys, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
        return _unique_films([e for k, _, _ in found for e in self._exact[k]])[:limit]

    @staticmethod
    def _filter_year(entries: list[TitleEntry], year: int | None) -> list[TitleEntry]:
        if year is None:
            return entries
        return [e for e in entries if e.year is None or abs(e.year - year) <= 1]


def _unique_films(entries: list[TitleEntry]) -> list[TitleEntry]:
    seen: set[int] = set()
    unique = []
    for entry in entries:
        if entry.film_id not in seen:
            seen.add(entry.film_id)
            unique.append(entry)
    return unique
