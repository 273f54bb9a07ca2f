"""Reconciliation: which documents are one film, and which of their facts agree.

Nothing is overwritten: agreeing values are grouped with all their sources, disagreeing values
are all kept and flagged. Money of different scope (US vs worldwide) is not a disagreement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from core.library.model import (
    Fact,
    FactValue,
    FieldName,
    MoneyScope,
    MoneyValue,
    ParsedDocument,
    ReleaseValue,
    Source,
    normalize,
)

# Two release years of one film rarely differ by more than this (festival premiere → wide release).
YEAR_TOLERANCE = 2


def document_years(doc: ParsedDocument) -> set[int]:
    """Every year a document ties the film to: its own year and its release events."""
    years = {f.value.year for f in doc.facts if isinstance(f.value, ReleaseValue)}
    if doc.year:
        years.add(doc.year)
    return years


def document_names(doc: ParsedDocument) -> set[str]:
    """Normalized title and aliases of a document."""
    return {k for k in (normalize(n) for n in [doc.title, *doc.aliases]) if k}


def years_match(a: set[int], b: set[int]) -> bool:
    """True when either side has no year, or some years are within the tolerance."""
    if not a or not b:
        return True
    return any(abs(x - y) <= YEAR_TOLERANCE for x in a for y in b)


@dataclass
class FactGroup:
    """One value of a field with every source that gave it."""

    value: FactValue
    facts: list[Fact] = field(default_factory=list)

    @property
    def sources(self) -> list[Source]:
        """The sources, one per document."""
        seen: dict[str, Source] = {}
        for f in self.facts:
            seen.setdefault(f.source.document_id, f.source)
        return list(seen.values())


@dataclass
class FieldView:
    """Everything the library holds for one field of one film."""

    field: FieldName
    groups: list[FactGroup]

    @property
    def conflict(self) -> bool:
        """True when sources give values that cannot all be true."""
        return has_conflict([g.value for g in self.groups], self.field)


def group_facts(facts: Iterable[Fact]) -> list[FactGroup]:
    """Merge facts with the same normalized value, keeping first-seen order."""
    groups: dict[str, FactGroup] = {}
    for fact in facts:
        groups.setdefault(fact.value.key(), FactGroup(value=fact.value)).facts.append(fact)
    return list(groups.values())


def view_field(facts: Iterable[Fact], field_name: FieldName) -> FieldView:
    """The grouped values of one field."""
    return FieldView(field=field_name, groups=group_facts(f for f in facts if f.field == field_name))


SINGLE_VALUED = frozenset({FieldName.RUNTIME, FieldName.END_CREDITS, FieldName.BUDGET, FieldName.GROSS})


def has_conflict(values: list[FactValue], field_name: FieldName) -> bool:
    """Whether values of one field disagree.

    Lists (cast, countries) never conflict: more values is more information. Money conflicts
    only between sums of compatible scope (an unspecified scope is compatible with any) that
    differ by more than rounding; a release year conflicts with release events of no such year.
    """
    if field_name in {FieldName.BUDGET, FieldName.GROSS}:
        money = [v for v in values if isinstance(v, MoneyValue)]
        return any(_money_conflict(a, b) for i, a in enumerate(money) for b in money[i + 1 :])
    if field_name is FieldName.RELEASED:
        releases = [v for v in values if isinstance(v, ReleaseValue)]
        return len({r.year for r in releases}) > 1 and any(r.kind == "year" for r in releases)
    if field_name in SINGLE_VALUED:
        return len({v.key() for v in values}) > 1
    return False


def _money_conflict(a: MoneyValue, b: MoneyValue) -> bool:
    if a.currency != b.currency:
        return False
    compatible = a.scope == b.scope or MoneyScope.UNSPECIFIED in (a.scope, b.scope)
    if not compatible:
        return False
    larger = max(a.amount, b.amount) or 1.0
    return abs(a.amount - b.amount) / larger > 0.02
