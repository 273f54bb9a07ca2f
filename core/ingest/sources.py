"""Where bulk ingest's documents come from: files, folders and XML dumps, as jobs for the parsers.

A job carries what a worker process needs to parse one document, and the hash it will be stored with, so a
document the store already holds unchanged is settled here, before any parsing (a resumed run is cheap).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from core.documents.dump import DumpError, WikiDump, is_dump
from core.documents.wikipages import MAIN_NAMESPACE, Wiki, WikiPage, is_film_article
from core.ingest.files import DocumentReport, document_id_for, find_documents, read_document
from core.library.model import ParsedDocument
from core.library.store import SaveStatus


@dataclass(frozen=True)
class DocumentJob:
    """One document to parse, as sent to a worker.

    Attributes:
        document_id: the library's id of the document (``file:x.wiki``, ``enwiki:Title``).
        name: what the parser calls the document when it names no title.
        label: how the report names it (a path, a wiki title).
        data: the raw bytes of a file, or the text of a wiki page.
        content_hash: the hash stored with the document; the same hash again is skipped.
        source_title: the citation's title when it is not the parser's (a wiki article's title).
        url: the citation's address, if any.
    """

    document_id: str
    name: str
    label: str
    data: bytes | str
    content_hash: str
    source_title: str | None = None
    url: str | None = None


Item = DocumentJob | DocumentReport
Outcome = ParsedDocument | DocumentReport


def content_hash(data: bytes | str) -> str:
    """The hash a document is stored with (of the bytes on disk, or of a page's UTF-8 text)."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def page_job(wiki: Wiki, page: WikiPage) -> DocumentJob:
    """The job of a wiki article: cited by its title, at the revision that was read."""
    return DocumentJob(
        document_id=wiki.document_id(page.title),
        name=page.title,
        label=page.title,
        data=page.text,
        content_hash=content_hash(page.text),
        source_title=page.title,
        url=wiki.url(page.title, page.revision_id),
    )


def parse_job(job: DocumentJob) -> Outcome:
    """Clean and parse one document; a failure is its report line (runs in workers, never raises)."""
    parsed = read_document(job.data, job.document_id, job.name, job.label)
    if isinstance(parsed, DocumentReport) or (job.source_title is None and job.url is None):
        return parsed
    source = parsed.source.model_copy(update={"title": job.source_title or parsed.source.title, "url": job.url})
    return parsed.model_copy(update={"source": source})


def file_items(paths: Iterable[Path], known: dict[str, str]) -> Iterator[Item]:
    """Jobs for the document files under ``paths``; unchanged and unreadable files as report lines."""
    for path in find_documents(paths):
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield DocumentReport(str(path), "failed", problems=[f"cannot read the file: {exc.strerror or exc}"])
            continue
        doc_id = document_id_for(path)
        digest = content_hash(data)
        if known.get(doc_id) == digest:
            yield DocumentReport(str(path), SaveStatus.UNCHANGED.value)
        else:
            yield DocumentJob(doc_id, path.stem, str(path), data, digest)


def dump_items(dump: WikiDump, known: dict[str, str]) -> Iterator[Item]:
    """Jobs for the film articles of a dump: main namespace, not redirects, with a film infobox.

    A dump that is cut short or corrupt ends with a failed report line naming it; what came before counts.
    """
    try:
        for page in dump.pages():
            if page.namespace != MAIN_NAMESPACE or page.redirect is not None or not is_film_article(page.text):
                continue
            job = page_job(dump.wiki, page)
            if known.get(job.document_id) == job.content_hash:
                yield DocumentReport(job.label, SaveStatus.UNCHANGED.value)
            else:
                yield job
    except DumpError as exc:
        yield DocumentReport(str(dump.path), "failed", problems=[str(exc)])


def source_items(paths: Iterable[Path], known: dict[str, str], dumps: list[WikiDump] | None = None) -> Iterator[Item]:
    """Items of every path: dumps page by page, other files and folders document by document.

    Args:
        paths: dump files, document files, folders of documents.
        known: document id → stored content hash.
        dumps: receives each dump as it is opened (progress bars read its position).

    Yields:
        Jobs to parse, and report lines of documents settled without parsing.
    """
    files: list[Path] = []
    for path in paths:
        if is_dump(path):
            yield from file_items(files, known)
            files = []
            dump = WikiDump(path)
            if dumps is not None:
                dumps.append(dump)
            yield from dump_items(dump, known)
        else:
            files.append(path)
    yield from file_items(files, known)
