"""Ingesting documents from disk: read, clean, parse, file under a film, and report.

One bad document never stops a run: each failure becomes a line of the report naming the file.
Unchanged documents are skipped before parsing (their content hash is already stored).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.documents.cleaning import UnreadableDocument, clean_text, decode_document
from core.documents.dump import DUMP_SUFFIXES
from core.documents.nesting import TooDeeplyNested
from core.documents.not_films import NotAFilmArticle
from core.documents.parsers import UnknownFormat, parse_document
from core.library.limits import ValueTooLong, short_message, within_limits
from core.library.model import ParsedDocument
from core.library.store import FilmLibrary, SaveStatus

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = frozenset({".txt", ".wiki", ".wikitext", ".mediawiki", ".text", ""})


@dataclass
class DocumentReport:
    """What happened to one document."""

    path: str
    status: str
    film: str = ""
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # a report line quotes at most an excerpt of bad input, whoever wrote the problem
        self.film = short_message(self.film)
        self.problems = [short_message(problem) for problem in self.problems]


@dataclass
class IngestReport:
    """The outcome of an ingest run, document by document."""

    documents: list[DocumentReport] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many documents ended with ``status`` (added, updated, unchanged, failed)."""
        return sum(1 for d in self.documents if d.status == status)

    @property
    def ingested_anything(self) -> bool:
        """False when no document was taken: every one failed, or was skipped as not a document."""
        return any(d.status not in {"failed", "skipped"} for d in self.documents)


def find_documents(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and document files inside folders (sorted, hidden files skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in DOCUMENT_SUFFIXES:
                    yield child
        else:
            yield path


SNIFF_BYTES = 4096


def passed_over(paths: Iterable[Path]) -> list[DocumentReport]:
    """The files inside folders that `find_documents` does not take, each with why (status ``skipped``).

    A member who ingests a folder learns about every file left out, not only those that failed to parse.
    """
    skipped: list[DocumentReport] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                reason = _not_taken(child)
                if reason:
                    skipped.append(DocumentReport(str(child), "skipped", problems=[reason]))
    return skipped


def _not_taken(path: Path) -> str:
    """Why `find_documents` leaves a file of a folder out; empty when it takes it (or it is not a file)."""
    if not path.is_file():
        return ""
    if path.name.startswith("."):
        return "a hidden file"
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        return ""
    if path.name.lower().endswith(DUMP_SUFFIXES):
        return "a Wikipedia dump inside a folder: name the dump itself to ingest it"
    try:
        with path.open("rb") as file:
            head = file.read(SNIFF_BYTES)
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc}"
    kind = "binary data, not text (NUL bytes)" if b"\x00" in head else "not a document file"
    taken = ", ".join(sorted(s for s in DOCUMENT_SUFFIXES if s))
    return f"{kind}: {path.suffix} files are not read (documents end in {taken}, or have no suffix)"


def document_id_for(path: Path) -> str:
    """A document's id is its file name, so an edited file replaces its own earlier facts."""
    return f"file:{path.name}"


def ingest_file(library: FilmLibrary, path: Path, known: dict[str, str]) -> DocumentReport:
    """Ingest one file; every failure is caught and reported, never raised.

    Args:
        library: where films are saved.
        path: the document.
        known: document id → stored content hash (skips unchanged documents without parsing).

    Returns:
        The document's line of the report.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        return DocumentReport(str(path), "failed", problems=[f"cannot read the file: {exc.strerror or exc}"])
    digest = hashlib.sha256(data).hexdigest()
    doc_id = document_id_for(path)
    if known.get(doc_id) == digest:
        return DocumentReport(str(path), SaveStatus.UNCHANGED.value)
    parsed = read_document(data, doc_id, path.stem, str(path))
    if isinstance(parsed, DocumentReport):
        return parsed
    result = library.save_document(parsed, digest)
    known[doc_id] = digest
    return DocumentReport(str(path), result.status.value, result.title, parsed.problems)


def read_document(data: bytes | str, document_id: str, name: str, label: str) -> ParsedDocument | DocumentReport:
    """Clean and parse one document's bytes (a file) or text (a wiki page); never raises.

    Args:
        data: raw bytes, or text that is already decoded (the Wikipedia API, an XML dump).
        document_id: stable id of the document (``file:name.wiki``, ``enwiki:Title``).
        name: what to call the document when it names no title of its own.
        label: how the report names the document (its path, its wiki title).

    Returns:
        The parsed document, or the failed report line saying why it could not be read.
    """
    try:
        text = decode_document(data) if isinstance(data, bytes) else clean_text(data)
        parsed = within_limits(parse_document(text, document_id, name))
    except (UnreadableDocument, UnknownFormat, NotAFilmArticle, TooDeeplyNested, ValueTooLong) as exc:
        return DocumentReport(label, "failed", problems=[str(exc)])
    except Exception as exc:  # a parser bug must not stop the run: report it with the document
        log.exception("parser failed on %s", label)
        return DocumentReport(label, "failed", problems=[f"could not be parsed ({type(exc).__name__}: {exc})"])
    if not parsed.facts and not parsed.plot:
        return DocumentReport(label, "failed", parsed.title, [*parsed.problems, "no film facts found"])
    return parsed


def ingest_paths(
    library: FilmLibrary,
    paths: Iterable[Path],
    on_document: Callable[[DocumentReport], None] | None = None,
) -> IngestReport:
    """Ingest every document under ``paths``.

    Args:
        library: where films are saved.
        paths: files or folders.
        on_document: called after each document (progress bars).

    Returns:
        The report of every document.
    """
    report = IngestReport()
    known = library.document_hashes()
    for path in find_documents(paths):
        entry = ingest_file(library, path, known)
        report.documents.append(entry)
        if on_document:
            on_document(entry)
    return report
