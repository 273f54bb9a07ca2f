"""FilmLibrary.get_film: every field of every film reads back exactly as its documents said, in stored order."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from core.ingest.files import document_id_for, ingest_paths, read_document
from core.library.model import Fact, Film, ParsedDocument, Plot, Source, normalize
from core.library.schema import documents, films
from core.library.store import FilmLibrary
from core.settings import BUNDLED_DATA


def _bundled_documents() -> list[ParsedDocument]:
    """The bundled documents in the order ingest saves them."""
    docs = []
    for path in sorted(BUNDLED_DATA.iterdir()):
        parsed = read_document(path.read_bytes(), document_id_for(path), path.stem, str(path))
        if isinstance(parsed, ParsedDocument):
            docs.append(parsed)
    return docs


def _stored_source(doc: ParsedDocument, location: str) -> Source:
    """The store keeps a document's kind, title and url once; each fact keeps only its location."""
    kept = doc.source
    return Source(document_id=kept.document_id, kind=kept.kind, title=kept.title, url=kept.url, location=location[:200])


def _expected_film(row: Any, docs: list[ParsedDocument]) -> Film:
    """The film ``docs`` (in save order) make, built through validation: facts and plots by document id."""
    names: dict[str, str] = {}
    for doc in docs:
        for name in [doc.title, *doc.aliases]:
            if normalize(name):
                names.setdefault(normalize(name), name)
    by_id = sorted(docs, key=lambda d: d.source.document_id)
    return Film(
        id=row.id,
        slug=row.slug,
        title=row.title,
        year=row.year,
        aliases=[n for n in names.values() if n != row.title],
        facts=[
            Fact(field=f.field, value=f.value, raw=f.raw, source=_stored_source(d, f.source.location))
            for d in by_id
            for f in d.facts
        ],
        plots=[
            Plot(source=_stored_source(d, d.plot.source.location), beats=d.plot.beats)
            for d in by_id
            if d.plot and d.plot.beats
        ],
    )


def test_get_film_reads_back_every_field_of_every_film(engine) -> None:
    library = FilmLibrary(engine)
    ingest_paths(library, [BUNDLED_DATA])
    docs = _bundled_documents()
    batman = next(d for d in docs if d.title == "Batman")
    # A second source of one film, with a url: its facts sort before the file's (by document id).
    from_wiki = batman.model_copy(
        update={
            "source": batman.source.model_copy(
                update={"document_id": "enwiki:Batman (1989 film)", "url": "https://en.wikipedia.org/wiki/Batman"}
            ),
            "aliases": ["Batman (1989)"],
        }
    )
    library.save_document(from_wiki, "wiki-hash")
    docs.append(from_wiki)

    with engine.connect() as conn:
        film_rows = conn.execute(select(films)).all()
        film_of = dict(conn.execute(select(documents.c.id, documents.c.film_id)).all())
    assert len(film_rows) == 9
    for row in film_rows:
        film = library.get_film(row.id)
        expected = _expected_film(row, [d for d in docs if film_of[d.source.document_id] == row.id])
        assert film == expected
        assert repr(film) == repr(expected), "same types too (enums, not their str values; floats, not ints)"
    batman_film = library.get_film(film_of["enwiki:Batman (1989 film)"])
    assert batman_film is not None and batman_film.aliases == ["Batman (1989)"]
    assert [p.source.url for p in batman_film.plots] == ["https://en.wikipedia.org/wiki/Batman", None]
    assert library.get_film(max(r.id for r in film_rows) + 1) is None
