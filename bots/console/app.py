"""The terminal front end: the same command lines as chat, rendered with rich.

Interactive on a terminal (`bots.console.prompt`); one command line per input line when standard input is a
pipe, so ``filmclub --json < commands.txt`` scripts it.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from rich.console import Console

from bots.console.commands import QUIT_WORDS, help_response
from bots.console.files import save_files
from bots.console.render import render
from core.app import FilmClub
from core.commands.registry import CommandContext
from core.responses import Response

PROMPT = "film club> "


def console_context() -> CommandContext:
    """The local user runs everything, as the club's organiser."""
    user = getpass.getuser()
    return CommandContext(
        platform="console", server_id="local", channel_id="console", user_id=user, user_name=user, is_organiser=True
    )


class ConsoleSession:
    """One person at the terminal: their spoiler preference and where answers go."""

    def __init__(self, club: FilmClub, out: TextIO, as_json: bool = False, show_spoilers: bool = False) -> None:
        self.club = club
        self.as_json = as_json
        self.show_spoilers = show_spoilers
        self.ctx = console_context()
        self.use_output(out)

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
            self.show_spoilers = word.endswith("on")
            return None
        if word in {"clear", "cls"}:
            self.console.clear()
            return None
        return self.club.run_line(line, self.ctx)

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
