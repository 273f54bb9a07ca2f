"""Streaming a Wikipedia XML dump into the library: film pages only, broken ones reported, resumable."""

from __future__ import annotations

import bz2
import os
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from bots.console.__main__ import main
from core.documents.dump import WikiDump, write_dump
from core.documents.wikipages import ENGLISH_WIKIPEDIA, Wiki, WikiPage
from core.ingest.bulk import ingest_items, ingest_sources
from core.ingest.files import DocumentReport
from core.ingest.sources import page_job
from core.library.schema import documents, facts, plot_beats
from core.library.store import FilmLibrary
from tests.library.fake_wikipedia import TIM_BURTON, film_fixture_pages

FILMS = ["Enter the Dragon", "Four Daughters", "Azhagarsamy", "Batman (1989 film)"]
BROKEN = "{{Infobox film\n| name = Garbled\n| director = " + "\ufffd" * 4000 + "\n}}\n"


def dump_pages() -> list[WikiPage]:
    films = film_fixture_pages()
    pages = [WikiPage(title, 0, films[title][1], films[title][0]) for title in FILMS[:2]]
    pages += [
        WikiPage("Tim Burton", 0, 5, TIM_BURTON),
        WikiPage("Enter The Dragon", 0, 6, "#REDIRECT [[Enter the Dragon]]\n{{Infobox film}}", "Enter the Dragon"),
        WikiPage("Talk:Four Daughters", 1, 7, films["Four Daughters"][0]),
        WikiPage("Garbled (film)", 0, 8, BROKEN),
        WikiPage("Film festival", 0, 9, "{{Infobox film festival\n| name = A festival\n}}\nA festival of films."),
    ]
    pages += [WikiPage(title, 0, films[title][1], films[title][0]) for title in FILMS[2:]]
    return pages


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "enwiki-20260101-pages-articles.xml.bz2"
    assert write_dump(path, dump_pages()) == 9
    return path


def table_count(engine: Engine, table) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_the_dump_streams_pages_with_their_wiki(dump: Path) -> None:
    reader = WikiDump(dump)
    pages = list(reader.pages())
    assert [p.title for p in pages] == [p.title for p in dump_pages()]
    assert pages[3].redirect == "Enter the Dragon" and pages[4].namespace == 1
    assert pages[0].revision_id == 954278955 and pages[0].text == film_fixture_pages()["Enter the Dragon"][0]
    assert reader.wiki == Wiki(id="enwiki", article_path="https://en.wikipedia.org/wiki/$1")
    assert reader.pages_read == 9 and reader.position() == dump.stat().st_size


def test_ingest_picks_the_film_articles_and_reports_the_broken_one(engine: Engine, dump: Path) -> None:
    library = FilmLibrary(engine)
    report = ingest_sources(library, [dump])
    statuses = {d.path: d.status for d in report.documents}
    assert statuses == {**dict.fromkeys(FILMS, "added"), "Garbled (film)": "failed"}
    garbled = next(d for d in report.documents if d.path == "Garbled (film)")
    assert garbled.problems
    assert library.count_films() == 4
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(documents))}
    assert set(rows) == {f"enwiki:{title}" for title in FILMS}
    assert rows["enwiki:Batman (1989 film)"].title == "Batman (1989 film)"
    assert rows["enwiki:Batman (1989 film)"].url == "https://en.wikipedia.org/wiki/Batman_(1989_film)?oldid=868511560"


def test_an_interrupted_ingest_resumes_without_duplicates(engine: Engine, dump: Path, tmp_path: Path) -> None:
    clean = FilmLibrary(engine)
    ingest_sources(clean, [dump])
    expected = (table_count(engine, facts), table_count(engine, plot_beats))

    from core.database import build_engine, ensure_schema

    other = build_engine(f"sqlite:///{tmp_path / 'resumed.sqlite3'}")
    ensure_schema(other)
    library = FilmLibrary(other)
    seen: list[DocumentReport] = []

    def stop_after_two(entry: DocumentReport) -> None:
        seen.append(entry)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_sources(library, [dump], batch_size=1, on_document=stop_after_two)
    assert library.count_films() == 2
    again = ingest_sources(library, [dump], batch_size=1)
    assert [d.status for d in again.documents].count("unchanged") == 2
    assert [d.status for d in again.documents].count("added") == 2
    assert library.count_films() == 4
    assert (table_count(other, facts), table_count(other, plot_beats)) == expected
    third = ingest_sources(library, [dump])
    assert {d.status for d in third.documents} == {"unchanged", "failed"}
    other.dispose()


