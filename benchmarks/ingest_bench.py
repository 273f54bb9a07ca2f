"""Ingest speed and memory of a Wikipedia XML dump, beside the bare mwparserfromhell parse rate.

Usage: ``.venv/bin/python -m benchmarks.ingest_bench [--sizes 2500,10000] [--workers N] [--bare-sample 2000] [--dir D]``

For each size, a ``pages-articles.xml.bz2`` dump of that many film articles is generated from the shared wikitext
fixtures (8 real articles, each copy under a new title and year), with non-film pages and redirects between
them as in a real dump. Then, each in a fresh child process so their memory is their own:

- ingest: ``ingest_sources`` (what ``filmclub ingest`` runs): stream the dump, pick the film articles,
  parse them in a process pool, save in batches through SQLAlchemy Core into a new SQLite file. Printed:
  articles/s and the peak RSS (high-water mark) of the parent and of the largest worker;
- bare parse (the floor, one core): ``mwparserfromhell.parse`` + find the infobox + ``strip_code`` of the
  same articles, read from the same dump (``--bare-sample`` of them, evenly spread: the dump cycles through the
  8 fixtures, so the mix is the same; 0 measures all); and our own clean + parse on one core, for the pool's
  speed-up.

The ratio ingest / bare is the figure to watch: at least 2/3 is the aim on 2 cores. Peak memory should stay
flat as the dump grows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import mwparserfromhell

from benchmarks.targets import Target, report
from core.database import build_engine, ensure_schema
from core.documents.dump import WikiDump, write_dump
from core.documents.wikipages import ENGLISH_WIKIPEDIA, WikiPage, is_film_article
from core.ingest.bulk import available_cpus, ingest_sources
from core.ingest.sources import page_job, parse_job
from core.library.store import FilmLibrary
from tests.conftest import WIKITEXT_FIXTURES

# fixture file → every name the article gives its film (title, aliases, native titles), and its year
FIXTURES = {
    "azhagarsamy.wiki": (["Azhagarsamy"], "1999"),
    "batman_1989.wiki": (["Batman"], "1989"),
    "enter_the_dragon.wiki": (["Enter the Dragon", "龍爭虎鬥", "龙争虎斗"], "1973"),
    "four_daughters.wiki": (["Four Daughters"], "1938"),
    "ra_one.wiki": (["Ra.One"], "2011"),
    "the_adventures_of_milo_and_otis.wiki": (
        ["The Adventures of Milo and Otis", "The Adventures of Chatran", "子猫物語", "Koneko Monogatari"],
        "1986",
    ),
    "vanity_fair_2004.wiki": (["Vanity Fair"], "2004"),
    "welcome_2007.wiki": (["Welcome"], "2007"),
}
FIRST = [
    "Amber",
    "Silent",
    "Crimson",
    "Hidden",
    "Northern",
    "Broken",
    "Golden",
    "Last",
    "Quiet",
    "Burning",
    "Paper",
    "Winter",
    "Distant",
    "Iron",
    "Glass",
]
SECOND = [
    "Harbour",
    "Orchard",
    "Lantern",
    "Mirror",
    "Station",
    "Garden",
    "Frontier",
    "Letter",
    "River",
    "Season",
    "Promise",
    "Valley",
    "Kingdom",
]
NON_FILM = """{{Infobox settlement
| name = Place %d
}}
'''Place %d''' is a village. It has a [[railway station]] and a [[film]] society.
"""
MB = 1024 * 1024


# -- the dump ----------------------------------------------------------------------------------


def film_title(n: int) -> tuple[str, str]:
    """The n-th film's name and year: word pairs, then numbered sequels, years 1930–2024."""
    pair = len(FIRST) * len(SECOND)
    name = f"The {FIRST[n % len(FIRST)]} {SECOND[(n // len(FIRST)) % len(SECOND)]}"
    if n >= pair:
        name += f" {n // pair + 1}"
    return name, str(1930 + (n * 7) % 95)


def generated_pages(films: int) -> Iterator[WikiPage]:
    """``films`` film articles from the fixtures under new names, a non-film page every 10, a redirect every 20."""
    texts = [(WIKITEXT_FIXTURES.joinpath(f).read_text("utf-8"), names, year) for f, (names, year) in FIXTURES.items()]
    for n in range(films):
        text, names, year = texts[n % len(texts)]
        name, new_year = film_title(n)
        for old in names:
            text = text.replace(old, name)
        text = text.replace(year, new_year)
        title = f"{name} ({new_year} film)"
        yield WikiPage(title=title, namespace=0, revision_id=10_000_000 + n, text=text)
        if n % 10 == 0:
            yield WikiPage(title=f"Place {n}", namespace=0, revision_id=n + 1, text=NON_FILM % (n, n))
        if n % 20 == 0:
            yield WikiPage(title=name, namespace=0, revision_id=n + 2, text=f"#REDIRECT [[{title}]]", redirect=title)


def film_pages(dump: Path) -> Iterator[WikiPage]:
    """The pages ingest picks, by the same test."""
    for page in WikiDump(dump).pages():
        if page.namespace == 0 and page.redirect is None and is_film_article(page.text):
            yield page


