"""Rating buttons: ½ to 5 stars, each a ``/film rate`` of the film, carried by a party's last discussion prompt."""

from __future__ import annotations

from core.library.model import Film
from core.ratings.scale import MAX_HALVES, MIN_HALVES, format_stars_value, stars
from core.responses import Action, ActionsPart


def rating_actions(film: Film) -> ActionsPart:
    """Ten buttons, ½ to ★★★★★; a press rates the film as the presser (pressing another changes it)."""
    return ActionsPart(
        title=f"Rate {film.display_title} for the club (only you see your rating):",
        actions=[
            Action.of(stars(h), "film", "rate", title=film.display_title, stars=format_stars_value(h / 2))
            for h in range(MIN_HALVES, MAX_HALVES + 1)
        ],
        typed=f"/film rate {film.display_title} <½ to 5 stars>",
    )
