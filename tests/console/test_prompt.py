"""The interactive console on a (fake) terminal: history between runs, Ctrl-R, Tab completion, party messages."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from bots.console.app import ConsoleSession
from bots.console.publisher import ConsolePublisher
from core.app import FilmClub
from core.responses import text
from tests.console.terminal import CTRL_R, ENTER, TAB, UP, terminal


def session_of(club: FilmClub) -> ConsoleSession:
    return ConsoleSession(club, io.StringIO())


def test_history_is_kept_between_runs_and_recalled_with_up(club: FilmClub, tmp_path: Path) -> None:
    history = tmp_path / "history"
    with terminal(session_of(club), history) as term:
        term.type("/film info Batman 1989" + ENTER)
        term.screen.wait_for("Tim Burton")
    assert "/film info Batman 1989" in history.read_text()
    with terminal(session_of(club), history) as term:
        term.wait_history(1)
        term.type(UP + ENTER)
        term.screen.wait_for("Tim Burton")
        assert "^[[A" not in term.screen.text() and "unknown command" not in term.screen.text()


def test_ctrl_r_finds_an_older_line(club: FilmClub, tmp_path: Path) -> None:
    history = tmp_path / "history"
    history.write_text("\n+/film info Batman 1989\n\n+/film search heaven\n")
    with terminal(session_of(club), history) as term:
        term.wait_history(2)
        term.type(CTRL_R + "batm")
        term.screen.wait_for("an 1989")  # the line found, its match highlighted
        term.type(ENTER)  # ends the search with the line found
        term.wait_line("/film info Batman 1989")
        term.type(ENTER)
        term.screen.wait_for("Tim Burton")


def test_tab_completes_a_film_title_from_the_title_index(club: FilmClub, tmp_path: Path) -> None:
    with terminal(session_of(club), tmp_path / "history") as term:
        term.type("/film info childr" + TAB)
        term.wait_line("/film info Children of Heaven")
        term.type(ENTER)
        term.screen.wait_for("Majid Majidi")


def test_tab_completes_commands_subcommands_and_options(club: FilmClub, tmp_path: Path) -> None:
    with terminal(session_of(club), tmp_path / "history") as term:
        term.type("/fi" + TAB)
        term.wait_line("/film ")
        term.type("sea" + TAB)
        term.wait_line("/film search ")
        term.type("heaven" + ENTER)
        term.screen.wait_for("Children of Heaven (1997)")
        term.type("/film plot Children of Heaven up" + TAB)
        term.wait_line("/film plot Children of Heaven upto:")
        term.type("3" + ENTER)
        term.screen.wait_for("Only you see this: parts 1–3 in the open")


def test_a_party_message_prints_above_the_half_typed_line_which_is_kept(club: FilmClub, tmp_path: Path) -> None:
    session = session_of(club)
    with terminal(session, tmp_path / "history") as term:
        term.type("/film inf")
        term.wait_line("/film inf")
        typed = len(term.screen.text())
        asyncio.run(ConsolePublisher(session).publish("console", text("Round one: what did Ali lose?")))
        message = term.screen.wait_for("Round one: what did Ali lose?", typed)
        term.screen.wait_for("film club> ", message)  # the prompt is drawn again under it, the line as it was
        term.screen.wait_for("/film inf", message)
        assert term.line() == "/film inf"
        term.type("o Batman 1989" + ENTER)
        term.screen.wait_for("Tim Burton", message)


def test_reveal_shows_one_part_of_the_plot_just_read(club: FilmClub, tmp_path: Path) -> None:
    with terminal(session_of(club), tmp_path / "history") as term:
        term.type("/film plot Children of Heaven source:wikipedia" + ENTER)
        plot = term.screen.wait_for("[hidden: part 7 of 8 — near the end]")
        term.type("reveal 7" + ENTER)
        revealed = term.screen.wait_for("Children of Heaven, part 7 of 8 — near the end: Finally, Ali", plot)
        assert "part 8 of 8 — the last part: how it ends:" not in term.screen.text()[revealed:]