def test_worker_processes_give_the_same_library(engine: Engine, dump: Path, tmp_path: Path) -> None:
    library = FilmLibrary(engine)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "four_daughters.wiki").write_text(film_fixture_pages()["Four Daughters"][0], encoding="utf-8")
    report = ingest_sources(library, [dump, folder], workers=2, parallel_from=1, batch_size=2)
    assert sorted(d.path for d in report.documents) == sorted(
        [*FILMS, "Garbled (film)", str(folder / "four_daughters.wiki")]
    )
    assert [d.status for d in report.documents].count("added") == 5
    assert library.count_films() == 4, "the file and the dump's article are one film"


class KillsItsWorker(str):
    """Text whose unpickling ends the process receiving it: a parser process dying (as when out of memory)."""

    def __reduce__(self):  # type: ignore[override]
        return (os._exit, (70,))


def test_a_document_that_kills_its_worker_is_reported_and_skipped(engine: Engine) -> None:
    films = film_fixture_pages()
    jobs = [page_job(ENGLISH_WIKIPEDIA, WikiPage(title, 0, films[title][1], films[title][0])) for title in FILMS]
    jobs[1] = replace(jobs[1], data=KillsItsWorker(jobs[1].data))
    library = FilmLibrary(engine)
    report = ingest_items(library, jobs, workers=2, parallel_from=1)
    statuses = {d.path: (d.status, d.problems) for d in report.documents}
    assert statuses[FILMS[1]] == ("failed", ["its parser process died (out of memory?)"])
    assert [statuses[t][0] for t in FILMS if t != FILMS[1]] == ["added"] * 3
    assert library.count_films() == 3


def test_a_cut_short_dump_keeps_what_it_holds(engine: Engine, dump: Path, tmp_path: Path) -> None:
    xml = bz2.decompress(dump.read_bytes())
    cut = tmp_path / "cut.xml"
    cut.write_bytes(xml[: xml.index(b"<title>Tim Burton")])
    report = ingest_sources(FilmLibrary(engine), [cut])
    statuses = {d.path: d.status for d in report.documents}
    assert statuses == {"Enter the Dragon": "added", "Four Daughters": "added", str(cut): "failed"}
    assert "not a complete MediaWiki XML dump" in next(d for d in report.documents if d.problems).problems[0]

    not_a_dump = tmp_path / "page.xml"
    not_a_dump.write_text("<html><body>hello</body></html>")
    failed = ingest_sources(FilmLibrary(engine), [not_a_dump]).documents
    assert failed[0].status == "failed" and "not a MediaWiki dump" in failed[0].problems[0]
    corrupt = tmp_path / "corrupt.xml.bz2"
    corrupt.write_bytes(dump.read_bytes()[:-200])
    broken = ingest_sources(FilmLibrary(engine), [corrupt]).documents
    problems = [d.problems[0] for d in broken if d.path == str(corrupt)]
    assert len(problems) == 1 and problems[0].startswith(f"{corrupt.name} could not be decompressed")


def test_filmclub_ingest_takes_a_dump(
    dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FILMCLUB_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    assert main(["ingest", str(dump)]) == 1, "one article failed"
    out = capsys.readouterr().out
    assert "4 added" in out and "1 failed" in out and "9 pages read (enwiki)" in out and "Garbled (film)" in out
    assert main(["ingest", "--keep-going", str(dump)]) == 0
    assert "4 unchanged" in capsys.readouterr().out
