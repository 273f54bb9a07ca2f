"""The command surface: `build_registry` gathers every feature's commands into one registry."""

from __future__ import annotations

from core.commands.registry import Registry


def build_registry() -> Registry:
    """Every command of the bot, in a fixed order (adapters' command lists follow it).

    Each feature package owns its commands in a ``commands`` module with ``register(registry)``;
    they are imported here, not at module level, because they import the club that imports us.
    """
    from core.answers import commands as answers
    from core.calendar import commands as calendar
    from core.clubs import commands as clubs
    from core.history import commands as history
    from core.ingest import commands as library
    from core.nights import commands as nights
    from core.parties import commands as parties
    from core.polls import commands as polls
    from core.ratings import commands as ratings
    from core.review import commands as review
    from core.spoilers import commands as spoilers
    from core.trivia import commands as trivia
    from core.watchlist import commands as watchlist

    registry = Registry()
    for feature in (
        answers,
        ratings,
        spoilers,
        trivia,
        library,
        parties,
        polls,
        clubs,
        watchlist,
        nights,
        history,
        review,
        calendar,
    ):
        feature.register(registry)
    return registry
