"""The film a question means by the characters it names, when it names no title and the channel talked of none.

"How does Ali lose Zahra's shoes" names Children of Heaven's characters, not its title. The question's
name-like words are looked up among the characters of every cast list (a scan of the cast rows: only for
questions that would otherwise get "which film?"), and the film whose cast or plot names the most of them
is meant; films tied on that are offered to pick from, never guessed between.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from core.answers.passages import ASKING_WORDS
from core.answers.phrasing import FILLER
from core.answers.plot_events import character_names
from core.library.model import Film

if TYPE_CHECKING:
    from core.library.store import FilmLibrary

MIN_NAME_LETTERS = 3
MAX_NAMES = 4  # a cast scan each: a question names its people in a few words
MAX_FILMS = 10  # films loaded to check their names; as many as a choice offers


def films_by_characters(library: FilmLibrary, words: list[str]) -> list[Film]:
    """The films a question's words name by their characters, best first: one when it is clear, the tied ones else.

    Args:
        library: the store (its cast rows are scanned for each name-like word).
        words: the question's folded words.

    Returns:
        The films naming the most of the words among their characters (cast list or plot); empty
        when no word names a character.

    """
    names = [w for w in dict.fromkeys(words) if _name_like(w)][:MAX_NAMES]
    hits: Counter[int] = Counter()
    for name in names:
        hits.update(library.films_with_character(name))
    checked: list[tuple[int, Film]] = []
    for film_id, _ in hits.most_common(MAX_FILMS):
        film = library.get_film(film_id)
        if film is not None:
            held = character_names(film)
            checked.append((sum(name in held for name in names), film))
    best = max((count for count, _ in checked), default=0)
    return [film for count, film in checked if count == best] if best else []


def _name_like(word: str) -> bool:
    return word.isalpha() and len(word) >= MIN_NAME_LETTERS and word not in FILLER and word not in ASKING_WORDS
