"""Reading a MediaWiki XML dump (``enwiki-…-pages-articles.xml.bz2``) page by page, in constant memory.

``iterparse`` builds one ``<page>`` at a time; each is cleared once read and the root forgets it, so a
20 GB dump streams through the same few megabytes. ``.bz2`` (multistream too) and ``.gz`` are read
compressed; the compressed position drives the progress bar.
"""

from __future__ import annotations

import bz2
import gzip
import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, cast
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from core.documents.wikipages import ENGLISH_WIKIPEDIA, Wiki, WikiPage

log = logging.getLogger(__name__)

DUMP_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz", ".bz2")
EXPORT_NAMESPACE = "http://www.mediawiki.org/xml/export-0.11/"


class DumpError(ValueError):
    """The file is not a readable MediaWiki XML dump, or it is cut short; the message says which."""


def is_dump(path: Path) -> bool:
    """Whether a path names an XML dump (by its name; the content is checked when read)."""
    return path.is_file() and path.name.lower().endswith(DUMP_SUFFIXES)


def _local(tag: str) -> str:
    """``{http://www.mediawiki.org/xml/export-0.11/}page`` → ``page``: any export schema version."""
    return tag.rpartition("}")[2]


class WikiDump:
    """One dump file, read once from the start.

    Attributes:
        path: the dump file.
        wiki: the wiki the dump says it is from (its ``<siteinfo>``), English Wikipedia until read.
        pages_read: pages seen so far, films or not.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wiki: Wiki = ENGLISH_WIKIPEDIA
        self.pages_read = 0
        self._raw: IO[bytes] | None = None
        self._finished = False

    @property
    def size(self) -> int:
        """The file's size in bytes (compressed, as on disk)."""
        return self.path.stat().st_size

    def position(self) -> int:
        """How far into the file reading has got, in bytes on disk (compressed)."""
        if self._finished:
            return self.size
        try:
            return self._raw.tell() if self._raw and not self._raw.closed else 0
        except (OSError, ValueError):
            return 0

    def pages(self) -> Iterator[WikiPage]:
        """Every page of the dump, in file order (the newest revision of each).

        Yields:
            Pages; their ``text`` is empty when the dump omits it (deleted revisions).

        Raises:
            DumpError: not a dump, a corrupt compressed stream, or XML cut short (pages before it were
                already yielded: an interrupted download still ingests what it holds).
        """
        with self.path.open("rb") as raw:
            self._raw = raw
            name = self.path.name.lower()
            stream: IO[bytes] = raw
            if name.endswith(".bz2"):
                stream = bz2.BZ2File(raw)
            elif name.endswith(".gz"):
                stream = cast(IO[bytes], gzip.GzipFile(fileobj=raw))
            try:
                yield from self._read(stream)
                self._finished = True
            except ET.ParseError as exc:
                raise DumpError(f"{self.path.name} is not a complete MediaWiki XML dump ({exc})") from exc
            except (EOFError, OSError) as exc:
                raise DumpError(f"{self.path.name} could not be decompressed ({exc})") from exc
            finally:
                self._raw = None

    def _read(self, stream: IO[bytes]) -> Iterator[WikiPage]:
        root: ET.Element | None = None
        for event, elem in ET.iterparse(stream, events=("start", "end")):
            if root is None:
                root = elem
                if _local(root.tag) != "mediawiki":
                    raise DumpError(f"{self.path.name} is XML but not a MediaWiki dump (<{_local(root.tag)}>)")
                continue
            if event != "end":
                continue
            tag = _local(elem.tag)
            if tag == "siteinfo":
                self.wiki = _read_siteinfo(elem)
                root.clear()
            elif tag == "page":
                page = _read_page(elem)
                self.pages_read += 1
                # cleared pages would otherwise stay attached to the root as empty elements
                root.clear()
                if page is not None:
                    yield page


def _read_siteinfo(elem: ET.Element) -> Wiki:
    fields = {_local(child.tag): (child.text or "").strip() for child in elem}
    base = urlsplit(fields.get("base", ""))
    wiki_id = fields.get("dbname") or ENGLISH_WIKIPEDIA.id
    if not base.scheme or not base.netloc:
        return Wiki(id=wiki_id, article_path=ENGLISH_WIKIPEDIA.article_path)
    # <base> is the main page's URL (https://en.wikipedia.org/wiki/Main_Page): its folder is the article path
    folder = base.path.rpartition("/")[0]
    return Wiki(id=wiki_id, article_path=f"{base.scheme}://{base.netloc}{folder}/$1")


def _read_page(elem: ET.Element) -> WikiPage | None:
    title = ""
    namespace = 0
    redirect: str | None = None
    revision: ET.Element | None = None
    for child in elem:
        tag = _local(child.tag)
        if tag == "title":
            title = (child.text or "").strip()
        elif tag == "ns":
            number = (child.text or "").strip()
            namespace = int(number) if number.lstrip("-").isdigit() else -1
        elif tag == "redirect":
            redirect = child.get("title") or ""
        elif tag == "revision":
            revision = child  # full-history dumps list every revision: the last one is current
    if not title:
        log.warning("a page without a title was skipped")
        return None
    revision_id: int | None = None
    text = ""
    if revision is not None:
        for child in revision:
            tag = _local(child.tag)
            if tag == "id" and child.text and child.text.strip().isdigit():
                revision_id = int(child.text)
            elif tag == "text":
                text = child.text or ""
    return WikiPage(title=title, namespace=namespace, revision_id=revision_id, text=text, redirect=redirect)


def write_dump(path: Path, pages: Iterable[WikiPage], wiki: Wiki = ENGLISH_WIKIPEDIA) -> int:
    """Write pages as a MediaWiki XML dump, streaming (``.bz2``/``.gz`` by the name): an export, or test data.

    Args:
        path: the file to write.
        pages: the pages, each with its current revision.
        wiki: the wiki named in ``<siteinfo>``.

    Returns:
        How many pages were written.
    """
    name = path.name.lower()
    opener = bz2.open if name.endswith(".bz2") else gzip.open if name.endswith(".gz") else open
    count = 0
    with opener(path, "wt", encoding="utf-8") as out:
        out.write(f'<mediawiki xmlns="{EXPORT_NAMESPACE}" version="0.11" xml:lang="en">\n')
        base = wiki.article_path.replace("$1", "Main_Page")
        out.write(f"  <siteinfo>\n    <dbname>{escape(wiki.id)}</dbname>\n    <base>{escape(base)}</base>\n")
        out.write("  </siteinfo>\n")
        for count, page in enumerate(pages, 1):
            redirect = f"    <redirect title={quoteattr(page.redirect)} />\n" if page.redirect else ""
            revision = f"      <id>{page.revision_id}</id>\n" if page.revision_id else ""
            out.write(
                f"  <page>\n    <title>{escape(page.title)}</title>\n    <ns>{page.namespace}</ns>\n"
                f"    <id>{count}</id>\n{redirect}    <revision>\n{revision}"
                f'      <text bytes="{len(page.text.encode())}" xml:space="preserve">{escape(page.text)}</text>\n'
                "    </revision>\n  </page>\n"
            )
        out.write("</mediawiki>\n")
    return count
