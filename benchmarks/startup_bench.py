"""A one-shot console lookup as a whole process, beside the floor of importing SQLAlchemy and pydantic.

Usage: ``.venv/bin/python -m benchmarks.startup_bench [--runs 9]``

Runs ``filmclub run "/film info Children of Heaven"`` on a library of the bundled films (an SQLite file in a
temp folder, filled by one untimed run first, which also writes the bytecode caches an install has) and,
alternating with it in the same run, the floor ``python -c "import sqlalchemy, pydantic"``: the two libraries
every lookup needs, so the difference is what our own start-up costs. Targets: median ≤ 1.0 s, and ≤ 0.4 s
above the floor's median. Also lists which heavy libraries the lookup imported (it should import none of
them: ``python -X importtime``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.targets import Target, report

LINE = "/film info Children of Heaven"
HEAVY = ("discord", "slack_bolt", "slack_sdk", "dateparser", "mwparserfromhell", "apscheduler", "PIL", "icalendar")


def console_command() -> list[str]:
    """The installed ``filmclub`` script beside this interpreter, or the module when it is not installed."""
    script = Path(sys.executable).with_name("filmclub")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bots.console"]


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def heavy_imports(env: dict[str, str]) -> list[str]:
    """The heavy top-level packages a lookup imports, from ``-X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bots.console", "run", LINE],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    names = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    return sorted(n for n in HEAVY if n in names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="timed runs of each (default 9)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        # As an installed bot runs: bytecode cached (pip compiles an install's; the first run writes ours).
        # With PYTHONDONTWRITEBYTECODE every run would compile our ~250 modules again (≈ 0.5 s here).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env |= {"FILMCLUB_DATABASE_URL": f"sqlite:///{Path(folder) / 'startup.sqlite3'}", "XDG_DATA_HOME": folder}
        ours_cmd = [*console_command(), "run", LINE]
        floor_cmd = [sys.executable, "-c", "import sqlalchemy, pydantic"]
        timed(ours_cmd, env)  # fills the library and migrates: the first start, not what is measured
        ours: list[float] = []
        floor: list[float] = []
        for _ in range(args.runs):
            floor.append(timed(floor_cmd, env))
            ours.append(timed(ours_cmd, env))
        heavy = heavy_imports(env)
    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    print(f"{shutil.which(ours_cmd[0]) or ours_cmd[0]} run {LINE!r}: {args.runs} runs, alternating with the floor")
    print(f"  ours  median {ours_s:.3f} s  (min {min(ours):.3f}, max {max(ours):.3f})")
    print(f"  floor median {floor_s:.3f} s  (min {min(floor):.3f}, max {max(floor):.3f})  {' '.join(floor_cmd[1:])}")
    print(f"  above the floor: {ours_s - floor_s:.3f} s; heavy libraries imported: {', '.join(heavy) or 'none'}")
    passed = report(
        [
            Target("lookup process, median", ours_s, floor_s, "≤ 1.0 s", ours_s <= 1.0, "s"),
            Target(
                "lookup process, median − floor",
                ours_s - floor_s,
                floor_s,
                "≤ 0.4 s",
                ours_s - floor_s <= 0.4,
                "s",
                False,
            ),
        ]
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
