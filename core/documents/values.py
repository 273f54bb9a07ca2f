"""Reading normalized values (money, running times, years) out of free text.

Shared by every parser: the same "$35 million" must mean the same thing whichever document said it.
Each reader returns None when it cannot read the text, never a guess.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from core.library.model import MoneyScope, MoneyValue, RuntimeValue, format_money

_CURRENCY_PREFIXES: list[tuple[str, str]] = [
    ("US$", "USD"),
    ("USD", "USD"),
    ("U.S.$", "USD"),
    ("A$", "AUD"),
    ("CA$", "CAD"),
    ("HK$", "HKD"),
    ("$", "USD"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("¥", "JPY"),
    ("JP¥", "JPY"),
    ("₹", "INR"),
    ("INR", "INR"),
    ("₱", "PHP"),
    ("PHP", "PHP"),
    ("Php", "PHP"),
    ("PKR", "PKR"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
]

_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
}

_PREFIX_ALTERNATION = "|".join(re.escape(p) for p, _ in sorted(_CURRENCY_PREFIXES, key=lambda x: -len(x[0])))
_MONEY = re.compile(
    rf"(?P<approx>(?:~|about|approx(?:imately)?\.?|est(?:imated)?\.?|over|more than|around)\s*)?"
    rf"(?<![A-Za-z])(?P<cur>{_PREFIX_ALTERNATION})\s?"
    r"(?P<num>\d[\d,]*(?:\.\d+)?)"
    rf"(?:\s*(?:[-–—]|to)\s*(?:{_PREFIX_ALTERNATION})?\s?(?P<upper>\d[\d,]*(?:\.\d+)?))?"
    r"\s*(?P<mult>thousand|million|billion|lakhs?|crores?|mn|bn|cr|[kKmMbB])?\b",
    re.IGNORECASE,
)
# A sum whose currency is a word after it: "50 million yen", "₱" written out as "pesos", "5 crore rupees".
_CURRENCY_WORDS: list[tuple[str, str]] = [
    (r"(?:Japanese\s+)?yen", "JPY"),
    (r"(?:pounds?\s+sterling|pounds?|quid)", "GBP"),
    (r"euros?", "EUR"),
    (r"(?:Philippine\s+)?pesos?", "PHP"),
    (r"Pakistani\s+rupees?", "PKR"),
    (r"(?:Indian\s+)?rupees?", "INR"),
    (r"(?:US\s+|American\s+)?dollars?", "USD"),
]
_MONEY_WORDS = re.compile(
    r"(?<![\w.,])(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s*(?:[-–—]|to)\s*(?P<upper>\d[\d,]*(?:\.\d+)?))?"
    r"\s*(?P<mult>thousand|million|billion|lakhs?|crores?)?\s+"
    rf"(?P<word>{'|'.join(f'(?:{w})' for w, _ in _CURRENCY_WORDS)})\b",
    re.IGNORECASE,
)
_CURRENCY_OF = {p.casefold(): c for p, c in _CURRENCY_PREFIXES}
_UNITS = {"million": "million", "mn": "million", "m": "million", "billion": "billion", "bn": "billion", "b": "billion"}
_UNITS |= {"lakh": "lakh", "lakhs": "lakh", "crore": "crore", "crores": "crore", "cr": "crore"}


def read_money(text: str, scope: MoneyScope = MoneyScope.UNSPECIFIED) -> MoneyValue | None:
    """The first sum of money in ``text`` (``US$180,000``, ``$382K``, ``₹130 crore``, ``¥0.8 billion``)."""
    values = read_all_money(text, scope)
    return values[0] if values else None


def read_all_money(text: str, scope: MoneyScope = MoneyScope.UNSPECIFIED) -> list[MoneyValue]:
    """Every sum of money in ``text``, in order."""
    return [value for _, _, value in iter_money(text, scope)]


def iter_money(text: str, scope: MoneyScope = MoneyScope.UNSPECIFIED) -> list[tuple[int, int, MoneyValue]]:
    """Find every sum of money in ``text`` with where it stands: ``(start, end, value)``, in order.

    Args:
        text: free text.
        scope: the scope given to every value found.

    Returns:
        Spans let a caller read the words around each sum (what it measures, its scope).

    """
    found: list[tuple[int, int, MoneyValue]] = []
    for match in _MONEY.finditer(text):
        currency = _CURRENCY_OF.get(match["cur"].casefold(), "USD")
        if value := _value(match, currency, scope, bool(match["approx"])):
            found.append((match.start(), match.end(), value))
    for match in _MONEY_WORDS.finditer(text):
        if any(start <= match.start() < end for start, end, _ in found):
            continue
        currency = next(c for w, c in _CURRENCY_WORDS if re.fullmatch(w, match["word"], re.IGNORECASE))
        if value := _value(match, currency, scope, False):
            found.append((match.start(), match.end(), value))
    return sorted(found, key=lambda span: span[0])


def _value(match: re.Match[str], currency: str, scope: MoneyScope, approximate: bool) -> MoneyValue | None:
    """The sum a match reads, a range's top included (``30–40 million``: both ends in millions)."""
    try:
        amount = float(match["num"].replace(",", ""))
        upper = float(match["upper"].replace(",", "")) if match["upper"] else None
    except ValueError:
        return None
    mult = (match["mult"] or "").casefold()
    size = _MULTIPLIERS.get(mult, 1.0)
    if upper is not None and upper <= amount:
        upper = None  # "2019–2020", "1–1": not a range of money
    total, top, unit = round(amount * size, 2), round(upper * size, 2) if upper is not None else None, _UNITS.get(mult)
    if (
        top is None
        and unit
        and (currency == "USD" or format_money(total, currency, unit=unit) == format_money(total, currency))
    ):
        unit = None  # dollars read as they always have; other sums keep the article's unit when it would be lost
    return MoneyValue(
        amount=total,
        currency=currency,
        scope=scope,
        approximate=approximate or mult in {"k", "m", "b", "mn", "bn"},
        upper=top,
        unit=unit,
    )


