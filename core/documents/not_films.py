"""Pages that are not one film's article, told apart by what the page says it is, never by its name.

A redirect points at another page; a page whose lead defines it as a series (``is a series of Indian horror
films``, ``is an American television series``, ``is a film trilogy``) or a list is about many works, even
when it carries an ``{{Infobox film}}`` for the whole series; a page whose only infobox is of another kind
(``Infobox television``, ``Infobox person``) and whose lead never calls it a film is about something else.
"""

from __future__ import annotations

import re


class NotAFilmArticle(ValueError):
    """A page about something else (a person, a series, a redirect): nothing of it belongs in a film library."""


_REDIRECT = re.compile(r"^\s*#\s*REDIRECT\s*:?\s*\[\[(?P<target>[^\]|\n]+)", re.IGNORECASE)
# The defining clause of a lead: "<subject> is/was a(n)/the <up to six words, none of them "film"> <many-works noun>".
# "is the second film in the 1920 film series" is a film: the words before the noun may not name a film.
_MANY_WORKS = re.compile(
    r"\b(?:is|was|are|were)\s+(?:an?|the)\s+(?:(?!(?:films?|movies?)\b)[\w'’-]+\s+){0,6}?"
    r"(?:(?:film|movie|motion picture)\s+)?(?P<noun>series|serial|trilogy|tetralogy|quadrilogy|anthology series|list)"
    r"\b(?!\s+(?:film|movie)\b)(?:\s+of\s+[^.,;()]{1,60})?",
    re.IGNORECASE,
)


def redirect_target(text: str) -> str | None:
    """The page a ``#REDIRECT [[Target]]`` page points at, or None for any other page."""
    match = _REDIRECT.match(text)
    return match["target"].strip() if match else None


def refuse_redirect(text: str) -> None:
    """Raise ``NotAFilmArticle`` naming the target when ``text`` is a redirect page."""
    target = redirect_target(text)
    if target is not None:
        raise NotAFilmArticle(f"not a film article: a redirect to {target!r} (ingest that page instead)")


def many_works_clause(first_sentence: str) -> str | None:
    """The clause by which a lead's first sentence defines its subject as a series or a list, or None."""
    match = _MANY_WORKS.search(first_sentence)
    return match.group(0) if match else None


def refuse_series(first_sentence: str) -> None:
    """Raise ``NotAFilmArticle`` quoting the clause when the lead defines the page as a series or a list."""
    clause = many_works_clause(first_sentence)
    if clause is not None:
        raise NotAFilmArticle(
            f"not a film article: its lead defines it as a series or a list, not one film ({clause!r})"
        )
