"""``python -m benchmarks``: every speed benchmark in turn, each printing its targets with PASS or FAIL.

``python -m benchmarks startup parties`` runs only those. Each runs in its own process with its defaults
(``python -m benchmarks.<name> --help`` for its options); the exit status is 1 when any target failed.
"""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = ("startup", "parties", "polls", "answers", "ingest")


def main(argv: list[str]) -> int:
    chosen = argv or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    failed = []
    for name in chosen:
        print(f"\n=== {name}_bench ===", flush=True)
        if subprocess.run([sys.executable, "-m", f"benchmarks.{name}_bench"], check=False).returncode != 0:
            failed.append(name)
    print(f"\n{len(chosen) - len(failed)} of {len(chosen)} benchmarks met every target", end="")
    print(f"; not met: {', '.join(failed)}" if failed else "")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
