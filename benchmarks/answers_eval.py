"""Score ``/film ask`` on the evaluation set (tests/answers/eval_questions.py): overall, per kind, per article.

Usage: ``.venv/bin/python -m benchmarks.answers_eval [--failures] [--articles] [-v]``.
``--failures`` lists every wrong answer with what was wrong, ``--articles`` adds the score per article,
``-v`` prints every answer. The articles (data/films and tests/fixtures/wikitext-dev) are ingested
into a temporary SQLite library through the path ``filmclub ingest`` takes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tests.answers.eval_questions import PROSE_KINDS, EvalResult, eval_club, run_eval, score


def evaluate() -> list[EvalResult]:
    """Ingest the evaluation articles into a fresh library and ask every question."""
    with tempfile.TemporaryDirectory() as folder:
        club, _ = eval_club(Path(folder))
        results = run_eval(club)
        club.engine.dispose()
    return results


def tally(results: list[EvalResult], key: Callable[[EvalResult], str], heading: str) -> list[str]:
    """One line per group: right / asked and the share, worst first."""
    asked: Counter[str] = Counter(key(r) for r in results)
    right: Counter[str] = Counter(key(r) for r in results if r.right)
    width = max(len(heading), *(len(group) for group in asked))
    lines = [f"{heading:{width}}  right/asked      %"]
    for group in sorted(asked, key=lambda g: (right[g] / asked[g], g)):
        lines.append(f"{group:{width}}  {right[group]:5}/{asked[group]:<5} {100 * right[group] / asked[group]:6.1f}")
    return lines


def report(results: list[EvalResult], failures: bool, articles: bool, verbose: bool) -> str:
    """The printed note: answers asked for, the tables, the overall score."""
    lines: list[str] = []
    for result in results:
        if verbose or (failures and not result.right):
            mark = "ok  " if result.right else "MISS"
            lines.append(f"{mark} [{result.item.kind}] {result.item.question!r} ({result.item.title})")
            if result.problems:
                lines.append(f"     {'; '.join(result.problems)}")
            lines.append(f"     → {result.answer.replace(chr(10), ' | ')[:400]}")
    if lines:
        lines.append("")
    lines += tally(results, lambda r: str(r.item.kind), "kind")
    if articles:
        lines += ["", *tally(results, lambda r: r.item.title, "article")]
    prose = [r for r in results if r.item.kind in PROSE_KINDS]
    lines += [
        "",
        f"questions the infobox cannot answer: {sum(r.right for r in prose)}/{len(prose)} = {score(prose):.1f} %",
        f"overall: {sum(r.right for r in results)}/{len(results)} right = {score(results):.1f} % "
        f"over {len({r.item.title for r in results})} articles",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--failures", action="store_true", help="list every wrong answer and what was wrong")
    parser.add_argument("--articles", action="store_true", help="also print the score per article")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every answer, right ones too")
    args = parser.parse_args(argv)
    print(report(evaluate(), args.failures, args.articles, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