# -- children: each measures itself ------------------------------------------------------------


def peak_rss_mb(who: int) -> float:
    """Peak resident set size in MB (Linux reports ``ru_maxrss`` in KB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child_ingest(dump: Path, database: Path, workers: int | None) -> dict[str, float]:
    engine = build_engine(f"sqlite:///{database}")
    ensure_schema(engine)
    library = FilmLibrary(engine)
    started = time.perf_counter()
    report = ingest_sources(library, [dump], workers=workers)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "documents": len(report.documents),
        "added": report.count("added"),
        "failed": report.count("failed"),
        "films": library.count_films(),
        "parent_cpu": cpu_seconds(resource.RUSAGE_SELF),
        "worker_cpu": cpu_seconds(resource.RUSAGE_CHILDREN),
        "parent_mb": peak_rss_mb(resource.RUSAGE_SELF),
        "worker_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
    }


def child_bare(dump: Path, sample: int) -> dict[str, float]:
    """The floor, and our own parse, on one core, over the same articles (every k-th when sampling)."""
    pages = list(film_pages(dump))
    if sample and sample < len(pages):
        step = len(pages) / sample
        pages = [pages[int(i * step)] for i in range(sample)]
    bare = 0.0
    for page in pages:
        started = time.perf_counter()
        code = mwparserfromhell.parse(page.text)
        next((t for t in code.filter_templates() if str(t.name).strip().lower() == "infobox film"), None)
        code.strip_code()
        bare += time.perf_counter() - started
    ours = 0.0
    for page in pages:
        started = time.perf_counter()
        parse_job(page_job(ENGLISH_WIKIPEDIA, page))
        ours += time.perf_counter() - started
    return {"articles": len(pages), "bare_seconds": bare, "ours_seconds": ours}


def run_child(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.ingest_bench", *args], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- the run -----------------------------------------------------------------------------------


def measure(size: int, folder: Path, workers: int | None, sample: int) -> bool:
    dump = folder / f"enwiki-bench-{size}-pages-articles.xml.bz2"
    started = time.perf_counter()
    pages = write_dump(dump, generated_pages(size))
    print(
        f"\n{size} film articles ({pages} pages, {dump.stat().st_size / MB:.0f} MB bz2) "
        f"generated in {time.perf_counter() - started:.0f} s"
    )
    database = folder / f"ingest-{size}.sqlite3"
    ingest = run_child("--child-ingest", str(dump), str(database), str(workers or 0))
    rate = ingest["added"] / ingest["seconds"]
    print(
        f"  ingest ({workers or available_cpus()} workers): {ingest['added']:.0f} added, {ingest['failed']:.0f} "
        f"failed, {ingest['films']:.0f} films in {ingest['seconds']:.1f} s = {rate:.1f} articles/s"
    )
    print(f"  CPU: parent {ingest['parent_cpu']:.0f} s, workers {ingest['worker_cpu']:.0f} s")
    print(f"  peak RSS: parent {ingest['parent_mb']:.0f} MB, largest worker {ingest['worker_mb']:.0f} MB")
    bare = run_child("--child-bare", str(dump), str(sample))
    bare_rate = bare["articles"] / bare["bare_seconds"]
    ours_rate = bare["articles"] / bare["ours_seconds"]
    print(
        f"  floor, one core, {bare['articles']:.0f} of the same articles: mwparserfromhell parse + infobox + "
        f"strip_code {bare_rate:.1f} articles/s ({1000 / bare_rate:.1f} ms each)"
    )
    print(f"  ours, one core (clean + parse_document): {ours_rate:.1f} articles/s ({1000 / ours_rate:.1f} ms each)")
    print(f"  pool speed-up {rate / ours_rate:.2f}x")
    database.unlink(missing_ok=True)
    dump.unlink(missing_ok=True)
    aim = rate >= bare_rate * 2 / 3
    return report([Target(f"ingest {size} articles, passages written", rate, bare_rate, "≥ ⅔ of bare", aim, "art/s")])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="2500,10000", help="film articles per dump, comma-separated")
    parser.add_argument("--workers", type=int, default=None, help="parser processes (default: one per CPU)")
    parser.add_argument("--bare-sample", type=int, default=2000, help="articles for the floors, evenly spread (0: all)")
    parser.add_argument("--dir", type=Path, default=None, help="where the dumps and databases go (default: a temp dir)")
    parser.add_argument("--child-ingest", nargs=3, metavar=("DUMP", "DB", "WORKERS"), help=argparse.SUPPRESS)
    parser.add_argument("--child-bare", nargs=2, metavar=("DUMP", "SAMPLE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_ingest:
        dump, database, workers = args.child_ingest
        print(json.dumps(child_ingest(Path(dump), Path(database), int(workers) or None)))
        return 0
    if args.child_bare:
        print(json.dumps(child_bare(Path(args.child_bare[0]), int(args.child_bare[1]))))
        return 0
    print(f"python {sys.version.split()[0]}, mwparserfromhell {mwparserfromhell.__version__}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        met = [measure(size, Path(tmp), args.workers, args.bare_sample) for size in map(int, args.sizes.split(","))]
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
