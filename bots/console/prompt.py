"""The interactive prompt: line editing, a history kept between runs, Tab completion, messages above the line.

prompt_toolkit is imported here only, and this module only when a member opens the prompt on a terminal,
so ``filmclub run`` and piped input start without it. While the prompt is open, ``patch_stdout`` sends
every print (the party scheduler's messages from its thread included) above the prompt, which is then
redrawn with what the member had half typed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_dir
from prompt_toolkit import PromptSession
from prompt_toolkit.formatted_text import HTML
from prompt_toolkit.history import FileHistory
from prompt_toolkit.patch_stdout import patch_stdout

from bots.console.app import PROMPT, ConsoleSession
from bots.console.commands import QUIT_WORDS
from bots.console.completion import CommandCompleter

HISTORY_FILE = "console_history"


def history_path() -> Path:
    """The history file, in the same user data folder as the default database (created on first use)."""
    folder = Path(user_data_dir("filmclub", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / HISTORY_FILE


def build_prompt(session: ConsoleSession, history: Path) -> PromptSession[str]:
    """A prompt session completing from the club's registry and title index, with a file history."""
    return PromptSession(
        history=FileHistory(str(history)),
        completer=CommandCompleter(session.club),
        complete_while_typing=False,
        enable_history_search=False,  # Up recalls whole lines; Ctrl-R searches them
        search_ignore_case=True,
    )


def interact(session: ConsoleSession, history: Path | None = None) -> None:
    """Read and answer lines until ``quit`` or Ctrl-D; Ctrl-C drops the line being typed.

    Args:
        session: the member's console session (its answers are printed through the patched stdout).
        history: the history file; default `history_path`.
    """
    prompt = build_prompt(session, history or history_path())
    with patch_stdout(raw=True):
        session.use_output(sys.stdout)
        session.console.print(
            "[bold]Film club[/bold] — type [cyan]help[/cyan] for commands, [cyan]quit[/cyan] to leave."
        )
        while True:
            try:
                line = prompt.prompt(HTML(f"<b><ansigreen>{PROMPT}</ansigreen></b>"))
            except KeyboardInterrupt:
                continue  # Ctrl-C drops the line being typed, as in a shell
            except EOFError:
                return
            if line.strip().casefold() in QUIT_WORDS:
                return
            session.handle(line)
