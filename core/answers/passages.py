"""Answers from the article's own sentences: the best passages for a question, cited by section, spoilers hidden.

When no structured fact answers a question, the film's passages are searched (the store's full-text
index ranks them) and a passage is taken only when it holds enough of the question's content words:
ranking alone would always find something. The answer quotes the sentences of the passage that
hold them, naming the section ("Wikipedia: Final Destination, Plot"). A passage of the plot is
shown like the plot beat it comes from in ``/film plot``: the set-up open, every later beat hidden
under the club's spoiler policy and revealable on its own; lead and production passages are open.
Nothing good enough: the answer says the article doesn't say, never that a plot is hidden.
"""

from __future__ import annotations

import re
from math import ceil
from typing import TYPE_CHECKING

from core.answers.cite import join_words
from core.answers.phrasing import FILLER, fold
from core.documents.beats import split_sentences
from core.library.model import Film, Passage, Plot, PlotBeat
from core.responses import Response, SpoilerPart, TextPart
from core.spoilers.policy import Content, beat_content, guard
from core.spoilers.reveal import reveal_id

if TYPE_CHECKING:
    from core.library.store import FilmLibrary

PLOT_SECTION = re.compile(r"^(?:plot|synopsis|plot summary|plot synopsis|summary|story|storyline|premise)$")
# Where in an article the answer to a kind of question is told.
RECEPTION_SECTIONS = re.compile(r"recep|critic|response|review|accolade|award|legacy")
MONEY_SECTIONS = re.compile(r"box office|release|budget|financ|commercial")
SONG_SECTIONS = re.compile(r"music|song|soundtrack")
PRODUCTION_SECTIONS = re.compile(r"production|filming|shooting|photography|location|development|making")
SEARCHED = 10  # passages ranked by the index, re-checked here
MAX_PASSAGES = 2
MAX_SENTENCES = 2
# Words of a question that say what kind of answer is wanted, not what it is about.
_ASKING = (
    "happen happens happened happening say says said mention mentions mentioned article wikipedia",
    "talk talks explain explains describe described anyone someone somebody like kind sort way ways",
    "get got go goes went make made much many long think thought feel felt",
)
ASKING_WORDS = frozenset(word for group in _ASKING for word in group.split())
GENERIC_STEMS = frozenset({"film", "movie"})  # "filmed", "movies": in every article
_SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "s", "ly", "ers", "er", "ions", "ion", "ally", "al")


# Past forms no suffix rule reaches ("they wrote it in three weeks" answers "how long did it take to write").
_IRREGULAR = (
    "wrote:write written:write took:take taken:take began:begin begun:begin ran:run came:come went:go gone:go "
    "gave:give given:give told:tell fought:fight caught:catch brought:bring bought:buy sold:sell thought:think "
    "sang:sing sung:sing met:meet fell:fall fallen:fall knew:know known:know spoke:speak spoken:speak stole:steal "
    "stolen:steal drove:drive driven:drive flew:fly broke:break broken:break chose:choose chosen:choose "
    "became:become kept:keep lost:lose won:win hid:hide hidden:hide threw:throw thrown:throw"
)
IRREGULAR = dict(pair.split(":") for pair in _IRREGULAR.split())


