"""The console in a real pseudo-terminal, as a member's terminal drives it: arrow keys and Tab are keys, not text.

The bug this guards against: Up printed ``^[[A`` and Enter then ran ``unknown command /^[[A``. The other
keys are tested with prompt_toolkit's own pipe input (test_prompt.py); this runs the real process on a pty.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
PROMPT = b"film club> "
WAIT = 60.0  # a generous bound for a loaded machine; the test passes as soon as the text arrives


class Terminal:
    """The console on a pty: keys in, screen bytes out."""

    def __init__(self, home: Path) -> None:
        self.master, slave = pty.openpty()
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(home),
            "TERM": "xterm-256color",
            "COLUMNS": "100",
            "LINES": "40",
            "FILMCLUB_DATABASE_URL": f"sqlite:///{home / 'club.sqlite3'}",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bots.console"], stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT
        )
        os.close(slave)
        self.screen = b""
        self.mark = 0

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def shows(self, text: bytes) -> bool:
        """Read until ``text`` appears after what the last wait found (or the wait ends); later waits start after it."""
        end = time.monotonic() + WAIT
        while (found := self.screen.find(text, self.mark)) < 0 and time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    self.screen += os.read(self.master, 65536)
                except OSError:  # the console exited
                    break
        if found < 0:
            return False
        self.mark = found + len(text)
        return True

    def ready(self) -> bool:
        """Wait for the prompt after what was last found: keys typed ahead of it would reach a terminal not yet in
        the prompt's raw mode, which takes them as plain text."""
        return self.shows(PROMPT)

    def close(self) -> int:
        self.type(b"quit\r")
        try:
            return self.process.wait(timeout=WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            os.close(self.master)


def test_up_recalls_the_last_line_and_tab_completes_a_title_on_a_real_terminal(tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    terminal = Terminal(tmp_path / "home")
    try:
        assert terminal.ready()
        terminal.type(b"/film info Batman\r")
        assert terminal.shows(b"Tim Burton") and terminal.ready()
        terminal.type(b"\x1b[A\r")  # Up, Enter: the same line again
        assert terminal.shows(b"Tim Burton"), terminal.screen.decode(errors="replace")
        assert terminal.ready()
        terminal.type(b"/film info Children of Hea\t")  # Tab completes the title on the line
        assert terminal.shows(b"ven"), terminal.screen.decode(errors="replace")
        terminal.type(b"\r")
        assert terminal.shows(b"Majid Majidi"), terminal.screen.decode(errors="replace")
        assert b"unknown command" not in terminal.screen and b"^[[A" not in terminal.screen
    finally:
        assert terminal.close() == 0
