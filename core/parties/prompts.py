"""Discussion prompts written from a film's own facts and plot beats, by templates (no network, no model).

A prompt during the film speaks only of beats already on screen, and anything past the set-up goes
inside a `SpoilerPart` (members who arrive late, or watch slower, reveal it when they are ready).
Questions are open: they ask what members think, never for a right answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from core.answers.characters import roles
from core.answers.cite import Cited, cite_groups, cited_text, join_words
from core.documents.beats import split_sentences
from core.library.model import CreditsValue, FieldName, Film, Passage, Plot, PlotBeat
from core.library.reconcile import view_field
from core.parties.moments import PRIORITY, Moment, moments_in, pick_form
from core.parties.sections import Aspect, critic_quotes, production_quotes, theme_quote
from core.responses import Part, Response, TextPart
from core.spoilers.plot import tellings
from core.spoilers.policy import Content, beat_content, guard
from core.spoilers.reveal import reveal_id

MAX_RECAP_CHARS = 240
MAX_VALUES_PER_LINE = 4
_FINAL_IMAGE = re.compile(r"\b(final|finally|ends|concludes?|last shot)\b", re.IGNORECASE)

CAST_ONLY = (
    "The cast list names {names}. Who are you most curious about so far?",
    "The cast list names {names}. Whose story do you think this is?",
    "The cast list names {names}. Who has surprised you so far?",
    "The cast list names {names}. Whose side are you on so far?",
)
# Words that start or end a character's name without being a name of their own ("The Joker", "Dr. No").
_NOT_NAMES = frozenset(
    re.findall(
        r"\w+",
        "the a an mr mrs ms miss dr doctor sir lord lady king queen prince princess young old little big uncle aunt "
        "colonel captain major general sergeant sgt lieutenant lt ltc inspector detective officer professor",
    )
)


@dataclass(frozen=True)
class Prompt:
    """A message of the plan with the plot beats it speaks of (tests check nothing is told ahead of time)."""

    response: Response
    beats: tuple[int, ...] = ()


def party_plot(film: Film) -> Plot | None:
    """Pick the plot a party follows: the telling ``/film plot`` shows by default (the fullest)."""
    plots = tellings(film)
    return plots[0] if plots else None


def beat_ends(plot: Plot) -> list[float]:
    """Give where each beat ends in the film (0..1): where the next one starts, 1.0 for the last."""
    starts = [b.position for b in plot.beats]
    return [*starts[1:], 1.0]


class Characters:
    """The cast list's characters a prompt may name, as the plot writes them; worked out once per film.

    Only names written as names ("Zahra", "Bruce Wayne" of "Bruce Wayne/Batman"): a role such as
    "Father" that the plot also writes in lower case ("Roya's father") could point at the wrong person.
    A plot often shortens a name ("Emma" for "Emma Lemp", "Napier" for "Jack Napier"), so each word of a
    name counts too, unless another character's name shares it (the family name of four sisters).
    """

    def __init__(self, film: Film, plot: Plot | None) -> None:
        self.roles = [r for r in roles(film) if r.character]
        whole = " ".join(b.text for b in plot.beats) if plot else ""
        self._spellings = _spellings(tuple(r.character or "" for r in self.roles), whole)

    def named_in(self, text: str) -> list[str]:
        """Name the characters ``text`` mentions, by first mention, as the text spells them."""
        found: dict[str, int] = {}
        for spellings in self._spellings:
            for _, pattern in spellings:
                match = pattern.search(text)
                if match:
                    found.setdefault(match.group(0), match.start())
                    break
        return sorted(found, key=found.__getitem__)

    def billed(self) -> list[str]:
        """Name every character a prompt may name, in the cast list's order."""
        return [spellings[0][0] for spellings in self._spellings if spellings]

    def lead(self, names: list[str]) -> str | None:
        """Pick the first-billed of some characters."""
        order = [name for spellings in self._spellings for name, _ in spellings]
        return min(names, key=lambda n: order.index(n) if n in order else len(order), default=None)


