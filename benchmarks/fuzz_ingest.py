"""A fuzz run of ingest: mutations of the bundled and fixture documents plus the hostile patterns.

Usage: ``.venv/bin/python -m benchmarks.fuzz_ingest [--count 3000] [--seed 20] [--workers N] [--budget 5]``

Each document is one real document (data/films, tests/fixtures/wikitext-dev, tests/fixtures/not-films)
with one to three seeded mutations: cut short, bytes dropped or flipped to invalid UTF-8, a section
repeated, and the hostile patterns of issue 20 (unclosed ``[[``/``{{a|``/``<ref>`` runs up to 50,000
long, balanced nested templates, a 20,000-character title, a 2 MB field with no spaces). Every document
must end added, updated, unchanged or failed with a reason; the run fails if any is missing or a
problem line quotes more than an excerpt. Printed: added / failed / other, wall time, documents/s, the
peak RSS of this process and of its largest worker, and the floor (the unmutated originals ingested in
the same run, per document) to quote the ratio against.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from collections import Counter
from pathlib import Path

from core.database import build_engine, ensure_schema
from core.ingest.bulk import ingest_sources
from core.ingest.files import IngestReport
from core.library.limits import MAX_MESSAGE
from core.library.store import FilmLibrary

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "data" / "films",
    ROOT / "tests" / "fixtures" / "wikitext-dev",
    ROOT / "tests" / "fixtures" / "not-films",
]
HOSTILE = ["[[", "{{a|", "[[a|", "<ref>", "'''", "{|", "|", "}}", "]]", "{{a|{{b|[[c|d]]}}}} "]


def originals() -> list[bytes]:
    return [p.read_bytes() for folder in SOURCES for p in sorted(folder.glob("*")) if p.suffix in {".wiki", ".txt"}]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One seeded mutation of a document's bytes."""
    at = rng.randrange(len(data) + 1)
    kind = rng.randrange(7)
    if kind == 0:
        return data[:at]  # cut short
    if kind == 1:
        return data[:at] + bytes([rng.choice([0xFF, 0xC3, 0x00, 0x80])]) + data[at:]  # invalid UTF-8, NUL
    if kind == 2:
        return data[:at] + data[rng.randrange(len(data) + 1) :]  # a run dropped
    if kind == 3:
        start = rng.randrange(len(data) + 1)
        return data[:at] + data[start : start + 4000] + data[at:]  # a part repeated
    if kind == 4:
        run = rng.choice(HOSTILE) * rng.choice([10, 500, 5_000, 50_000])
        return data[:at] + run.encode() + data[at:]
    if kind == 5:
        return data.replace(b"| name", b"| name = " + b"T" * 20_000 + b"\n| old_name", 1)
    size = 2_000_000 if rng.random() < 0.05 else 200_000  # the 2 MB field, mostly smaller: disk stays small
    return data.replace(b"| runtime", b"| runtime = " + b"x" * size + b"\n| old_runtime", 1)


def run(folder: Path, workers: int | None, budget: float) -> tuple[IngestReport, float]:
    engine = build_engine(f"sqlite:///{folder / 'fuzz.sqlite3'}")
    ensure_schema(engine)
    start = time.perf_counter()
    report = ingest_sources(FilmLibrary(engine), [folder / "docs"], workers=workers, budget=budget)
    wall = time.perf_counter() - start
    engine.dispose()
    return report, wall


def write(folder: Path, documents: list[bytes]) -> None:
    (folder / "docs").mkdir(parents=True)
    for n, data in enumerate(documents):
        (folder / "docs" / f"doc{n:05d}.wiki").write_bytes(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--budget", type=float, default=5.0, help="seconds a document may take in a worker")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = originals()
    fuzzed = []
    for _ in range(args.count):
        data = rng.choice(base)
        for _ in range(rng.randint(1, 3)):
            data = mutate(data, rng)
        fuzzed.append(data)
    with tempfile.TemporaryDirectory() as tmp:
        floor_dir, fuzz_dir = Path(tmp) / "floor", Path(tmp) / "fuzz"
        write(floor_dir, base)
        write(fuzz_dir, fuzzed)
        _, floor_wall = run(floor_dir, args.workers, args.budget)
        report, wall = run(fuzz_dir, args.workers, args.budget)
    statuses = Counter(d.status for d in report.documents)
    longest = max((len(p) for d in report.documents for p in d.problems), default=0)
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    per_doc, floor_per_doc = wall / max(1, args.count), floor_wall / max(1, len(base))
    print(f"documents {args.count} (seed {args.seed}); reported {len(report.documents)}")
    print(
        f"added {statuses['added']}  updated {statuses['updated']}  failed {statuses['failed']}  other {dict(statuses)}"
    )
    print(f"wall {wall:.1f} s  ({args.count / wall:.1f} documents/s, {per_doc * 1000:.1f} ms each)")
    print(
        f"floor: the {len(base)} originals {floor_per_doc * 1000:.1f} ms each; fuzz/floor {per_doc / floor_per_doc:.2f}"
    )
    print(f"peak RSS: this process {self_mb:.0f} MB, largest worker {worker_mb:.0f} MB")
    slow = sum("took longer" in p for d in report.documents for p in d.problems)
    print(f"too slow (past the {args.budget:g} s budget): {slow}")
    print(f"longest problem line {longest} characters (limit {MAX_MESSAGE})")
    complete = len(report.documents) == args.count and longest <= MAX_MESSAGE
    print("every document reported, every problem an excerpt" if complete else "FAILED: see above")
    return 0 if complete else 1


if __name__ == "__main__":
    raise SystemExit(main())
