"""Latency and memory of ``/film info`` and ``/film ask`` on libraries of 10k and 100k films.

Usage: ``.venv/bin/python -m benchmarks.answers_bench [--sizes 10000] [--queries 400] [--db-dir DIR]``

The targets are stated at 100k films: ``--sizes 100000 --db-dir DIR`` (building that library takes ~12 min
on a shared 2-CPU machine, so the default, which ``python -m benchmarks`` runs, is 10k; DIR keeps it for the
next run).

Each library is generated from the bundled documents (8 Wikipedia fixtures + the Children of Heaven
seeds): every film copies one document's facts and plot under a new title (word combinations from
the plots, some shared by remakes of another year) and a few of its passages (lead, plot, production,
reception: the FTS5 index is filled by the schema's own triggers). It is written through SQLAlchemy
Core in bulk by a child process, so the measuring process holds only what the bot would: the title index.
Printed beside our figures, measured in the same run on the same titles: the floors (a dict
lookup, rapidfuzz ``extractOne`` QRatio over every title, one film's fact rows through Core, one bare
FTS5 bm25 query of the question's words on the same index).
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import random
import re
import statistics
import string
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import func, insert, select, text

from benchmarks.targets import Target, report
from core.answers.phrasing import FILLER
from core.app import FilmClub
from core.commands.registry import CommandContext
from core.database import build_engine, ensure_schema
from core.ingest.files import read_document
from core.library.fulltext import STOP_WORDS
from core.library.model import ParsedDocument, PassageText, normalize, slugify
from core.library.schema import SECTION_SEPARATOR, documents, facts, film_names, films, passages, plot_beats
from core.responses import CardPart, ChoicePart, Response
from core.settings import BUNDLED_DATA, Settings

CHUNK = 50_000
REMAKE_SHARE = 0.03
TITLE_SHAPES = (
    "{a}",
    "{a} {b}",
    "{a} {b}",
    "The {a} of {b}",
    "{a} and {b}",
    "{a} {b} {c}",
    "{a} of the {b}",
    "{a} {b} 2",
)
# The sections a film keeps passages of (its first few in each): what passage questions are answered from.
PASSAGE_SECTIONS = re.compile(r"^(?:lead|plot|synopsis)$|production|filming|photography|recep|critic", re.I)
PASSAGES_PER_SECTION = 2
# Questions answered from the article's passages: setting, production, reception, something in the plot.
PASSAGE_QUESTIONS = (
    "where was {t} filmed",
    "how was {t} received",
    "what did critics think of {t}",
    "where is {t} set",
)
_BARE_SEARCH = text(
    "SELECT rowid, bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH :match "
    "ORDER BY bm25(passages_fts) LIMIT 10"
)


# -- building a library ----------------------------------------------------------------------------


def templates() -> list[ParsedDocument]:
    """The bundled documents, parsed once."""
    docs = []
    for path in sorted(BUNDLED_DATA.iterdir()):
        if path.is_file():
            parsed = read_document(path.read_bytes(), f"file:{path.name}", path.stem, path.name)
            if isinstance(parsed, ParsedDocument):
                docs.append(parsed)
            else:
                print(f"skipped {path.name}: {'; '.join(parsed.problems)}", file=sys.stderr)
    return docs


def vocabulary(docs: list[ParsedDocument]) -> list[str]:
    """Capitalised words of the plots, for titles (not the filler words questions are made of)."""
    words = {
        w.capitalize()
        for d in docs
        if d.plot
        for b in d.plot.beats
        for w in re.findall(r"[A-Za-z]{4,12}", b.text)
        if w.casefold() not in FILLER
    }
    return sorted(words)


def few_passages(doc: ParsedDocument) -> list[PassageText]:
    """The first passages of each lead, plot, production and reception section: a few per film, not ~60."""
    counts: dict[tuple[str, ...], int] = {}
    kept = []
    for passage in doc.passages:
        if any(PASSAGE_SECTIONS.search(heading) for heading in passage.section):
            counts[passage.section] = counts.get(passage.section, 0) + 1
            if counts[passage.section] <= PASSAGES_PER_SECTION:
                kept.append(passage)
    return kept


def make_titles(count: int, words: list[str], rng: random.Random) -> Iterator[tuple[str, int]]:
    """``count`` (title, year) pairs: mostly unique titles, a few remakes of an earlier title."""
    seen: list[str] = []
    taken: set[str] = set()
    while len(seen) < count:
        if seen and rng.random() < REMAKE_SHARE:
            title = rng.choice(seen)
        else:
            shape = rng.choice(TITLE_SHAPES)
            title = shape.format(a=rng.choice(words), b=rng.choice(words), c=rng.choice(words))
            if title in taken:
                continue
        taken.add(title)
        seen.append(title)
        yield title, rng.randint(1920, 2024)


def build_library(path: Path, size: int, seed: int) -> None:
    """Write a library of ``size`` films into a new SQLite file (run in a child process)."""
    rng = random.Random(seed)
    docs = templates()
    words = vocabulary(docs)
    engine = build_engine(f"sqlite:///{path}")
    ensure_schema(engine)
    # Values serialised once per template fact: the bulk insert then only copies strings.
    prepared = [
        (
            doc,
            [
                (f.field.value, f.value.key()[:500], f.value.model_dump_json(), f.raw, f.source.location[:200])
                for f in doc.facts
            ],
            [(SECTION_SEPARATOR.join(p.section), p.text) for p in few_passages(doc)],
        )
        for doc in docs
    ]
    rows: dict[str, list[dict[str, Any]]] = {
        "films": [],
        "film_names": [],
        "documents": [],
        "facts": [],
        "plot_beats": [],
        "passages": [],
    }

    def flush(conn: Any, final: bool = False) -> None:
        for table in (films, film_names, documents, facts, plot_beats, passages):
            batch = rows[table.name]
            if batch and (final or len(batch) >= CHUNK):
                conn.execute(insert(table), batch)
                batch.clear()

    with engine.begin() as conn:
        for n, (title, year) in enumerate(make_titles(size, words, rng), start=1):
            doc, doc_facts, doc_passages = prepared[n % len(prepared)]
            if n <= len(prepared):  # the real films keep their own titles
                title, year = doc.title, doc.year or year
            doc_id = f"bench:{n}"
            rows["films"].append(
                {
                    "id": n,
                    "slug": f"{slugify(title, year)}-{n}",
                    "title": title,
                    "title_key": normalize(title),
                    "year": year,
                }
            )
            rows["film_names"] += [
                {"film_id": n, "name": name, "name_key": normalize(name)} for name in [title, *doc.aliases[:1]]
            ]
            rows["documents"].append(
                {
                    "id": doc_id,
                    "film_id": n,
                    "kind": doc.source.kind.value,
                    "title": title,
                    "url": None,
                    "content_hash": "bench",
                    "plot_location": None,
                }
            )
            rows["facts"] += [
                {
                    "film_id": n,
                    "document_id": doc_id,
                    "ordinal": i,
                    "field": fld,
                    "value_key": key,
                    "value": value,
                    "raw": raw,
                    "location": loc,
                }
                for i, (fld, key, value, raw, loc) in enumerate(doc_facts)
            ]
            if doc.plot:
                rows["plot_beats"] += [
                    {"film_id": n, "document_id": doc_id, "idx": b.index, "text": b.text, "position": b.position}
                    for b in doc.plot.beats
                ]
            rows["passages"] += [
                {"film_id": n, "document_id": doc_id, "ordinal": i, "section": section, "text": body}
                for i, (section, body) in enumerate(doc_passages)
            ]
            if len(rows["facts"]) >= CHUNK:
                # Parents first: films and documents reach the table before the facts that refer to them.
                flush(conn, final=True)
        flush(conn, final=True)
    engine.dispose()


# -- measuring ------------------------------------------------------------------------------------------


def typo(title: str, rng: random.Random) -> str:
    """The title with one or two slips of the keyboard (delete, insert, swap, replace)."""
    chars = list(title)
    for _ in range(1 if len(title) < 10 else 2):
        letters = [i for i, c in enumerate(chars) if c.isalpha()]
        if len(letters) < 3:
            break
        i = rng.choice(letters[1:])
        kind = rng.choice("disr")
        if kind == "d":
            del chars[i]
        elif kind == "i":
            chars.insert(i, rng.choice(string.ascii_lowercase))
        elif kind == "s" and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars[i] = rng.choice(string.ascii_lowercase)
    return "".join(chars)


def timed(fn: Callable[[str], Any], inputs: list[str]) -> tuple[list[float], list[Any]]:
    """Microseconds per call, and the results (after a few untimed calls: caches warm, code paths loaded)."""
    for value in inputs[:10]:
        fn(value)
    gc.collect()
    times, results = [], []
    for value in inputs:
        start = time.perf_counter_ns()
        results.append(fn(value))
        times.append((time.perf_counter_ns() - start) / 1000)
    return times, results


def p99(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def summary(times: list[float]) -> str:
    return f"p50 {statistics.median(times):9.1f} µs   p99 {p99(times):9.1f} µs"


def rss_mb() -> float:
    """Resident memory now (not the peak)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def found_title(response: Response, title: str) -> str:
    """Whether the answer is about the film meant: right, a choice including it, or wrong."""
    for part in response.parts:
        if isinstance(part, CardPart):
            return "right" if part.title == title else "wrong"
        if isinstance(part, ChoicePart):
            return "choice" if any(o.startswith(title) for o in part.options) else "wrong"
    text = response.plain_text()
    return "right" if f": {title})" in text or f": {title};" in text else "wrong"