class PromptWriter:
    """Writes a film's prompts; what it reads from the film (plot, characters) is read once."""

    def __init__(self, film: Film) -> None:
        self.film = film
        self.plot = party_plot(film)
        self.characters = Characters(film, self.plot)
        self._forms: set[str] = set()  # the question forms this party has asked, never asked twice
        self._kinds: set[Moment] = set()

    def during_film(self, beat: PlotBeat | None, minute: int, number: int) -> Prompt:
        """Write the prompt ``minute`` minutes in, about ``beat`` (the last one fully shown) or else the cast.

        The question fits the moment the part shows (a reveal, a choice, a conflict, a turn of mood), quotes
        the sentence that shows it and names only characters that sentence (or else the part) names; a
        question form the party has asked already is not asked again.

        Args:
            beat: the latest beat on screen by now (None: no plot, or nothing new); nothing after it is told.
            minute: minutes into the film.
            number: this prompt's number (1-based).

        Returns:
            The prompt and the beats it used.

        """
        title = self.film.title
        head = TextPart(
            text=f"⏸ {minute} minutes into {title}: prompt {number}. It speaks only of what has been shown."
        )
        if beat is None:
            # Without a plot the cast list is all there is; with one, naming a character could tell who is yet to come.
            names = self.characters.billed() if self.plot is None else []
            if names:
                question = CAST_ONLY[(number - 1) % len(CAST_ONLY)].format(names=join_words(names[:4]))
            else:
                question = self._ask([], [])
            return Prompt(Response(parts=[head, TextPart(text=question)]))
        sentence, kinds = self._moment(beat.text)
        names = self.characters.named_in(sentence)
        body = f"{recap(sentence)}\n{self._ask(kinds, names)}"
        part = self._guarded(beat, f"what we have just seen (plot part {beat.index})", body)
        return Prompt(Response(parts=[head, part]), (beat.index,))

    def _moment(self, text: str) -> tuple[str, list[Moment]]:
        """The sentence of a part that shows its sharpest moment, preferring a kind the party has not asked about."""
        sentences = split_sentences(text) or [text]

        def rank(item: tuple[int, str]) -> tuple[int, int, int, int]:
            index, sentence = item
            kinds = moments_in(sentence)
            fresh = [k for k in kinds if k not in self._kinds]
            best = PRIORITY.index(fresh[0]) if fresh else len(PRIORITY)
            return (0 if fresh else 1, best, 0 if self.characters.named_in(sentence) else 1, index)

        _, chosen = min(enumerate(sentences), key=rank)
        kinds = moments_in(chosen)
        return chosen, [k for k in kinds if k not in self._kinds] + [k for k in kinds if k in self._kinds]

    def _ask(self, kinds: list[Moment], names: list[str]) -> str:
        form = pick_form(kinds, len(names), self._forms)
        self._forms.add(form.text)
        self._kinds.add(form.kind)
        return form.ask(names)

    def the_ending(self) -> Prompt | None:
        """Ask about the ending, hidden for whoever has not finished the film; None without a plot."""
        if self.plot is None or not self.plot.beats:
            return None
        last = self.plot.beats[-1]
        who = self.characters.lead(self.characters.named_in(last.text)) or "the characters"
        question = f"Did the ending work for you? What do you think life is like for {who} a week later?"
        part = self._guarded(last, "the ending", f"{recap(_closing_sentence(last.text))}\n{question}")
        return Prompt(Response(parts=[TextPart(text="Discussion: the ending."), part]), (last.index,))

    def _guarded(self, beat: PlotBeat, label: str, text: str) -> Part:
        """Hide what speaks of a beat past the set-up (the spoiler policy decides); its reveal id reveals the beat."""
        assert self.plot is not None
        content = beat_content(beat.index, len(self.plot.beats))
        return guard(content, label, text, plain=False, reveal_id=reveal_id(self.film, self.plot, beat))

    def the_characters(self) -> Prompt | None:
        """Ask about the leads, who plays them and how they changed; None without a cast list."""
        cast = self.characters.roles[:2]
        if not cast:
            return None
        played = join_words([f"{r.actor} plays {r.character}" for r in cast])
        sources = join_words(list(dict.fromkeys(s for r in cast for s in r.sources)))
        names = [(r.character or "").split("/")[0].strip() for r in cast]
        question = (
            f"How did {join_words(names)} change from the first scene to the last? "
            "Whose choices did you understand best?"
            if len(names) > 1
            else f"How did {names[0]} change from the first scene to the last?"
        )
        text = f"{played} ({sources}). {question}"
        return Prompt(Response(parts=[TextPart(text="Discussion: the characters."), TextPart(text=text)]))


