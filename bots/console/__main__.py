"""``filmclub``: the console, one-shot commands, and the ingest tool.

    filmclub                         interactive prompt (or one command per line from a pipe)
    filmclub run "/film info …"      one command, then exit
    filmclub ingest PATH…            add documents to the library
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bots.console.app import ConsoleSession, is_interactive
from core.app import FilmClub
from core.library.ingest import DocumentReport, IngestReport, find_documents, ingest_paths
from core.settings import Settings


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
    ingest = sub.add_parser("ingest", help="add documents (files or folders) to the library")
    ingest.add_argument("paths", nargs="+", type=Path)
    return parser


def print_report(report: IngestReport, console: Console) -> None:
    """The end-of-ingest summary: counts, then every document's problems, file by file."""
    console.print(
        f"[bold]{report.count('added')} added, {report.count('updated')} updated, "
        f"{report.count('unchanged')} unchanged, {report.count('failed')} failed[/bold]"
    )
    for doc in report.documents:
        if doc.problems:
            style = "red" if doc.status == "failed" else "yellow"
            console.print(f"[{style}]{doc.path}[/{style}] ({doc.status}{': ' + doc.film if doc.film else ''})")
            for problem in doc.problems:
                console.print(f"    - {problem}", markup=False, highlight=False)


def run_ingest(club: FilmClub, paths: list[Path], console: Console) -> int:
    """Ingest with a progress bar; exit status 1 only when nothing at all could be ingested."""
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        console.print(f"[red]no such file or folder: {path}[/red]")
    files = list(find_documents(p for p in paths if p.exists()))
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=len(files) < 20) as progress:
        task = progress.add_task("ingest", total=len(files))

        def advance(_: DocumentReport) -> None:
            progress.advance(task)

        report = ingest_paths(club.library, files, on_document=advance)
    club.library_changed()
    print_report(report, console)
    return 0 if report.ingested_anything else 1


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``filmclub`` script."""
    args = build_parser().parse_args(argv)
    settings = Settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    console = Console(stderr=False)
    club = FilmClub(settings)
    if args.action == "ingest":
        return run_ingest(club, args.paths, console)
    club.seed_bundled_films()
    as_json = args.json or getattr(args, "json_run", False)
    spoilers = args.spoilers or getattr(args, "spoilers_run", False)
    session = ConsoleSession(club, sys.stdout, as_json=as_json, show_spoilers=spoilers)
    if args.action == "run":
        response = session.answer(" ".join(args.line))
        if response is not None:
            session.show(response)
            return 1 if response.is_error else 0
        return 0
    if is_interactive(sys.stdin) and not as_json:
        session.interact()
    else:
        session.run_lines(sys.stdin)
    return 0


if __name__ == "__main__":
    sys.exit(main())
