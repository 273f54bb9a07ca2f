"""Bulk ingest: documents parsed in worker processes, saved by this process in batches.

Parsing is the cost (mwparserfromhell, ≈ 18 ms a full article, see measured-floors.md); saving through
SQLAlchemy Core is cheap. So the parent reads the sources (``core.ingest.sources``: files, or an XML dump
streamed page by page, what the store holds unchanged already settled), hands small chunks of documents to a
process pool, and saves the parsed results in one transaction per batch. Only a bounded
number of chunks is ever in flight, so memory stays flat however large the dump.

A small run (fewer documents than ``parallel_from``) is parsed here, without starting processes, except a
document too large to be sure of (``IN_PROCESS_BYTES``), which gets a worker and the time budget. Committed
batches stay committed: an interrupted run, started again, skips them as unchanged and goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from core.documents.dump import WikiDump
from core.ingest.files import DocumentReport, IngestReport
from core.ingest.sources import DocumentJob, Item, Outcome, parse_job, source_items
from core.library.model import ParsedDocument
from core.library.store import FilmLibrary

log = logging.getLogger(__name__)

CHUNK = 8
CHUNKS_PER_WORKER = 4
BATCH = 200
FLUSH_SECONDS = 1.0  # a slow run still commits (and shows progress) every second
PARALLEL_FROM = 48
BUDGET = 20.0  # seconds one document may hold a parser process (a real article takes ~20 ms)
IN_PROCESS_BYTES = 256_000  # a small run parses here only documents this size or less; a larger one (rare:
# the longest real articles) goes to a worker of its own, under the budget, so `/film add` can't hang on one


def _parse_chunk(jobs: list[DocumentJob], budget: float) -> list[Outcome]:
    return [_parse_within(job, budget) for job in jobs]


def _parse_within(job: DocumentJob, budget: float) -> Outcome:
    """Parse one job; past ``budget`` seconds the kernel ends this worker (SIGALRM's default action).

    A signal handler could not do it: Python runs handlers between bytecodes, and the time goes in
    mwparserfromhell's C tokenizer. The parent sees the pool break and settles the document as too slow.
    """
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        return parse_job(job)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: only the parent should stop the run (and say how to resume).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the document budget ends the worker, see _parse_within


def available_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# -- the pipeline ------------------------------------------------------------------------------


class _Saver:
    """Saves parsed documents in batches and writes every document's report line."""

    def __init__(
        self,
        library: FilmLibrary,
        report: IngestReport,
        on_document: Callable[[DocumentReport], None] | None,
        batch_size: int,
    ) -> None:
        self.library = library
        self.report = report
        self.on_document = on_document
        self.batch_size = batch_size
        self.batch: list[tuple[ParsedDocument, str, str]] = []
        self.flushed = time.monotonic()

    def take(self, job_label: str, digest: str, outcome: Outcome) -> None:
        if isinstance(outcome, DocumentReport):
            self.settle(outcome)
            return
        self.batch.append((outcome, digest, job_label))
        if len(self.batch) >= self.batch_size or time.monotonic() - self.flushed >= FLUSH_SECONDS:
            self.flush()

    def settle(self, entry: DocumentReport) -> None:
        self.report.documents.append(entry)
        if self.on_document:
            self.on_document(entry)

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        self.flushed = time.monotonic()
        if not batch:
            return
        try:
            results = self.library.save_documents((doc, digest) for doc, digest, _ in batch)
        except SQLAlchemyError:
            log.warning("saving a batch of %d failed; saving one by one to find the culprit", len(batch))
            for doc, digest, label in batch:
                self._save_one(doc, digest, label)
            return
        for (doc, _, label), result in zip(batch, results, strict=True):
            self.settle(DocumentReport(label, result.status.value, result.title, doc.problems))

    def _save_one(self, doc: ParsedDocument, digest: str, label: str) -> None:
        try:
            result = self.library.save_document(doc, digest)
        except SQLAlchemyError as exc:
            log.exception("could not save %s", label)
            self.settle(DocumentReport(label, "failed", doc.title, [f"could not be saved ({type(exc).__name__})"]))
            return
        self.settle(DocumentReport(label, result.status.value, result.title, doc.problems))


def ingest_items(
    library: FilmLibrary,
    items: Iterable[Item],
    *,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    batch_size: int = BATCH,
    on_document: Callable[[DocumentReport], None] | None = None,
    budget: float = BUDGET,
) -> IngestReport:
    """Parse the jobs among ``items`` (in worker processes when there are many) and save them in batches.

    Args:
        library: where films are saved.
        items: jobs to parse and report lines to pass through (see `source_items`).
        workers: parser processes (default: one per CPU); 1 parses in this process.
        parallel_from: how many jobs make a run worth starting processes for.
        batch_size: documents saved per transaction.
        on_document: called with each document's report line as it is settled (progress bars).
        budget: seconds one document may take in a worker before the worker is ended and the document
            reported as too slow; a small run (below ``parallel_from``) parses in this process only documents
            of at most ``IN_PROCESS_BYTES``, the larger ones each in a worker under the budget.

    Returns:
        The report of every document; batches saved before an interruption stay saved.
    """
    report = IngestReport()
    saver = _Saver(library, report, on_document, batch_size)
    workers = available_cpus() if workers is None else max(1, workers)
    stream = iter(items)
    # Look ahead far enough to know whether the run is big enough for a process pool.
    head: list[Item] = []
    jobs_ahead = 0
    for item in stream:
        head.append(item)
        jobs_ahead += isinstance(item, DocumentJob)
        if jobs_ahead >= parallel_from:
            break
    everything = (item for part in (head, stream) for item in part)
    if workers > 1 and jobs_ahead >= parallel_from:
        _parse_in_pool(everything, saver, workers, budget)
    else:
        large: list[DocumentJob] = []
        for item in everything:
            if isinstance(item, DocumentReport):
                saver.settle(item)
            elif len(item.data) > IN_PROCESS_BYTES:
                large.append(item)
            else:
                saver.take(item.label, item.content_hash, parse_job(item))
        if large:
            _parse_one_by_one(large, saver, budget)
    saver.flush()
    return report


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # spawn, not fork: the parent may run threads (a progress bar, a server), and a forked lock can deadlock
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_interrupts)


