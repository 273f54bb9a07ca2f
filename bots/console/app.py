"""The terminal front end: the same command lines as chat, rendered with rich.

Interactive on a terminal (`bots.console.prompt`); one command line per input line when standard input is a
pipe, so ``filmclub --json < commands.txt`` scripts it.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from rich.console import Console

from bots.console.commands import QUIT_WORDS, help_response
from bots.console.files import save_files
from bots.console.render import render
from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.registry import CommandContext
from core.responses import Response, text

PROMPT = "film club> "
MAX_MEMBER_NAME = 80
_REVEAL = re.compile(r"reveal\s+(?:part:)?(?P<part>\d{1,4})")
_PLOT = re.compile(r"/?film\s+plot\b(?:.*?\bsource:(?P<source>.+?)(?=\s\w+:|$))?", re.IGNORECASE)


def console_context(member: str | None = None) -> CommandContext:
    """The local user runs everything as the club's organiser; ``member`` (``--member Ana``) names another.

    A name is one member wherever it is typed, so one terminal can try a poll with several voters.
    """
    user = " ".join((member or getpass.getuser()).split())[:MAX_MEMBER_NAME] or getpass.getuser()
    return CommandContext(
        platform="console",
        server_id="local",
        channel_id="console",
        user_id=user.casefold(),
        user_name=user,
        organisers=EVERYONE,
    )


class ConsoleSession:
    """One person at the terminal: their spoiler preference and where answers go."""

    def __init__(
        self,
        club: FilmClub,
        out: TextIO,
        as_json: bool = False,
        show_spoilers: bool = False,
        member: str | None = None,
    ) -> None:
        self.club = club
        self.as_json = as_json
        self.ctx = console_context(member)
        self.show_spoilers = show_spoilers
        self._plot_source: str | None = None  # the telling of the last plot read, for ``reveal N``
        self.use_output(out)

    @property
    def show_spoilers(self) -> bool:
        """The member asked to see every hidden part (``--spoilers``, ``spoilers on``)."""
        return self.ctx.spoiler_channel

    @show_spoilers.setter
    def show_spoilers(self, on: bool) -> None:
        # The core then answers as in a spoiler channel, so no answer claims hidden what it shows.
        self.ctx = self.ctx.model_copy(update={"spoiler_channel": on})

    def use_output(self, out: TextIO) -> None:
        """Print to ``out`` from now on (the interactive prompt passes its patched stdout)."""
        self.out = out
        self.console = Console(file=out, highlight=False, soft_wrap=False)

    def answer(self, line: str) -> Response | None:
        """The response to one input line (None for blank lines and console switches)."""
        line = line.strip()
        if not line or line.startswith("#"):
            return None
        word = line.casefold()
        if word in {"help", "/help", "?"}:
            return help_response(self.club.registry)
        if word in {"spoilers on", "spoilers off"}:
            return self._switch_spoilers(word.endswith("on"))
        if word in {"clear", "cls"}:
            self.console.clear()
            return None
        reveal = _REVEAL.fullmatch(word)
        if reveal:
            source = f" source:{self._plot_source}" if self._plot_source else ""
            return self.club.run_line(f"/film reveal part:{reveal['part']}{source}", self.ctx)
        plot = _PLOT.match(line)
        if plot:
            self._plot_source = plot["source"].strip() if plot["source"] else None
        return self.club.run_line(line, self.ctx)

    def _switch_spoilers(self, on: bool) -> Response:
        was = self.show_spoilers
        self.show_spoilers = on
        if on:
            said = "Spoilers on: from your next command every part is shown, nothing hidden."
            return text(said if not was else "Spoilers were already on: every part is shown.")
        said = "Spoilers off: later plot parts are hidden again (`reveal N` shows one)."
        return text(said if was else "Spoilers were already off: later plot parts are hidden.")

    def handle(self, line: str) -> None:
        """Answer one line and print the answer, if it has one."""
        response = self.answer(line)
        if response is not None:
            self.show(response)

    def show(self, response: Response) -> None:
        """Print a response: rich on a terminal, one JSON object per line with ``--json``."""
        if self.as_json:
            self.out.write(response.model_dump_json() + "\n")
            self.out.flush()
        else:
            self.console.print(render(save_files(response, Path.cwd()), self.show_spoilers))

    def run_lines(self, lines: Iterable[str]) -> None:
        """Answer each line in turn (scripted use)."""
        for line in lines:
            if line.strip().casefold() in QUIT_WORDS:
                break
            self.handle(line)


def is_interactive(stream: TextIO) -> bool:
    """True for a terminal, False for a pipe or file."""
    return bool(getattr(stream, "isatty", lambda: False)())
