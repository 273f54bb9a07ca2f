"""Answers about one field of a film ("who directed it", "how long is it"), each value cited.

A field the library does not hold is never guessed: the answer says so and lists what it has.
Yes/no questions ("is it in English", "was it made in Iran", "did Tim Burton direct it") are
answered from the same values, and always show them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.answers.card import film_sources
from core.answers.cite import cite_groups, cited_text, join_words, labels
from core.answers.intents import DEMONYMS
from core.answers.phrasing import fold
from core.library.model import FieldName, Film
from core.library.reconcile import has_conflict, view_field
from core.responses import Response, TextPart

CREW_NOUNS: dict[FieldName, str] = {
    FieldName.DIRECTOR: "director",
    FieldName.WRITER: "writer",
    FieldName.PRODUCER: "producer",
    FieldName.MUSIC: "composer",
    FieldName.CINEMATOGRAPHY: "cinematographer",
    FieldName.EDITING: "editor",
}
"""What one person holding a crew field is called ("Majid Majidi is the director")."""

FIELD_NOUNS: dict[FieldName, str] = {
    FieldName.RELEASED: "release date",
    FieldName.DIRECTOR: "director",
    FieldName.WRITER: "writers",
    FieldName.STARRING: "leading actors",
    FieldName.CAST: "cast list",
    FieldName.PRODUCER: "producers",
    FieldName.MUSIC: "composer",
    FieldName.CINEMATOGRAPHY: "cinematographer",
    FieldName.EDITING: "editor",
    FieldName.STUDIO: "studio",
    FieldName.DISTRIBUTOR: "distributor",
    FieldName.BASED_ON: "source material",
    FieldName.RUNTIME: "runtime",
    FieldName.COUNTRY: "country",
    FieldName.LANGUAGE: "language",
    FieldName.BUDGET: "budget",
    FieldName.GROSS: "box office",
    FieldName.SCORE: "critic or audience scores",
    FieldName.END_CREDITS: "end-credit scenes",
    FieldName.GENRE: "genre",
    FieldName.AWARD: "awards",
    FieldName.SUMMARY: "summary",
}


@dataclass(frozen=True)
class FieldQuestion:
    """How to answer a question about one field: the sentence, with ``{film}`` and ``{values}``."""

    sentence: str
    check: str = ""


FIELD_QUESTIONS: dict[FieldName, FieldQuestion] = {
    FieldName.DIRECTOR: FieldQuestion("{film} was directed by {values}.", "directed by"),
    FieldName.WRITER: FieldQuestion("{film} was written by {values}.", "written by"),
    FieldName.PRODUCER: FieldQuestion("{film} was produced by {values}."),
    FieldName.MUSIC: FieldQuestion("The music of {film} is by {values}."),
    FieldName.CINEMATOGRAPHY: FieldQuestion("{film} was shot by {values}."),
    FieldName.EDITING: FieldQuestion("{film} was edited by {values}."),
    FieldName.STUDIO: FieldQuestion("{film} was made by {values}."),
    FieldName.DISTRIBUTOR: FieldQuestion("{film} was distributed by {values}."),
    FieldName.BASED_ON: FieldQuestion("{film} is based on {values}."),
    FieldName.RELEASED: FieldQuestion("{film} came out {values}."),
    FieldName.RUNTIME: FieldQuestion("{film} runs {values}."),
    FieldName.COUNTRY: FieldQuestion("{film} is from {values}.", "from"),
    FieldName.LANGUAGE: FieldQuestion("{film} is in {values}.", "in"),
    FieldName.BUDGET: FieldQuestion("The budget of {film} was {values}."),
    FieldName.GROSS: FieldQuestion("At the box office, {film} made {values}."),
    FieldName.SCORE: FieldQuestion("Scores for {film}: {values}."),
    FieldName.END_CREDITS: FieldQuestion("End-credit scenes in {film}: {values}."),
    FieldName.GENRE: FieldQuestion("{film} is a {values}."),
    FieldName.AWARD: FieldQuestion("Awards of {film}: {values}."),
    FieldName.SUMMARY: FieldQuestion("{values}"),
}

# Fields a member may count ("how many directors did it have"), by the noun for one of them.
COUNTED: dict[FieldName, str] = {
    FieldName.DIRECTOR: "director",
    FieldName.WRITER: "writer",
    FieldName.PRODUCER: "producer",
    FieldName.EDITING: "editor",
    FieldName.CINEMATOGRAPHY: "cinematographer",
    FieldName.STUDIO: "studio",
    FieldName.DISTRIBUTOR: "distributor",
    FieldName.LANGUAGE: "language",
    FieldName.COUNTRY: "country",
}

# Names members use for a place or language that the sources spell another way.
SAME_AS = {
    "us": "united states",
    "usa": "united states",
    "u s": "united states",
    "america": "united states",
    "united states of america": "united states",
    "the states": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "england": "united kingdom",
    "farsi": "persian",
    "mandarin": "chinese",
}


def what_it_has(film: Film) -> str:
    """Say which kinds of fact the library holds for a film, for "I don't have X; I do have …"."""
    present = dict.fromkeys(f.field for f in film.facts)
    nouns = [noun for name, noun in FIELD_NOUNS.items() if name in present]
    return f"I do have its {join_words(nouns)}." if nouns else "I have no facts about it at all."


def missing(film: Film, noun: str) -> Response:
    """Say honestly that the library lacks a fact.

    Args:
        film: the film asked about.
        noun: the fact, as "the <noun>" reads ("budget", "composer").

    Returns:
        "I don't have the budget for Four Daughters (1938)." and what the library does have.

    """
    looked = join_words(film_sources(film))
    where = f" in what I hold on it ({looked})" if looked else ""
    text = f"I don't have the {noun} for {film.display_title}{where}. {what_it_has(film)}"
    return Response(parts=[TextPart(text=text)])


def answer_field(film: Film, field: FieldName, subject: str = "") -> Response:
    """Answer a question about one field of a film, citing every value's sources.

    Args:
        film: the film.
        field: a field with a sentence in ``FIELD_QUESTIONS``.
        subject: for yes/no questions, what the member asked about (a language, a country, a person).

    Returns:
        A sentence with every value and its sources; disagreeing sources shown side by side.

    """
    spec = FIELD_QUESTIONS[field]
    view = view_field(film.facts, field)
    if not view.groups:
        return missing(film, FIELD_NOUNS[field])
    conflict = view.conflict
    values = cited_text(
        cite_groups(view.groups), conflict=conflict, alternatives=lambda found: has_conflict(found, field)
    )
    sentence = spec.sentence.format(film=film.display_title, values=values)
    if conflict:
        sides = {tuple(g.sources) for g in view.groups}
        why = "The sources disagree on" if len(sides) > 1 else "The source gives more than one"
        sentence = f"{why} {'the ' if len(sides) > 1 else ''}{FIELD_NOUNS[field]}. {sentence}"
    if subject and spec.check:
        places = field is FieldName.COUNTRY
        wanted = _canonical(subject, places)
        found = any(_same(wanted, _canonical(g.value.display(), places)) for g in view.groups)
        sentence = f"{'Yes' if found else 'No'}, {sentence}"
    return Response(parts=[TextPart(text=sentence)])


def count_answer(film: Film, field: FieldName) -> Response | None:
    """How many values a field holds, and which ("The Owner (2012) had 25 directors: …"); None when it holds none."""
    view = view_field(film.facts, field)
    if not view.groups:
        return None
    count, noun = len(view.groups), COUNTED[field]
    nouns = noun if count == 1 else (f"{noun[:-1]}ies" if noun.endswith("y") else f"{noun}s")
    values = cited_text(cite_groups(view.groups))
    return Response(parts=[TextPart(text=f"{film.display_title} had {count} {nouns}: {values}.")])


def _canonical(name: str, places: bool) -> str:
    key = fold(name).removeprefix("the ")
    if places:
        key = DEMONYMS.get(key, key)
    return SAME_AS.get(key, key)


def _same(wanted: str, value: str) -> bool:
    """Tell whether a value names what was asked: equal, or holding all its words ("English (United States)")."""
    if wanted == value:
        return True
    value_words = set(value.split())
    return all(word in value_words for word in wanted.split())


# A writer credited for the work the film adapts: "Irma Berk (story All God's Children)".
_CREDITED_WORK = re.compile(
    r"\((?P<kind>story|short story|novel|novella|play|book|original story)\s+(?P<work>[^()]+)\)"
)


def credited_source(film: Film) -> Response | None:
    """What the film is based on when only its writing credits say it (a work named beside its writers); else None."""
    works: dict[tuple[str, str], list[str]] = {}
    sources: list[str] = []
    for fact in film.facts_for(FieldName.WRITER):
        match = _CREDITED_WORK.search(fact.raw)
        if match:
            writer = fact.raw[: match.start()].strip(" ,;")
            works.setdefault((match["kind"], match["work"].strip()), []).append(writer)
            sources += labels([fact.source])
    if not works:
        return None
    told = join_words([f"the {kind} {work} by {join_words(writers)}" for (kind, work), writers in works.items()])
    cited = "; ".join(dict.fromkeys(sources))
    return Response(parts=[TextPart(text=f"{film.display_title} is based on {told} ({cited}).")])
