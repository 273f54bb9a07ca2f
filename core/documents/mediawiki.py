"""A small, polite client of the MediaWiki Action API: the current wikitext of one page.

Standard library only (``urllib``), so the core needs no HTTP dependency; it blocks, so async callers run it
in a thread. Wikimedia's API etiquette is built in: a User-Agent naming the bot and a contact, ``maxlag``,
one request at a time per wiki (a lock), gzip, and bounded retries that honour ``Retry-After`` on 429, 503
and ``maxlag``/``ratelimited`` errors. A network failure becomes `WikiUnavailable`, never a traceback.
"""

from __future__ import annotations

import email.utils
import gzip
import http.client
import json
import logging
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

from core.documents.wikipages import ENGLISH_WIKIPEDIA, Wiki, WikiPage

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 502, 503, 504})
RETRY_ERRORS = frozenset({"maxlag", "ratelimited"})
MAX_RESPONSE_BYTES = 20 * 1024 * 1024


class WikiUnavailable(Exception):
    """Wikipedia cannot be reached, or stays busy after every retry."""


class WikiError(Exception):
    """The API answered, but not with something usable (an error code, not JSON, an HTTP error)."""


@dataclass(frozen=True)
class FetchedPage:
    """What the API said about one requested title.

    Attributes:
        requested: the title as asked for.
        wiki: the wiki that answered.
        page: the page's current revision, or None when it does not exist (``missing``).
        redirected_from: the title that redirected to ``page``, if any.
        disambiguation: the page carries the ``disambiguation`` page property.
        invalid: the title cannot exist (``[[`` characters, empty, an interwiki prefix).
    """

    requested: str
    wiki: Wiki
    page: WikiPage | None
    redirected_from: str | None = None
    disambiguation: bool = False
    invalid: bool = False


def user_agent(contact: str) -> str:
    """The User-Agent Wikimedia asks for: the tool, its version, a way to reach its operator, the library."""
    try:
        ours = version("filmclub")
    except PackageNotFoundError:
        ours = "0"
    reach = contact.strip() or "operator contact not configured: set FILMCLUB_CONTACT"
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return f"filmclub/{ours} (film club chat bot; {reach}) Python-urllib/{python}"


def title_from_input(text: str) -> str:
    """A page title from what a member typed: a title, or an article link such as ``…/wiki/Bicycle_Thieves``.

    Args:
        text: a title or a ``https://…/wiki/Title`` / ``…/w/index.php?title=Title`` address.

    Returns:
        The title with spaces for underscores, percent-escapes decoded, no ``#section``.

    Raises:
        ValueError: a link that names no article.
    """
    text = text.strip()
    if not text.lower().startswith(("http://", "https://", "//")):
        return " ".join(text.replace("_", " ").split())
    parts = urlsplit(text if not text.startswith("//") else "https:" + text)
    title = ""
    if "/wiki/" in parts.path:
        title = parts.path.split("/wiki/", 1)[1]
    else:
        for pair in parts.query.split("&"):
            key, _, value = pair.partition("=")
            if key == "title":
                title = value.replace("+", " ")
    title = " ".join(unquote(title).replace("_", " ").split())
    if not title:
        raise ValueError("That link doesn't name a Wikipedia article (expected …/wiki/Title).")
    return title


