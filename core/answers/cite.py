"""Values in words with their sources: ``A and B (Wikipedia: X) vs C (end-credits page: X)``.

Every answer names where each value came from; values from the same sources are cited once, and
when sources disagree each side is shown with its own sources.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from core.library.model import FactValue, MoneyScope, MoneyValue, Source
from core.library.reconcile import FactGroup

SCOPE_NAMES = {
    MoneyScope.WORLDWIDE: "worldwide",
    MoneyScope.US: "US",
    MoneyScope.BUDGET: "",
    MoneyScope.UNSPECIFIED: "",
}


def describe_value(value: FactValue) -> str:
    """Show a value as members read it: money with its scope, approximations marked.

    Args:
        value: any fact value.

    Returns:
        E.g. ``about $382,000``, ``$933,933 US``, ``89 min``, ``Bahare Seddiqi as Zahra``.

    """
    if isinstance(value, MoneyValue):
        text = value.display()
        if value.approximate:
            text = f"about {text}"
        return f"{text} {SCOPE_NAMES[value.scope]}".strip()
    return value.display()


def join_words(items: Sequence[str], last: str = "and") -> str:
    """Join words as a sentence does: ``A``, ``A and B``, ``A, B and C``."""
    if len(items) <= 2:
        return f" {last} ".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def labels(sources: Iterable[Source]) -> list[str]:
    """Source labels, once each, in order."""
    return list(dict.fromkeys(s.label for s in sources))


@dataclass(frozen=True)
class Cited:
    """One value as text, with the labels of every source that gave it (and the value, when there is one)."""

    text: str
    sources: tuple[str, ...]
    value: FactValue | None = None


def cite_groups(groups: Iterable[FactGroup], describe: Callable[[FactValue], str] = describe_value) -> list[Cited]:
    """Turn each agreeing group of facts into text with its sources."""
    return [Cited(describe(g.value), tuple(labels(g.sources)), g.value) for g in groups]


def source_rank(sources: Sequence[str]) -> int:
    """Order sides of an answer: the encyclopedia first, then other pages (stable otherwise)."""
    return 0 if any(s.startswith("Wikipedia") for s in sources) else 1


def cited_text(
    values: Sequence[Cited],
    conflict: bool = False,
    alternatives: Callable[[list[FactValue]], bool] | None = None,
) -> str:
    """Write values with their sources, grouped by source.

    Args:
        values: values in the order to show them.
        conflict: the sources disagree: their sides are joined with "vs".
        alternatives: tells whether one source's values exclude each other (two runtimes): "or", not "and".

    Returns:
        E.g. ``$1,628,579 worldwide and $933,933 US (Wikipedia: Children of Heaven) vs about $382,000
        (end-credits page: Children of Heaven)``.

    """
    by_sources: dict[tuple[str, ...], list[Cited]] = {}
    for value in values:
        same = by_sources.setdefault(value.sources, [])
        if all(v.text != value.text for v in same):
            same.append(value)
    pieces = []
    for sources, same in sorted(by_sources.items(), key=lambda item: source_rank(item[0])):
        facts = [v.value for v in same if v.value is not None]
        either = alternatives is not None and alternatives(facts)
        words = join_words([v.text for v in same], "or" if either else "and")
        pieces.append(f"{words} ({'; '.join(sources)})" if sources else words)
    return (" vs " if conflict and len(pieces) > 1 else "; ").join(pieces)
