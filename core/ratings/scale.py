"""Reading a rating as members type it: ``4``, ``3.5``, ``4½``, ``★★★½``, ``7/10`` — Letterboxd's half-star scale."""

from __future__ import annotations

import re
from fractions import Fraction

MIN_HALVES, MAX_HALVES = 1, 10
_NUMBER = re.compile(r"^(\d+(?:[.,]\d+)?)?\s*(½)?\s*(?:stars?)?$")
_OUT_OF = re.compile(r"^(\d+(?:[.,]\d+)?)\s*/\s*(5|10)$")
_STARS = re.compile(r"^(★*)\s*(½)?$")


class RatingError(ValueError):
    """Not a rating on the scale; the message says what is accepted."""


HELP = "Ratings are half stars from ½ to 5: `4`, `3.5`, `4½`, `★★★½` or `7/10`."


def parse_stars(text: str) -> int:
    """The rating as half stars (1 = ½ … 10 = 5 stars).

    Raises:
        RatingError: empty, off the scale (0, 6, 4.25) or not a rating at all.

    """
    words = text.strip().casefold()
    value = _value(words)
    if value is None:
        raise RatingError(f"“{words[:40]}” is not a rating. {HELP}")
    halves = value * 2
    if halves.denominator != 1 or not MIN_HALVES <= halves <= MAX_HALVES:
        raise RatingError(f"{format_stars_value(value)} is off the scale. {HELP}")
    return int(halves)


def _value(words: str) -> Fraction | None:
    if match := _OUT_OF.match(words):
        return Fraction(match.group(1).replace(",", ".")) * 5 / int(match.group(2))
    if (match := _STARS.match(words)) and words:
        return Fraction(len(match.group(1))) + (Fraction(1, 2) if match.group(2) else 0)
    if (match := _NUMBER.match(words)) and (match.group(1) or match.group(2)):
        whole = Fraction(match.group(1).replace(",", ".")) if match.group(1) else Fraction(0)
        return whole + (Fraction(1, 2) if match.group(2) else 0)
    return None


def format_stars_value(value: Fraction | float) -> str:
    """``3.5`` as members read a number of stars (no trailing ``.0``)."""
    number = float(value)
    return f"{number:g}"


def stars(halves: int) -> str:
    """Half stars drawn as ``★★★½``."""
    return "★" * (halves // 2) + ("½" if halves % 2 else "")