_RUNTIME = re.compile(
    r"(?:(?P<h>\d+)\s*(?:h|hr|hrs|hours?)\.?\s*)?(?P<m>\d+)\s*(?:min|mins|minutes?|m)\b\.?",
    re.IGNORECASE,
)
_HOURS_ONLY = re.compile(r"(?P<h>\d+)\s*(?:h|hr|hrs|hours?)\b", re.IGNORECASE)


def read_runtime(text: str) -> RuntimeValue | None:
    """A running time: ``89 minutes``, ``Runtime: 89 min``, ``2h 6m``, ``1 hour 30 minutes``."""
    match = _RUNTIME.search(text)
    if match:
        minutes = int(match["m"]) + 60 * int(match["h"] or 0)
    else:
        hours = _HOURS_ONLY.search(text)
        if not hours:
            return None
        minutes = 60 * int(hours["h"])
    return RuntimeValue(minutes=minutes) if 1 <= minutes <= 1000 else None


_YEAR = re.compile(r"\b(18[89]\d|19\d\d|20\d\d)\b")


def read_year(text: str) -> int | None:
    """The first plausible film year (1880–2099) in ``text``."""
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


def month_number(name: str) -> int | None:
    """``February`` or ``feb`` → 2."""
    return _MONTHS.get(name.casefold().rstrip("."))


class PartialDate(NamedTuple):
    """A date as precise as the text gives it: a year, maybe a month, maybe a day."""

    year: int
    month: int | None = None
    day: int | None = None


_MONTH_NAMES = "|".join(sorted((name.capitalize() for name in _MONTHS), key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_NAMES})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    rf"|(?P<m4>{_MONTH_NAMES})\.?,?\s+(?P<y4>\d{{4}})"
    r"|(?P<y5>18[89]\d|19\d\d|20\d\d))\b"
)


def iter_dates(text: str) -> list[tuple[int, int, PartialDate]]:
    """Find every date in ``text`` with its span: ``January 22, 1999``, ``22 Jan 1999``, ``February 1997``, ``1997``.

    Month names must be capitalized (so the verb "may" is not May). Impossible dates are skipped.

    Args:
        text: free text.

    Returns:
        ``(start, end, date)`` in order; each date as precise as the text.

    """
    found: list[tuple[int, int, PartialDate]] = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        for n in "12345":
            if groups[f"y{n}"]:
                year, month_text, day_text = groups[f"y{n}"], groups.get(f"m{n}"), groups.get(f"d{n}")
                break
        month = (int(month_text) if month_text.isdigit() else month_number(month_text)) if month_text else None
        day = int(day_text) if day_text else None
        if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
            continue
        found.append((match.start(), match.end(), PartialDate(int(year), month, day)))
    return found


def read_date(text: str) -> PartialDate | None:
    """Return the first date in ``text`` (see ``iter_dates``), or None."""
    dates = iter_dates(text)
    return dates[0][2] if dates else None