def index_words(club: FilmClub, ids: list[int]) -> dict[int, str]:
    """Three long words of each film's first passage past its lead and plot: a question only the index answers."""
    query = select(passages.c.film_id, passages.c.section, passages.c.text).where(passages.c.film_id.in_(ids))
    first: dict[int, str] = {}
    beyond: dict[int, str] = {}
    with club.engine.connect() as conn:
        for film_id, section, body in conn.execute(query.order_by(passages.c.film_id, passages.c.ordinal)):
            first.setdefault(film_id, body)
            if not re.match(r"(?:lead|plot|synopsis)$", section, re.I):
                beyond.setdefault(film_id, body)
    chosen = {}
    for film_id in ids:
        words = re.findall(r"[a-z]{6,}", beyond.get(film_id, first.get(film_id, "")).casefold())
        kept = [w for w in dict.fromkeys(words) if w not in FILLER and w not in STOP_WORDS]
        chosen[film_id] = " ".join(kept[:3])
    return chosen


def quoting(club: FilmClub, ctx: CommandContext, titles: list[str], questions: list[str]) -> list[float]:
    """Microseconds of each ``/film ask`` whose answer quotes a passage of the film asked about."""
    times, answers = timed(lambda q: club.run_line(f"/film ask {q}", ctx), questions)
    quoted = [f"Wikipedia: {t}, " in a.plain_text() for a, t in zip(answers, titles, strict=True)]
    return [t for t, q in zip(times, quoted, strict=True) if q]


