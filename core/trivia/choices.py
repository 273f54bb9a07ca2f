"""The choices of a multiple-choice question: the right answer among up to three wrong ones from the library."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

MAX_OPTIONS = 4


def arrange(answer: str, wrong: Iterable[str], seed: str) -> tuple[str, ...]:
    """Place the right answer among the wrong ones at a place fixed by ``seed``: the same question, the same order.

    Args:
        answer: the right answer.
        wrong: wrong answers, best first; repeats and any equal to the answer (case aside) are dropped.
        seed: what fixes the order (the question's text).

    Returns:
        Two to four options, or none when there is no wrong answer to offer.
    """
    taken = {answer.casefold()}
    options: list[str] = []
    for option in wrong:
        if option.casefold() not in taken and len(options) < MAX_OPTIONS - 1:
            taken.add(option.casefold())
            options.append(option)
    if not options:
        return ()
    at = int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16) % (len(options) + 1)
    options.insert(at, answer)
    return tuple(options)
