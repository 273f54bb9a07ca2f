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
from pathlib import Path

from rich.console import Console

from bots.console.app import ConsoleSession, is_interactive
from core.app import FilmClub
from core.commands.lines import Invocation
from core.database import head_revision
from core.logs import configure_logging
from core.settings import load_settings


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog="filmclub", description="The film club bot, in your terminal.")
    parser.add_argument("--json", action="store_true", help="print the neutral response as JSON, one per line")
    parser.add_argument("--spoilers", action="store_true", help="show hidden plot parts")
    parser.add_argument("--member", metavar="NAME", help="act as this member (default: you, the OS user)")
    sub = parser.add_subparsers(dest="action")
    run = sub.add_parser("run", help="run one command line and exit")
    run.add_argument("line", nargs="+", help='e.g. "/film info Children of Heaven"')
    run.add_argument("--json", action="store_true", dest="json_run", help="print JSON")
    run.add_argument("--spoilers", action="store_true", dest="spoilers_run", help="show hidden plot parts")
    run.add_argument("--member", metavar="NAME", dest="member_run", help="act as this member")
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


def run_add(club: FilmClub, title: str, session: ConsoleSession) -> int:
    """``filmclub add TITLE``: the ``/film add`` command, run as the local organiser."""
    response = club.execute(Invocation(group="film", name="add", arguments={"title": title}), session.ctx)
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
        from bots.console.ingest import run_ingest  # the parsers: for this action only

        return run_ingest(club, args.paths, console, args.workers, args.keep_going)
    club.seed_bundled_films()
    as_json = args.json or getattr(args, "json_run", False)
    spoilers = args.spoilers or getattr(args, "spoilers_run", False)
    member = getattr(args, "member_run", None) or args.member
    session = ConsoleSession(club, sys.stdout, as_json=as_json, show_spoilers=spoilers, member=member)
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
        from bots.console.publisher import console_parties  # the scheduler: only while a prompt is open

        with console_parties(club, session):  # party messages print above the prompt while it is open
            interact(session)
    else:
        session.run_lines(sys.stdin)
    return 0


if __name__ == "__main__":
    sys.exit(main())
