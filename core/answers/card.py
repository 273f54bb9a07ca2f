"""The fact card: a film's facts, each value with its sources, disagreements side by side."""

from __future__ import annotations

from core.library.model import (
    CastValue,
    Fact,
    FactValue,
    FieldName,
    Film,
    MoneyScope,
    MoneyValue,
    PersonValue,
    normalize,
)
from core.library.reconcile import FactGroup, view_field
from core.responses import CardPart, CardRow, CardValue

CARD_FIELDS: list[tuple[FieldName, str]] = [
    (FieldName.RELEASED, "Released"),
    (FieldName.DIRECTOR, "Directed by"),
    (FieldName.WRITER, "Written by"),
    (FieldName.STARRING, "Starring"),
    (FieldName.RUNTIME, "Runtime"),
    (FieldName.COUNTRY, "Country"),
    (FieldName.LANGUAGE, "Language"),
    (FieldName.BUDGET, "Budget"),
    (FieldName.GROSS, "Box office"),
    (FieldName.SCORE, "Scores"),
    (FieldName.END_CREDITS, "End-credit scenes"),
]
MAX_STARRING = 8

SCOPE_NAMES = {MoneyScope.WORLDWIDE: "worldwide", MoneyScope.US: "US", MoneyScope.BUDGET: "", MoneyScope.UNSPECIFIED: ""}


def describe_value(value: FactValue) -> str:
    """A value as the card shows it: money with its scope, approximations marked."""
    if isinstance(value, MoneyValue):
        text = value.display()
        scope = SCOPE_NAMES[value.scope]
        if value.approximate:
            text = f"about {text}"
        return f"{text} {scope}".strip()
    return value.display()


def card_value(group: FactGroup, text: str | None = None) -> CardValue:
    """A card value citing every source of a group."""
    return CardValue(text=text or describe_value(group.value), sources=[s.label for s in group.sources])


def starring_values(film: Film) -> list[CardValue]:
    """Leading actors with the characters they play (from the cast list when it names them)."""
    characters = {
        normalize(f.value.actor): f.value.character
        for f in film.facts_for(FieldName.CAST)
        if isinstance(f.value, CastValue) and f.value.character
    }
    groups = view_field(film.facts, FieldName.STARRING).groups
    if not groups:
        groups = view_field(film.facts, FieldName.CAST).groups
    values = []
    for group in groups[:MAX_STARRING]:
        value = group.value
        if isinstance(value, PersonValue):
            character = characters.get(normalize(value.name))
            text = f"{value.name} ({character})" if character else value.name
            if value.unsplit:
                text += " (names run together in the source)"
        else:
            text = describe_value(value)
        values.append(card_value(group, text))
    return values


def build_card(film: Film) -> CardPart:
    """The film's card.

    Args:
        film: a film with its facts.

    Returns:
        A card with one row per field the library holds, in a fixed order; fields with no
        facts are left out rather than shown empty.
    """
    rows: list[CardRow] = []
    for field_name, label in CARD_FIELDS:
        if field_name is FieldName.STARRING:
            values = starring_values(film)
            if values:
                rows.append(CardRow(label=label, values=values))
            continue
        view = view_field(film.facts, field_name)
        if view.groups:
            rows.append(CardRow(label=label, values=[card_value(g) for g in view.groups], conflict=view.conflict))
    return CardPart(
        title=film.title,
        subtitle=str(film.year or ""),
        rows=rows,
        sources=[s.label for s in film.sources],
    )


def facts_text(facts: list[Fact]) -> str:
    """Several facts' values joined for a sentence: ``A, B and C``."""
    names = list(dict.fromkeys(describe_value(f.value) for f in facts))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
