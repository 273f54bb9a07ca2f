"""Facts the article tells in sentences, not in its infobox.

What it is about, where it is set and filmed, what its title means and what else it is called.

Each is read from the film's passages at question time, in article order and in general terms (a
parenthesis after the title in the lead, "set in", "filmed in"), and quoted with its section. A
sentence from the plot after the set-up stays behind a spoiler, as every plot passage does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from core.answers.cite import join_words
from core.answers.intents import DEMONYMS, Intent, Topic
from core.answers.overview import about, genre
from core.answers.passages import citation, in_plot, plot_part
from core.answers.phrasing import fold
from core.answers.setting import setting
from core.answers.title_names import explains, gloss, titles_in_languages
from core.documents.beats import split_sentences
from core.library.model import FieldName, Film, Passage
from core.responses import Response, SpoilerPart, TextPart

if TYPE_CHECKING:
    from core.library.store import FilmLibrary

_PAREN = re.compile(r"\(([^()]{2,300})\)")
_LABELLED = re.compile(r"^(?P<label>[^:]{2,60}):\s*[\"“'‘]?(?P<name>.+?)[\"”'’]?$")
_ALSO = re.compile(
    r"\b(?:also known as|a\.k\.a\.|aka|released (?:in [\w ]+ )?as|retitled|renamed|originally (?:titled|called|"
    r"named|released as)|working title(?: was| of)?|stylized as|stylised as)\s*:?\s*[\"“']?"
    r"(?P<name>[^\"”'.,;()]{2,80})",
    re.IGNORECASE,
)
_ORIGINAL = re.compile(
    r"\b(?:originally (?:titled|called|named|known as|released as)|working title|first (?:titled|called|named)|"
    r"(?:was|were) (?:re)?titled|retitled|renamed)\b",
    re.I,
)
_TITLE_TALK = re.compile(
    r"\b(?:(?:the (?:film's |movie's )?(?:title|name)(?: of the (?:film|movie))?) (?:means?|refers?|comes?|came|"
    r"derives?|is (?:taken|derived|borrowed)|was (?:taken|derived|borrowed|inspired))|named after|titled after)\b",
    re.I,
)
_QUOTE_MARKS = "\"“”'"
TITLE_LIKENESS = 80  # a term this close to the title (rapidfuzz ratio) is the title, misspelled
_FILMED = re.compile(
    r"\b(?:filmed|filming|shot|shooting|principal photography|photographed|on location)\b(?! of\b)", re.I
)
_PLACE_AFTER = re.compile(r"\b(?:in|at|on location in|near|around|across|throughout)\s+(?:the\s+)?[A-Z]")
_FILMING_SECTION = re.compile(r"filming|shooting|photography|location", re.I)
_LOCATIONS_SECTION = re.compile(r"^(?:filming |shooting )?locations?$", re.I)  # a list of places, one an item


def _sentences(passages: list[Passage], pattern: re.Pattern[str]) -> list[tuple[Passage, str]]:
    return [(p, s) for p in passages for s in split_sentences(p.text) or [p.text] if pattern.search(s)]


def _lead_opening(passages: list[Passage]) -> Passage | None:
    return next((p for p in passages if p.section == ("Lead",)), None)


def _quoted(film: Film, found: list[tuple[Passage, str]], plain: bool, limit: int = 2) -> Response:
    parts: list[TextPart | SpoilerPart] = []
    for passage, sentence in found[:limit]:
        if in_plot(passage):
            parts.append(plot_part(film, passage, sentence, plain))
        else:
            parts.append(TextPart(text=f"{sentence} ({citation(passage)})"))
    return Response(parts=list(parts))


def filming(library: FilmLibrary, film: Film, plain: bool) -> Response | None:
    """Where and when the film was shot: sentences of its production sections first."""
    scored = []
    passages = library.passages(film.id)
    listed = [(p, p.text) for p in passages if _LOCATIONS_SECTION.search(p.section[-1]) and not _FILMED.search(p.text)]
    for passage, sentence in [*_sentences(passages, _FILMED), *listed]:
        if in_plot(passage):
            continue
        score = 2 * any(_FILMING_SECTION.search(h) for h in passage.section) + bool(_PLACE_AFTER.search(sentence))
        if score:
            scored.append((-score, passage.ordinal, passage, sentence))
    order = [(passage, sentence) for *_, passage, sentence in sorted(scored, key=lambda item: item[:2])]
    return _quoted(film, order, plain) if order else None


def _lead_parenthesis(opening: Passage, film: Film) -> list[str]:
    """The pieces of the parenthesis right after the title that opens the lead (read whole: "lit." is no full stop)."""
    match = _PAREN.search(opening.text)
    if match is None or match.start() > len(film.title) + 40:
        return []
    return [p.strip() for p in re.split(r";|\bor\b", match.group(1)) if p.strip()]


def title_meaning(library: FilmLibrary, film: Film, plain: bool, term: str = "") -> Response | None:
    """What the title (or a name in the film, ``term``) means: a gloss, an explanation, a sentence about the title.

    The title's own meaning is first the gloss the lead gives in brackets after it ("lit. …", or a plain
    English name); then a sentence that explains the name where it writes it ("Ra.One (short for …)",
    "stands for"), in any section (a plot sentence after the set-up stays hidden); then a sentence about
    where the title comes from. Another name ("what does soma mean") is answered only by its explanation.
    """
    passages = library.passages(film.id)
    names = [film.title, *film.aliases]
    own = _asks_for_title(term, names)
    opening = _lead_opening(passages)
    if own and opening is not None:
        pieces = _lead_parenthesis(opening, film)
        glossed = next((g for g in map(gloss, pieces) if g), None)
        plain_english = [p.strip(_QUOTE_MARKS) for p in pieces if p.isascii() and not re.search(r"\d|:|film|born", p)]
        what = glossed or next(iter(plain_english), None)
        if what:
            return Response(parts=[TextPart(text=f"{film.title} means “{what}” ({citation(opening)}).")])
    wanted = names if own else [term]
    explained = [
        (passage, sentence)
        for passage in passages
        for sentence in split_sentences(passage.text) or [passage.text]
        if any(explains(sentence, name) for name in wanted)
    ]
    if explained:
        return _quoted(film, explained, plain, limit=1)
    found = _sentences(passages, _TITLE_TALK) if own else []
    return _quoted(film, found, plain, limit=1) if found else None


def _asks_for_title(term: str, names: list[str]) -> bool:
    """Whether "what does <term> mean" asks about the title itself (no term, "the title", or the title misspelled)."""
    folded = fold(term)
    if not folded or folded in {"title", "name", "the title", "the name", "film title", "movie title"}:
        return True
    return any(fuzz.ratio(folded, fold(name)) >= TITLE_LIKENESS for name in names)


def other_titles(library: FilmLibrary, film: Film, language: str, original: bool) -> Response | None:
    """Other titles of the film: the lead's ("US release title: …", "Italian: …"), its aliases, "originally titled".

    Args:
        library: the store.
        film: the film.
        language: a language asked about ("spanish"), or "".
        original: the question asks what it was first called.

    Returns:
        The title in that language when the article gives one; else every other title it gives (saying
        that none is in that language); None when it gives none.

    """
    passages = library.passages(film.id)
    opening = _lead_opening(passages)
    labelled: list[tuple[str, str]] = []
    if opening is not None:
        for piece in _lead_parenthesis(opening, film):
            meaning, found = gloss(piece), _LABELLED.match(piece)
            if meaning:
                label, name = "English translation", meaning
            else:
                label, name = (found.group("label"), found.group("name")) if found else ("", piece.strip("\"“”'"))
            if not re.search(r"\d{4}|\bborn\b", name):
                labelled.append((label.strip(), name.strip("\"“”' ")))
    where: dict[str, Passage] = {}  # a title told outside the lead's opening, and where
    for passage in passages:
        if passage.section == ("Lead",):
            labelled += _also_known_as(passage.text)
        if not in_plot(passage):
            for sentence in split_sentences(passage.text) or [passage.text]:
                for label, name in titles_in_languages(sentence):
                    labelled.append((label, name))
                    where.setdefault(fold(name), passage)
    if original:
        first = _sentences(passages, _ORIGINAL)
        if first:
            return _quoted(film, first, plain=False, limit=1)
    known = {fold(name) for _, name in labelled} | {fold(film.title)}
    labelled += [("", alias) for alias in film.aliases if fold(alias) not in known and "(" not in alias]
    labelled = list({fold(name): (label, name) for label, name in reversed(labelled)}.values())[::-1]
    if not labelled:
        return None
    source = citation(opening) if opening is not None else join_words([s.label for s in film.sources])
    if language:
        wanted = {fold(language), *(fold(d) for d, country in DEMONYMS.items() if fold(language) in country)}
        matching = [n for label, n in labelled if wanted & set(fold(label).split())]
        if not matching and fold(language) == "english":
            matching = [n for label, n in labelled if not label and n.isascii()]
        if matching:
            told = where.get(fold(matching[0]))
            said = f"In {_place(language)}, {film.title} is “{matching[0]}” ({citation(told) if told else source})."
            return Response(parts=[TextPart(text=said)])
    shown = join_words([f"“{n}”" + (f" ({label})" if label else "") for label, n in labelled])
    lead = f"The article gives no title for {film.title} in {_place(language)}. " if language else ""
    return Response(parts=[TextPart(text=f"{lead}{film.title} is also known as {shown} ({source}).")])


_AKA = re.compile(r"\b(?:also known as|a\.k\.a\.|also (?:released|titled|called) as|re-?released as|retitled)\s+", re.I)
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")


def _also_known_as(text: str) -> list[tuple[str, str]]:
    """``(label, name)`` for each name a sentence lists after "also known as" ("Lola's Mistake (reissue title)")."""
    found: list[tuple[str, str]] = []
    for sentence in split_sentences(text) or [text]:
        match = _AKA.search(sentence)
        if match is None:
            continue
        for item in _LISTED.split(sentence[match.end() :].rstrip(".")):
            label = re.search(r"\(([^()]+)\)", item)
            name = re.sub(r"\([^()]*\)", "", item).strip(" \"“”'")
            if name and len(name) <= 80:
                found.append((label.group(1) if label else "", name))
    return found


def _place(language: str) -> str:
    """``the US``, ``Spanish``: a language or place as a sentence names it."""
    return f"the {language.upper()}" if len(language) <= 3 else language.title()


ArticleAnswer = Callable[["FilmLibrary", Film, bool], Response | None]
ARTICLE_ANSWERS: dict[Intent, ArticleAnswer] = {
    FieldName.SUMMARY: about,
    FieldName.GENRE: genre,
    Topic.SETTING: setting,
    Topic.FILMING: filming,
}
