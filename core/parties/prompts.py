"""Discussion prompts written from a film's own facts and plot beats, by templates (no network, no model).

A prompt during the film speaks only of beats already on screen, and anything past the set-up goes
inside a `SpoilerPart` (members who arrive late, or watch slower, reveal it when they are ready).
Questions are open: they ask what members think, never for a right answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.answers.characters import roles
from core.answers.cite import Cited, cite_groups, cited_text, join_words
from core.library.beats import split_sentences
from core.library.model import CreditsValue, FieldName, Film, Plot, PlotBeat
from core.library.reconcile import view_field
from core.responses import Part, Response, SpoilerPart, TextPart

# The set-up (what a film's first beat shows) is never a spoiler; every later beat is.
SETUP_BEATS = 1
MAX_RECAP_CHARS = 240
MAX_VALUES_PER_LINE = 4
_FINAL_IMAGE = re.compile(r"\b(final|finally|ends|concludes?|last shot)\b", re.IGNORECASE)

ONE_PERSON = (
    "What do you think {a} is feeling at this point?",
    "What would you have done in {a}'s place just now?",
    "What do you make of {a} so far?",
)
TWO_PEOPLE = (
    "How would you describe what is between {a} and {b} right now?",
    "Who do you understand better at this point, {a} or {b}? Why?",
    "What has this part shown you about {a} and {b}?",
)
NOBODY = (
    "Which moment so far has stayed with you, and why?",
    "What do you notice about how this part is filmed?",
    "How is the film holding you so far?",
)


@dataclass(frozen=True)
class Prompt:
    """A message of the plan with the plot beats it speaks of (tests check nothing is told ahead of time)."""

    response: Response
    beats: tuple[int, ...] = ()


def party_plot(film: Film) -> Plot | None:
    """The plot a party follows: the fullest one, as ``/film plot`` shows by default."""
    return max(film.plots, key=lambda p: p.length, default=None) if film.plots else None


def beat_ends(plot: Plot) -> list[float]:
    """Where each beat ends in the film (0..1): where the next one starts, 1.0 for the last."""
    starts = [b.position for b in plot.beats]
    return [*starts[1:], 1.0]


def during_film(film: Film, plot: Plot | None, beat: PlotBeat | None, minute: int, number: int) -> Prompt:
    """A prompt ``minute`` minutes into the film, about ``beat`` (the last one fully shown) or, without one, the cast.

    Args:
        film: the film.
        plot: the plot the party follows (None when the library has none).
        beat: the latest beat on screen by now; the prompt speaks of nothing after it.
        minute: minutes into the film.
        number: this prompt's number (1-based): varies the question.

    Returns:
        The prompt and the beats it used.
    """
    head = TextPart(text=f"⏸ {minute} minutes into {film.title}: prompt {number}. It speaks only of what has been shown.")
    if plot is None or beat is None:
        names = _proper_characters(film, " ".join(r.character or "" for r in roles(film)))
        question = _question(names, number)
        if names:
            question = f"The cast list names {join_words(names[:4])}. {question}"
        return Prompt(Response(parts=[head, TextPart(text=question)]))
    shown = "".join(b.text for b in plot.beats if b.index <= beat.index)
    body = f"Just seen: {recap(beat.text)}\n{_question(_proper_characters(film, beat.text, shown), number)}"
    part: Part = _maybe_hidden(beat.index, f"what we have just seen (plot part {beat.index})", body)
    return Prompt(Response(parts=[head, part]), (beat.index,))


def the_ending(film: Film, plot: Plot | None) -> Prompt | None:
    """After the film: the ending, hidden for whoever has not finished it; None without a plot."""
    if plot is None or not plot.beats:
        return None
    last = plot.beats[-1]
    who = _lead(film, _proper_characters(film, last.text, "".join(b.text for b in plot.beats))) or "the characters"
    question = f"Did the ending work for you? What do you think life is like for {who} a week later?"
    ending = recap(_closing_sentences(last.text))
    part = _maybe_hidden(last.index, "the ending", f"How it ends: {ending}\n{question}")
    return Prompt(Response(parts=[TextPart(text="Discussion: the ending."), part]), (last.index,))


def the_characters(film: Film) -> Prompt | None:
    """The leads and who plays them, and how they changed; None without a cast list."""
    cast = [r for r in roles(film) if r.character][:2]
    if not cast:
        return None
    played = join_words([f"{r.actor} plays {r.character}" for r in cast])
    sources = join_words(list(dict.fromkeys(s for r in cast for s in r.sources)))
    names = [(r.character or "").split("/")[0].strip() for r in cast]
    question = (
        f"How did {join_words(names)} change from the first scene to the last? Whose choices did you understand best?"
        if len(names) > 1
        else f"How did {names[0]} change from the first scene to the last?"
    )
    text = f"{played} ({sources}). {question}"
    return Prompt(Response(parts=[TextPart(text="Discussion: the characters."), TextPart(text=text)]))


def the_making(film: Film) -> Prompt | None:
    """Who made it, where, and for how much; None when the library holds none of that."""
    directors = [g.value.display() for g in view_field(film.facts, FieldName.DIRECTOR).groups]
    writers = [g.value.display() for g in view_field(film.facts, FieldName.WRITER).groups]
    people = (
        [(FieldName.DIRECTOR, "Written and directed by")]
        if directors and directors == writers
        else [(FieldName.DIRECTOR, "Directed by"), (FieldName.WRITER, "Written by")]
    )
    lines = _cited_lines(
        film, *people, (FieldName.COUNTRY, "Country"), (FieldName.LANGUAGE, "Language"), (FieldName.BUDGET, "Budget")
    )
    if not lines:
        return None
    if film.facts_for(FieldName.BUDGET):
        question = "What does a budget of that size show on screen, and what did the film not need money for?"
    elif directors:
        question = f"Which choices of {join_words(directors)}'s stood out for you?"
    else:
        question = "What stood out for you in how it was made?"
    return Prompt(Response(parts=[TextPart(text="Discussion: how it was made."), TextPart(text=lines), TextPart(text=question)]))


def the_reception(film: Film) -> Prompt | None:
    """Scores, box office, awards and the comparisons critics made; None when the library holds none."""
    lines = _cited_lines(
        film,
        (FieldName.SCORE, "Scores"),
        (FieldName.GROSS, "Box office"),
        (FieldName.AWARD, "Awards"),
        (FieldName.COMPARISON, "Compared with"),
    )
    if not lines:
        return None
    questions = []
    compared = [g.value.display() for g in view_field(film.facts, FieldName.COMPARISON).groups]
    if compared:
        questions.append(f"Critics compared it with {join_words(compared, 'or')}: do you see the likeness?")
    if film.facts_for(FieldName.AWARD):
        questions.append("Was the recognition deserved, in your view?")
    if film.facts_for(FieldName.SCORE):
        questions.append("Would you score it higher or lower than the critics, and why?")
    elif not questions:
        questions.append("How would you score it out of 10, and why?")
    parts = [TextPart(text="Discussion: how it was received."), TextPart(text=lines), TextPart(text=" ".join(questions))]
    return Prompt(Response(parts=parts))


def credits_verdict(film: Film) -> str:
    """Whether to stay through the credits, with the source that says so."""
    groups = [g for g in view_field(film.facts, FieldName.END_CREDITS).groups if isinstance(g.value, CreditsValue)]
    if not groups:
        return "No source in the library says whether anything comes after the credits."
    cited = cited_text(cite_groups(groups), conflict=len(groups) > 1)
    if any(isinstance(g.value, CreditsValue) and g.value.has_scenes for g in groups):
        return f"Stay for the credits: there is a scene during or after them ({cited})."
    return f"No need to sit through the credits: {cited}."


def recap(text: str) -> str:
    """The first sentence of a beat, cut at a word near ``MAX_RECAP_CHARS``."""
    sentences = split_sentences(text)
    first = sentences[0] if sentences else text
    if len(first) <= MAX_RECAP_CHARS:
        return first
    return first[:MAX_RECAP_CHARS].rsplit(" ", 1)[0] + "…"


def _closing_sentences(text: str) -> str:
    """The sentence of a last beat that tells the final image ("in the final shot…"), else its last sentence."""
    sentences = split_sentences(text) or [text]
    for sentence in reversed(sentences):
        if _FINAL_IMAGE.search(sentence):
            return sentence
    return sentences[-1]


def _maybe_hidden(beat_index: int, label: str, text: str) -> Part:
    if beat_index <= SETUP_BEATS:
        return TextPart(text=text)
    return SpoilerPart(label=label, text=text)


def _question(names: list[str], number: int) -> str:
    templates = TWO_PEOPLE if len(names) > 1 else ONE_PERSON if names else NOBODY
    return templates[(number - 1) % len(templates)].format(a=names[0] if names else "", b=names[-1] if names else "")


def _proper_characters(film: Film, text: str, whole: str = "") -> list[str]:
    """Characters of the cast list named in ``text``, by first mention, as the text names them.

    Only names written as names ("Zahra", "Bruce Wayne" of "Bruce Wayne/Batman"): a role such as
    "Father" that the plot also writes in lower case ("Roya's father") would point at the wrong person.
    """
    whole = whole or text
    found: dict[str, int] = {}
    for role in roles(film):
        for name in (n.strip() for n in (role.character or "").split("/")):
            if not name or not name[0].isupper() or re.search(rf"\b{re.escape(name.lower())}\b", whole):
                continue
            match = re.search(rf"\b{re.escape(name)}\b", text)
            if match:
                found.setdefault(name, match.start())
                break
    return sorted(found, key=found.__getitem__)


def _lead(film: Film, names: list[str]) -> str | None:
    """The first-billed of some characters (the cast list's order)."""
    billing = [n.strip() for r in roles(film) for n in (r.character or "").split("/")]
    return min(names, key=lambda n: billing.index(n) if n in billing else len(billing), default=None)


def _cited_lines(film: Film, *fields: tuple[FieldName, str]) -> str:
    """One line per field held, e.g. ``Budget: $180,000``; sources named once when every line has the same."""
    rows: list[tuple[str, list[Cited], bool, int]] = []
    for field_name, label in fields:
        view = view_field(film.facts, field_name)
        if view.groups:
            more = len(view.groups) - MAX_VALUES_PER_LINE
            rows.append((label, cite_groups(view.groups[:MAX_VALUES_PER_LINE]), view.conflict, more))
    sources = {c.sources for _, cited, _, _ in rows for c in cited}
    one_source = len(sources) == 1
    lines = []
    for label, cited, conflict, more in rows:
        shown = join_words([c.text for c in cited]) if one_source else cited_text(cited, conflict=conflict)
        lines.append(f"{label}: {shown}" + (f" and {more} more" if more > 0 else ""))
    if one_source:
        lines.append(f"({'; '.join(sources.pop())})")
    return "\n".join(lines)
