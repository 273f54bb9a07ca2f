"""Reading facts that articles state in sentences: release events, box office, comparisons, awards.

Each reader looks at one sentence and returns what the sentence clearly states, or nothing. A sum of
money whose meaning the sentence does not give is not read (a parser never invents).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.documents.names import NAME_PARTICLES
from core.documents.values import iter_dates, iter_money, month_number
from core.library.model import FieldName, MoneyScope, MoneyValue, ReleaseKind, ReleaseValue

_PLACE_NAMES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
}

_RELEASE_VERB = re.compile(
    r"(?<![\w-])(?P<verb>premiered|premièred|debuted|(?:was |were )?(?:theatrically |originally |first |officially )?"
    r"released|opened)\b",
    re.IGNORECASE,
)
# Release sentences about something other than the film itself.
_NOT_THE_FILM = re.compile(
    r"\b(?:soundtrack|album|dvd|blu-ray|vhs|home video|trailer|poster|novel|book|remake|sequel|game|single)\b",
    re.IGNORECASE,
)
# Where one statement of a sentence ends and the next begins ("..., and earned", "... and was awarded").
_CLAUSE_END = re.compile(
    r";|,\s+(?:and|but|which|while|where)\s|\s+and\s+(?=(?:was|were|is|has|had|became|won|earned|grossed)\b)"
)
_CONNECTOR = r"(?:of|de|the|and|for|du|la|le)"
_CAP_WORD = r"[A-Z][\w'’&.-]*"
_PLACE = re.compile(rf"\b(?:in|at)\s+(?:the\s+)?(?P<place>{_CAP_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_CAP_WORD})*)")


def _clause(sentence: str, start: int) -> str:
    end = _CLAUSE_END.search(sentence, start)
    return sentence[start : end.start() if end else len(sentence)]


def normalize_place(place: str) -> str:
    """Spell out short country names: ``US`` → ``United States``; other places stay as written."""
    cleaned = place.strip().rstrip(",")
    return _PLACE_NAMES.get(cleaned.casefold(), cleaned)


def read_release_events(sentence: str) -> list[ReleaseValue]:
    """Release events a sentence states: ``premiered in February 1997 at the Fajr Film Festival``.

    Args:
        sentence: one sentence of prose (its subject may be cut off).

    Returns:
        One value per premiere/release verb followed, in the same clause, by a date with a year;
        the place is the first ``in``/``at`` place of that clause that is not a month.

    """
    events: list[ReleaseValue] = []
    for verb in _RELEASE_VERB.finditer(sentence):
        if _NOT_THE_FILM.search(sentence[: verb.start()]):
            continue
        clause = _clause(sentence, verb.end())
        dates = iter_dates(clause)
        if not dates:
            continue
        when = dates[0][2]
        place = None
        for match in _PLACE.finditer(clause):
            candidate = match["place"]
            if month_number(candidate.split()[0]) is None:
                place = normalize_place(candidate)
                break
        kind = (
            ReleaseKind.PREMIERE
            if verb["verb"].lower() in {"premiered", "premièred", "debuted"}
            else ReleaseKind.RELEASE
        )
        events.append(ReleaseValue(year=when.year, month=when.month, day=when.day, place=place, kind=kind))
    return events


_BUDGET_WORDS = re.compile(r"\bbudget|\bproduction costs?\b|\bcosts?\b|\bto (?:make|produce)\b", re.IGNORECASE)
_GROSS_WORDS = re.compile(
    r"box[- ]office|\bgross|\bearn|\btakings\b|\btook in\b|\brevenue|"
    r"\b(?:worldwide|world-wide|global|US|U\.S\.|domestic) total\b",
    re.IGNORECASE,
)
_WORLDWIDE_WORDS = re.compile(r"\b(?:worldwide|world-wide|global(?:ly)?|around the world)\b", re.IGNORECASE)
US_WORDS = re.compile(r"\b(?:US|U\.S\.|USA|United States|North America(?:n)?|domestic(?:ally)?)\b")
_APPROX_WORDS = re.compile(
    r"\b(?:estimat\w*|about|approximately|around|roughly|nearly|over|more than)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class MoneyStatement:
    """A sum of money and what the sentence says it is (budget or gross)."""

    field: FieldName
    value: MoneyValue


def _scope_word(text: str, *, last: bool) -> MoneyScope | None:
    """Return the scope named in ``text``: its last scope word (``last``) or its first."""
    hits = [(m.start(), MoneyScope.WORLDWIDE) for m in _WORLDWIDE_WORDS.finditer(text)]
    hits += [(m.start(), MoneyScope.US) for m in US_WORDS.finditer(text)]
    if not hits:
        return None
    return (max(hits) if last else min(hits))[1]


def read_money_statements(sentence: str) -> list[MoneyStatement]:
    """Find budgets and grosses a sentence states, each judged by the words of its own clause.

    Args:
        sentence: one sentence, e.g. ``It earned a US box office total of $933,933.``

    Returns:
        ``GROSS`` with scope US / WORLDWIDE / UNSPECIFIED or ``BUDGET``; sums whose clause names neither
        (or both) are left out. The scope is the nearest scope word before the sum, else the first
        after it ("grossed $7.1 million worldwide").

    """
    found: list[MoneyStatement] = []
    spans = iter_money(sentence)
    previous_end = 0
    for n, (start, end, value) in enumerate(spans):
        window = sentence[previous_end:start]
        cuts = list(_CLAUSE_END.finditer(window))
        if cuts:
            window = window[cuts[-1].end() :]
        after = sentence[end : spans[n + 1][0] if n + 1 < len(spans) else len(sentence)]
        cut = _CLAUSE_END.search(after)
        after = after[: cut.start()] if cut else after
        previous_end = end
        is_budget = bool(_BUDGET_WORDS.search(window))
        is_gross = bool(_GROSS_WORDS.search(window))
        if is_budget == is_gross:
            continue
        approximate = value.approximate or bool(_APPROX_WORDS.search(window))
        if is_budget:
            budget = value.model_copy(update={"scope": MoneyScope.BUDGET, "approximate": approximate})
            found.append(MoneyStatement(FieldName.BUDGET, budget))
            continue
        scope = _scope_word(window, last=True) or _scope_word(after, last=False) or MoneyScope.UNSPECIFIED
        gross = value.model_copy(update={"scope": scope, "approximate": approximate})
        found.append(MoneyStatement(FieldName.GROSS, gross))
    return found


_COMPARED = re.compile(r"\bcompar\w*\s+(?:it|the film|the movie)\s+(?:to|with)\s+(?P<what>[^.;:]+)", re.IGNORECASE)
_WORK_WITH_YEAR = re.compile(r"^(?P<title>.+?\(\d{4}\))")
_NOT_OWNERS = frozenset({"The", "A", "An"})


def _drop_owner(phrase: str) -> str:
    """Drop a possessive owner before a title: ``Vittorio de Sica's Bicycle Thieves`` → ``Bicycle Thieves``.

    The apostrophe may have been dropped (``de Sicas``): then the owner must be name-shaped, at least
    two words, and followed by a capitalized title.
    """
    if "'s " in phrase or "’s " in phrase:
        return re.split(r"['’]s ", phrase)[-1]
    words = phrase.split()
    if not words or words[0] in _NOT_OWNERS:
        return phrase
    for i, word in enumerate(words[:-1]):
        if not (word[:1].isupper() or word in NAME_PARTICLES):
            break
        if i >= 1 and word.endswith("s") and word[:1].isupper() and words[i + 1][:1].isupper():
            return " ".join(words[i + 1 :])
    return phrase


def read_comparisons(sentence: str) -> list[str]:
    """Works a sentence compares the film to, when given as a title with its year.

    Args:
        sentence: e.g. ``Some critics compared it to Vittorio de Sicas Bicycle Thieves (1948).``

    Returns:
        e.g. ``["Bicycle Thieves (1948)"]``; nothing when the work cannot be told apart reliably.

    """
    found: list[str] = []
    for match in _COMPARED.finditer(sentence):
        for part in re.split(r",\s+(?:and\s+)?|\s+and\s+", match["what"]):
            work = _WORK_WITH_YEAR.match(part.strip())
            if work and work["title"][:1].isupper():
                found.append(_drop_owner(work["title"]))
    return found


_AWARD_TOKEN = r"(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))"
_AWARD_NAME = rf"{_AWARD_TOKEN}(?:\s+(?:(?:for|of|the|de|and|d'|in the)\s+)*{_AWARD_TOKEN})*"
_AWARD_WORDS = re.compile(r"\b(?:Awards?|Prize|Oscars?|Palme|Globe|Bear|Lion|Medal|BAFTA|César)\b")
_AWARD = re.compile(
    rf"\b(?P<verb>nominated for|won|received|winner of|was awarded)\s+(?:the\s+|an?\s+)?(?P<award>{_AWARD_NAME})"
    r"(?:\s+in\s+(?P<year>\d{4}))?"
)
_AWARDS_AT = re.compile(r"\bwon\s+(?:several\s+|many\s+|numerous\s+)?(?:awards|prizes)\s+at\s+(?P<list>[^.;]+)")


def read_awards(sentence: str) -> list[str]:
    """Awards and nominations a sentence states, as short readable lines.

    Args:
        sentence: e.g. ``It was nominated for the Academy Award for Best Foreign Language Film in 1998.``

    Returns:
        e.g. ``["Nominated: Academy Award for Best Foreign Language Film (1998)"]``; festivals listed after
        "won awards at" become ``"Won an award at the … Festival"`` each.

    """
    found: list[str] = []
    for match in _AWARD.finditer(sentence):
        award = match["award"]
        if not _AWARD_WORDS.search(award):
            continue
        label = "Nominated" if match["verb"] == "nominated for" else "Won"
        found.append(f"{label}: {award}" + (f" ({match['year']})" if match["year"] else ""))
    for match in _AWARDS_AT.finditer(sentence):
        for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", match["list"]):
            place = item.strip()
            if re.fullmatch(rf"(?:the\s+)?{_AWARD_NAME}", place):
                found.append(f"Won an award at {place}")
    return found
