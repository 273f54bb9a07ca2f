"""A loopback fake of the MediaWiki Action API (``action=query``, format version 2), for offline tests.

It serves pages from memory (the shared wikitext fixtures, redirects, a disambiguation page), records every
request with its headers, can be told to fail the next requests (429 / 503 / ``maxlag``) with a Retry-After,
and counts how many requests it served at once (the client must send one at a time).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tests.conftest import WIKITEXT_FIXTURES

BATMAN_DISAMBIGUATION = """'''Batman''' is a superhero appearing in American comic books published by DC Comics.

'''Batman''' may also refer to:

== Film ==
* ''[[Batman (serial)|Batman]]'' (1943), a film serial
* ''[[Batman (1966 film)|Batman]]'' (1966)
* ''[[Batman (1989 film)|Batman]]'' (1989), directed by Tim Burton

== Other uses ==
* [[Batman (TV series)]], a 1966 television series
* [[Batman, Turkey]], a city in Turkey
* [[Batman River]]

{{disambiguation}}
"""

TIM_BURTON = """{{Infobox person
| name = Tim Burton
| birth_date = {{birth date and age|1958|8|25}}
| occupation = Filmmaker
}}
'''Timothy Walter Burton''' (born August 25, 1958) is an American filmmaker. He directed [[Batman (1989 film)|Batman]].
"""

ENTER_THE_DRAGON_ALIASES = """'''Enter the Dragon''' may refer to:
* ''[[Enter the Dragon]]'', a 1973 martial arts film starring Bruce Lee
* [[Enter the Dragon (album)|Enter the Dragon]], an album
{{dab}}
"""


@dataclass
class Failure:
    status: int
    retry_after: str | None
    maxlag: bool = False


@dataclass
class FakeWikipedia:
    """Pages by title (text, revision id); redirects; pages carrying the disambiguation page property."""

    pages: dict[str, tuple[str, int]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    disambiguations: set[str] = field(default_factory=set)
    namespaces: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    requests: list[tuple[dict[str, str], dict[str, str]]] = field(default_factory=list)
    delay: float = 0.0
    in_flight: int = 0
    most_in_flight: int = 0
    api_url: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, status: int, retry_after: str | None = None, times: int = 1, maxlag: bool = False) -> None:
        self.failures.extend(Failure(status, retry_after, maxlag) for _ in range(times))

    def answer(self, params: dict[str, str]) -> dict[str, object]:
        requested = params.get("titles", "")
        title = requested.replace("_", " ").strip()
        title = title[:1].upper() + title[1:]
        query: dict[str, object] = {
            "general": {"wikiid": "enwiki", "server": "//en.wikipedia.org", "articlepath": "/wiki/$1"}
        }
        if title != requested:
            query["normalized"] = [{"fromencoded": False, "from": requested, "to": title}]
        if title in self.redirects:
            query["redirects"] = [{"from": title, "to": self.redirects[title]}]
            title = self.redirects[title]
        if not title or any(c in title for c in "[]{}|#<>"):
            query["pages"] = [
                {"title": requested, "invalidreason": "The requested page title is invalid", "invalid": True}
            ]
        elif title not in self.pages:
            query["pages"] = [{"ns": 0, "title": title, "missing": True}]
        else:
            text, revid = self.pages[title]
            page: dict[str, object] = {
                "pageid": abs(hash(title)) % 10**7,
                "ns": self.namespaces.get(title, 0),
                "title": title,
                "revisions": [
                    {
                        "revid": revid,
                        "parentid": revid - 1,
                        "slots": {
                            "main": {"contentmodel": "wikitext", "contentformat": "text/x-wiki", "content": text}
                        },
                    }
                ],
            }
            if title in self.disambiguations:
                page["pageprops"] = {"disambiguation": ""}
            query["pages"] = [page]
        return {"batchcomplete": True, "query": query}


def film_fixture_pages() -> dict[str, tuple[str, int]]:
    """The shared fixtures under their article titles and revision ids (see SOURCES.md)."""
    files = {
        "Batman (1989 film)": ("batman_1989.wiki", 868511560),
        "Enter the Dragon": ("enter_the_dragon.wiki", 954278955),
        "Four Daughters": ("four_daughters.wiki", 868798181),
        "Azhagarsamy": ("azhagarsamy.wiki", 942089740),
    }
    return {
        title: ((WIKITEXT_FIXTURES / name).read_text(encoding="utf-8"), revid) for title, (name, revid) in files.items()
    }


def standard_wiki() -> FakeWikipedia:
    """Films, a redirect, two disambiguation pages (by page property, by template only), a person."""
    pages = film_fixture_pages()
    pages["Batman"] = (BATMAN_DISAMBIGUATION, 1000)
    pages["Enter the Dragon (disambiguation)"] = (ENTER_THE_DRAGON_ALIASES, 1001)
    pages["Tim Burton"] = (TIM_BURTON, 1002)
    pages["Talk:Enter the Dragon"] = (pages["Enter the Dragon"][0], 1003)
    return FakeWikipedia(
        pages=pages,
        redirects={"Batman 1989": "Batman (1989 film)", "Bruce Lee's Enter the Dragon": "Enter the Dragon"},
        disambiguations={"Batman"},
        namespaces={"Talk:Enter the Dragon": 1},
    )


def _handler(wiki: FakeWikipedia) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            with wiki._lock:
                wiki.requests.append((params, dict(self.headers.items())))
                wiki.in_flight += 1
                wiki.most_in_flight = max(wiki.most_in_flight, wiki.in_flight)
                failure = wiki.failures.pop(0) if wiki.failures else None
            try:
                time.sleep(wiki.delay)
                if parts.path != "/w/api.php":
                    answer: tuple[int, object, str | None] = (404, {"error": "not found"}, None)
                elif failure and failure.maxlag:
                    body = {"error": {"code": "maxlag", "info": "Waiting for a database server: 7 seconds lagged."}}
                    answer = (200, body, failure.retry_after)
                elif failure:
                    answer = (failure.status, {"error": {"code": "busy"}}, failure.retry_after)
                else:
                    answer = (200, wiki.answer(params), None)
            finally:
                # done before the answer is written: once it is, the client may send its next request at once
                with wiki._lock:
                    wiki.in_flight -= 1
            self._send(*answer)

        def _send(self, status: int, body: object, retry_after: str | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            if retry_after is not None:
                self.send_header("Retry-After", retry_after)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(wiki: FakeWikipedia) -> Iterator[FakeWikipedia]:
    """Run the fake on 127.0.0.1 (a free port) while the block runs; ``wiki.api_url`` is its api.php."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(wiki))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    wiki.api_url = f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    try:
        yield wiki
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
