"""Who wins a poll: the most approvals; a tie is broken by a draw seeded with the poll's id.

The seed makes the draw repeatable: closing the same poll again (a restart mid-close, a test) draws
the same film, and anyone can check it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """The winning position, its votes, and the positions it was drawn from when several tied."""

    position: int
    votes: int
    tied: tuple[int, ...]

    @property
    def drawn(self) -> bool:
        """True when a draw picked the winner among films with the same votes."""
        return len(self.tied) > 1


def decide(poll_id: int, votes: Sequence[tuple[int, int]]) -> Outcome:
    """Pick the winner of a poll.

    Args:
        poll_id: seeds the draw.
        votes: (position, votes) for every film of the poll, any order; at least one.

    Returns:
        The outcome.

    """
    best = max(v for _, v in votes)
    tied = tuple(sorted(p for p, v in votes if v == best))
    position = tied[0] if len(tied) == 1 else random.Random(poll_id).choice(tied)
    return Outcome(position=position, votes=best, tied=tied)