ASPECT_QUESTIONS = {
    Aspect.DEVELOPMENT: "Knowing how it came together, does anything on screen look different to you now?",
    Aspect.CASTING: "Can you picture anyone else in these roles? Did the casting work for you?",
    Aspect.FILMING: "Did you feel where and how it was shot while watching? Which scene shows it best?",
    Aspect.EFFECTS: "How well do the effects hold up today?",
    Aspect.MUSIC: "What did the music do for the scenes it played under?",
}


def the_making(film: Film, passages: Sequence[Passage] = ()) -> Prompt | None:
    """Ask how it was made: one or two sentences of the article's production sections, else who, where, how much.

    Args:
        film: the film.
        passages: its articles' passages in article order (none: the library's facts are all there is).

    Returns:
        The prompt, or None when the library holds nothing about the making.

    """
    quotes = production_quotes(passages)
    if quotes:
        questions = list(dict.fromkeys(ASPECT_QUESTIONS[q.aspect or Aspect.DEVELOPMENT] for q in quotes))
        parts: list[Part] = [TextPart(text="Discussion: how it was made. From the article:")]
        parts += [TextPart(text=q.quoted()) for q in quotes]
        return Prompt(Response(parts=[*parts, TextPart(text=" ".join(questions))]))
    return _making_from_facts(film)


def _making_from_facts(film: Film) -> Prompt | None:
    """Who made it, where, for how much, and a question about it; None when the library holds none of that."""
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
    return Prompt(
        Response(parts=[TextPart(text="Discussion: how it was made."), TextPart(text=lines), TextPart(text=question)])
    )


def the_reception(film: Film, passages: Sequence[Passage] = ()) -> Prompt | None:
    """Ask how it was received: critics quoted from the reception sections against the room, else the facts.

    Args:
        film: the film.
        passages: its articles' passages in article order.

    Returns:
        The critics' words and the scores the library holds (each labelled with its source), and a question
        to agree or disagree; the box office, awards and comparisons when no critic is quoted; None when
        the library holds none of it.

    """
    quotes = critic_quotes(passages)
    if not quotes:
        return _reception_from_facts(film)
    parts: list[Part] = [TextPart(text="Discussion: how it was received. What the critics said:")]
    parts += [TextPart(text=q.quoted()) for q in quotes]
    scores = _cited_lines(film, (FieldName.SCORE, "Scores"))
    if scores:
        parts.append(TextPart(text=scores))
    question = "Do you agree with them? Where would you argue, and what did they miss?"
    if scores:
        question += " Would you score it higher or lower, and why?"
    return Prompt(Response(parts=[*parts, TextPart(text=question)]))


def the_themes(film: Film, passages: Sequence[Passage] = ()) -> Prompt | None:
    """Ask about a theme the article's themes or analysis section names; hidden, as it may tell the story."""
    quote = theme_quote(passages)
    if quote is None:
        return None
    text = f"{quote.quoted()}\nDid you see this in {film.title}? Where did it show, or did you read it differently?"
    part = guard(Content.PLOT_ANSWER, "what the article says about its themes", text, plain=False)
    return Prompt(Response(parts=[TextPart(text="Discussion: themes."), part]))


