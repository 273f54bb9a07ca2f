"""Driving the interactive prompt in-process: prompt_toolkit's pipe input, and an output that records the screen."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from prompt_toolkit.application import AppSession, get_app_session
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.data_structures import Size
from prompt_toolkit.enums import DEFAULT_BUFFER
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output.vt100 import Vt100_Output

from bots.console.app import ConsoleSession
from bots.console.prompt import interact

UP, TAB, ENTER, CTRL_R, CTRL_D = "\x1b[A", "\t", "\r", "\x12", "\x04"
WAIT = 20.0  # seconds before a wait fails: a slow shared machine, never a timing assertion


class Screen(io.StringIO):
    """Everything written to the terminal; waits are woken by each write, not by polling."""

    encoding = "utf-8"

    def __init__(self) -> None:
        super().__init__()
        self._changed = threading.Condition()

    def write(self, data: str) -> int:
        with self._changed:
            written = super().write(data)
            self._changed.notify_all()
            return written

    def text(self) -> str:
        with self._changed:
            return self.getvalue()

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        """Wait until ``condition`` holds, checking it after each write (every key typed redraws the line)."""
        with self._changed:
            assert self._changed.wait_for(condition, WAIT), f"timed out waiting for {what}"

    def wait_for(self, expected: str, after: int = 0) -> int:
        """Wait until ``expected`` is on screen past position ``after``; its position."""
        with self._changed:
            found = self._changed.wait_for(lambda: self.getvalue().find(expected, after) >= 0, WAIT)
            assert found, f"{expected!r} never appeared; the screen shows:\n{self.getvalue()[-3000:]!r}"
            return self.getvalue().find(expected, after)


class Terminal:
    """A running prompt: type into it, read its screen."""

    def __init__(self, keys: PipeInput, screen: Screen) -> None:
        self.keys = keys
        self.screen = screen
        self.app_session: AppSession | None = None

    def type(self, text: str) -> None:
        self.keys.send_text(text)

    def _buffer(self) -> Buffer | None:
        app = self.app_session.app if self.app_session else None
        return app.layout.get_buffer_by_name(DEFAULT_BUFFER) if app is not None else None

    def line(self) -> str:
        """The line being edited at the prompt now."""
        buffer = self._buffer()
        return buffer.text if buffer is not None else ""

    def wait_history(self, lines: int) -> None:
        """Wait until the prompt has read ``lines`` lines of history (prompt_toolkit loads it in the background)."""
        # the buffer's working lines are the history, oldest first, then the line being edited
        self.screen.wait_until(
            lambda: (b := self._buffer()) is not None and len(b._working_lines) > lines,
            f"{lines} lines of history",
        )

    def wait_line(self, expected: str) -> None:
        """Wait until the line being edited reads ``expected`` (completions are applied asynchronously)."""
        self.screen.wait_until(
            lambda: self.line() == expected, f"the line to read {expected!r} (it reads {self.line()!r})"
        )


@contextmanager
def terminal(session: ConsoleSession, history: Path) -> Iterator[Terminal]:
    """The console's prompt in a thread on a fake terminal; on leaving, Ctrl-D ends it and the thread is joined."""
    screen = Screen()
    with create_pipe_input() as keys:
        output = Vt100_Output(screen, lambda: Size(rows=50, columns=200), enable_cpr=False)  # type: ignore[arg-type]
        failures: list[BaseException] = []
        term = Terminal(keys, screen)

        # The terminal of the process-wide session, as on a real terminal: patch_stdout's writer thread, which
        # prints other threads' messages above the prompt, finds the running prompt through it.
        default = get_app_session()
        saved = default._input, default._output
        default._input, default._output = keys, output
        term.app_session = default

        def run() -> None:
            try:
                interact(session, history)
            except BaseException as exc:
                failures.append(exc)

        thread = threading.Thread(target=run, name="console-prompt", daemon=True)
        thread.start()
        try:
            yield term
        finally:
            keys.send_text(CTRL_D)
            thread.join(WAIT)
            default._input, default._output = saved
        assert not thread.is_alive(), "the prompt did not end on Ctrl-D"
        assert not failures, failures
