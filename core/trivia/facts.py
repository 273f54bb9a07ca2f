"""Questions from the infobox's facts: the year the film came out, and what it took against what it cost.

A question is asked only when every source the library holds agrees on its answer: two sources giving
grosses on either side of a threshold make no question, since either answer could be wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.answers.cite import describe_value
from core.library.model import Fact, FieldName, Film, MoneyScope, MoneyValue, ReleaseValue
from core.library.reconcile import view_field
from core.trivia.choices import arrange
from core.trivia.question import Ground, Question, Topic

# What a film took against what it cost: (the ratio it stays below, the option's words).
OUTCOMES = (
    (1.0, "Less than it cost"),
    (2.0, "Its cost back, up to twice over"),
    (5.0, "Two to five times its cost"),
    (float("inf"), "More than five times its cost"),
)
# Grosses that measure the whole run (a US-only gross says nothing of the rest of the world).
WHOLE_RUN = frozenset({MoneyScope.WORLDWIDE, MoneyScope.UNSPECIFIED})


def year_question(film: Film, other_years: Sequence[int]) -> Question | None:
    """In what year the film first came out, from the earliest release a source gives.

    Args:
        film: the film.
        other_years: years of other films in the library, nearest first: the wrong answers.

    Returns:
        The question, or None when no source gives a release.
    """
    releases = [f for f in film.facts_for(FieldName.RELEASED, FieldName.YEAR) if isinstance(f.value, ReleaseValue)]
    if not releases:
        return None
    first = min(r.value.year for r in releases if isinstance(r.value, ReleaseValue))
    grounds = tuple(Ground(film.id, r) for r in releases if isinstance(r.value, ReleaseValue) and r.value.year == first)
    events = [g.fact.value.display() for g in grounds if g.fact is not None and g.fact.value.display() != str(first)]
    ask = f"In what year did {film.title} first come out?"
    wrong = [str(y) for y in other_years if y != first] + [str(first + d) for d in (-1, 1, -2, 2, -3)]
    return Question(
        Topic.YEAR,
        ask,
        str(first),
        grounds,
        detail=f"First shown: {events[0]}." if events else "",
        options=arrange(str(first), wrong, ask),
    )


def money_question(film: Film) -> Question | None:
    """How the box office compares with the budget, asked only when every budget and whole-run gross agree.

    Args:
        film: the film.

    Returns:
        The question (the choices are the four outcomes), or None without a budget and a whole-run gross
        in the same currency, or when sources put it in different outcomes.
    """
    budgets = _money(film, FieldName.BUDGET, None)
    if not budgets:
        return None
    currency = budgets[0][0].currency
    budgets = [(v, fs) for v, fs in budgets if v.currency == currency]
    grosses = _money(film, FieldName.GROSS, currency)
    if not grosses:
        return None
    ratios = [g / b for gv, _ in grosses for bv, _ in budgets for g in _ends(gv) for b in _ends(bv) if b > 0]
    outcomes = {_outcome(r) for r in ratios}
    if len(outcomes) != 1:
        return None
    answer = outcomes.pop()
    cost, took = budgets[0][0], grosses[0][0]
    ask = f"{film.title} cost {describe_value(cost)} to make. What did it take at the box office?"
    times = took.amount / cost.amount
    share = f"about {times:.0f} times its budget" if times >= 2 else f"about {times:.0%} of its budget"
    grounds = tuple(Ground(film.id, f) for _, fs in [budgets[0], grosses[0]] for f in fs)
    return Question(
        Topic.MONEY,
        ask,
        answer,
        grounds,
        detail=f"It took {describe_value(took)}, {share}.",
        options=tuple(words for _, words in OUTCOMES),
    )


def _money(film: Film, field_name: FieldName, currency: str | None) -> list[tuple[MoneyValue, list[Fact]]]:
    """The sums of one field with their facts, most-sourced first; grosses only for the whole run."""
    found = []
    for group in view_field(film.facts, field_name).groups:
        value = group.value
        if not isinstance(value, MoneyValue) or (currency is not None and value.currency != currency):
            continue
        if field_name is FieldName.GROSS and value.scope not in WHOLE_RUN:
            continue
        found.append((value, group.facts))
    return sorted(found, key=lambda item: -len(item[1]))


def _ends(value: MoneyValue) -> tuple[float, ...]:
    """Both ends of a range, or the one sum."""
    return (value.amount, value.upper) if value.upper is not None else (value.amount,)


def _outcome(ratio: float) -> str:
    return next(words for below, words in OUTCOMES if ratio < below)