def stem(word: str) -> str:
    """A crude stem, so "filmed", "filming" and "films" meet at "film", and "wrote" meets "write"."""
    word = IRREGULAR.get(word, word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_terms(words: list[str]) -> list[str]:
    """The stems of a question's words that say what it is about (no filler, no asking words)."""
    stems = (stem(w) for w in words if w not in FILLER and w not in ASKING_WORDS and len(w) > 1)
    return list(dict.fromkeys(s for s in stems if s not in GENERIC_STEMS))


def _stems(text: str) -> set[str]:
    return {stem(w) for w in fold(text).split()}


def held_share(terms: list[str], text: str) -> float:
    """The share of a question's terms a text holds (0 when the question has none)."""
    held = _stems(text)
    return sum(t in held for t in terms) / len(terms) if terms else 0.0


def enough(terms: list[str], text: str) -> bool:
    """Whether a text holds enough of a question's terms to answer it (at least half, at least one)."""
    held = _stems(text)
    return sum(t in held for t in terms) >= max(1, ceil(len(terms) / 2))


def section_name(passage: Passage) -> str:
    """The section as a reader finds it: ``Plot``, ``Production › Filming``, ``lead``."""
    return " › ".join(passage.section) if passage.section != ("Lead",) else "lead"


def citation(passage: Passage) -> str:
    """``Wikipedia: Final Destination, Plot``."""
    return f"{passage.source.label}, {section_name(passage)}"


def in_plot(passage: Passage) -> bool:
    """Whether a passage tells the plot (a Plot/Synopsis/Story heading anywhere on its path)."""
    return any(PLOT_SECTION.match(fold(heading)) for heading in passage.section)


def best_passages(
    library: FilmLibrary, film: Film, words: list[str], prefer: re.Pattern[str] | None = None
) -> list[Passage]:
    """The film's passages that answer a question, best first (none when no passage holds enough of it).

    Args:
        library: the store (its full-text index ranks the film's passages).
        film: the film asked about.
        words: the question's folded words, the title taken out.
        prefer: headings of the sections the answer belongs in (a plot question, the plot): when one of
            the passages that answer is under such a heading, only those are kept.

    Returns:
        At most ``MAX_PASSAGES`` passages, each holding at least half the question's content words.

    """
    names = {w for name in (film.title, *film.aliases) for w in fold(name).split()}
    words = [w for w in words if w not in names]  # the film's own name is in every passage
    terms = content_terms(words)
    if not terms:
        return []
    found = [p for p in library.search_passages(film.id, " ".join(words), SEARCHED) if enough(terms, p.text)]
    if prefer is not None:
        preferred = [p for p in found if any(prefer.search(fold(h)) for h in p.section)]
        found = preferred or found
    return found[:MAX_PASSAGES]


def section_opening(library: FilmLibrary, film: Film, sections: re.Pattern[str]) -> list[Passage]:
    """The first passage of the first section whose heading matches (a reception question with no better match)."""
    passages = [p for p in library.passages(film.id) if any(sections.search(fold(h)) for h in p.section)]
    return passages[:1]


def quote(passage: Passage, terms: list[str]) -> str:
    """The sentences of a passage holding the question's terms (its first ones when none does alone)."""
    sentences = split_sentences(passage.text) or [passage.text]
    scored = [(sum(t in _stems(s) for t in terms), i) for i, s in enumerate(sentences)]
    best = sorted((i for score, i in sorted(scored, reverse=True)[:MAX_SENTENCES] if score), key=int)
    return " ".join(sentences[i] for i in best or range(min(MAX_SENTENCES, len(sentences))))


def passage_answer(
    library: FilmLibrary,
    film: Film,
    words: list[str],
    spoiler_channel: bool = False,
    prefer: re.Pattern[str] | None = None,
) -> Response | None:
    """Answer a question from the film's article, or None when no passage answers it.

    Args:
        library: the store.
        film: the film asked about.
        words: the question's folded words, the title taken out.
        spoiler_channel: the question was asked in one of the club's spoiler channels (plot shown plainly).
        prefer: headings of the sections the answer belongs in (see ``best_passages``).

    Returns:
        The one or two best passages, quoted and cited by section; plot passages after the set-up
        as spoilers (see ``core.spoilers.policy``).

    """
    passages = best_passages(library, film, words, prefer)
    if not passages and prefer is not None and prefer is not PLOT_SECTION:
        passages = section_opening(library, film, prefer)
    if not passages:
        return None
    terms = content_terms(words)  # the film's name too: a sentence naming it is no worse
    parts: list[TextPart | SpoilerPart] = []
    for passage in passages:
        text = quote(passage, terms)
        if in_plot(passage):
            parts.append(plot_part(film, passage, text, spoiler_channel))
        else:
            parts.append(TextPart(text=f"{text} ({citation(passage)})"))
    return Response(parts=list(parts))


def plot_part(film: Film, passage: Passage, text: str, plain: bool) -> TextPart | SpoilerPart:
    """A plot passage, shown as the beat it belongs to is in ``/film plot`` (set-up open, later beats hidden)."""
    found = _beat_of(film, passage)
    if found is None:
        label = f"what the plot says ({citation(passage)})"
        return guard(Content.PLOT_ANSWER, label, text, plain=plain)
    return beat_part(film, found[0], found[1], text, plain, citation(passage))


def beat_part(film: Film, plot: Plot, beat: PlotBeat, text: str, plain: bool, cited: str) -> TextPart | SpoilerPart:
    """Sentences of a plot beat, shown as ``/film plot`` shows the beat (the set-up open, later beats hidden).

    Args:
        film: the film.
        plot: the telling the beat belongs to.
        beat: the beat the sentences come from.
        text: the sentences.
        plain: shown plainly (the club's spoiler channels).
        cited: the source as cited (``Wikipedia: Batman, Plot``), the beat's place is added.

    """
    content = beat_content(beat.index, len(plot.beats))
    where = f"{cited}, part {beat.index} of {len(plot.beats)}"
    if content is Content.SETUP:
        return TextPart(text=f"{text} ({where}, the set-up)")
    return guard(content, f"what the plot says ({where})", text, plain=plain, reveal_id=reveal_id(film, plot, beat))


def _beat_of(film: Film, passage: Passage) -> tuple[Plot, PlotBeat] | None:
    """The beat of the film's plot (from the passage's own document) that holds the passage's words."""
    wanted = _stems(passage.text)
    best: tuple[float, Plot, PlotBeat] | None = None
    for plot in film.plots:
        if plot.source.document_id != passage.source.document_id:
            continue
        for beat in plot.beats:
            share = len(wanted & _stems(beat.text)) / max(1, len(wanted))
            if best is None or share > best[0]:
                best = (share, plot, beat)
    if best is None or best[0] < 0.5:
        return None
    return best[1], best[2]


def not_said(film: Film, what: str = "") -> Response:
    """The article holds nothing that answers the question: say so (never that a plot is hidden).

    Args:
        film: the film asked about.
        what: what it doesn't say, as "doesn't say <what>" reads ("where it is set"); "" for a question.

    """
    sources = join_words(list(dict.fromkeys(s.label for s in film.sources)))
    where = f" ({sources})" if sources else ""
    said = f" {what}" if what else ""
    return Response(parts=[TextPart(text=f"The article on {film.display_title}{where} doesn't say{said}.")])


def passage_share(library: FilmLibrary, film: Film, words: list[str]) -> float:
    """How much of a question the best passage outside the plot holds (0 when none answers it)."""
    terms = content_terms(words)
    shares = [held_share(terms, p.text) for p in best_passages(library, film, words) if not in_plot(p)]
    return max(shares, default=0.0)
