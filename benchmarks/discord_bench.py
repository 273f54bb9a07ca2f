"""Film-title autocomplete and message rendering for Discord, on title indexes of 10k and 100k films.

Usage: ``.venv/bin/python -m benchmarks.discord_bench [--sizes 10000,100000] [--queries 2000]``

Discord shows autocomplete choices while a member types, and drops an autocomplete answer that takes
longer than 3 s; each keystroke is one request, so the answer should take a few milliseconds. Measured on
what members type: prefixes of real titles (1 to all of their characters) and titles with one typo.
Printed beside them, in the same run on the same names: the floors, a plain ``startswith`` scan over
every name and rapidfuzz ``extract`` (WRatio, 25 results) over every name; and the pause of a full
garbage collection with the index alive, before and after ``gc.freeze()``. Then the renderer on the
bundled films' fact cards.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import string
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process

from bots.discord.render import render
from core.answers.card import build_card
from core.answers.titles import TitleIndex, title_key
from core.app import FilmClub
from core.library.store import TitleEntry
from core.responses import Response
from core.settings import BUNDLED_DATA, Settings

WORD_LINES = (
    "heaven children night city dragon road river shadow king queen summer winter last first",
    "house garden war love blue red silent broken golden dark light secret island mountain",
    "letter song dream storm stranger mirror little great return journey empire ghost fire water",
)
WORDS = [word for line in WORD_LINES for word in line.split()]


def synthetic_entries(size: int, rng: random.Random) -> list[TitleEntry]:
    entries = []
    for film_id in range(1, size + 1):
        count = rng.choice((1, 2, 2, 3, 3, 4))
        words = [rng.choice(WORDS) for _ in range(count)]
        words.append("".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 8))))  # a rare word
        rng.shuffle(words)
        title = " ".join(words).title()
        entries.append(TitleEntry(film_id, title, title, rng.randint(1920, 2025)))
    return entries


def typed_queries(entries: list[TitleEntry], count: int, rng: random.Random) -> list[str]:
    queries = []
    for _ in range(count):
        title = rng.choice(entries).title
        if rng.random() < 0.7:
            queries.append(title[: rng.randint(1, len(title))])
        else:
            cut = rng.randrange(len(title))
            queries.append(title[:cut] + rng.choice(string.ascii_lowercase) + title[cut + 1 :])
    return queries


def prefix_scan(keys: list[str], key: str) -> list[str]:
    return [k for k in keys if k.startswith(key)][:25]


def timed(run: Callable[[str], object], queries: list[str]) -> tuple[float, float]:
    """Median and 99th percentile in milliseconds."""
    times = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1]


def bench_autocomplete(size: int, queries_count: int) -> None:
    rng = random.Random(size)
    entries = synthetic_entries(size, rng)
    start = time.perf_counter()
    index = TitleIndex(entries)
    built = time.perf_counter() - start
    index.complete("warm")  # the sorted vocabulary is built on first use
    before = full_collection_ms()
    gc.freeze()  # as FilmClub.prepare() does once start-up is done: the queries below run as in the bot
    keys = [title_key(e.name) for e in entries]
    queries = typed_queries(entries, queries_count, rng)
    print(f"\n{size:,} films (index built in {built:.2f} s), {len(queries)} typed queries")
    rows = [
        ("TitleIndex.complete (ours)", lambda q: index.complete(q)),
        ("floor: startswith scan of every name", lambda q: prefix_scan(keys, title_key(q))),
        (
            "floor: rapidfuzz extract WRatio, all names",
            lambda q: process.extract(q, keys, scorer=fuzz.WRatio, limit=25),
        ),
    ]
    for label, run in rows:
        sample = queries if "rapidfuzz" not in label else queries[: max(20, len(queries) // 20)]
        p50, p99 = timed(run, sample)
        print(f"  {label:45} p50 {p50:8.3f} ms   p99 {p99:8.3f} ms")
    after = full_collection_ms()
    gc.unfreeze()
    tracked = len(gc.get_objects())
    print(f"  full gc.collect() pause: {before:.1f} ms; after gc.freeze() {after:.2f} ms ({tracked:,} objects)")


def full_collection_ms(runs: int = 5) -> float:
    """The slowest full collection: how long one would stop the event loop."""
    pauses = []
    for _ in range(runs):
        start = time.perf_counter()
        gc.collect()
        pauses.append((time.perf_counter() - start) * 1000)
    return max(pauses)


def bench_render() -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            FILMCLUB_DATABASE_URL=f"sqlite:///{Path(folder) / 'b.sqlite3'}", FILMCLUB_DATA_DIR=BUNDLED_DATA
        )
        club = FilmClub(settings)
        club.seed_bundled_films()
        films = [club.library.get_film(entry.film_id) for entry in club.library.title_entries()]
        responses = [Response(parts=[build_card(film)]) for film in films if film is not None]
        club.engine.dispose()
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        for response in responses:
            render(response)
    per = (time.perf_counter() - start) / (runs * len(responses)) * 1e6
    start = time.perf_counter()
    for _ in range(runs):
        for response in responses:
            response.model_dump_json()
    floor = (time.perf_counter() - start) / (runs * len(responses)) * 1e6
    print(
        f"\nrender() of a fact card: {per:.0f} µs (floor: pydantic model_dump_json of the same response {floor:.0f} µs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=2000)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        bench_autocomplete(size, args.queries)
    bench_render()


if __name__ == "__main__":
    main()