def _parse_in_pool(items: Iterator[Item], saver: _Saver, workers: int, budget: float) -> None:
    """Keep at most ``workers × CHUNKS_PER_WORKER`` chunks in flight; results are saved in input order."""
    pool = _new_pool(workers)
    pending: deque[tuple[Future[list[Outcome]], list[DocumentJob]]] = deque()

    def collect_oldest() -> None:
        nonlocal pool
        future, chunk = pending.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            # A worker died (out of memory, a crash in C code) and took every chunk in flight with it: parse
            # those again one at a time, to find and skip the document that kills it, then go on in parallel.
            suspects = [*chunk, *(job for _, jobs in pending for job in jobs)]
            log.warning("a parser process died; parsing the %d documents in flight one by one", len(suspects))
            pending.clear()
            pool.shutdown(wait=False, cancel_futures=True)
            _parse_one_by_one(suspects, saver, budget)
            pool = _new_pool(workers)
            return
        for job, outcome in zip(chunk, outcomes, strict=True):
            saver.take(job.label, job.content_hash, outcome)

    try:
        while True:
            chunk: list[DocumentJob] = []
            for item in items:
                if isinstance(item, DocumentReport):
                    saver.settle(item)
                    continue
                chunk.append(item)
                if len(chunk) == CHUNK:
                    break
            if not chunk:
                break
            pending.append((pool.submit(_parse_chunk, chunk, budget), chunk))
            while len(pending) >= workers * CHUNKS_PER_WORKER:
                collect_oldest()
        while pending:
            collect_oldest()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _parse_one_by_one(jobs: list[DocumentJob], saver: _Saver, budget: float) -> None:
    """Parse each job in a worker of its own; one that kills its worker (or runs past the budget) is reported."""
    pool = _new_pool(1)
    try:
        for job in jobs:
            started = time.monotonic()
            try:
                outcome = pool.submit(_parse_within, job, budget).result()
            except BrokenProcessPool:
                why = (
                    f"took longer than {budget:g} s to parse; not read"
                    if time.monotonic() - started >= budget
                    else "its parser process died (out of memory?)"
                )
                outcome = DocumentReport(job.label, "failed", problems=[why])
                pool.shutdown(wait=False)
                pool = _new_pool(1)
            saver.take(job.label, job.content_hash, outcome)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def ingest_sources(
    library: FilmLibrary,
    paths: Iterable[Path],
    *,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    batch_size: int = BATCH,
    on_document: Callable[[DocumentReport], None] | None = None,
    dumps: list[WikiDump] | None = None,
    budget: float = BUDGET,
) -> IngestReport:
    """Ingest files, folders and XML dumps, in parallel when there are many documents.

    Args:
        library: where films are saved.
        paths: dump files (``.xml``, ``.xml.bz2``, ``.xml.gz``), document files, folders of documents.
        workers: parser processes (default: one per CPU).
        parallel_from: how many documents to parse make a run worth starting processes for.
        batch_size: documents saved per transaction.
        on_document: called after each document.
        dumps: receives each dump as it is opened (its position drives a progress bar).
        budget: seconds one document may take in a worker (see `ingest_items`).

    Returns:
        The report of every document.
    """
    known = library.document_hashes()
    return ingest_items(
        library,
        source_items(paths, known, dumps),
        workers=workers,
        parallel_from=parallel_from,
        batch_size=batch_size,
        on_document=on_document,
        budget=budget,
    )
