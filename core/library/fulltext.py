"""Passage search in each database's own full-text index: SQLite FTS5 (bm25), PostgreSQL tsvector (ts_rank).

A question becomes an OR of its content words: a passage that holds more of them, rarer ones, ranks higher;
the film narrows the search first (an FTS5 column term, a PostgreSQL ``film_id`` condition), so a search
reads one film's rows, not the library's.
"""

from __future__ import annotations

import re

from sqlalchemy import TextClause, text

# Words a question is made of that say nothing of what is asked (PostgreSQL's english configuration drops
# these too; FTS5 has no stop list, and an OR with "the" would match every passage of the film).
_STOP_LIST = """
a about above after again against all am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not of off on once
only or other our ours out over own same she should so some such than that the their theirs them then there
these they this those through to too under until up very was we were what when where which while who whom why
will with would you your yours film movie tell
"""
STOP_WORDS = frozenset(_STOP_LIST.split())
_WORD = re.compile(r"[^\W_]+")

_SQLITE_SEARCH = text(
    "SELECT p.document_id, p.ordinal, p.section, p.text, -bm25(passages_fts, 0.0, 1.0) AS score "
    "FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
    "WHERE passages_fts MATCH :match ORDER BY bm25(passages_fts, 0.0, 1.0), p.ordinal LIMIT :limit"
)
_POSTGRESQL_SEARCH = text(
    "SELECT p.document_id, p.ordinal, p.section, p.text, ts_rank(p.tsv, q) AS score "
    "FROM passages p, to_tsquery('english', :match) q "
    "WHERE p.film_id = :film AND p.tsv @@ q ORDER BY score DESC, p.ordinal LIMIT :limit"
)


def search_words(query: str) -> list[str]:
    """The content words of a question, lower-cased, once each, in order."""
    words = (w for w in _WORD.findall(query.casefold()) if w not in STOP_WORDS)
    return list(dict.fromkeys(words))


def search_statement(dialect: str, film_id: int, words: list[str], limit: int) -> tuple[TextClause, dict[str, object]]:
    """The search of ``dialect`` for one film's passages holding any of ``words``, with its parameters."""
    if dialect == "postgresql":
        return _POSTGRESQL_SEARCH, {"match": " | ".join(words), "film": film_id, "limit": limit}
    terms = " OR ".join(f'"{w}"' for w in words)
    return _SQLITE_SEARCH, {"match": f'film_id:"{film_id}" AND text:({terms})', "limit": limit}
