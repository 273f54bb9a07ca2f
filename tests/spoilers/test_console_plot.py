"""``filmclub run "/film plot …"`` through the real entry point, with and without ``--spoilers``."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bots.console.__main__ import main
from bots.console.render import SPOILER_HINT

LINE = "/film plot Children of Heaven"
# How the end-credits recap (the fuller telling, shown by default) says Ali won the race, and how it ends.
OUTCOME = "standing atop the podium"
ENDING = "wading into a pool"
SETUP = "As the sun sets over the impoverished South Tehran neighborhood"


@pytest.fixture(scope="module")
def cli_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for the module: the first run seeds the bundled films, the others read them."""
    return tmp_path_factory.mktemp("cli") / "cli.sqlite3"


@pytest.fixture
def cli_db(monkeypatch: pytest.MonkeyPatch, cli_database: Path) -> Path:
    monkeypatch.setenv("FILMCLUB_DATABASE_URL", f"sqlite:///{cli_database}")
    return cli_database


def printed(capsys: pytest.CaptureFixture[str]) -> str:
    """What the console printed, with rich's line wrapping undone."""
    return " ".join(capsys.readouterr().out.split())


def test_plot_hides_later_beats_and_says_how_to_show_them(
    cli_db: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert main(["run", LINE]) == 0
    out = printed(capsys)
    assert SETUP in out
    assert OUTCOME not in out and ENDING not in out
    assert "[hidden: part 2 of 10 — early in the film]" in out
    assert "[hidden: part 8 of 10 — near the end]" in out
    assert "[hidden: part 10 of 10 — the last part: how it ends]" in out
    assert SPOILER_HINT in out
    assert "source:wikipedia" in out
    assert not [r for r in caplog.records if OUTCOME in r.getMessage() or ENDING in r.getMessage()]


@pytest.mark.parametrize("argv", [["run", "--spoilers", LINE], ["--spoilers", "run", LINE]])
def test_spoilers_flag_prints_every_beat(cli_db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main(argv) == 0
    out = printed(capsys)
    assert SETUP in out and OUTCOME in out and ENDING in out
    assert "Part 8 of 10 — near the end: " in out
    assert "Spoilers are shown here: nothing is hidden." in out
    assert "hidden" not in out.replace("nothing is hidden", "")


def test_upto_and_source_from_the_command_line(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", f"{LINE} upto:7 source:wikipedia"]) == 0
    out = printed(capsys)
    assert "as told by Wikipedia: Children of Heaven" in out
    assert "Part 6 of 8 — the middle of the film:" in out
    assert "places first" in out, "part 7 of 8 was asked for"
    assert "[hidden: part 8 of 8 — the last part: how it ends]" in out
    assert "final shot" not in out


def test_bad_plot_requests_fail_with_a_message(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", f"{LINE} upto:40"]) == 1
    assert "has 10 parts: upto can be 1 to 10" in printed(capsys)
    assert main(["run", "/film plot Nosuch Filmtitle"]) == 1
    out = printed(capsys)
    assert "No film called “Nosuch Filmtitle”" in out and "Traceback" not in out


def test_json_keeps_the_spoilers_typed(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--json", LINE]) == 0
    response = json.loads(capsys.readouterr().out)
    kinds = [p["kind"] for p in response["parts"]]
    assert kinds == ["text", "text", *["spoiler"] * 9, "text"]
    assert all(p["reveal_id"].startswith("plot:") for p in response["parts"] if p["kind"] == "spoiler")
