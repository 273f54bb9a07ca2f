"""Ingest: the seeds merge into one film, bad documents are reported, re-ingest is idempotent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.ingest.files import ingest_paths
from core.library.model import (
    FieldName,
    MoneyScope,
    MoneyValue,
    ReleaseKind,
    ReleaseValue,
    RuntimeValue,
    SourceKind,
)
from core.library.reconcile import view_field
from core.library.schema import facts
from core.library.store import FilmLibrary
from core.settings import BUNDLED_DATA
from tests.conftest import SEEDS, SHARED_BESIDE, WIKITEXT_FIXTURES

FLAT = BUNDLED_DATA / "children_of_heaven.wikipedia-flat.txt"
CREDITS = BUNDLED_DATA / "children_of_heaven.end-credits.txt"


@pytest.mark.skipif(not SHARED_BESIDE, reason="no ../shared beside this checkout to compare the bundled seeds with")
def test_bundled_seeds_are_the_shared_seeds() -> None:
    assert FLAT.read_bytes() == (SEEDS / "000_db45820d1969818c.txt").read_bytes()
    assert CREDITS.read_bytes() == (SEEDS / "004_a1d7495195fd799d.txt").read_bytes()


def _children_of_heaven(engine) -> tuple[FilmLibrary, object]:
    library = FilmLibrary(engine)
    report = ingest_paths(library, [FLAT, CREDITS])
    assert [d.status for d in report.documents] == ["added", "added"]
    film_ids = {e.film_id for e in library.title_entries()}
    assert len(film_ids) == 1, "the two seeds are one film"
    film = library.get_film(film_ids.pop())
    assert film is not None
    return library, film


def test_seeds_merge_into_one_film_keeping_every_source(engine) -> None:
    _, film = _children_of_heaven(engine)
    assert film.title == "Children of Heaven"
    assert film.year == 1997
    assert {s.kind for s in film.sources} == {SourceKind.FLATTENED_WIKIPEDIA, SourceKind.END_CREDITS_PAGE}

    runtime = view_field(film.facts, FieldName.RUNTIME)
    assert [g.value for g in runtime.groups] == [RuntimeValue(minutes=89)]
    assert len(runtime.groups[0].sources) == 2 and not runtime.conflict

    budget = view_field(film.facts, FieldName.BUDGET)
    assert {g.value.amount for g in budget.groups if isinstance(g.value, MoneyValue)} == {180_000}

    gross = view_field(film.facts, FieldName.GROSS)
    by_amount = {g.value.amount: g for g in gross.groups if isinstance(g.value, MoneyValue)}
    assert by_amount[1_628_579].value.scope is MoneyScope.WORLDWIDE
    assert by_amount[933_933].value.scope is MoneyScope.US
    assert by_amount[382_000].sources[0].kind is SourceKind.END_CREDITS_PAGE
    assert gross.conflict, "worldwide $1,628,579 against $382K is a visible disagreement"

    released = view_field(film.facts, FieldName.RELEASED)
    events = {(v.year, v.kind) for g in released.groups if isinstance(v := g.value, ReleaseValue)}
    assert {(1997, ReleaseKind.PREMIERE), (1999, ReleaseKind.RELEASE), (1999, ReleaseKind.YEAR)} <= events

    assert len(film.plots) == 2, "both plots keep their own beats"
    plots = {p.source.kind: " ".join(b.text for b in p.beats) for p in film.plots}
    assert "blue shoes" in plots[SourceKind.FLATTENED_WIKIPEDIA]
    assert "violet shoes" in plots[SourceKind.END_CREDITS_PAGE]


def test_reingest_is_idempotent_and_a_changed_document_replaces_only_its_facts(engine, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(FLAT, folder / FLAT.name)
    shutil.copy(CREDITS, folder / CREDITS.name)
    library = FilmLibrary(engine)
    ingest_paths(library, [folder])

    def count() -> int:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(facts)).scalar_one()

    before = count()
    again = ingest_paths(library, [folder])
    assert [d.status for d in again.documents] == ["unchanged", "unchanged"]
    assert count() == before

    edited = (folder / CREDITS.name).read_text(encoding="utf-8").replace("Runtime: 89 min", "Runtime: 91 min")
    (folder / CREDITS.name).write_text(edited, encoding="utf-8")
    report = ingest_paths(library, [folder])
    assert sorted(d.status for d in report.documents) == ["unchanged", "updated"]
    film = library.get_film(library.title_entries()[0].film_id)
    assert film is not None
    runtimes = {
        (f.value.minutes, f.source.kind) for f in film.facts_for(FieldName.RUNTIME) if isinstance(f.value, RuntimeValue)
    }
    assert runtimes == {(89, SourceKind.FLATTENED_WIKIPEDIA), (91, SourceKind.END_CREDITS_PAGE)}
    assert count() == before


def test_every_wikitext_fixture_ingests(engine) -> None:
    library = FilmLibrary(engine)
    report = ingest_paths(library, [WIKITEXT_FIXTURES])
    assert len(report.documents) == 8
    assert all(d.status == "added" for d in report.documents), [(d.path, d.problems) for d in report.documents]
    assert library.count_films() == 8


def test_bad_documents_are_reported_and_never_stop_the_run(engine, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "junk.txt").write_bytes(bytes(range(256)) * 50)
    (bad / "truncated.wiki").write_text("{{Infobox film\n| name = Half A Film\n| director = [[Someone Real]]\n| runt")
    (bad / "latin1.txt").write_bytes("Qu\xe9 pel\xedcula, sin formato conocido.".encode("latin-1"))
    (bad / "huge.wiki").write_text("{{Infobox film\n| name = Huge\n}}\n'''Huge''' is a film.\n" + "word " * 1_100_000)
    shutil.copy(CREDITS, bad / CREDITS.name)
    library = FilmLibrary(engine)
    report = ingest_paths(library, [bad, tmp_path / "missing.txt"])
    by_name = {Path(d.path).name: d for d in report.documents}
    assert by_name["empty.txt"].status == "failed" and "empty" in by_name["empty.txt"].problems[0]
    assert by_name["junk.txt"].status == "failed" and by_name["junk.txt"].problems
    assert by_name["latin1.txt"].status == "failed" and "unknown format" in by_name["latin1.txt"].problems[0]
    assert by_name["missing.txt"].status == "failed" and "cannot read" in by_name["missing.txt"].problems[0]
    assert by_name[CREDITS.name].status == "added"
    assert by_name["truncated.wiki"].status in {"added", "failed"}
    assert by_name["huge.wiki"].status in {"added", "failed"}
    assert report.ingested_anything