class WikiClient:
    """The Action API of one wiki; every request goes through one lock, so requests never overlap.

    Args:
        api_url: the wiki's ``api.php`` (``https://en.wikipedia.org/w/api.php``).
        contact: how the operator can be reached (an email or URL), sent in the User-Agent.
        timeout: seconds per request before the wiki counts as unreachable.
        attempts: requests per call at most, retries included.
        backoff: first wait in seconds when the wiki asks to retry without saying how long (doubles).
        max_wait: the longest wait honoured from ``Retry-After``; a longer one ends the retries.
        sleep: how a wait is spent (``time.sleep``; tests pass a recorder instead of waiting).
    """

    def __init__(
        self,
        api_url: str,
        contact: str = "",
        *,
        timeout: float = 15.0,
        attempts: int = 4,
        backoff: float = 1.0,
        max_wait: float = 15.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.api_url = api_url
        self.user_agent = user_agent(contact)
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep
        self._lock = threading.Lock()

    def fetch(self, title: str) -> FetchedPage:
        """The current wikitext of ``title``, following redirects.

        Args:
            title: a page title (as typed; the wiki normalizes case and underscores).

        Returns:
            The page, or a `FetchedPage` with ``page=None`` when it does not exist.

        Raises:
            WikiUnavailable: the wiki cannot be reached or stays busy.
            WikiError: the wiki answered with an error.
        """
        data = self.query(
            titles=title,
            prop="revisions|pageprops",
            rvprop="content|ids",
            rvslots="main",
            ppprop="disambiguation",
            redirects="1",
            meta="siteinfo",
            siprop="general",
        )
        query = data.get("query") or {}
        wiki = _wiki_from(query.get("general") or {})
        redirects = {r.get("to"): r.get("from") for r in query.get("redirects") or []}
        pages = query.get("pages") or []
        if query.get("interwiki") or not pages:
            return FetchedPage(requested=title, wiki=wiki, page=None, invalid=True)
        page = pages[0]
        name = str(page.get("title") or title)
        if page.get("invalid"):
            return FetchedPage(requested=title, wiki=wiki, page=None, invalid=True)
        if page.get("missing") or page.get("special"):
            return FetchedPage(requested=title, wiki=wiki, page=None)
        revision = (page.get("revisions") or [{}])[0]
        main = (revision.get("slots") or {}).get("main") or {}
        return FetchedPage(
            requested=title,
            wiki=wiki,
            page=WikiPage(
                title=name,
                namespace=int(page.get("ns", 0)),
                revision_id=revision.get("revid"),
                text=str(main.get("content") or ""),
            ),
            redirected_from=redirects.get(name),
            disambiguation="disambiguation" in (page.get("pageprops") or {}),
        )

    def query(self, **params: str) -> dict[str, Any]:
        """One ``action=query`` request (JSON, format version 2, ``maxlag=5``), retried while the wiki is busy.

        Args:
            **params: the query's parameters.

        Returns:
            The decoded JSON answer.

        Raises:
            WikiUnavailable: the wiki cannot be reached or stays busy after every attempt.
            WikiError: an HTTP error, an API error code, or an answer that is not JSON.
        """
        url = f"{self.api_url}?" + urlencode(
            {"action": "query", **params, "format": "json", "formatversion": "2", "maxlag": "5"}
        )
        with self._lock:
            for attempt in range(self.attempts):
                wait = self._attempt(url)
                if isinstance(wait, dict):
                    return wait
                if attempt + 1 == self.attempts or wait > self.max_wait:
                    break
                self.sleep(self.backoff * 2**attempt if wait < 0 else wait)
        raise WikiUnavailable("Wikipedia is busy and asked to try again later")

    def _attempt(self, url: str) -> dict[str, Any] | float:
        """The answer, or how many seconds to wait before retrying (-1: back off exponentially)."""
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = _read_body(response)
                retry_after = response.headers.get("Retry-After")
        except urllib.error.HTTPError as exc:
            if exc.code in RETRY_STATUSES:
                log.info("wiki answered %s; retry after %s", exc.code, exc.headers.get("Retry-After"))
                return _retry_delay(exc.headers.get("Retry-After"))
            raise WikiError(f"Wikipedia answered HTTP {exc.code}") from exc
        except (OSError, http.client.HTTPException, RuntimeError) as exc:
            # URLError, refused, timed out, DNS; RuntimeError is what a socket blocked by a sandbox raises
            # (pytest-socket): every one means "not reachable from here".
            log.info("wiki unreachable: %s", exc)
            raise WikiUnavailable("Wikipedia cannot be reached") from exc
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise WikiError("Wikipedia's answer was not JSON") from exc
        if not isinstance(data, dict):
            raise WikiError("Wikipedia's answer was not a JSON object")
        failure = data.get("error")
        if isinstance(failure, dict):
            if failure.get("code") in RETRY_ERRORS:
                log.info("wiki error %s; retry after %s", failure.get("code"), retry_after)
                return _retry_delay(retry_after)
            raise WikiError(f"Wikipedia answered with an error: {failure.get('code')}: {failure.get('info')}")
        return data


def _read_body(response: http.client.HTTPResponse) -> bytes:
    body = response.read(MAX_RESPONSE_BYTES + 1)
    if len(body) > MAX_RESPONSE_BYTES:
        raise WikiError("Wikipedia's answer was too large")
    if response.headers.get("Content-Encoding", "").lower() == "gzip":
        body = gzip.decompress(body)
    return body


def _retry_delay(header: str | None) -> float:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date); -1 when it says nothing."""
    if header is None or not header.strip():
        return -1.0
    value = header.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return -1.0
    return max(0.0, when.timestamp() - time.time())


def _wiki_from(general: dict[str, Any]) -> Wiki:
    """The wiki's id and article path from ``meta=siteinfo`` (protocol-relative servers become https)."""
    server = str(general.get("server") or "")
    path = str(general.get("articlepath") or "")
    wiki_id = str(general.get("wikiid") or ENGLISH_WIKIPEDIA.id)
    if not server or "$1" not in path:
        return Wiki(id=wiki_id, article_path=ENGLISH_WIKIPEDIA.article_path)
    return Wiki(id=wiki_id, article_path=("https:" + server if server.startswith("//") else server) + path)


@lru_cache(maxsize=8)
def client_for(api_url: str, contact: str) -> WikiClient:
    """The one client (and so the one lock) of a wiki in this process."""
    return WikiClient(api_url, contact)
