"""``filmclub``: the console, one-shot commands, and the ingest tool.

filmclub                         interactive prompt (or one command per line from a pipe)
filmclub run "/film info …"      one command, then exit
filmclub ingest PATH…            add documents to the library (files, folders, Wikipedia XML dumps)
filmclub add TITLE               add a film from its Wikipedia article
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bots.console.app import ConsoleSession, console_context, is_interactive
from bots.console.publisher import console_parties
from core.app import FilmClub
from core.commands.lines import Invocation
from core.database import head_revision
from core.documents.dump import WikiDump, is_dump
from core.ingest.bulk import ingest_sources
from core.ingest.files import DocumentReport, IngestReport, find_documents, passed_over
from core.logs import configure_logging
from core.settings import load_settings


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog="filmclub", description="The film club bot, in your terminal.")
    parser.add_argument("--json", action="store_true", help="print the neutral response as JSON, one per line")
    parser.add_argument("--spoilers", action="store_true", help="show hidden plot parts")
    sub = parser.add_subparsers(dest="action")
    run = sub.add_parser("run", help="run one command line and exit")
    run.add_argument("line", nargs="+", help='e.g. "/film info Children of Heaven"')
    run.add_argument("--json", action="store_true", dest="json_run", help="print JSON")
    run.add_argument("--spoilers", action="store_true", dest="spoilers_run", help="show hidden plot parts")
    ingest = sub.add_parser(
        "ingest",
        help="add documents (files, folders, Wikipedia XML dumps) to the library",
        description="Add documents to the library. A bad document never stops the run: every good one is saved, "
        "every file not taken is named with the reason. Exit status: 0 when every document was taken, "
        "1 when any failed (or, with --keep-going, only when none could be ingested), 130 when interrupted.",
    )
    ingest.add_argument(
        "paths", nargs="+", type=Path, help="files, folders, or a dump such as enwiki-…-pages-articles.xml.bz2"
    )
    ingest.add_argument("--workers", type=int, default=None, help="parser processes (default: one per CPU)")
    ingest.add_argument(
        "--keep-going",
        action="store_true",
        help="exit 0 though some documents failed, as long as any was ingested (failures are still listed; "
        "good documents are saved with or without it)",
    )
    db = sub.add_parser("db", help="database maintenance")
    db.add_argument("operation", choices=["upgrade"], help="upgrade: migrate the schema to this release's newest")
    add = sub.add_parser("add", help="add a film from its Wikipedia article (title or link)")
    add.add_argument("title", nargs="+")
    return parser


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


def run_add(club: FilmClub, title: str, session: ConsoleSession) -> int:
    """``filmclub add TITLE``: the ``/film add`` command, run as the local organiser."""
    response = club.execute(Invocation(group="film", name="add", arguments={"title": title}), console_context())
    session.show(response)
    return 1 if response.is_error else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``filmclub`` script."""
    args = build_parser().parse_args(argv)
    settings = load_settings()
    configure_logging(settings, least=logging.WARNING)
    console = Console(stderr=False)
    club = FilmClub(settings)  # migrates the schema to the newest revision on start
    if args.action == "db":
        console.print(f"database schema at revision {head_revision()}")
        return 0
    if args.action == "ingest":
        return run_ingest(club, args.paths, console, args.workers, args.keep_going)
    club.seed_bundled_films()
    as_json = args.json or getattr(args, "json_run", False)
    spoilers = args.spoilers or getattr(args, "spoilers_run", False)
    session = ConsoleSession(club, sys.stdout, as_json=as_json, show_spoilers=spoilers)
    if args.action == "add":
        return run_add(club, " ".join(args.title), session)
    if args.action == "run":
        response = session.answer(" ".join(args.line))
        if response is not None:
            session.show(response)
            return 1 if response.is_error else 0
        return 0
    if is_interactive(sys.stdin) and not as_json:
        from bots.console.prompt import interact  # prompt_toolkit: only for the interactive prompt

        with console_parties(club, session):  # party messages print above the prompt while it is open
            interact(session)
    else:
        session.run_lines(sys.stdin)
    return 0


if __name__ == "__main__":
    sys.exit(main())