def _reception_from_facts(film: Film) -> Prompt | None:
    """Scores, box office, awards, comparisons and a question about them; None when the library holds none."""
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
    parts = [
        TextPart(text="Discussion: how it was received."),
        TextPart(text=lines),
        TextPart(text=" ".join(questions)),
    ]
    return Prompt(Response(parts=parts))


def credits_verdict(film: Film) -> str:
    """Say whether to stay through the credits, with the source that says so."""
    groups = [g for g in view_field(film.facts, FieldName.END_CREDITS).groups if isinstance(g.value, CreditsValue)]
    if not groups:
        return "No source in the library says whether anything comes after the credits."
    cited = cited_text(cite_groups(groups), conflict=len(groups) > 1)
    if any(isinstance(g.value, CreditsValue) and g.value.has_scenes for g in groups):
        return f"Stay for the credits: there is a scene during or after them ({cited})."
    return f"No need to sit through the credits: {cited}."


def recap(text: str) -> str:
    """Give the first sentence of a beat, cut at a word near ``MAX_RECAP_CHARS``."""
    sentences = split_sentences(text)
    first = sentences[0] if sentences else text
    if len(first) <= MAX_RECAP_CHARS:
        return first
    return first[:MAX_RECAP_CHARS].rsplit(" ", 1)[0] + "…"


def _closing_sentence(text: str) -> str:
    """Find the sentence of a last beat telling the final image ("in the final shot…"), else its last one."""
    sentences = split_sentences(text) or [text]
    for sentence in reversed(sentences):
        if _FINAL_IMAGE.search(sentence):
            return sentence
    return sentences[-1]


@lru_cache(maxsize=256)  # every party of a film asks the same: ~5 ms of patterns a film, computed once
def _spellings(characters: tuple[str, ...], whole: str) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], ...]:
    """Per character, the spellings that name them in a plot (``whole``) and their patterns, longest first."""
    names = [[n.strip() for n in re.split(r"/|\(|\)", c) if n.strip()] for c in characters]
    nicknames = [re.findall(r'"([^"]+)"', c) for c in characters]
    shorter = [{*(_untitled(n) for n in role), *(w for n in role for w in _name_words(n))} for role in names]
    shared = {w for i, ws in enumerate(shorter) for w in ws if any(w in other for other in shorter[i + 1 :])}
    found = []
    for role_names, nicks, short in zip(names, nicknames, shorter, strict=True):
        rest = sorted(short - shared - set(role_names) - set(nicks), key=lambda n: (-n.count(" "), -len(n)))
        candidates = [*role_names, *nicks, *rest]
        proper = [
            n for n in candidates if n and n[0].isupper() and not re.search(rf"\b{re.escape(n.lower())}\b", whole)
        ]
        found.append(tuple((n, _name_pattern(n)) for n in proper))
    return tuple(found)


def _name_words(name: str) -> list[str]:
    """The words of a character's name that could stand for it alone ("Jack", "Napier"; not "The", "Ali's")."""
    return [w for w in re.findall(r"[\w.-]+", name) if len(w) > 2 and w.casefold().strip(".") not in _NOT_NAMES]


def _untitled(name: str) -> str:
    """A name without the titles before it ("Rawdon Crawley" of "Colonel Rawdon Crawley")."""
    words = name.replace('"', "").split()
    while words and words[0].casefold().strip(".") in _NOT_NAMES:
        words = words[1:]
    return " ".join(words)


def _name_pattern(name: str) -> re.Pattern[str]:
    """Find a name as written; "The Joker" also as "the Joker" (the text's spelling is what a prompt shows)."""
    head, _, rest = name.partition(" ")
    if head in {"The", "A", "An"} and rest:
        return re.compile(rf"\b[{head[0]}{head[0].lower()}]{re.escape(head[1:])} {re.escape(rest)}\b")
    return re.compile(rf"\b{re.escape(name)}\b")


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
