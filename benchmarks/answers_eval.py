"""Score ``/film ask`` on the evaluation set (tests/answers/eval_questions.py) and print every miss.

Usage: ``.venv/bin/python -m benchmarks.answers_eval [-v]`` (``-v`` prints every answer).
The library is the bundled films, ingested into a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from core.app import FilmClub
from core.settings import BUNDLED_DATA, Settings
from tests.answers.eval_questions import QUESTIONS, run_eval


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every answer, not only the misses")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            FILMCLUB_DATABASE_URL=f"sqlite:///{Path(folder) / 'eval.sqlite3'}", FILMCLUB_DATA_DIR=BUNDLED_DATA
        )
        club = FilmClub(settings)
        club.seed_bundled_films()
        results = run_eval(club)
        club.engine.dispose()
    per_film: Counter[str] = Counter()
    right_per_film: Counter[str] = Counter()
    for result in results:
        per_film[result.item.film] += 1
        right_per_film[result.item.film] += result.right
        if args.verbose or not result.right:
            mark = "ok  " if result.right else "MISS"
            print(f"{mark} {result.item.question!r}: {'; '.join(result.problems)}")
            print(f"     → {result.answer.replace(chr(10), ' | ')[:300]}")
    print()
    for film, total in per_film.items():
        print(f"{film:35} {right_per_film[film]:3}/{total}")
    right = sum(r.right for r in results)
    print(
        f"\n{right}/{len(results)} right = {100 * right / len(results):.1f} % ({len(QUESTIONS)} questions, "
        f"{len(per_film)} films)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
