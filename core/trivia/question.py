"""A trivia question: what it asks, the answer with every source it rests on, and the choices a quiz offers.

Each question keeps its grounds: the facts (of this film or of another in the library) and the article
sentences its answer comes from. An answer is never written without them, and tests check every ground
against the library.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

from core.library.model import Fact, Passage


class Topic(StrEnum):
    """What a question is about; one question per topic, asked in this order of preference."""

    MAKING = "making"
    DIRECTOR = "director"
    CAST = "cast"
    MONEY = "money"
    YEAR = "year"


@dataclass(frozen=True)
class Ground:
    """One thing an answer rests on: a fact of a film, or a sentence of one of its passages."""

    film_id: int
    fact: Fact | None = None
    passage: Passage | None = None
    sentence: str = ""

    @property
    def source(self) -> str:
        """The citation of this ground: ``Wikipedia: Batman`` or ``Wikipedia: Batman, Production › Filming``."""
        if self.passage is not None:
            return f"{self.passage.source.label}, {' › '.join(self.passage.section)}"
        assert self.fact is not None
        return self.fact.source.label


@dataclass(frozen=True)
class Question:
    """One question of a film's trivia.

    ``answer`` is the short answer (``1989``, ``Beetlejuice (1988)``); ``detail`` what backs it up in words;
    ``options`` the right answer among wrong ones, in the order shown (empty: nothing to choose from).
    """

    topic: Topic
    ask: str
    answer: str
    grounds: tuple[Ground, ...]
    detail: str = ""
    options: tuple[str, ...] = ()

    @property
    def sources(self) -> list[str]:
        """Every citation the answer rests on, once each, in order."""
        return list(dict.fromkeys(g.source for g in self.grounds))

    def revealed(self) -> str:
        """The answer as a member reads it once revealed, naming its sources."""
        stop = "" if self.answer.endswith((".", "!", "?")) else "."
        detail = f" {self.detail}" if self.detail else ""
        return f"{self.answer}{stop}{detail} ({'; '.join(self.sources)})"

    @property
    def right(self) -> int:
        """The index of the right answer among ``options``."""
        return self.options.index(self.answer)

    @property
    def check(self) -> str:
        """A short hash of the question and its answer: an id made for an older question resolves to nothing."""
        text = "\n".join([self.topic, self.ask, self.answer, *self.options])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]
