"""People in a film: who plays whom, who is in it, and who a character is.

Answers come from the cast list (an actor and the character they play) and the infobox's people
fields, each cited. What the plot says about a character is a spoiler: it is only ever returned
inside a `SpoilerPart`, labelled without giving anything away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from core.answers.card import starring_values
from core.answers.cite import Cited, cited_text, join_words, labels
from core.answers.fields import CREW_NOUNS, FIELD_NOUNS, missing
from core.answers.phrasing import fold
from core.documents.beats import split_sentences
from core.library.model import CastValue, FieldName, Film, PersonValue, PlotBeat
from core.library.reconcile import view_field
from core.responses import Response, SpoilerPart, TextPart
from core.spoilers.policy import Content, guard
from core.spoilers.reveal import reveal_id

MIN_NAME_SCORE = 80.0
MAX_PLOT_BEATS = 3
MAX_CAST_SHOWN = 12
# Words members use for a character that cast lists spell otherwise.
NAME_SYNONYMS = {
    "dad": "father",
    "daddy": "father",
    "mom": "mother",
    "mum": "mother",
    "mommy": "mother",
    "mummy": "mother",
    "grandpa": "grandfather",
    "granddad": "grandfather",
    "grandma": "grandmother",
    "granny": "grandmother",
}
ROLE_NOUNS = {**CREW_NOUNS, FieldName.STARRING: "one of the leading actors"}
_NAME_PARTS = re.compile(r"\s*(?:/|,|\band\b|\bor\b|\(|\))\s*")


def _fold(name: str) -> str:
    words = [NAME_SYNONYMS.get(w, w) for w in fold(name).split()]
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


def name_score(query: str, name: str) -> float:
    """How well a typed name matches a name from a source (0–100).

    Args:
        query: what the member typed ("the joker", "zhara", "ali's teacher").
        name: a character or actor name ("Jack Napier/The Joker", "Zahra", "Alis teacher").

    Returns:
        100 for the same name, 95 when every typed word is in the name, else a fuzzy ratio.

    """
    q, n = _fold(query), _fold(name)
    if not q or not n:
        return 0.0
    if q == n or q.replace(" ", "") == n.replace(" ", ""):
        return 100.0
    if set(q.split()) <= set(n.split()):
        return 95.0
    parts = [p for p in (_fold(x) for x in _NAME_PARTS.split(name)) if p]
    return max(float(fuzz.ratio(q, part)) for part in [n, *parts])


@dataclass(frozen=True)
class Role:
    """An actor in a character, with the sources that say so."""

    actor: str
    character: str | None
    sources: tuple[str, ...]


def roles(film: Film) -> list[Role]:
    """List the cast, one role per agreeing group of facts."""
    found = []
    for group in view_field(film.facts, FieldName.CAST).groups:
        if isinstance(group.value, CastValue):
            found.append(Role(group.value.actor, group.value.character, tuple(labels(group.sources))))
    return found


def best_matches(query: str, names: list[str]) -> list[int]:
    """Indexes of the names matching the query best (all that tie), or none close enough."""
    scores = [name_score(query, n) for n in names]
    top = max(scores, default=0.0)
    if top < MIN_NAME_SCORE:
        return []
    return [i for i, s in enumerate(scores) if s >= top - 1.0]


def _cite(text: str, sources: tuple[str, ...]) -> str:
    return cited_text([Cited(text, sources)])


def played_by(film: Film, character: str) -> Response:
    """Who plays a character ("who plays Zahra").

    Args:
        film: the film.
        character: the character as the member typed it.

    Returns:
        Each actor playing a matching character, cited; or what the cast list does hold.

    """
    listed = roles(film)
    cast = [r for r in listed if r.character]
    if not cast:
        return _no_cast(film) if not listed else _text(f"{_not_in_cast(film, character)} {_cast_hint(film)}")
    matches = best_matches(character, [r.character or "" for r in cast])
    if not matches:
        missing_one = f"I don't have a character called “{character}” in {film.display_title}."
        return _text(f"{missing_one} {_cast_hint(film, characters=True)}")
    return _text(f"In {film.display_title}, {_played_by_lines([cast[i] for i in matches])}.")


def _played_by_lines(matched: list[Role]) -> str:
    """``Narrator is played by A and B (source)``: actors sharing a character are named together."""
    by_character: dict[str, list[Role]] = {}
    for role in matched:
        by_character.setdefault(role.character or "", []).append(role)
    lines = []
    for character, shared in by_character.items():
        values = [Cited(r.actor, r.sources) for r in shared]
        lines.append(f"{character} is played by {cited_text(values)}")
    return join_words(lines)


def role_of(film: Film, actor: str) -> Response:
    """Say which character an actor plays ("who does Bahare Seddiqi play").

    Args:
        film: the film.
        actor: the actor as typed.

    Returns:
        The character(s), cited; or that the cast list has no such actor.

    """
    cast = roles(film)
    matches = best_matches(actor, [r.actor for r in cast])
    if matches:
        lines = [
            _cite(
                f"{cast[i].actor} plays {cast[i].character}"
                if cast[i].character
                else f"{cast[i].actor} is in the cast",
                cast[i].sources,
            )
            for i in matches
        ]
        return _text(f"In {film.display_title}, {join_words(lines)}.")
    leads = _people(film, actor, (FieldName.STARRING,))
    if leads:
        return _text(f"{leads[0]}, but the sources don't say which character.")
    return _text(f"I don't have {actor} in the cast of {film.display_title}. {_cast_hint(film)}")


def in_cast(film: Film, actor: str) -> Response:
    """Whether an actor is in a film ("is Jackie Chan in Enter the Dragon")."""
    cast = roles(film)
    matches = best_matches(actor, [r.actor for r in cast])
    if matches:
        role = cast[matches[0]]
        says = f"{role.actor} plays {role.character}" if role.character else f"{role.actor} is in the cast"
        return _text(f"Yes, in {film.display_title} {_cite(says, role.sources)}.")
    leads = _people(film, actor, (FieldName.STARRING,))
    if leads:
        return _text(f"Yes, {leads[0]}.")
    return _text(f"{actor.title()} isn't in the cast I have for {film.display_title}. {_cast_hint(film)}")


def cast_answer(film: Film) -> Response:
    """Who is in a film: the leads with their characters, cited."""
    values = starring_values(film, MAX_CAST_SHOWN)
    if not values:
        return _no_cast(film)
    text = cited_text([Cited(v.text, tuple(v.sources)) for v in values])
    more = len(roles(film)) - len(values)
    tail = f" The cast list has {more} more; ask “who plays <character>”." if more > 0 else ""
    return _text(f"{film.display_title} stars {text}.{tail}")


def who_is(film: Film, name: str, spoiler_channel: bool = False) -> Response:
    """Who someone is in a film: a character, an actor, or a crew member; the plot's words as a spoiler.

    Args:
        film: the film.
        name: the name as typed ("Alireza", "the father", "Majid Majidi").
        spoiler_channel: the question was asked in one of the club's spoiler channels (plot shown plainly).

    Returns:
        What the cast list and credits say, cited, followed by what the plot says about a
        character inside a spoiler (see ``core.spoilers.policy.guard``); or that the library knows no
        one of that name in the film.

    """
    cast = roles(film)
    characters = [i for i in best_matches(name, [r.character or "" for r in cast]) if cast[i].character]
    parts: list[TextPart | SpoilerPart] = []
    if characters:
        parts.append(TextPart(text=f"In {film.display_title}, {_played_by_lines([cast[i] for i in characters])}."))
        shown = cast[characters[0]].character or name
        parts += plot_spoilers(film, [name, *(cast[i].character or "" for i in characters)], shown, spoiler_channel)
        return Response(parts=parts)
    actors = best_matches(name, [r.actor for r in cast])
    if actors:
        return role_of(film, cast[actors[0]].actor)
    crew = _people(film, name, tuple(ROLE_NOUNS))
    if crew:
        return _text(f"{join_words(crew)}.")
    spoilers = plot_spoilers(film, [name], name.title(), spoiler_channel)
    if spoilers:
        intro = f"The cast list of {film.display_title} doesn't name “{name}”, but the plot mentions them."
        return Response(parts=[TextPart(text=intro), *spoilers])
    return _text(f"I don't have anyone called “{name}” in {film.display_title}. {_cast_hint(film)}")


def knows_name(film: Film, name: str) -> bool:
    """Whether the film has someone of that name: a character or actor, a crew member, or a name its plot uses."""
    cast = roles(film)
    if best_matches(name, [n for r in cast for n in (r.character or "", r.actor)]):
        return True
    if _people(film, name, tuple(ROLE_NOUNS)):
        return True
    pattern = _mention_pattern([name])
    return pattern is not None and any(_mentions(beat, pattern) for plot in film.plots for beat in plot.beats)


def has_character(film: Film, name: str) -> bool:
    """Whether the film's cast list has a character of that name."""
    return bool(best_matches(name, [r.character for r in roles(film) if r.character]))


