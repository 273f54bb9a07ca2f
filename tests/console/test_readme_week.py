"""The README's walk through the club's week runs as written in the console: every line answers, none refuses."""

from __future__ import annotations

import re

from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.registry import CommandContext
from core.settings import BUNDLED_DATA

ORGANISER = CommandContext(
    platform="console", server_id="local", channel_id="console", user_id="me", user_name="Me", organisers=EVERYONE
)


def week_lines() -> list[str]:
    readme = (BUNDLED_DATA.parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The club's week", 1)[1]
    block = re.search(r"```text\n(.*?)```", section, re.DOTALL)
    assert block is not None, "the README's week has no command block"
    return [line for line in block.group(1).splitlines() if line.startswith("/")]


def test_the_readme_week_runs_line_by_line(club: FilmClub) -> None:
    said = {line: club.run_line(line, ORGANISER) for line in week_lines()}
    assert len(said) >= 10
    refused = {line: r.plain_text() for line, r in said.items() if r.is_error}
    assert refused == {}
    closed = said["/poll close"].plain_text()
    assert "is closed. The winner: Batman" in closed  # the vote for 2 (Batman) decided it
    assert "/poll vote <number> poll:" in said["/poll show"].plain_text()  # its buttons, as the console prints them
