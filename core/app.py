"""The club: the core's one entry point for adapters.

`FilmClub.execute` takes an invocation and the caller's context, checks the arguments and the
caller's rights, runs the command, and always returns a `Response`: a bad command never raises
into an adapter.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from core.actions.press import Pressed, press
from core.actions.store import ActionStore
from core.answers.titles import TitleIndex
from core.clubs.store import ClubStore
from core.commands.arguments import ArgumentError, parse_arguments
from core.commands.lines import Invocation, LineError, parse_line
from core.commands.lookup import FilmLookup, look_up
from core.commands.registry import CommandContext, Permission, Registry
from core.database import SEEDING_LOCK, build_engine, ensure_schema, one_process_at_a_time
from core.library.model import Film
from core.library.store import FilmLibrary
from core.responses import ErrorPart, Response, Visibility, error
from core.settings import Settings
from core.spoilers.reveal import resolve_reveal

if TYPE_CHECKING:
    from core.ingest.files import IngestReport
    from core.parties.scheduler import PartyScheduler

log = logging.getLogger(__name__)


class FilmClub:
    """The film library, the commands and the per-channel memory of one process."""

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        from core.commands import build_registry

        self.settings = settings
        self.engine = engine or build_engine(settings.database_url)
        ensure_schema(self.engine)
        self.library = FilmLibrary(self.engine)
        self.clubs = ClubStore(self.engine, settings.timezone)
        self.actions = ActionStore(self.engine)
        self.registry: Registry = build_registry()
        self._index: TitleIndex | None = None
        self._index_lock = threading.Lock()
        self._channel_films: dict[str, int] = {}
        self.scheduler: PartyScheduler | None = None  # the party scheduler running on this club, set by its start

    # -- library -------------------------------------------------------------------------------

    def seed_bundled_films(self) -> IngestReport | None:
        """Ingest the bundled films into an empty library (first use); None when films exist."""
        with one_process_at_a_time(self.engine, SEEDING_LOCK):
            if self.library.count_films():
                return None
            # The parsers (mwparserfromhell, ftfy) are imported for a first fill only, never for a lookup.
            from core.ingest.files import ingest_paths

            report = ingest_paths(self.library, [self.settings.data_dir])
        self.library_changed()
        return report

    def prepare(self) -> None:
        """Make a long-running bot ready before it serves: seed an empty library, build the title index, freeze.

        ``gc.freeze()`` puts every object alive after start-up (at 100k films, ~300k of the title index's)
        beyond the collector: a full collection, which would walk them all, then pauses the event loop
        for ~0 ms instead of 77–96 ms (``benchmarks.discord_bench`` measures it). Call it in a worker thread.
        """
        report = self.seed_bundled_films()
        if report is not None:
            log.info("library seeded", extra={"documents": len(report.documents)})
        log.info("title index built", extra={"names": self.warm_titles()})
        gc.collect()
        gc.freeze()

    def warm_titles(self) -> int:
        """Build the title index and its completion tables now (in a worker thread), not at a member's keystroke."""
        titles = self.titles
        titles.complete("a")
        return len(titles)

    def library_changed(self) -> None:
        """Forget the title index; the next lookup rebuilds it from the store."""
        with self._index_lock:
            self._index = None

    @property
    def titles(self) -> TitleIndex:
        """The title index, built on first use."""
        with self._index_lock:
            if self._index is None:
                self._index = TitleIndex(self.library.iter_title_entries())
            return self._index

    def find_film(self, query: str) -> FilmLookup:
        """The film a typed title means: `Found`, `Ambiguous` or `NotFound` (see `core.commands.lookup`)."""
        return look_up(self.titles, self.library, query)

    def remember_film(self, ctx: CommandContext, film: Film) -> None:
        """The film a channel talked about last: questions without a title go to it."""
        self._channel_films[ctx.channel_key] = film.id

    def channel_film(self, ctx: CommandContext) -> Film | None:
        """The film a channel talked about last, if any."""
        film_id = self._channel_films.get(ctx.channel_key)
        return self.library.get_film(film_id) if film_id is not None else None

    # -- commands ------------------------------------------------------------------------------

    def is_organiser(self, ctx: CommandContext) -> bool:
        """Whether the caller organises their club: the platform answers, given the club's stored organiser role."""
        return ctx.organisers.is_organiser(self.clubs.get(ctx.club_key).organiser_role)

    def run_line(self, line: str, ctx: CommandContext) -> Response:
        """Run a typed command line such as ``/film info Children of Heaven``."""
        try:
            invocation = parse_line(line, self.registry)
        except LineError as exc:
            return error(f"{exc}.", "Type `help` for the list of commands.")
        return self.execute(invocation, ctx)

    def execute(self, invocation: Invocation, ctx: CommandContext) -> Response:
        """Run one command for one caller.

        Args:
            invocation: the command and its raw arguments.
            ctx: who asks, where.

        Returns:
            The command's response; a refusal, a usage message or an apology instead of raising.

        """
        return self._logged(f"/{invocation.group} {invocation.name}", ctx, lambda: self._run(invocation, ctx))

    def reveal(self, reveal_id: str, ctx: CommandContext) -> Response:
        """A Reveal press: the hidden part, for the presser alone, logged and never raising like a command.

        Returns:
            The part as a private `SpoilerPart` (the platform shows it in the open to the presser), or a refusal
            when the id names nothing (forged, or from a telling of the plot that has since changed).
        """

        def run() -> Response:
            part = resolve_reveal(self, reveal_id)
            if part is None:
                return error("That hidden part is no longer available.", "Ask for the plot again.")
            return Response(parts=[part], visibility=Visibility.PRIVATE)

        return self._logged("reveal", ctx, run)

    def _logged(self, what: str, ctx: CommandContext, run: Callable[[], Response]) -> Response:
        """Answer, with the answer's buttons stored, and one log line saying what was asked, by which club, how fast."""
        started = time.perf_counter()
        response = self.actions.remember(ctx.club_key, run(), ctx.moment)
        log.info(
            "command",
            extra={
                "command": what[:80],
                "club": ctx.club_key[:120],
                "outcome": "refused" if response.is_error else "answered",
                "ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response

    def press(self, key: str, ctx: CommandContext) -> Pressed:
        """Run the button stored under ``key`` as the member who pressed it (see ``core.actions.press``)."""
        return press(self, key, ctx)

    def _run(self, invocation: Invocation, ctx: CommandContext) -> Response:
        command = self.registry.get(invocation.group, invocation.name)
        if command is None:
            return error(f"Unknown command /{invocation.group} {invocation.name}.", "Type `help` for the commands.")
        if command.permission is Permission.ORGANISER and not self.is_organiser(ctx):
            return error(f"Only the club's organisers can use {command.path}.")
        try:
            arguments = parse_arguments(command.model, invocation.arguments, command.path)
        except ArgumentError as exc:
            return error(str(exc), f"Usage: {command.usage()}")
        try:
            if not ctx.spoiler_channel and self.clubs.is_spoiler_channel(ctx.club_key, ctx.channel_id):
                ctx = ctx.model_copy(update={"spoiler_channel": True})
            return command.handler(self, ctx, arguments)
        except Exception:
            log.exception("command failed", extra={"command": command.path})
            return Response(
                parts=[ErrorPart(message="Sorry, something went wrong while answering that.", hint="It was logged.")],
                visibility=Visibility.PRIVATE,
            )
