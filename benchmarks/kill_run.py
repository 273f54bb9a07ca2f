"""kill -9 of the Discord bot in both gaps of a send, over every kind of party step: what members saw.

Usage: ``.venv/bin/python -m benchmarks.kill_run [--parties 2] [--dir D]``

Each party is planned as a member plans one (``/party start``, two days out, so it has every kind of
step: both reminders, the trivia opener, press play, the prompts, the discussion questions and the
next day's follow-up), then every step is made due at once. A real ``python -m bots.discord`` runs
against a loopback fake of Discord's API, which holds one new post per round unanswered, after taking
it (members see it, the bot has not recorded it) or before; SIGKILL lands while the bot waits, and
the next round restarts it on the same database (tests/discord_adapter/kill.py). The gaps alternate
step by step, starting with the other one on every second party, so each kind is cut off in both.
Printed: rounds, by gap and by kind of step cut off, then lost (a step members never saw) and repeated
(one they saw twice). Target: none lost, none repeated. Exit status 1 when one was.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections import Counter
from pathlib import Path

from core.app import FilmClub
from core.settings import BUNDLED_DATA, Settings
from tests.discord_adapter.fake_discord import start_fake_discord
from tests.discord_adapter.kill import Tally, kill_run

STEPS = 13  # of a party of Children of Heaven planned two days out


async def run(parties: int, folder: Path) -> list[Tally]:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, FILMCLUB_DATABASE_URL=f"sqlite:///{folder / 'kill.sqlite3'}", FILMCLUB_DATA_DIR=BUNDLED_DATA
    )
    club = FilmClub(settings)
    club.seed_bundled_films()
    tallies = []
    for number in range(parties):
        fake, runner = await start_fake_discord()
        try:
            gaps = [(i + number) % 2 == 0 for i in range(STEPS)]
            tallies.append(await kill_run(fake, folder / f"home{number}", club, gaps))
        finally:
            await runner.cleanup()
        print(f"party {number + 1}: {tallies[-1].rounds} kills in {tallies[-1].seconds:.0f} s", file=sys.stderr)
    return tallies


def report(tallies: list[Tally]) -> bool:
    rounds = sum(t.rounds for t in tallies)
    by_gap: Counter[str] = sum((t.by_gap for t in tallies), Counter())
    by_kind: Counter[str] = sum((t.by_kind for t in tallies), Counter())
    lost = [step for t in tallies for step in t.lost]
    repeated = [step for t in tallies for step in t.repeated]
    print(f"\nkill -9 of python -m bots.discord mid-send, {len(tallies)} parties, each restarted after every kill")
    print(f"rounds: {rounds} ({', '.join(f'{n} {gap}' for gap, n in sorted(by_gap.items()))})")
    print(f"cut off: {', '.join(f'{kind} {n}' for kind, n in sorted(by_kind.items()))}")
    print(f"lost: {len(lost)}" + (f" ({'; '.join(lost)})" if lost else ""))
    print(f"repeated: {len(repeated)}" + (f" ({'; '.join(repeated)})" if repeated else ""))
    met = not lost and not repeated
    print(f"{'PASS' if met else 'FAIL'} every step seen exactly once across the kills")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--parties", type=int, default=2)
    parser.add_argument("--dir", type=Path, default=None, help="where the database and homes go (default: temp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        tallies = asyncio.run(run(args.parties, Path(folder)))
    return 0 if report(tallies) else 1


if __name__ == "__main__":
    sys.exit(main())