def measure(path: Path, size: int, queries: int, seed: int) -> None:
    """Time our calls and the floors on one library, and report resident memory."""
    rng = random.Random(seed + 1)
    before = rss_mb()
    settings = Settings(FILMCLUB_DATABASE_URL=f"sqlite:///{path}", FILMCLUB_DATA_DIR=Path(tempfile.gettempdir()))
    club = FilmClub(settings)
    start = time.perf_counter()
    index = club.titles
    build_s = time.perf_counter() - start
    gc.collect()
    with club.engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(films)).scalar_one()
        ids = rng.sample(range(1, count + 1), min(queries, count))
        titles_by_id = dict(conn.execute(select(films.c.id, films.c.title).where(films.c.id.in_(ids))).all())
    titles = [titles_by_id[i] for i in ids]
    typos = [typo(t, rng) for t in titles]
    ctx = CommandContext(platform="bench", server_id="b", channel_id="c", user_id="u")
    measured: dict[str, list[float]] = {}
    print(f"\n== {size:,} films ({len(index):,} names; title index built in {build_s:.2f} s) ==")

    # The sampled films' pages are read once first: every figure is then with the OS cache warm (a 100k
    # library is ~1.3 GB; a cold random read costs a disk seek, which is not what these figures compare).
    for film_id in ids:
        club.library.get_film(film_id)
    resolve_ok, _ = timed(index.resolve, titles)
    resolve_typo, _ = timed(index.resolve, typos)
    print(f"ours   resolve title, spelled right          {summary(resolve_ok)}")
    print(f"ours   resolve title, misspelled             {summary(resolve_typo)}")
    get_film, _ = timed(lambda i: club.library.get_film(int(i)) and None, [str(i) for i in ids])
    print(f"ours   library.get_film (every fact, models) {summary(get_film)}")
    for label, lines in (
        ("info, spelled right ", [f"/film info {t}" for t in titles]),
        ("info, misspelled    ", [f"/film info {t}" for t in typos]),
        ("ask, spelled right  ", [f"/film ask who directed {t}" for t in titles]),
        ("ask, misspelled     ", [f"/film ask how long is {t}" for t in typos]),
        ("ask, no title       ", ["/film ask how much did it make" for _ in titles]),
    ):
        club.run_line(f"/film info {titles[0]}", ctx)
        times, answers = timed(lambda line: club.run_line(line, ctx), lines)
        measured[label.strip()] = times
        if "no title" in label:
            print(f"ours   {label}                  {summary(times)}")
            continue
        verdicts = [found_title(a, t) for a, t in zip(answers, titles, strict=True)]
        right = verdicts.count("right") / len(verdicts) * 100
        choice = verdicts.count("choice") / len(verdicts) * 100
        print(f"ours   {label}                  {summary(times)}   right {right:5.1f} %  asked to pick {choice:4.1f} %")
    # Only the answers quoting a passage ("(Wikipedia: Title, Production › Filming)") are timed in this row.
    asked = [PASSAGE_QUESTIONS[i % len(PASSAGE_QUESTIONS)].format(t=t) for i, t in enumerate(titles)]
    aspect_times = quoting(club, ctx, titles, asked)
    searched = index_words(club, ids)
    search_times = quoting(club, ctx, titles, [f"{t} {searched[i]}" for i, t in zip(ids, titles, strict=True)])
    print(f"ours   ask where filmed/how received/set    {summary(aspect_times)}   {len(aspect_times)} quote a passage")
    print(f"ours   ask, words of a passage (the index)  {summary(search_times)}   {len(search_times)} quote a passage")
    passage_times = aspect_times + search_times
    gc.collect()
    ours_rss = rss_mb()

    # Floors, on the same titles, after our memory was read (their own structures are not ours).
    keys = {normalize(t): i for i, t in club.engine.connect().execute(select(films.c.id, films.c.title))}
    all_keys = list(keys)
    floor_dict, _ = timed(lambda t: keys.get(normalize(t)), titles)
    few = typos[: max(20, queries // 10)]
    floor_scan, _ = timed(lambda t: process.extractOne(normalize(t), all_keys, scorer=fuzz.QRatio), few)
    with club.engine.connect() as conn:
        floor_facts, _ = timed(
            lambda i: len(conn.execute(select(facts).where(facts.c.film_id == int(i))).all()), [str(i) for i in ids]
        )
    matches = [f'film_id:"{i}" AND text:({" OR ".join(searched[i].split())})' for i in ids]
    with club.engine.connect() as conn:
        floor_fts, _ = timed(lambda m: conn.execute(_BARE_SEARCH, {"match": m}).all(), matches)
    print(f"floor  dict lookup (normalized title)       {summary(floor_dict)}")
    print(f"floor  rapidfuzz extractOne QRatio, full    {summary(floor_scan)}   ({len(few)} queries)")
    print(f"floor  one film's fact rows via Core        {summary(floor_facts)}")
    print(f"floor  one bare FTS5 bm25 query, same words {summary(floor_fts)}")
    ratio_ok = statistics.median(resolve_ok) / statistics.median(floor_dict)
    ratio_typo = statistics.median(resolve_typo) / statistics.median(floor_scan)
    ratio_get = statistics.median(get_film) / statistics.median(floor_facts)
    print(f"ratios resolve/dict {ratio_ok:.1f}x   resolve misspelled/full scan {ratio_typo:.3f}x", end="   ")
    print(f"get_film/fact rows {ratio_get:.1f}x")
    print(f"memory RSS {ours_rss:.0f} MB after our calls (process start {before:.0f} MB)")
    club.engine.dispose()
    info = p99(measured["info, spelled right"]) / 1000
    from_passages = p99(passage_times) / 1000
    passed = report(
        [
            Target(f"exact-title /film info p99, {size:,} films", info, p99(floor_dict) / 1000, "≤ 2 ms", info <= 2),
            Target(
                f"ask answered from passages p99, {size:,} films",
                from_passages,
                p99(floor_fts) / 1000,
                "≤ 20 ms",
                from_passages <= 20,
            ),
            Target(f"resident memory, {size:,} films", ours_rss, before, "≤ 100 MB", ours_rss <= 100, "MB"),
        ]
    )
    if not passed:
        raise SystemExit(1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", default="10000", help="library sizes, comma-separated (default 10000; targets: 100000)"
    )
    parser.add_argument("--queries", type=int, default=400, help="titles asked per measurement (default 400)")
    parser.add_argument("--db-dir", type=Path, help="keep the generated libraries here and reuse them")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.db_dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            path = folder / f"bench-{size}-{args.seed}.sqlite3"
            if not path.exists():
                start = time.perf_counter()
                child = multiprocessing.get_context("fork").Process(target=build_library, args=(path, size, args.seed))
                child.start()
                child.join()
                if child.exitcode != 0:
                    print(f"building the {size:,}-film library failed", file=sys.stderr)
                    return 1
                megabytes = path.stat().st_size / 2**20
                print(f"built {size:,} films in {time.perf_counter() - start:.1f} s ({megabytes:.0f} MB)")
            # Measured in a fresh child too: the resident memory is then this library's alone.
            child = multiprocessing.get_context("fork").Process(
                target=measure, args=(path, size, args.queries, args.seed)
            )
            child.start()
            child.join()
            failed = failed or child.exitcode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
