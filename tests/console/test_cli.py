"""The console through its real entry point: run, --json, piped input, ingest."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bots.console.__main__ import main
from core.database import head_revision
from core.responses import Response
from tests.conftest import WIKITEXT_FIXTURES


@pytest.fixture
def cli_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("FILMCLUB_DATABASE_URL", f"sqlite:///{path}")
    return path


def test_run_prints_the_card_of_the_bundled_film(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "/film info Children of Heaven"]) == 0
    out = capsys.readouterr().out
    for expected in ("Children of Heaven", "Majid Majidi", "89 min", "1,628,579", "933,933", "382,000", "180,000"):
        assert expected in out
    assert "Metascore 77/100" in out and "Tomatometer 83%" in out
    assert "sources disagree" in out
    assert "no end-credit scenes" in out


def test_run_json_prints_the_neutral_response(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--json", "/film info childern of haven"]) == 0
    response = json.loads(capsys.readouterr().out)
    card = response["parts"][0]
    assert card["kind"] == "card" and card["title"] == "Children of Heaven"
    rows = {row["label"]: row for row in card["rows"]}
    assert rows["Box office"]["conflict"] is True
    assert all(v["sources"] for row in card["rows"] for v in row["values"])


def test_unknown_film_gets_the_closest_titles_and_a_failing_status(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "/film info Batmann Returns Again"]) == 1
    out = capsys.readouterr().out
    assert "No film called" in out and "Batman" in out and "Traceback" not in out


def test_piped_lines_answer_one_json_object_each(
    cli_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = "/film info Batman 1989\n\n/film search films by Majid Majidi\n/nonsense here\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["--json"]) == 0
    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(answers) == 3
    assert answers[0]["parts"][0]["title"] == "Batman"
    assert "Children of Heaven (1997)" in answers[1]["parts"][0]["items"]
    assert answers[2]["parts"][0]["kind"] == "error"


def test_ingest_reports_and_exit_status(cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(WIKITEXT_FIXTURES)]) == 0
    out = capsys.readouterr().out
    assert "8 added" in out
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    assert main(["ingest", str(junk)]) == 1
    assert "junk.txt" in capsys.readouterr().out


def test_db_upgrade_migrates_and_names_the_revision(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    assert str(head_revision()) in capsys.readouterr().out


def test_run_and_piped_input_start_without_prompt_toolkit(cli_db: Path) -> None:
    """``filmclub run`` and scripts stay light: prompt_toolkit is imported for the interactive prompt only."""
    script = (
        "import io, sys\n"
        "from bots.console.__main__ import main\n"
        "assert main(['run', 'help']) == 0\n"
        "sys.stdin = io.StringIO('/film search heaven\\n')\n"
        "assert main([]) == 0\n"
        "print('LOADED' if 'prompt_toolkit' in sys.modules else 'NOT LOADED')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("NOT LOADED"), done.stdout[-500:]


def test_a_lookup_imports_no_platform_sdk_date_or_document_library(cli_db: Path) -> None:
    """``filmclub run "/film info …"`` starts fast: it loads none of the libraries only other actions use."""
    assert main(["run", "help"]) == 0  # the first start fills the library (that one parses documents)
    heavy = (
        "discord",
        "slack_bolt",
        "slack_sdk",
        "dateparser",
        "mwparserfromhell",
        "ftfy",
        "alembic",
        "PIL",
        "icalendar",
    )
    script = (
        "import sys\n"
        "from bots.console.__main__ import main\n"
        "assert main(['run', '/film info Children of Heaven']) == 0\n"
        f"print(sorted(name for name in {heavy!r} if name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "Majid Majidi" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout[-500:]


def test_ingest_names_every_file_it_did_not_take_and_fails_when_one_failed(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    good = sorted(WIKITEXT_FIXTURES.glob("*.wiki"))[0]
    (folder / good.name).write_bytes(good.read_bytes())
    (folder / "poster.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.7 a text-like header")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / "shopping.txt").write_text("eggs, milk, bread\n")

    assert main(["ingest", str(folder)]) == 1, "one document failed"
    out = " ".join(capsys.readouterr().out.split())
    assert "1 added, 0 updated, 0 unchanged, 1 failed, 3 files skipped" in out
    assert "poster.png (skipped) - binary data, not text (NUL bytes): .png files are not read" in out
    assert "notes.pdf (skipped) - not a document file: .pdf files are not read" in out
    assert ".DS_Store (skipped) - a hidden file" in out
    assert "shopping.txt (failed" in out

    # the good one was kept: with --keep-going the same run exits 0, the failure still listed
    assert main(["ingest", "--keep-going", str(folder)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "0 added, 0 updated, 1 unchanged, 1 failed, 3 files skipped" in out and "shopping.txt (failed" in out


def test_ingest_keep_going_still_fails_when_nothing_was_ingested(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    assert main(["ingest", "--keep-going", str(junk)]) == 1
    assert main(["ingest", "--keep-going", str(tmp_path / "nowhere")]) == 1
    assert "no such file or folder" in capsys.readouterr().out


def test_ingest_help_states_the_exit_status_and_keep_going(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--keep-going" in out and "1 when any failed" in out and "every good one is saved" in out


def test_spoilers_on_says_what_changed_and_the_next_plot_hides_nothing(
    cli_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = "/film plot Children of Heaven\nspoilers on\n/film plot Children of Heaven\nspoilers off\nreveal 3\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["--json"]) == 0
    answers = [Response.model_validate_json(line) for line in capsys.readouterr().out.splitlines()]
    before, on, after, off, revealed = (a.plain_text() for a in answers)
    assert "parts 2–10 are hidden" in before and answers[0].has_spoilers
    assert on.startswith("Spoilers on: from your next command every part is shown")
    assert "Spoilers are shown here: nothing is hidden." in after and not answers[2].has_spoilers
    assert "are hidden" not in after and "Part 10 of 10 — the last part: how it ends:" in after
    assert off.startswith("Spoilers off:")
    assert revealed.startswith("Children of Heaven, part 3 of 10 — early in the film: ")


def test_a_mistyped_or_bare_command_says_what_would_work(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "/film infoo batman"]) == 1
    assert "(did you mean /film info?)" in " ".join(capsys.readouterr().out.split())
    assert main(["run", "/flim info batman"]) == 1
    assert "(did you mean /film?)" in " ".join(capsys.readouterr().out.split())
    assert main(["run", "/film"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "/film needs a subcommand:" in out and "/film info <title>" in out and "/film reveal" in out


def test_member_lets_one_terminal_try_a_poll_with_several_voters(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "/poll start films:Batman; Ra.One closes:in 2 hours"]) == 0
    assert main(["--member", "Ana", "run", "/poll vote Batman"]) == 0
    assert main(["run", "--member", "Bo", "/poll vote 1"]) == 0
    assert main(["run", "--member", "ana", "/poll vote 1"]) == 0  # Ana again, typed otherwise: her vote back
    capsys.readouterr()
    assert main(["run", "/poll show"]) == 0
    assert "1. Batman — 1 vote" in capsys.readouterr().out
