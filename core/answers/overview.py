"""What a film is about and what kind of film it is, from the article's lead and its plot's set-up.

The lead's opening says what the work is (a film, or a franchise whose page carries an ``Infobox film``:
the answer then says so in the article's own words); it often says little of the story, so the opening
sentences of the plot's set-up follow it, which ``/film plot`` shows openly too. The kind of film is the
lead's defining sentence ("is a 2010 American romantic comedy film") when no infobox field gives a genre.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.answers.passages import citation
from core.documents.beats import split_sentences
from core.documents.passages import MAX_PASSAGE_CHARS
from core.library.model import FieldName, Film, Passage
from core.responses import Response, TextPart
from core.spoilers.plot import tellings

if TYPE_CHECKING:
    from core.library.store import FilmLibrary

LEAD = ("Lead",)
# A long paragraph is stored as several passages: the next one continues the opening when the last one was cut
# there (it could not take the next sentence), up to this many characters.
OPENING_CHARS = 600
CUT_RUN_CHARS = 200  # a run cut from a longer paragraph is nearly full (see core.documents.passages)
SETUP_SENTENCES = 2
_DEFINES = re.compile(
    r"\b(?:is|was|are|were)\s+(?:an?|the)\s+(?:[^.;]{0,160}?\s)?"
    r"(?:film|movie|documentary|picture|short|feature|franchise|musical|anime)\b",
    re.IGNORECASE,
)


def lead_opening(passages: list[Passage]) -> list[Passage]:
    """The lead's first paragraph: its first passage and those a long paragraph was cut into after it."""
    opening: list[Passage] = []
    for passage in (p for p in passages if p.section == LEAD):
        if opening and not _continues(opening, passage):
            break
        opening.append(passage)
    return opening


def _continues(opening: list[Passage], passage: Passage) -> bool:
    """Whether a passage may be the rest of the paragraph the opening's last passage was cut from."""
    last = opening[-1].text
    first_sentence = (split_sentences(passage.text) or [passage.text])[0]
    cut_here = len(last) >= CUT_RUN_CHARS and len(last) + 1 + len(first_sentence) > MAX_PASSAGE_CHARS
    return cut_here and sum(len(p.text) for p in opening) < OPENING_CHARS


def about(library: FilmLibrary, film: Film, plain: bool) -> Response | None:
    """What the film is about: the lead's opening, then the first sentences of the plot's set-up (never a spoiler).

    Args:
        library: the store.
        film: the film.
        plain: unused (nothing here is a spoiler); the signature of every article answer.

    Returns:
        The opening cited as the lead, the set-up cited as part 1 of the plot; None when the article has neither.

    """
    opening = lead_opening(library.passages(film.id))
    parts = [TextPart(text=f"{' '.join(p.text for p in opening)} ({citation(opening[0])})")] if opening else []
    plots = tellings(film)
    if plots:
        plot = plots[0]
        setup = " ".join((split_sentences(plot.beats[0].text) or [plot.beats[0].text])[:SETUP_SENTENCES])
        parts.append(TextPart(text=f"{setup} ({plot.source.label}, part 1 of {len(plot.beats)}, the set-up)"))
    return Response(parts=list(parts)) if parts else None


def genre(library: FilmLibrary, film: Film, plain: bool) -> Response | None:
    """What kind of film it is, when no field says: the lead's sentence defining it ("is a 1997 Iranian drama film").

    Returns:
        None when a genre field is held (the field answers) or the lead defines nothing.

    """
    if film.facts_for(FieldName.GENRE):
        return None
    for passage in lead_opening(library.passages(film.id)):
        for sentence in split_sentences(passage.text) or [passage.text]:
            if _DEFINES.search(sentence):
                return Response(parts=[TextPart(text=f"{sentence} ({citation(passage)})")])
    return None
