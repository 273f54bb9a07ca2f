"""``filmclub ingest``: documents into the library with a progress bar, then a report naming every problem.

Its own module, imported only for that action: the parsers it brings (mwparserfromhell, ftfy) are not what a
one-shot lookup should load.
"""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from core.app import FilmClub
from core.documents.dump import WikiDump, is_dump
from core.ingest.bulk import ingest_sources
from core.ingest.files import DocumentReport, IngestReport, find_documents, passed_over


def print_report(report: IngestReport, console: Console, failures_only: bool = False) -> None:
    """The end-of-ingest summary: counts, then every document's problems, file by file.

    ``failures_only`` (a dump: thousands of articles) lists only the documents that failed or were skipped, and
    counts the rest.
    """
    skipped = f", {report.count('skipped')} files skipped" if report.count("skipped") else ""
    console.print(
        f"[bold]{report.count('added')} added, {report.count('updated')} updated, "
        f"{report.count('unchanged')} unchanged, {report.count('failed')} failed{skipped}[/bold]"
    )
    noted = 0
    for doc in report.documents:
        if doc.problems:
            if failures_only and doc.status not in {"failed", "skipped"}:
                noted += 1
                continue
            style = {"failed": "red", "skipped": "dim"}.get(doc.status, "yellow")
            film = f": {escape(doc.film)}" if doc.film else ""
            console.print(f"[{style}]{escape(doc.path)}[/{style}] ({doc.status}{film})")
            for problem in doc.problems:
                console.print(f"    - {problem}", markup=False, highlight=False)
    if noted:
        console.print(f"{noted} ingested documents have notes on parts that could not be read (not listed for dumps).")


def run_ingest(
    club: FilmClub, paths: list[Path], console: Console, workers: int | None = None, keep_going: bool = False
) -> int:
    """Ingest with a progress bar, then report every document and every file left out.

    Returns:
        0 when every document was taken; 1 when a path is missing or any document failed (with
        ``keep_going``: only when nothing at all could be ingested); 130 when interrupted.

    Folders and files count documents; a dump shows how much of the file is read and the articles per second.
    Interrupted (Ctrl-C), it says so: every batch saved stays saved, and the same command resumes.
    """
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        console.print(f"[red]no such file or folder: {path}[/red]")
    present = [p for p in paths if p.exists()]
    has_dump = any(is_dump(p) for p in present)
    total = sum(p.stat().st_size for p in present if is_dump(p)) if has_dump else len(list(find_documents(present)))
    speed = TextColumn("{task.fields[done]} articles, {task.fields[rate]:.1f}/s")
    columns = (TextColumn("ingesting"), BarColumn(), DownloadColumn() if has_dump else MofNCompleteColumn(), speed)
    dumps: list[WikiDump] = []
    started = time.monotonic()
    done = 0
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True, disable=total < 20) as progress:
        task = progress.add_task("ingest", total=total, done=0, rate=0.0)

        def advance(_: DocumentReport) -> None:
            nonlocal done
            done += 1
            rate = done / max(time.monotonic() - started, 1e-6)
            if has_dump:
                # bytes of the dumps finished before this one, and how far into this one
                read = sum(d.size for d in dumps[:-1]) + (dumps[-1].position() if dumps else 0)
                progress.update(task, completed=read, done=done, rate=rate)
            else:
                progress.update(task, advance=1, done=done, rate=rate)

        try:
            report = ingest_sources(club.library, present, workers=workers, on_document=advance, dumps=dumps)
        except KeyboardInterrupt:
            club.library_changed()
            console.print(f"[yellow]Interrupted after {done} documents; what was saved stays saved.[/yellow]")
            console.print("Run the same command again to resume: documents already saved are skipped.")
            return 130
    club.library_changed()
    for dump in dumps:
        console.print(f"{dump.path.name}: {dump.pages_read} pages read ({dump.wiki.id})")
    report.documents.extend(passed_over(present))
    print_report(report, console, failures_only=has_dump)
    if keep_going:
        return 0 if report.ingested_anything else 1
    return 1 if missing or report.count("failed") else 0
