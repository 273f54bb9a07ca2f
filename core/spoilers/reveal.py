"""Reveal ids: how a platform shows one hidden plot beat, later, to one member.

A reveal id is a short stable string, ``plot:<film id>:<document>:<beat>:<check>`` (e.g.
``plot:3:5f1c0a9e:7:b41d2e``): the film, a hash of the plot's source document, the beat's number, and a
hash of the beat's text. It fits a Slack button value (2,000 characters) and a Discord custom id (100).
The check makes an id from an older telling of the plot (the document was re-ingested and its beats moved)
resolve to nothing rather than to a different part of the story than the label promised.
"""

from __future__ import annotations

import hashlib
import logging
import re
from typing import TYPE_CHECKING

from core.library.model import Film, Plot, PlotBeat
from core.responses import SpoilerPart
from core.spoilers.labels import beat_labels

if TYPE_CHECKING:
    from core.app import FilmClub

log = logging.getLogger(__name__)

PREFIX = "plot"
# Discord's custom ids hold 100 characters (Slack's button values 2,000): an id never comes close.
MAX_REVEAL_ID = 100
_REVEAL_ID = re.compile(
    rf"{PREFIX}:(?P<film>[1-9][0-9]{{0,9}}):(?P<doc>[0-9a-f]{{8}}):(?P<beat>[1-9][0-9]{{0,4}}):(?P<check>[0-9a-f]{{6}})"
)
# Film ids are 32-bit integers in PostgreSQL: a larger number in a forged id must not reach the query.
_MAX_FILM_ID = 2**31 - 1


def document_key(document_id: str) -> str:
    """A short stable hash of a source document's id (ids are paths or URLs: long, and not for buttons)."""
    return hashlib.sha256(document_id.encode("utf-8")).hexdigest()[:8]


def _check(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def reveal_id(film: Film, plot: Plot, beat: PlotBeat) -> str:
    """The reveal id of one beat of one film's plot.

    Args:
        film: the film (its library id goes into the reveal id).
        plot: the plot the beat belongs to (one source's telling).
        beat: the beat to reveal.

    Returns:
        A string such as ``plot:3:5f1c0a9e:7:b41d2e``.
    """
    return f"{PREFIX}:{film.id}:{document_key(plot.source.document_id)}:{beat.index}:{_check(beat.text)}"


def reveal_label(film: Film, label: str) -> str:
    """The label of a part revealed on its own: it names the film, since it is read away from the plot."""
    return f"{film.title}, {label}"


def resolve_reveal(club: FilmClub, reveal_id: object) -> SpoilerPart | None:
    """The hidden part a reveal id stands for, to show to the member who asked.

    Args:
        club: the club whose library holds the film.
        reveal_id: the id from a button or command, untrusted: anything at all.

    Returns:
        The beat (or a trivia answer, see `core.trivia.reveal`) as a `SpoilerPart` whose label names the film,
        or None when the id is not a reveal id, names no film or beat, or was made from a telling of the plot
        (or a question) that has since changed.
    """
    if not isinstance(reveal_id, str) or len(reveal_id) > MAX_REVEAL_ID:
        return None
    from core.trivia.reveal import is_trivia_id, revealed_answer  # trivia's questions import this module

    if is_trivia_id(reveal_id):
        return revealed_answer(club.library, reveal_id)
    match = _REVEAL_ID.fullmatch(reveal_id)
    if match is None:
        log.debug("not a reveal id (%d characters)", len(reveal_id))
        return None
    film_id = int(match["film"])
    film = club.library.get_film(film_id) if film_id <= _MAX_FILM_ID else None
    if film is None:
        return None
    index = int(match["beat"])
    for plot in film.plots:
        if document_key(plot.source.document_id) != match["doc"]:
            continue
        for beat, label in zip(plot.beats, beat_labels(plot), strict=True):
            if beat.index == index and _check(beat.text) == match["check"]:
                return SpoilerPart(label=reveal_label(film, label), text=beat.text, reveal_id=reveal_id)
        log.info("reveal id %s is for an older telling of the plot of film %d", reveal_id, film.id)
    return None
