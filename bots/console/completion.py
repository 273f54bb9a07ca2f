"""Tab completion at the console prompt: commands, subcommands, option names and film titles.

Film titles come from the club's title index, the one Discord's autocomplete asks, so both offer the
same films for the same letters. Pure prompt_toolkit: imported only by the interactive prompt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from bots.console.commands import CONSOLE_WORDS
from core.app import FilmClub
from core.commands.registry import ArgType, Command

MAX_TITLES = 25
# The option being typed: ``name:value-so-far`` at the end of the line.
_OPTION = re.compile(r"(?:^|\s)(?P<name>[a-z_]+):(?P<value>[^:]*)$", re.IGNORECASE)


class CommandCompleter(Completer):
    """Completes the word under the cursor from the registry and the title index."""

    def __init__(self, club: FilmClub) -> None:
        self.club = club

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterator[Completion]:
        typed = document.text_before_cursor.lstrip()
        words = typed.split()
        ending = typed.endswith(" ")
        if len(words) <= 1 and not ending:
            yield from _starting(typed, [f"/{g} " for g in self.club.registry.groups()] + sorted(CONSOLE_WORDS))
            return
        group = words[0].lstrip("/").casefold()
        if group not in self.club.registry.groups():
            return
        names = [f"{c.name} " for c in self.club.registry.in_group(group)]
        if len(words) == 1 or (len(words) == 2 and not ending):
            yield from _starting("" if ending else words[1], names)
            return
        command = self.club.registry.get(group, words[1].casefold())
        if command is not None:
            rest = typed.split(maxsplit=2)[2] if len(words) > 2 else ""
            yield from self._arguments(command, rest)

    def _arguments(self, command: Command, rest: str) -> Iterator[Completion]:
        """Film titles for the film argument being typed, else the names of the options not given yet."""
        option = _OPTION.search(rest)
        if option:
            argument = next((a for a in command.arguments if a.name == option["name"].casefold()), None)
            if argument is not None and argument.type is ArgType.FILM:
                yield from self._titles(option["value"])
            elif argument is not None and argument.choices:
                yield from _starting(option["value"], argument.choices)
            return
        word = "" if not rest or rest.endswith(" ") else rest.split()[-1]
        given = {m.casefold() for m in re.findall(r"(?:^|\s)([a-z_]+):", rest, re.IGNORECASE)}
        options = list(_starting(word, [f"{a.name}:" for a in command.arguments[1:] if a.name not in given]))
        yield from options
        first = command.arguments[0] if command.arguments else None
        if not options and not given and first is not None and first.type is ArgType.FILM:
            yield from self._titles(rest)

    def _titles(self, typed: str) -> Iterator[Completion]:
        """Films whose titles start like ``typed``; the completion replaces all of it, so a slip is fixed too."""
        for entry in self.club.titles.complete(typed.strip(), MAX_TITLES):
            yield Completion(entry.title, start_position=-len(typed.lstrip()), display=entry.display_title)


def _starting(word: str, candidates: Iterable[str]) -> Iterator[Completion]:
    folded = word.casefold()
    for candidate in candidates:
        if candidate.casefold().startswith(folded):
            yield Completion(candidate, start_position=-len(word))