def plot_spoilers(
    film: Film, names: list[str], shown: str, spoiler_channel: bool = False
) -> list[TextPart | SpoilerPart]:
    """Hide what each plot says about someone: the sentences naming them, one part per beat they are in.

    Each part carries the reveal id of its beat (``core.spoilers.reveal``), so a platform can show it
    later to one member: the reveal shows the whole beat those sentences come from.

    Args:
        film: the film.
        names: the names to look for (as typed and as the cast list spells them).
        shown: the name for the label ("what the plot says about Alireza").
        spoiler_channel: shown plainly (a labelled text) in the club's spoiler channels.

    Returns:
        The parts, fullest plot first, at most ``MAX_PLOT_BEATS`` beats of each; none when no plot
        mentions the names.

    """
    pattern = _mention_pattern(names)
    if pattern is None:
        return []
    parts: list[TextPart | SpoilerPart] = []
    for plot in sorted(film.plots, key=lambda p: -p.length):
        found = [(beat, said) for beat in plot.beats if (said := _mentions(beat, pattern))]
        for beat, said in found[:MAX_PLOT_BEATS]:
            label = f"what the plot says about {shown} ({plot.source.label}, part {beat.index} of {len(plot.beats)})"
            parts.append(
                guard(
                    Content.PLOT_ANSWER,
                    label,
                    " ".join(said),
                    plain=spoiler_channel,
                    reveal_id=reveal_id(film, plot, beat),
                )
            )
    return parts


