"""``/film ask``: a question in plain words → intent → the film → a cited answer.

The film is the title named in the question (found in the words the intent's phrases left over,
exactly first, then fuzzily), or else the film the channel talked about last. No film, no guess:
the member is asked which film they mean.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from core.answers.article import ARTICLE_ANSWERS, other_titles, title_meaning
from core.answers.aspects import Aspect, asked_aspect, aspect_answer
from core.answers.card import build_card
from core.answers.character_films import films_by_characters
from core.answers.characters import cast_answer, has_character, in_cast, knows_name, played_by, role_of, who_is
from core.answers.fields import COUNTED, FIELD_QUESTIONS, answer_field, count_answer, credited_source
from core.answers.intents import Intent, Question, Topic, parse_question
from core.answers.naming import NamedFilm, find_named_film
from core.answers.passages import (
    MONEY_SECTIONS,
    PLOT_SECTION,
    PRODUCTION_SECTIONS,
    RECEPTION_SECTIONS,
    SONG_SECTIONS,
    beat_part,
    best_passages,
    content_terms,
    not_said,
    passage_answer,
    passage_share,
)
from core.answers.phrasing import FILLER, spans, strip_filler
from core.answers.plot_events import names_character, plot_event_answer, plot_sentences, question_terms
from core.answers.titles import Resolution, TitleIndex
from core.commands.lookup import FilmLookup, Found, NotFound
from core.commands.registry import CommandContext
from core.library.model import PEOPLE_FIELDS, FieldName, Film, Plot
from core.responses import ChoicePart, ListPart, Response, SpoilerPart, TextPart, Visibility
from core.spoilers.plot import tellings
from core.spoilers.policy import beat_content, guard
from core.spoilers.reveal import reveal_id

if TYPE_CHECKING:
    from core.app import FilmClub

# Words that part a subject from a title: "who plays Zahra in Children of Heaven".
SEPARATORS = frozenset({"in", "from", "on", "for"})
# Questions about someone in a film: a follow-up may name someone of another film (see `_character_elsewhere`).
CHARACTER_INTENTS = frozenset({Topic.PLAYED_BY, Topic.WHO_IS})
MAX_CHOICES = 10
MAX_PERSON_FILMS = 3
MAX_TRAILING_WORDS = 6
# A misspelled one-word title ending a question is looked for only after such a word, and with this many letters.
LONE_TITLE_AFTER = SEPARATORS | {"of", "about"}
MIN_LONE_TITLE_LETTERS = 7
# The sections an answer from passages belongs in, by intent.
SECTIONS = {
    FieldName.SCORE: RECEPTION_SECTIONS,
    FieldName.AWARD: RECEPTION_SECTIONS,
    FieldName.BUDGET: MONEY_SECTIONS,
    FieldName.GROSS: MONEY_SECTIONS,
    FieldName.MUSIC: SONG_SECTIONS,
}
# Fact questions that ask about the plot when they name a character ("where does Julia come from").
CHARACTER_FIELDS = frozenset({FieldName.COUNTRY, FieldName.RELEASED, FieldName.AWARD, FieldName.LANGUAGE})
# Questions that are about the plot when their words name a film's characters instead of its title.
PLOT_INTENTS = CHARACTER_FIELDS | {Topic.PLOT}
# What the article doesn't say, for the intents answered from its sentences.
NOT_SAID: dict[Intent, str] = {
    Topic.SETTING: "where it is set",
    Topic.FILMING: "where it was filmed",
    Topic.TITLE_MEANING: "what its title means",
    Topic.OTHER_TITLES: "any other title of it",
}
# Words of a plot question that ask for the plot, not for something in it.
PLOT_WORDS = frozenset({"plot", "story", "storyline", "spoiler", "spoilers", "synopsis", "happens", "what"})
ENDING_WORDS = frozenset({"end", "ending", "ends", "ended", "finale", "climax"})
START_WORDS = frozenset({"start", "starts", "beginning", "begin", "begins", "opening", "setup", "premise"})
EXAMPLES = (
    "who directed Children of Heaven?",
    "who plays Zahra in Children of Heaven?",
    "who's in it?",
    "how long is it?",
    "when did it come out?",
    "how much did it make? / what was the budget?",
    "is it in English? / where was it made?",
    "what did critics think?",
    "is there anything after the credits?",
    "who is Alireza?",
)

# Questions about a character or an actor: an aspect's words in them are the character's ("the sixth sense").
CHARACTER_INTENTS = frozenset({Topic.PLAYED_BY, Topic.ROLE_OF, Topic.WHO_IS})
SubjectAnswer = Callable[[Film, str], Response]
SUBJECT_ANSWERS: dict[Intent, SubjectAnswer] = {
    Topic.PLAYED_BY: played_by,
    Topic.ROLE_OF: role_of,
    Topic.IN_CAST: in_cast,
}


def answer_question(club: FilmClub, ctx: CommandContext, question: str) -> Response:
    """Answer a question about a film in plain words.

    Args:
        club: the club (library, title index, the channel's last film).
        ctx: who asks, where (a question without a title goes to the channel's last film).
        question: e.g. ``how much did children of heaven make``.

    Returns:
        A cited answer; "which film?" when no film is named or remembered; a short help with
        examples when the question is not understood; never a guess.

    """
    named = find_named_film(club.titles, question)
    if named is not None:
        return _answer_named(club, ctx, named)
    parsed = parse_question(question)
    if parsed.intent is None:
        bare = _bare_title(club, ctx, parsed)
        if bare is not None:
            return bare
        trailing = _trailing_title(club, parsed.rest)
        film = trailing.film if isinstance(trailing, Found) else club.channel_film(ctx)
        if not strip_filler(parsed.rest):
            return help_response()
        if film is not None:
            club.remember_film(ctx, film)
            return from_article(club, ctx, film, parsed.text.split())
        match _film_by_characters(club, parsed.text.split()):
            case Film() as named_film:
                club.remember_film(ctx, named_film)
                return _about(named_film, from_article(club, ctx, named_film, parsed.text.split()))
            case Response() as choice:
                return choice
        return help_response()
    found = _film_and_subject(club, ctx, parsed)
    if isinstance(found, Response):
        return found
    film, subject = found
    response = answer_about(club, ctx, film, parsed, subject)
    club.remember_film(ctx, film)
    return response


def _answer_named(club: FilmClub, ctx: CommandContext, named: NamedFilm) -> Response:
    """Answer a question that names its film: the intent is read from the words the title left."""
    found = film_of(club, named.span.resolution)
    if not isinstance(found, Found):
        return found.response()
    film = found.film
    parsed = parse_question(named.rest)
    club.remember_film(ctx, film)
    if parsed.intent is None:
        if not strip_filler(parsed.rest) and asked_aspect(parsed.text, None) is None:
            return Response(parts=[build_card(film)])
        return from_article(club, ctx, film, parsed.text.split())
    subject = " ".join(strip_filler(parsed.subject.split()))
    return answer_about(club, ctx, film, parsed, subject)


def from_article(club: FilmClub, ctx: CommandContext, film: Film, words: list[str], what: str = "") -> Response:
    """Answer from the film's article when no structured fact does: its best passages, or that it doesn't say.

    A question naming one of the film's characters is about the plot: its sentences are read first.
    """
    plain = ctx.spoiler_channel
    aspect = asked_aspect(" ".join(words), None)
    if aspect is not None:
        told = aspect_answer(club.library, film, aspect, words, plain)
        return told or not_said(film, aspect.what)
    if names_character(film, words):
        found = plot_sentences(film, words)
        if found is not None and found.share >= passage_share(club.library, film, words):
            return plot_event_answer(film, words, plain, found) or not_said(film, what)
    told = passage_answer(club.library, film, words, plain) or plot_event_answer(film, words, plain)
    return told or not_said(film, what)


def _film_and_subject(club: FilmClub, ctx: CommandContext, parsed: Question) -> tuple[Film, str] | Response:
    """Find the film a question is about (named, else the channel's), and what it asks about in it."""
    subject, unknown = parsed.subject, ""
    resolution = locate_title(club.titles, parsed.rest)
    if resolution is None and subject:
        subject, resolution, unknown = split_subject(club.titles, subject.split())
    subject = " ".join(strip_filler(subject.split()))
    film = club.channel_film(ctx)
    if resolution is not None:
        found = film_of(club, resolution)
        if isinstance(found, Found):
            return found.film, subject
        if not isinstance(found, NotFound):
            return found.response()
        # no title in the words of a plot question: "which prize does ali want in the race" names a film's characters
        words = parsed.text.split()
        if parsed.intent not in PLOT_INTENTS:
            return found.response()
        if film is not None and names_character(film, words):
            return film, subject
        if film is None and not found.nearest:
            match _film_by_characters(club, words):
                case Film() as named_film:
                    return named_film, subject
                case Response() as choice:
                    return choice
        return found.response()
    if film is not None:
        return _character_elsewhere(club, ctx, parsed, film, subject) or (film, subject)
    if parsed.intent is Topic.WHO_IS and subject:
        return person_answer(club, subject)
    if unknown:  # "who plays Zahra in <a film the library lacks>"
        found = club.find_film(unknown)
        return (found.film, subject) if isinstance(found, Found) else found.response()
    return which_film()


def _film_by_characters(club: FilmClub, words: list[str]) -> Film | Response | None:
    """The one film whose characters the words name, a choice when several are as close, None when none is."""
    films = films_by_characters(club.library, words)
    if len(films) > 1:
        options = [f.display_title for f in films[:MAX_CHOICES]]
        choice = ChoicePart(question="Which film do you mean?", options=options)
        return Response(parts=[choice], visibility=Visibility.PRIVATE)
    return films[0] if films else None


def _about(film: Film, answer: Response) -> Response:
    """An answer about a film the question named only by its characters, saying which film it took."""
    note = TextPart(text=f"About {film.display_title}, by the characters named:")
    return Response(parts=[note, *answer.parts], visibility=answer.visibility)


def _character_elsewhere(
    club: FilmClub, ctx: CommandContext, parsed: Question, film: Film, subject: str
) -> Response | None:
    """A follow-up naming someone the channel's film doesn't have: the one film of the library whose cast list does.

    "who plays Zahra" after talking about Batman: answered for Children of Heaven, saying so; when several
    films have such a character, the member picks; when none does, None (answered for the channel's film).
    """
    if parsed.intent not in CHARACTER_INTENTS or not subject or knows_name(film, subject):
        return None
    others: list[Film] = []
    for film_id in club.library.films_with_character(subject):  # loaded one by one, only until the choice is full
        other = club.library.get_film(film_id) if film_id != film.id else None
        if other is not None and has_character(other, subject):
            others.append(other)
            if len(others) == MAX_CHOICES:
                break
    if len(others) > 1:
        question = f"{film.display_title} has no “{subject.title()}”. Which film do you mean?"
        options = [f.display_title for f in others[:MAX_CHOICES]]
        return Response(parts=[ChoicePart(question=question, options=options)], visibility=Visibility.PRIVATE)
    if not others:
        return None
    other = others[0]
    club.remember_film(ctx, other)
    answer = answer_about(club, ctx, other, parsed, subject)
    note = TextPart(text=f"{film.display_title} has no “{subject.title()}”, so this is about {other.display_title}:")
    return Response(parts=[note, *answer.parts], visibility=answer.visibility)


def answer_about(club: FilmClub, ctx: CommandContext, film: Film, parsed: Question, subject: str) -> Response:
    """Answer one intent about a known film (plot text only hidden outside the club's spoiler channels).

    A fact the library does not hold is looked for in the article's passages before saying so.
    """
    intent = parsed.intent
    words = parsed.text.split()
    aspect = asked_aspect(parsed.text, intent)
    if aspect is not None and intent not in CHARACTER_INTENTS and not _fact_first(aspect, film, intent):
        told = aspect_answer(club.library, film, aspect, words, ctx.spoiler_channel)
        if told is not None:
            return told
        if intent not in aspect.falls_back or aspect.names(words):  # no sentence names the Oscar asked about
            return not_said(film, aspect.what)
    asks_plot = (intent in CHARACTER_FIELDS and names_character(film, words)) or (
        intent in (Topic.WHO_IS, Topic.IN_CAST) and subject and not knows_name(film, subject)
    )
    if asks_plot:  # "where does Julia come from", "is Kumar really an engineer": the plot tells it
        told = plot_event_answer(film, words, ctx.spoiler_channel)
        if told is None and intent is Topic.WHO_IS:  # no one of that name: the sentences naming "the tour guide"
            told = passage_answer(club.library, film, words, ctx.spoiler_channel)
        if told is not None:
            return told
    if intent is Topic.WHO_IS and subject:
        return who_is(film, subject, spoiler_channel=ctx.spoiler_channel)
    if intent in SUBJECT_ANSWERS and subject:
        return SUBJECT_ANSWERS[intent](film, subject)
    if intent is Topic.TITLE_MEANING:  # of the title, or of a name the words left name ("what does soma mean")
        term = " ".join(strip_filler(parsed.rest))
        told = title_meaning(club.library, film, ctx.spoiler_channel, term)
        return told or not_said(film, f"what “{term}” means" if term and told is None else NOT_SAID[intent])
    if intent in ARTICLE_ANSWERS:
        told = ARTICLE_ANSWERS[intent](club.library, film, ctx.spoiler_channel)
        if told is not None:
            return told
    if intent is Topic.OTHER_TITLES:  # the subject is a language or a place ("the US": no filler then)
        original = bool({"originally", "original", "first"} & set(words))
        titles = other_titles(club.library, film, parsed.subject.removeprefix("the "), original)
        return titles or not_said(film, NOT_SAID[intent])
    if intent is Topic.SONGS:
        return passage_answer(club.library, film, words, ctx.spoiler_channel, SONG_SECTIONS) or not_said(film)
    # something filmed there ("the host segments"): the passages naming it
    if intent is Topic.FILMING and best_passages(club.library, film, words, PRODUCTION_SECTIONS):
        return passage_answer(club.library, film, words, ctx.spoiler_channel, PRODUCTION_SECTIONS) or not_said(film)
    if intent in NOT_SAID:  # the sentences that would say it are known: another passage would be a guess
        return not_said(film, NOT_SAID[intent])
    if isinstance(intent, FieldName) and intent in COUNTED and "how many" in parsed.text:
        counted = count_answer(film, intent)
        if counted is not None:
            return counted
    if intent is FieldName.BASED_ON and not film.facts_for(FieldName.BASED_ON):
        credited = credited_source(film)  # "Irma Berk (story All God's Children)" among the writers
        if credited is not None:
            return credited
    if isinstance(intent, FieldName) and intent in FIELD_QUESTIONS:
        if not film.facts_for(intent):
            found = passage_answer(club.library, film, words, ctx.spoiler_channel, SECTIONS.get(intent))
            if found is not None:
                return found
        return answer_field(film, intent, subject)
    if intent is Topic.PLOT:
        return plot_answer(club, ctx, film, words)
    return cast_answer(film)


def _fact_first(aspect: Aspect, film: Film, intent: Intent | None) -> bool:
    """Whether the intent's fact, held, answers before the aspect's sentences (critics' scores, awards)."""
    held = isinstance(intent, FieldName) and intent in FIELD_QUESTIONS and bool(film.facts_for(intent))
    return held and intent in aspect.defers


def locate_title(titles: TitleIndex, words: list[str], fuzzy: bool = True, inner: bool = True) -> Resolution | None:
    """Find the title among the words a question left over.

    Args:
        titles: the title index.
        words: folded words (e.g. ``did children of heaven``).
        fuzzy: also try a fuzzy match of the whole phrase.
        inner: also try exact names inside the phrase.

    Returns:
        None when the words are only filler (no title named); else a resolution, with no
        candidates when nothing matched. Exact names win (the phrase, or the phrase widened into
        the filler around it, e.g. "Let the Right One In"), then a fuzzy match of the phrase, then
        the longest exact name inside it ("hey quick question batman").

    """
    start, end = _core_bounds(words)
    if start == end:
        return None
    core = words[start:end]
    for phrase in _widenings(words, start, end):
        found = titles.resolve_exact(phrase)
        if found.candidates:
            return found
    if fuzzy:
        found = titles.resolve(" ".join(core))
        if found.candidates:
            return found
    if inner:
        for phrase in spans(core)[1:]:
            if all(w in FILLER for w in phrase.split()):
                continue
            found = titles.resolve_exact(phrase)
            if found.candidates:
                return found
        ending = trailing_title(titles, core) if fuzzy else None  # "the songs for sendhoorapandi"
        if ending is not None:
            return ending
    return Resolution(" ".join(core))


def split_subject(titles: TitleIndex, words: list[str]) -> tuple[str, Resolution | None, str]:
    """Part "zahra in children of heaven" into the subject and the film, when a film is named there.

    Args:
        titles: the title index.
        words: the subject's folded words.

    Returns:
        The subject, the film's resolution (None when no film is named), and, when none is, what
        looked like a title (the words after the first "in"), for a "no film called …" answer.

    """
    cuts = [i for i, w in enumerate(words) if w in SEPARATORS and 0 < i < len(words) - 1]
    for fuzzy in (False, True):
        for i in cuts:
            found = locate_title(titles, words[i + 1 :], fuzzy=fuzzy, inner=False)
            if found is not None and found.candidates:
                return " ".join(words[:i]), found, ""
    unknown = " ".join(strip_filler(words[cuts[0] + 1 :])) if cuts else ""
    return " ".join(words), None, unknown


def film_of(club: FilmClub, resolution: Resolution) -> FilmLookup:
    """Load the film of a resolution, else look its words up afresh (pick one of several, not found)."""
    if resolution.film_id is not None:
        film = club.library.get_film(resolution.film_id)
        if film is not None:
            return Found(film)
    return club.find_film(resolution.query)


def person_answer(club: FilmClub, name: str) -> Response:
    """Who someone is across the library, when no film is in the conversation."""
    rows = club.library.films_with_person(name, [*PEOPLE_FIELDS, FieldName.CAST])
    film_ids = list(dict.fromkeys(row[0] for row in rows))[:MAX_PERSON_FILMS]
    parts: list[TextPart] = []
    for film_id in film_ids:
        film = club.library.get_film(film_id)
        if film is not None:
            parts += [p for p in who_is(film, name).parts if isinstance(p, TextPart)]
    return Response(parts=list(parts)) if parts else which_film()


def plot_answer(club: FilmClub, ctx: CommandContext, film: Film, words: list[str]) -> Response:
    """A plot question: how it ends, something in the plot (its passages, spoilers hidden), or how to read it."""
    plots = tellings(film)
    if plots and question_terms(words):  # something in the plot: "what happens to the Joker at the end"
        told = plot_event_answer(film, words, ctx.spoiler_channel)
        if told is not None:
            return told
    if ENDING_WORDS & set(words):
        return ending(film, plots[0], ctx.spoiler_channel) if plots else no_plot(film)
    if START_WORDS & set(words):
        if not plots:
            return no_plot(film)
        return Response(parts=[setup(film, plots[0], ctx.spoiler_channel)])
    if content_terms([w for w in words if w not in PLOT_WORDS]):
        found = passage_answer(club.library, film, words, ctx.spoiler_channel, PLOT_SECTION)
        if found is not None:
            return found
    parts: list[TextPart | SpoilerPart] = []
    if film.facts_for(FieldName.SUMMARY):
        parts.append(answer_field(film, FieldName.SUMMARY).parts[0])  # type: ignore[arg-type]
    if not plots:
        parts.extend(p for p in no_plot(film).parts if isinstance(p, TextPart))
        return Response(parts=list(parts))
    parts.append(setup(film, plots[0], ctx.spoiler_channel))  # what happens: the set-up is open, as in `/film plot`
    later = len(plots[0].beats) - 1
    if later and club.registry.get("film", "plot") is not None:
        rest = f"The rest ({later} more part{'s' if later > 1 else ''}) is hidden behind spoiler tags"
        parts.append(TextPart(text=f"{rest}: try `/film plot {film.title}`."))
    return Response(parts=list(parts))


def setup(film: Film, plot: Plot, plain: bool) -> TextPart | SpoilerPart:
    """The first part of a plot as ``/film plot`` shows it (the set-up: open), cited with its place."""
    beat = plot.beats[0]
    return beat_part(film, plot, beat, beat.text, plain, plot.source.label)


def ending(film: Film, plot: Plot, spoiler_channel: bool) -> Response:
    """How a film ends: the last beat of its fullest plot, hidden as ``/film plot`` hides it."""
    beat = plot.beats[-1]
    label = f"how it ends ({plot.source.label}, part {beat.index} of {len(plot.beats)})"
    content = beat_content(beat.index, len(plot.beats))
    part = guard(content, label, beat.text, plain=spoiler_channel, reveal_id=reveal_id(film, plot, beat))
    return Response(parts=[part])


def no_plot(film: Film) -> Response:
    """The article tells no plot: say so, rather than that it is hidden."""
    text = f"The article on {film.display_title} has no plot section: it doesn't say what happens."
    return Response(parts=[TextPart(text=text)])


def which_film() -> Response:
    """No title in the question and none talked about in this channel: ask, don't guess."""
    return Response(
        parts=[
            TextPart(text="Which film do you mean? Ask again with its title, e.g. “how long is Children of Heaven?”.")
        ],
        visibility=Visibility.PRIVATE,
    )


def help_response() -> Response:
    """Give a short help for a question the bot did not understand."""
    return Response(
        parts=[
            TextPart(text="Sorry, I didn't understand that question. I can answer questions like these:"),
            ListPart(items=list(EXAMPLES)),
        ],
        visibility=Visibility.PRIVATE,
    )


def _bare_title(club: FilmClub, ctx: CommandContext, parsed: Question) -> Response | None:
    """Answer a "question" that is only a title with the film's card."""
    resolution = locate_title(club.titles, parsed.rest, inner=False)
    if resolution is None or not resolution.candidates:
        return None
    match film_of(club, resolution):
        case Found(film=film):
            club.remember_film(ctx, film)
            return Response(parts=[build_card(film)])
        case missed:
            return missed.response()


def _trailing_title(club: FilmClub, words: list[str]) -> FilmLookup | None:
    """A misspelled or partial title ending a question no intent matched ("were animals hurt making milo and otis")."""
    resolution = trailing_title(club.titles, words)
    return film_of(club, resolution) if resolution is not None else None


def trailing_title(titles: TitleIndex, words: list[str]) -> Resolution | None:
    """The one film a misspelled or partial title ending the words means, longest ending first.

    An ending of one word counts only after a word such as "in" ("why is vijayakanth in sendhoorapandi")
    and when long enough that a keystroke or two away from a title is still a clue.
    """
    for size in range(min(MAX_TRAILING_WORDS, len(words)), 0, -1):
        phrase = words[-size:]
        if phrase[0] in FILLER:
            continue
        if size == 1:
            if len(phrase[0]) < MIN_LONE_TITLE_LETTERS or len(words) < 2 or words[-2] not in LONE_TITLE_AFTER:
                continue
        elif sum(w not in FILLER for w in phrase) < 2:
            continue
        resolution = titles.resolve(" ".join(phrase))
        if resolution.film_id is not None:
            return resolution
    return None


def _core_bounds(words: list[str]) -> tuple[int, int]:
    core = strip_filler(words)
    if not core:
        return 0, 0
    start = next(i for i in range(len(words)) if words[i : i + len(core)] == core)
    return start, start + len(core)


def _widenings(words: list[str], start: int, end: int) -> list[str]:
    """List the core phrase and the core grown into the filler around it, longest first."""
    grown = [(a, b) for a in range(start, -1, -1) for b in range(end, len(words) + 1)]
    grown.sort(key=lambda ab: ab[0] - ab[1])
    return [" ".join(words[a:b]) for a, b in grown]
