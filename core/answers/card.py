"""The fact card: a film's facts, each value with its sources, disagreements side by side."""

from __future__ import annotations

from core.answers.cite import describe_value, labels, source_rank
from core.answers.phrasing import fold
from core.library.model import CastValue, Fact, FieldName, Film, PersonValue
from core.library.reconcile import FactGroup, FieldView, group_facts, view_field
from core.responses import CardPart, CardRow, CardValue

CARD_FIELDS: list[tuple[FieldName, str]] = [
    (FieldName.RELEASED, "Released"),
    (FieldName.DIRECTOR, "Directed by"),
    (FieldName.WRITER, "Written by"),
    (FieldName.STARRING, "Starring"),
    (FieldName.MUSIC, "Music by"),
    (FieldName.RUNTIME, "Runtime"),
    (FieldName.COUNTRY, "Country"),
    (FieldName.LANGUAGE, "Language"),
    (FieldName.BUDGET, "Budget"),
    (FieldName.GROSS, "Box office"),
    (FieldName.SCORE, "Scores"),
    (FieldName.END_CREDITS, "End-credit scenes"),
]
MAX_STARRING = 8


def card_value(group: FactGroup, text: str | None = None) -> CardValue:
    """Make a card value citing every source of a group."""
    return CardValue(text=text or describe_value(group.value), sources=labels(group.sources))


def characters_by_actor(film: Film) -> dict[str, str]:
    """Folded actor name → the character the cast list gives them (first one named)."""
    found: dict[str, str] = {}
    for fact in film.facts_for(FieldName.CAST):
        if isinstance(fact.value, CastValue) and fact.value.character:
            found.setdefault(fold(fact.value.actor), fact.value.character)
    return found


def starring_values(film: Film, limit: int = MAX_STARRING) -> list[CardValue]:
    """Leading actors with the characters they play (from the cast list when it names them).

    Args:
        film: the film.
        limit: how many actors at most.

    Returns:
        ``Name (Character)`` values with their sources: the infobox's leads, or the cast list's
        first names when there is no list of leads.

    """
    characters = characters_by_actor(film)
    groups = view_field(film.facts, FieldName.STARRING).groups or view_field(film.facts, FieldName.CAST).groups
    values = []
    for group in groups[:limit]:
        value = group.value
        if isinstance(value, PersonValue):
            character = characters.get(fold(value.name))
            text = f"{value.name} ({character})" if character else value.name
            if value.unsplit:
                text += " (names run together in the source)"
        elif isinstance(value, CastValue):
            text = f"{value.actor} ({value.character})" if value.character else value.actor
        else:
            text = describe_value(value)
        values.append(card_value(group, text))
    return values


def build_card(film: Film) -> CardPart:
    """Build the film's card.

    Args:
        film: a film with its facts.

    Returns:
        A card with one row per field the library holds, in a fixed order; fields with no
        facts are left out rather than shown empty; rows whose sources disagree are flagged.

    """
    rows: list[CardRow] = []
    by_field: dict[FieldName, list[Fact]] = {}
    for fact in film.facts:  # one pass over the facts, not one per row
        by_field.setdefault(fact.field, []).append(fact)
    for field_name, label in CARD_FIELDS:
        if field_name is FieldName.STARRING:
            values = starring_values(film)
            if values:
                rows.append(CardRow(label=label, values=values))
            continue
        view = FieldView(field_name, group_facts(by_field.get(field_name, [])))
        if view.groups:
            values = sorted((card_value(g) for g in view.groups), key=lambda v: source_rank(v.sources))
            rows.append(CardRow(label=label, values=values, conflict=view.conflict))
    return CardPart(
        title=film.title,
        subtitle=str(film.year or ""),
        rows=rows,
        sources=film_sources(film),
    )


def film_sources(film: Film) -> list[str]:
    """Labels of every document about the film (``Film.sources`` copies a model per fact; labels need none)."""
    return labels([*(f.source for f in film.facts), *(p.source for p in film.plots)])