def _mention_pattern(names: list[str]) -> re.Pattern[str] | None:
    phrases = set()
    for name in names:
        for part in _NAME_PARTS.split(name):
            words = [w for w in fold(part).split() if w not in {"the", "a", "an"}]
            if words and len(" ".join(words)) >= 3:
                phrases.add(r"\W+".join(map(re.escape, words)))
    if not phrases:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")(?:'?s)?\b", re.IGNORECASE)


def _mentions(beat: PlotBeat, pattern: re.Pattern[str]) -> list[str]:
    return [s for s in split_sentences(beat.text) if pattern.search(s)]


def _people(film: Film, name: str, fields: tuple[FieldName, ...]) -> list[str]:
    """``Majid Majidi is the director and writer (Wikipedia: …)`` for each matching person."""
    held: dict[str, tuple[list[str], list[str]]] = {}
    for field_name in fields:
        people = [g for g in view_field(film.facts, field_name).groups if isinstance(g.value, PersonValue)]
        for i in best_matches(name, [g.value.display() for g in people]):
            group = people[i]
            roles_held, sources = held.setdefault(group.value.display(), ([], []))
            roles_held.append(ROLE_NOUNS.get(field_name, field_name.value))
            sources += [s for s in labels(group.sources) if s not in sources]
    found = []
    for person, (roles_held, sources) in held.items():
        article = "" if roles_held[0].startswith("one of") else "the "
        found.append(_cite(f"{person} is {article}{join_words(roles_held)} of {film.display_title}", tuple(sources)))
    return found


def _not_in_cast(film: Film, character: str) -> str:
    """A character the cast list does not name: said as that, never as "no cast list"."""
    return f"The cast list I have for {film.display_title} names its actors only, not who plays “{character}”."


def _cast_hint(film: Film, characters: bool = False) -> str:
    """Say whom the cast list does name (actors, or their characters), and where the list comes from."""
    cast = [r for r in roles(film) if r.character or not characters]
    if characters and not cast and roles(film):
        return _cast_hint(film)
    if not cast:
        return "I have no cast list for it."
    names = join_words([(r.character or "") if characters else r.actor for r in cast[:MAX_CAST_SHOWN]])
    more = f" and {len(cast) - MAX_CAST_SHOWN} more" if len(cast) > MAX_CAST_SHOWN else ""
    sources = "; ".join(dict.fromkeys(s for r in cast for s in r.sources))
    return f"Its cast list ({sources}) names {names}{more}."


def _no_cast(film: Film) -> Response:
    return missing(film, FIELD_NOUNS[FieldName.CAST])


def _text(text: str) -> Response:
    return Response(parts=[TextPart(text=text)])
