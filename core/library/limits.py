"""What one document may store, and how much of bad input a message may quote.

A hostile or broken document can hold a 20,000-character title or a 2 MB field with no spaces; stored,
it comes back in every search; quoted whole in a report, a terminal spends minutes wrapping it. So
values past a limit are left out with the reason in the report, and every message quotes at most an
excerpt: a few dozen characters, no unbroken run longer than a word can be.
"""

from __future__ import annotations

import re

from core.library.model import CastValue, Fact, ParsedDocument, PersonValue, TextValue

MAX_TITLE = 300  # the longest real film titles run to ~200 characters
MAX_NAME = 200  # a person's or a character's name
MAX_TEXT = 2_000  # a text fact (a tagline, a country list); plots and passages are read as prose, not facts
MAX_MESSAGE = 300  # one problem line of a report
EXCERPT = 60  # characters of bad input a message quotes
_LONG_RUN = re.compile(r"\S{41,}")  # longer than any word: cut, so a terminal can wrap the line cheaply


class ValueTooLong(ValueError):
    """The document's title is past its limit: nothing of it is stored."""


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """At most ``limit`` characters of ``text``, saying how long the whole was when it is cut."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text):,} characters)"


def short_message(message: str) -> str:
    """A problem or error line cut to `MAX_MESSAGE`, every run of more than 40 non-space characters cut too."""
    message = _LONG_RUN.sub(lambda m: excerpt(m.group(0), 40), message)
    return excerpt(message, MAX_MESSAGE)


def _too_long(fact: Fact) -> tuple[str, int] | None:
    """The fact's longest stored string and its limit, when it is past it."""
    value = fact.value
    if isinstance(value, TextValue) and len(value.text) > MAX_TEXT:
        return value.text, MAX_TEXT
    if isinstance(value, PersonValue) and len(value.name) > MAX_NAME:
        return value.name, MAX_NAME
    if isinstance(value, CastValue):
        longest = max((value.actor, value.character or ""), key=len)
        if len(longest) > MAX_NAME:
            return longest, MAX_NAME
    return None


def within_limits(parsed: ParsedDocument) -> ParsedDocument:
    """The document without the values past their limits, each left out with the reason in ``problems``.

    Raises:
        ValueTooLong: the title is past `MAX_TITLE` (a film cannot be filed without it).
    """
    if len(parsed.title) > MAX_TITLE:
        raise ValueTooLong(
            f"the title is {len(parsed.title):,} characters (the limit is {MAX_TITLE}): {excerpt(parsed.title)!r}"
        )
    problems = list(parsed.problems)
    aliases = []
    for alias in parsed.aliases:
        if len(alias) > MAX_TITLE:
            problems.append(f"an alias of {len(alias):,} characters (the limit is {MAX_TITLE}) not stored")
        else:
            aliases.append(alias)
    facts = []
    for fact in parsed.facts:
        if found := _too_long(fact):
            value, limit = found
            problems.append(
                f"{fact.field.value}: a value of {len(value):,} characters (the limit is {limit:,}) not stored:"
                f" {excerpt(value)!r}"
            )
        else:
            facts.append(fact)
    return parsed.model_copy(update={"aliases": aliases, "facts": facts, "problems": problems})
