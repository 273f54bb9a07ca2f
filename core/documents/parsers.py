"""The document kinds the library reads, and how the right parser is picked.

Each parser module has ``KIND``, ``detect(text) -> float`` (0 = not mine, 1 = surely mine) and
``parse(text, document_id, name) -> ParsedDocument``. The highest confident score wins.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

from core.documents.nesting import check_nesting
from core.documents.not_films import refuse_redirect
from core.library.model import ParsedDocument

MIN_CONFIDENCE = 0.3


@cache
def parsers() -> tuple[ModuleType, ...]:
    """The parser modules, in order of preference; imported at the first parse.

    The wikitext parser brings mwparserfromhell (and its C tokenizer): only reading documents needs it, so
    a process that imports the ingest code for its reports or types (a lookup, a chat bot) never loads it.
    """
    from core.documents import credits, flattened, wikitext

    return (wikitext, flattened, credits)


class UnknownFormat(ValueError):
    """No parser recognised the document."""


def parse_document(text: str, document_id: str, name: str) -> ParsedDocument:
    """Parse clean text with the parser that recognises it best.

    Args:
        text: clean text (see ``core.documents.cleaning``).
        document_id: stable id of the document (a content-independent name, e.g. the file name).
        name: what to call the document in reports and citations when it has no title of its own.

    Returns:
        The parsed document, with what could not be read listed in ``problems``.

    Raises:
        UnknownFormat: no parser recognised the text.
        NotAFilmArticle: a redirect, or a page about something else than one film.
        TooDeeplyNested: the markup nests past what any article does (it would hold a parser for minutes).
    """
    check_nesting(text)
    refuse_redirect(text)
    scored = sorted(((p.detect(text), i, p) for i, p in enumerate(parsers())), key=lambda s: (-s[0], s[1]))
    score, _, parser = scored[0]
    if score < MIN_CONFIDENCE:
        raise UnknownFormat("unknown format: not wikitext, a flattened Wikipedia dump or an end-credits page")
    result: ParsedDocument = parser.parse(text, document_id, name)
    return result
