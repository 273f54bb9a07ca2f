"""The film library store: documents in, films out, through SQLAlchemy Core.

Core, not the ORM: bulk ingest through the ORM is ~25x slower (see measured-floors.md).
Only what a command needs is read; the library is never held whole in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import TypeAdapter
from sqlalchemy import BindParameter, Connection, Engine, Integer, bindparam, delete, func, insert, select, update

from core.library.fulltext import search_statement, search_words
from core.library.model import (
    LEAD_SECTION,
    FactValue,
    FieldName,
    Film,
    ParsedDocument,
    Passage,
    ReleaseValue,
    Source,
    SourceKind,
    normalize,
    slugify,
    titled,
)
from core.library.reconcile import document_names, document_years, years_match
from core.library.schema import SECTION_SEPARATOR, documents, facts, film_names, films, passages, plot_beats

_VALUE = TypeAdapter[FactValue](FactValue)
# get_film's reads, built once and naming only the columns it uses: it runs for every /film command
_FILM: BindParameter[int] = bindparam("film_id", type_=Integer)
_FILM_DOCUMENTS = (  # the film row with each of its documents: one round trip for both
    select(
        films.c.id,
        films.c.slug,
        films.c.title,
        films.c.year,
        documents.c.id.label("document_id"),
        documents.c.kind,
        documents.c.title.label("document_title"),
        documents.c.url,
        documents.c.plot_location,
    )
    .outerjoin(documents, documents.c.film_id == films.c.id)
    .where(films.c.id == _FILM)
)
_FILM_FACTS = (
    select(facts.c.document_id, facts.c.field, facts.c.value, facts.c.raw, facts.c.location)
    .where(facts.c.film_id == _FILM)
    .order_by(facts.c.document_id, facts.c.ordinal)
)
_FILM_BEATS = (
    select(plot_beats.c.document_id, plot_beats.c.idx, plot_beats.c.text, plot_beats.c.position)
    .where(plot_beats.c.film_id == _FILM)
    .order_by(plot_beats.c.document_id, plot_beats.c.idx)
)
_FILM_NAMES = select(film_names.c.name).where(film_names.c.film_id == _FILM)
_FILM_SOURCES = select(documents.c.id, documents.c.kind, documents.c.title, documents.c.url).where(
    documents.c.film_id == _FILM
)
_FILM_PASSAGES = (
    select(passages.c.document_id, passages.c.ordinal, passages.c.section, passages.c.text)
    .where(passages.c.film_id == _FILM)
    .order_by(passages.c.document_id, passages.c.ordinal)
)


class SaveStatus(StrEnum):
    """What saving a document did to the library."""

    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class SaveResult:
    """The film a document was filed under and what changed."""

    film_id: int
    title: str
    status: SaveStatus


@dataclass(frozen=True)
class TitleEntry:
    """One name a film answers to (its title or an alias), for the title index."""

    film_id: int
    name: str
    title: str
    year: int | None

    @property
    def display_title(self) -> str:
        return titled(self.title, self.year)


class FilmOrder(StrEnum):
    """How ``/film list`` orders the library."""

    TITLE = "title"
    YEAR = "year"
    ADDED = "added"


class FilmLibrary:
    """Reads and writes films; every method opens its own short transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- writing -------------------------------------------------------------------------------

    def save_document(self, doc: ParsedDocument, content_hash: str) -> SaveResult:
        """File a parsed document under its film, replacing only that document's previous facts.

        Args:
            doc: what a parser read.
            content_hash: hash of the document's text; the same hash again changes nothing.

        Returns:
            The film and whether it was added, updated or left unchanged.
        """
        with self.engine.begin() as conn:
            return self._save(conn, doc, content_hash)

    def save_documents(self, docs: Iterable[tuple[ParsedDocument, str]]) -> list[SaveResult]:
        """Save many documents in one transaction (bulk ingest)."""
        with self.engine.begin() as conn:
            return [self._save(conn, doc, digest) for doc, digest in docs]

    def _save(self, conn: Connection, doc: ParsedDocument, content_hash: str) -> SaveResult:
        doc_id = doc.source.document_id
        previous = conn.execute(
            select(documents.c.film_id, documents.c.content_hash).where(documents.c.id == doc_id)
        ).first()
        if previous and previous.content_hash == content_hash:
            title = conn.execute(select(films.c.title).where(films.c.id == previous.film_id)).scalar_one()
            return SaveResult(previous.film_id, title, SaveStatus.UNCHANGED)
        if previous:
            conn.execute(delete(documents).where(documents.c.id == doc_id))
        film_id = self._match_film(conn, doc) or self._create_film(conn, doc)
        conn.execute(
            insert(documents).values(
                id=doc_id,
                film_id=film_id,
                kind=doc.source.kind.value,
                title=doc.source.title,
                url=doc.source.url,
                content_hash=content_hash,
                plot_location=doc.plot.source.location if doc.plot else None,
            )
        )
        self._insert_rows(conn, film_id, doc)
        self._add_names(conn, film_id, [doc.title, *doc.aliases])
        if previous and previous.film_id != film_id:
            self._drop_if_orphan(conn, previous.film_id)
        self._refresh_year(conn, film_id)
        title = conn.execute(select(films.c.title).where(films.c.id == film_id)).scalar_one()
        return SaveResult(film_id, title, SaveStatus.UPDATED if previous else SaveStatus.ADDED)

    def _match_film(self, conn: Connection, doc: ParsedDocument) -> int | None:
        keys = document_names(doc)
        candidates = conn.execute(
            select(film_names.c.film_id).where(film_names.c.name_key.in_(keys)).distinct()
        ).scalars()
        years = document_years(doc)
        for film_id in candidates:
            if years_match(years, self._film_years(conn, film_id)):
                return int(film_id)
        return None

    def _film_years(self, conn: Connection, film_id: int) -> set[int]:
        rows = conn.execute(
            select(facts.c.value).where(facts.c.film_id == film_id, facts.c.field == FieldName.RELEASED.value)
        ).scalars()
        years = {v.year for v in (_VALUE.validate_json(r) for r in rows) if isinstance(v, ReleaseValue)}
        year = conn.execute(select(films.c.year).where(films.c.id == film_id)).scalar()
        return years | ({year} if year else set())

    def _create_film(self, conn: Connection, doc: ParsedDocument) -> int:
        slug = base = slugify(doc.title, doc.year)
        n = 1
        while conn.execute(select(films.c.id).where(films.c.slug == slug)).first():
            n += 1
            slug = f"{base}-{n}"
        film_id = conn.execute(
            insert(films)
            .values(slug=slug, title=doc.title, title_key=normalize(doc.title), year=doc.year)
            .returning(films.c.id)
        ).scalar_one()
        return int(film_id)

    def _insert_rows(self, conn: Connection, film_id: int, doc: ParsedDocument) -> None:
        doc_id = doc.source.document_id
        if doc.facts:
            conn.execute(
                insert(facts),
                [
                    {
                        "film_id": film_id,
                        "document_id": doc_id,
                        "ordinal": i,
                        "field": f.field.value,
                        "value_key": f.value.key()[:500],
                        "value": f.value.model_dump_json(),
                        "raw": f.raw,
                        "location": f.source.location[:200],
                    }
                    for i, f in enumerate(doc.facts)
                ],
            )
        if doc.plot and doc.plot.beats:
            conn.execute(
                insert(plot_beats),
                [
                    {"film_id": film_id, "document_id": doc_id, "idx": b.index, "text": b.text, "position": b.position}
                    for b in doc.plot.beats
                ],
            )
        if doc.passages:
            conn.execute(
                insert(passages),
                [
                    {
                        "film_id": film_id,
                        "document_id": doc_id,
                        "ordinal": i,
                        "section": SECTION_SEPARATOR.join(p.section),
                        "text": p.text,
                    }
                    for i, p in enumerate(doc.passages)
                ],
            )

    def _add_names(self, conn: Connection, film_id: int, names: Sequence[str]) -> None:
        known = set(conn.execute(select(film_names.c.name_key).where(film_names.c.film_id == film_id)).scalars())
        rows = []
        for name in names:
            key = normalize(name)
            if key and key not in known:
                known.add(key)
                rows.append({"film_id": film_id, "name": name, "name_key": key})
        if rows:
            conn.execute(insert(film_names), rows)

    def _drop_if_orphan(self, conn: Connection, film_id: int) -> None:
        if not conn.execute(select(documents.c.id).where(documents.c.film_id == film_id).limit(1)).first():
            conn.execute(delete(film_names).where(film_names.c.film_id == film_id))
            conn.execute(delete(films).where(films.c.id == film_id))

    def _refresh_year(self, conn: Connection, film_id: int) -> None:
        """A film's year is the earliest year any of its sources ties it to (the premiere)."""
        years = self._film_years(conn, film_id)
        if years:
            conn.execute(update(films).where(films.c.id == film_id).values(year=min(years)))

    # -- reading -------------------------------------------------------------------------------

    def get_film(self, film_id: int) -> Film | None:
        """One film with every fact and plot, or None.

        The hottest read (every ``/film`` command): four statements built once (``_FILM_*``), then a single
        ``Film.model_validate`` of plain dicts. Validating in pydantic-core costs half what a Python
        ``model_construct`` per fact, source and beat did (see ``benchmarks/answers_bench.py``).
        """
        key = {"film_id": film_id}
        with self.engine.connect() as conn:
            doc_rows = conn.execute(_FILM_DOCUMENTS, key).all()
            if not doc_rows:
                return None
            fact_rows = conn.execute(_FILM_FACTS, key).all()
            beat_rows = conn.execute(_FILM_BEATS, key).all()
            names = conn.execute(_FILM_NAMES, key).scalars().all()

        film = doc_rows[0]
        sources = {
            d.document_id: {"document_id": d.document_id, "kind": d.kind, "title": d.document_title, "url": d.url}
            for d in doc_rows
        }
        plot_locations = {d.document_id: d.plot_location or "" for d in doc_rows}
        values = json.loads(f"[{','.join([value for _, _, value, _, _ in fact_rows])}]")  # one parse for all
        plots: dict[str, list[dict[str, object]]] = {}
        for doc_id, idx, text, position in beat_rows:
            plots.setdefault(doc_id, []).append({"index": idx, "text": text, "position": position})
        return Film.model_validate(
            {
                "id": film.id,
                "slug": film.slug,
                "title": film.title,
                "year": film.year,
                "aliases": [n for n in names if n != film.title],
                "facts": [
                    {"field": field, "value": value, "raw": raw, "source": {**sources[doc_id], "location": location}}
                    for (doc_id, field, _, raw, location), value in zip(fact_rows, values, strict=True)
                ],
                "plots": [
                    {"source": {**sources[doc_id], "location": plot_locations[doc_id]}, "beats": beats}
                    for doc_id, beats in plots.items()
                ],
            }
        )

    def search_passages(self, film_id: int, query: str, limit: int = 3) -> list[Passage]:
        """The passages of one film that best match ``query``, best first (SQLite FTS5 bm25, PostgreSQL ts_rank).

        Args:
            film_id: the film whose documents are searched (never another film's).
            query: a member's words; stop words are dropped, the rest are OR-ed (stemmed by the index).
            limit: at most this many passages.

        Returns:
            Passages with ``score`` set (higher is better); none when no content word of ``query`` is held.
        """
        words = search_words(query)
        if not words or limit < 1:
            return []
        with self.engine.connect() as conn:
            statement, parameters = search_statement(conn.dialect.name, film_id, words, limit)
            rows = conn.execute(statement, parameters).all()
            sources = self._sources(conn, film_id) if rows else {}
        return [_passage(film_id, sources[r.document_id], r.ordinal, r.section, r.text, float(r.score)) for r in rows]

    def passages(self, film_id: int, section: str | None = None) -> list[Passage]:
        """One film's passages in article order (document by document); ``section`` keeps those under that heading.

        ``section`` matches any heading of a passage's path, case and accents aside: ``"Plot"`` finds a plot
        nested under another heading; ``"Lead"`` finds the text before the first heading.
        """
        wanted = normalize(section) if section is not None else None
        with self.engine.connect() as conn:
            rows = conn.execute(_FILM_PASSAGES, {"film_id": film_id}).all()
            sources = self._sources(conn, film_id) if rows else {}
        found = [_passage(film_id, sources[r.document_id], r.ordinal, r.section, r.text, 0.0) for r in rows]
        if wanted is None:
            return found
        return [p for p in found if any(normalize(heading) == wanted for heading in p.section)]

    def _sources(self, conn: Connection, film_id: int) -> dict[str, Source]:
        return {
            r.id: Source(document_id=r.id, kind=SourceKind(r.kind), title=r.title, url=r.url)
            for r in conn.execute(_FILM_SOURCES, {"film_id": film_id})
        }

    def title_entries(self) -> list[TitleEntry]:
        """Every (film, name) pair: the input of the title index."""
        return list(self.iter_title_entries())

    def iter_title_entries(self, batch: int = 5000) -> Iterator[TitleEntry]:
        """Every (film, name) pair, streamed in batches: at 100k films a list of them is ~50 MB held at once."""
        with self.engine.connect() as conn:
            rows = conn.execution_options(yield_per=batch).execute(
                select(film_names.c.film_id, film_names.c.name, films.c.title, films.c.year).join(
                    films, films.c.id == film_names.c.film_id
                )
            )
            for r in rows:
                yield TitleEntry(r.film_id, r.name, r.title, r.year)

    def films_with_person(self, name: str, fields: Iterable[FieldName]) -> list[tuple[int, str, int | None, str]]:
        """Films in which a person holds one of ``fields``: (film id, title, year, field), by exact name key."""
        key = normalize(name)
        wanted = [f.value for f in fields]
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(films.c.id, films.c.title, films.c.year, facts.c.field)
                .join(films, films.c.id == facts.c.film_id)
                .where(facts.c.field.in_(wanted), (facts.c.value_key == key) | facts.c.value_key.like(f"{key}|%"))
                .distinct()
                .order_by(films.c.year, films.c.title)
            ).all()
        return [(r.id, r.title, r.year, r.field) for r in rows]

    def list_films(
        self, offset: int, limit: int, order: FilmOrder = FilmOrder.TITLE, words: Sequence[str] = ()
    ) -> tuple[list[TitleEntry], int]:
        """A page of the library's films, and how many match in all: SQL paging, so 100k films cost one page.

        Args:
            offset: rows to skip.
            limit: rows to return.
            order: A–Z by title, newest release first, or last added first.
            words: words every listed title must hold as whole words (case folded; ``the`` finds "The Owner").

        """
        title = func.lower(films.c.title)
        matches = []
        for word in words:
            word = normalize(word).replace("_", " ").strip()
            if word:  # a whole word: the title itself, or the word at its start, end or between spaces
                matches.append(
                    (title == word) | title.like(f"{word} %") | title.like(f"% {word}") | title.like(f"% {word} %")
                )
        sort = {
            FilmOrder.TITLE: (title, films.c.year),
            FilmOrder.YEAR: (films.c.year.is_(None), films.c.year.desc(), title),
            FilmOrder.ADDED: (films.c.id.desc(),),
        }[order]
        with self.engine.connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(films).where(*matches)).scalar_one())
            rows = conn.execute(
                select(films.c.id, films.c.title, films.c.year)
                .where(*matches)
                .order_by(*sort)
                .offset(offset)
                .limit(limit)
            ).all()
        return [TitleEntry(r.id, r.title, r.title, r.year) for r in rows], total

    def films_with_character(self, name: str) -> list[int]:
        """Films whose cast list has a character whose name holds ``name`` (folded); the caller scores the match.

        A scan of the cast rows (the character is the second half of their value key), so it is for rare
        questions, not for every lookup.
        """
        key = normalize(name).replace("_", " ").strip()
        if not key:
            return []
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(facts.c.film_id)
                .where(facts.c.field == FieldName.CAST.value, facts.c.value_key.like(f"%|%{key}%"))
                .distinct()
                .order_by(facts.c.film_id)
            ).all()
        return [r.film_id for r in rows]

    def count_films(self) -> int:
        """How many films the library holds."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(films)).scalar_one())

    def document_hashes(self) -> dict[str, str]:
        """Document id → content hash, to skip unchanged documents before parsing them."""
        with self.engine.connect() as conn:
            return {r.id: r.content_hash for r in conn.execute(select(documents.c.id, documents.c.content_hash))}


def _passage(film_id: int, source: Source, ordinal: int, section: str, text: str, score: float) -> Passage:
    path = tuple(section.split(SECTION_SEPARATOR)) if section else LEAD_SECTION
    location = "lead" if path == LEAD_SECTION else f"section: {' > '.join(path)}"
    return Passage(
        film_id=film_id,
        section=path,
        ordinal=ordinal,
        text=text,
        source=source.model_copy(update={"location": location}),
        score=score,
    )
