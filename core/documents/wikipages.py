"""Wiki pages as the library sees them: which wiki, which page, and whether it is a film article.

Shared by the Action API client (``/film add``) and the dump reader (``filmclub ingest dump.xml.bz2``), so a
film added by title and the same film read from a dump get the same document id (``enwiki:<title>``) and
one replaces the other instead of doubling it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

# `{{Infobox film` but not `{{Infobox film festival}}` / `{{Infobox film awards}}`: the name ends at a pipe,
# the closing braces, a comment or the line's end.
_FILM_INFOBOX = re.compile(r"\{\{\s*(?:template:)?infobox[ _]+film\s*(?:\||\}\}|<!--|\n)", re.IGNORECASE)
_DISAMBIGUATION = re.compile(
    r"\{\{\s*(?:disambiguation|disambig|dab|disamb|hndis|geodis|surname|given name|set index article)\s*(?:\||\}\})",
    re.IGNORECASE,
)
_LINK = re.compile(r"\[\[\s*([^\[\]|#\n]+?)\s*(?:#[^\[\]|\n]*)?(?:\|([^\[\]\n]*))?\]\]")
_NAMESPACED = re.compile(
    r"\s*:?\s*(?:category|file|image|media|special|template|help|portal|wikipedia|wp|wiktionary|wikt)\s*:", re.I
)
_FILM_WORD = re.compile(r"\bfilms?\b", re.IGNORECASE)
_FILM_HEADING = re.compile(r"^=+\s*(?:feature\s+)?films?\s*=+\s*$", re.IGNORECASE)
MAIN_NAMESPACE = 0


@dataclass(frozen=True)
class Wiki:
    """One wiki: the prefix of its document ids and where its articles are read.

    Attributes:
        id: the database name (``enwiki``), the prefix of document ids.
        article_path: article URL with ``$1`` for the title (``https://en.wikipedia.org/wiki/$1``).
    """

    id: str = "enwiki"
    article_path: str = "https://en.wikipedia.org/wiki/$1"

    def document_id(self, title: str) -> str:
        """The library's id of a page: ``enwiki:Batman (1989 film)``."""
        return f"{self.id}:{title}"

    def url(self, title: str, revision_id: int | None = None) -> str:
        """The page's address, pinned to the revision that was read when it is known."""
        url = self.article_path.replace("$1", quote(title.replace(" ", "_"), safe="()',:!*;@$/"))
        return f"{url}?oldid={revision_id}" if revision_id else url


ENGLISH_WIKIPEDIA = Wiki()


@dataclass(frozen=True)
class WikiPage:
    """The current revision of one page.

    Attributes:
        title: the page title with spaces (``Batman (1989 film)``).
        namespace: 0 for articles; talk, user and template pages are never films.
        revision_id: the revision read, for the citation URL.
        text: the revision's wikitext.
        redirect: the target title when the page is a redirect.
    """

    title: str
    namespace: int
    revision_id: int | None
    text: str
    redirect: str | None = None


def is_film_article(text: str) -> bool:
    """Whether wikitext has a film infobox: the cheap test run before any parsing."""
    return _FILM_INFOBOX.search(text) is not None


def is_disambiguation(text: str) -> bool:
    """Whether wikitext is a disambiguation page (``{{disambiguation}}`` and its variants)."""
    return _DISAMBIGUATION.search(text) is not None


def film_candidates(text: str) -> list[str]:
    """Titles of the films a disambiguation page lists.

    A bullet line counts when it says "film" (``* ''[[Batman (1989 film)|Batman]]'', a 1989 film``) or sits
    under a ``== Films ==`` heading; its link that says "film", else its first link.

    Args:
        text: the disambiguation page's wikitext.

    Returns:
        Link targets in page order, without duplicates.
    """
    found: list[str] = []
    film_section = False
    for line in text.splitlines():
        if line.startswith("="):
            film_section = _FILM_HEADING.match(line) is not None
            continue
        links = [(t, label) for t, label in _LINK.findall(line) if not _NAMESPACED.match(t)]
        if not links or not line.startswith(("*", "#")):
            continue
        if film_section or _FILM_WORD.search(line):
            filmish = [target for target, label in links if _FILM_WORD.search(f"{target} {label}")]
            found.append(filmish[0] if filmish else links[0][0])
    return list(dict.fromkeys(" ".join(t.replace("_", " ").split()) for t in found))
