"""The console writes party times in the club's zone, named: start, list, plan, and the reminder it sends."""

from __future__ import annotations

from pathlib import Path

import pytest

from bots.console.__main__ import main
from tests.party_times import WHEN, ZONE, assert_local, tomorrow_at_eight


@pytest.fixture
def cli_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("FILMCLUB_DATABASE_URL", f"sqlite:///{path}")
    return path


def run(line: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["run", line]) == 0, capsys.readouterr().out
    return " ".join(capsys.readouterr().out.split())


def test_every_party_time_is_the_clubs_local_time(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(f"/club timezone {ZONE}", capsys)
    started = run(f"/party start film:Children of Heaven when:{WHEN}", capsys)
    day = f"{tomorrow_at_eight():%-d %b}"
    assert f"{day} {tomorrow_at_eight():%Y} 20:00 ({ZONE})" in started
    assert_local(run("/party list", capsys))
    planned = run("/party plan 1", capsys)
    assert f"{day} 20:00 — Press play" in planned and f"(times in {ZONE})" in planned
    assert_local(planned)
