"""kill -9 of the Discord bot and the Slack app in both gaps of a send, over every kind of party step.

Usage: ``.venv/bin/python -m benchmarks.kill_run [--parties 2] [--platforms discord slack] [--dir D]``

Each party is planned as a member plans one (``/party start``, two days out, so it has every kind of
step: both reminders, the trivia opener, press play, the prompts, the credits, the discussion questions
and the next day's follow-up), then every step is made due at once. A real ``python -m bots.discord``
(or ``bots.slack``) runs against a loopback fake of the platform's API, which holds one new post per
round unanswered, after taking it (members see it, the bot has not recorded it) or before; SIGKILL
lands while the bot waits, and the next round restarts it on the same database (tests/crash.py). The
gaps alternate step by step, starting with the other one on every second party, so each kind is cut
off in both. Printed per platform: rounds, by gap and by kind of step cut off, then lost (a step
members never saw) and repeated (one they saw twice). Target: none lost, none repeated. Exit status 1
when one was.
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
from tests.crash import Tally, kill_run
from tests.discord_adapter.crash_target import DiscordTarget
from tests.discord_adapter.fake_discord import start_fake_discord
from tests.slack_adapter.crash_target import SlackTarget
from tests.slack_adapter.fake_slack import FakeSlack

STEPS = 13  # of a party of Children of Heaven planned two days out


async def one_party(platform: str, home: Path, club: FilmClub, gaps: list[bool]) -> Tally:
    """Kill runs over one party, on a fresh fake of the platform."""
    if platform == "discord":
        fake, runner = await start_fake_discord()
        try:
            return await kill_run(DiscordTarget(fake), home, club, gaps)
        finally:
            await runner.cleanup()
    slack = await FakeSlack().start()
    try:
        return await kill_run(SlackTarget(slack), home, club, gaps)
    finally:
        await slack.stop()


async def run(platform: str, parties: int, folder: Path) -> list[Tally]:
    url = f"sqlite:///{folder / f'{platform}.sqlite3'}"
    club = FilmClub(Settings(_env_file=None, FILMCLUB_DATABASE_URL=url, FILMCLUB_DATA_DIR=BUNDLED_DATA))  # type: ignore[call-arg]
    club.seed_bundled_films()
    tallies = []
    for number in range(parties):
        gaps = [(i + number) % 2 == 0 for i in range(STEPS)]
        tallies.append(await one_party(platform, folder / f"{platform}-home{number}", club, gaps))
        done = tallies[-1]
        print(f"{platform} party {number + 1}: {done.rounds} kills in {done.seconds:.0f} s", file=sys.stderr)
    club.engine.dispose()
    return tallies


def report(platform: str, tallies: list[Tally]) -> bool:
    rounds = sum(t.rounds for t in tallies)
    by_gap: Counter[str] = sum((t.by_gap for t in tallies), Counter())
    by_kind: Counter[str] = sum((t.by_kind for t in tallies), Counter())
    lost = [step for t in tallies for step in t.lost]
    repeated = [step for t in tallies for step in t.repeated]
    print(f"\nkill -9 of python -m bots.{platform} mid-send, {len(tallies)} parties, restarted after every kill")
    print(f"rounds: {rounds} ({', '.join(f'{n} {gap}' for gap, n in sorted(by_gap.items()))})")
    print(f"cut off: {', '.join(f'{kind} {n}' for kind, n in sorted(by_kind.items()))}")
    print(f"lost: {len(lost)}" + (f" ({'; '.join(lost)})" if lost else ""))
    print(f"repeated: {len(repeated)}" + (f" ({'; '.join(repeated)})" if repeated else ""))
    met = not lost and not repeated
    print(f"{'PASS' if met else 'FAIL'} {platform}: every step seen exactly once across the kills")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--parties", type=int, default=2)
    parser.add_argument("--platforms", nargs="+", choices=("discord", "slack"), default=["discord", "slack"])
    parser.add_argument("--dir", type=Path, default=None, help="where the databases and homes go (default: temp)")
    args = parser.parse_args()
    met = True
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        for platform in args.platforms:
            met = report(platform, asyncio.run(run(platform, args.parties, Path(folder)))) and met
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
