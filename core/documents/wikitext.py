"""Parser for real MediaWiki wikitext film articles (``[[links]]``, ``{{Infobox film}}``, ``<ref>``).

Each document is parsed once with mwparserfromhell; the infobox gives most facts
(``core.documents.wikitext_infobox``), the sections give the cast, the plot and box-office sums, and the
lead gives the title, year, aliases and a one-sentence summary. What cannot be read is reported in
``problems``, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import mwparserfromhell
from mwparserfromhell.nodes import Heading, Tag, Template, Text
from mwparserfromhell.utils import parse_anything
from mwparserfromhell.wikicode import Wikicode

from core.documents.beats import split_beats, split_sentences
from core.documents.not_films import NotAFilmArticle, refuse_series
from core.documents.passages import heading_paths, section_passages
from core.documents.values import read_all_money
from core.documents.wikitext_cast import read_cast
from core.documents.wikitext_infobox import is_film_infobox, read_infobox, read_sum, strip_qualifiers
from core.documents.wikitext_markup import Renderer, positional, strip_disambiguator, template_name
from core.documents.wikitext_tracks import is_track_list, table_sentences, track_sentences
from core.library.model import (
    LEAD_SECTION,
    CastValue,
    Fact,
    FieldName,
    MoneyScope,
    MoneyValue,
    ParsedDocument,
    PassageText,
    PersonValue,
    Plot,
    ReleaseValue,
    Source,
    SourceKind,
    TextValue,
    normalize,
)

KIND = SourceKind.WIKITEXT

_INFOBOX_START = re.compile(r"\{\{\s*infobox[ _]+film", re.IGNORECASE)
_LINK = re.compile(r"\[\[[^\[\]\n|]+(?:\|[^\[\]\n]*)?\]\]")
_HEADING = re.compile(r"^==+[^=\n]+==+\s*$", re.MULTILINE)
_CAST_HEADING = re.compile(
    r"^(?:main |voice |principal |the )?(?:cast|casting)(?: and (?:characters|crew|roles))?(?: list)?$", re.I
)
_PLOT_HEADING = re.compile(r"^(?:plot|synopsis|plot summary|plot synopsis|summary|story|storyline|premise)$", re.I)
_BOX_OFFICE_HEADING = re.compile(r"^box[ -]office(?: performance)?$", re.I)
_PROSE = re.compile(r"^[\"'(]?\w[^\n]{10,600}$")
_LEAD_YEAR = re.compile(r"\b(?:is|was) (?:an?|the) [^.]*?\b(1[89]\d\d|20\d\d)\b[^.]*?\bfilm", re.I)
_GROSSING = re.compile(r"\b(?:gross(?:ed|es|ing)?|earn(?:ed|ing|s)?|collect(?:ed|ions?)|took|box office)\b", re.I)
_NOT_GROSS = re.compile(
    r"\b(?:profits?|rentals?|income|budget|admissions?|opening|weekends?|weeks?|previews?|days?|tickets?|share|"
    r"nett?|video|DVD|adjusted|inflation|equivalent|record|first|second|third|estimates?)\b",
    re.IGNORECASE,
)
_US_CLAUSE = re.compile(
    r"\b(?:in|from|at)\s+(?:the\s+)?(?:North America|United States(?: and Canada)?|US(?: and Canada)?|U\.S\.|USA|"
    r"Canada and the United States|(?:US|U\.S\.|North American) box office)\b"
)
_US_LEADING = re.compile(r"^(?:In|Across) (?:the )?(?:United States|North America|US|U\.S\.)\b")
_WORLDWIDE = re.compile(r"\bworld-?wide\b|^Globally\b", re.IGNORECASE)


def detect(text: str) -> float:
    """Score (0..1) how likely ``text`` is real MediaWiki wikitext of a film article.

    Square-bracket links, ``'''bold'''`` and ``<ref>`` are what tell real wikitext from the flattened
    dumps, which keep ``{{Infobox film`` and headings but lose the rest; so the infobox alone stays
    below the parser threshold.
    """
    sample = text[:200_000]
    links = len(_LINK.findall(sample, 0, 100_000))
    score = 0.2 if _INFOBOX_START.search(sample) else 0.0
    score += 0.35 if links >= 3 else 0.1 * links
    score += 0.15 if "'''" in sample else 0.0
    score += 0.15 if re.search(r"<ref[\s>/]", sample) else 0.0
    score += 0.05 if _HEADING.search(sample) else 0.0
    score += 0.1 if re.search(r"\{\{[^{}|\n]+\|", sample) and links else 0.0
    return round(min(score, 1.0), 2)


def parse(text: str, document_id: str, name: str) -> ParsedDocument:
    """Read a wikitext film article into a film model document.

    Args:
        text: clean text (see ``core.documents.cleaning``) of one article's wikitext.
        document_id: stable id of the document.
        name: what to call the document when the article names no title (e.g. ``Batman (1989 film)``).

    Returns:
        The title, year, aliases, facts and plot the article gives; whatever could not be read is
        described in ``problems``. Never raises on bad markup.

    Raises:
        NotAFilmArticle: an article with neither a film infobox nor a lead that calls it a film.

    """
    try:
        return _Article(text, document_id, name).read()
    except NotAFilmArticle:
        raise
    except Exception as error:  # mwparserfromhell or a malformed tree: report, never fail an ingest
        title = strip_disambiguator(name)
        source = Source(document_id=document_id, kind=KIND, title=title)
        return ParsedDocument(source=source, title=title, problems=[f"wikitext could not be parsed: {error!r}"])


@dataclass
class _Section:
    title: str
    level: int
    body: Wikicode
    heading: Heading


_TRANSLATION_TEMPLATES = frozenset({"lit", "literally", "lit.", "trans", "translation"})
# Lead words after which an italic name is another title of the film.
_NAME_FOLLOWS = re.compile(
    r"(?:also known as|aka|a\.k\.a\.|literally|lit\.|stylized as|stylised as|originally|released as|"
    r"titled?|English|translated as|translation)\s*:?\s*[\"“]?\s*$",
    re.IGNORECASE,
)


# a film article without an infobox still says what it is: {{Short description|1995 film}}, "is a 1995 drama film";
# a document with no lead at all (sections only) is given the benefit of the doubt
_FILM_DESCRIPTION = re.compile(r"short description\s*\|[^}]*\b(?:film|movie)\b", re.IGNORECASE)
_OTHER_INFOBOX = re.compile(r"\{\{\s*infobox[ _]+([^|}\n<]+)", re.IGNORECASE)
_CALLED_A_FILM = re.compile(r"\b(?:is|was) an?\b[^.]{0,120}?\b(?:film|movie)\b", re.IGNORECASE)


class _Article:
    """One article being read: the parsed tree, its sections, and what was found so far."""

    def __init__(self, text: str, document_id: str, name: str) -> None:
        self.name = name
        self.document_id = document_id
        self.problems: list[str] = []
        self.code, self.infobox = self._parse_tree(text)
        self.lead, self.sections = self._split_sections()

    def read(self) -> ParsedDocument:
        base = Source(document_id=self.document_id, kind=KIND, title=strip_disambiguator(self.name))
        reading = read_infobox(self.infobox, base) if self.infobox is not None else None
        paragraphs = self._lead_paragraphs()
        if paragraphs:
            refuse_series(split_sentences(paragraphs[0])[0])
        if reading is None:
            if self.lead.strip() and not self._called_a_film():
                raise NotAFilmArticle(f"not a film article: {self._other_infobox()}its lead does not call it a film")
            self.problems.append("no film infobox")
        lead_names = self._lead_names()
        title = (reading and reading.title) or (lead_names[0] if lead_names else "") or base.title
        source = base.model_copy(update={"title": title})
        facts: list[Fact] = []
        aliases = [*lead_names, *(reading.aliases if reading else [])]
        if reading:
            self.problems.extend(reading.problems)
            facts.extend(_retitled(fact, title) for fact in reading.facts)
        if base.title != self.name and normalize(base.title) == normalize(title):
            aliases.append(self.name)  # "Batman (1989 film)": the article name with its disambiguator
        facts.extend(self._summary(paragraphs, source))
        facts.extend(self._cast(source, facts))
        facts.extend(self._box_office(source, facts))
        years = [f.value.year for f in facts if isinstance(f.value, ReleaseValue)]
        year = min(years) if years else self._lead_year(paragraphs)
        return ParsedDocument(
            source=source,
            title=title,
            year=year,
            aliases=[a for a in dict.fromkeys(aliases) if a and a != title],
            facts=facts,
            plot=self._plot(source),
            passages=self._passages(),
            problems=self.problems,
        )

    def _parse_tree(self, text: str) -> tuple[Wikicode, Template | None]:
        code = mwparserfromhell.parse(text)
        infobox = next((t for t in code.filter_templates(recursive=False) if is_film_infobox(t)), None)
        if infobox is None:
            infobox = next((t for t in code.filter_templates() if is_film_infobox(t)), None)
        start = _INFOBOX_START.search(text)
        if infobox is not None or start is None:
            return code, infobox
        # The infobox never closes (a truncated document, or a broken "}" inside): read it on its own, up to
        # the lead or the first heading, and the rest of the article without it.
        end_match = re.compile(r"\n\s*\n(?=''')|\n==").search(text, start.end())
        end = end_match.start() if end_match else len(text)
        for closing in range(1, 6):
            fragment = mwparserfromhell.parse(text[start.start() : end] + "\n" + "}}" * closing)
            infobox = next((t for t in fragment.filter_templates(recursive=False) if is_film_infobox(t)), None)
            if infobox is not None:
                self.problems.append("the film infobox is malformed or not closed (truncated?); read it on its own")
                return mwparserfromhell.parse(text[: start.start()] + text[end:]), infobox
        return code, None

    def _split_sections(self) -> tuple[Wikicode, list[_Section]]:
        nodes = self.code.nodes
        headings = [(i, node) for i, node in enumerate(nodes) if isinstance(node, Heading)]
        renderer = Renderer()
        sections = []
        for number, (index, heading) in enumerate(headings):
            end = next((j for j, h in headings[number + 1 :] if h.level <= heading.level), len(nodes))
            body = Wikicode(nodes[index + 1 : end])
            sections.append(_Section(renderer.inline(heading.title), heading.level, body, heading))
        lead = Wikicode(nodes[: headings[0][0]] if headings else nodes[:])
        return lead, sections

    def _passages(self) -> list[PassageText]:
        """The article's prose in order, each part under its full heading path (any depth)."""
        nodes = self.code.nodes
        headings = [(i, node) for i, node in enumerate(nodes) if isinstance(node, Heading)]
        starts = [i for i, _ in headings]
        renderer = Renderer(headings=False, item_mark="\n", glosses=True)  # a list item is a paragraph of its own
        paths = heading_paths((renderer.inline(h.title), h.level) for _, h in headings)
        bounds = [(LEAD_SECTION, 0, starts[0] if starts else len(nodes))]
        ends = [*starts[1:], len(nodes)]
        bounds += [(path, start + 1, ends[n]) for n, (path, start) in enumerate(zip(paths, starts, strict=True))]
        found: list[PassageText] = []
        for path, start, end in bounds:
            text = renderer.text(Wikicode(nodes[start:end]))
            found.extend(section_passages(path, re.split(r"\n\s*\n", text)))
            for node in nodes[start:end]:
                if isinstance(node, Template) and is_track_list(node):
                    found.extend(section_passages(path, track_sentences(node, renderer)))
                elif isinstance(node, Tag) and str(node.tag).casefold() == "table":
                    found.extend(section_passages(path, [" ".join(table_sentences(node, renderer))]))
        return found

    def _find(self, pattern: re.Pattern[str]) -> _Section | None:
        return next((s for s in self.sections if pattern.match(s.title)), None)

    def _called_a_film(self) -> bool:
        """Whether the lead calls it a film, read as rendered: a link target such as "(1995 film)" does not count."""
        if _FILM_DESCRIPTION.search(str(self.lead)):
            return True
        return any(_CALLED_A_FILM.search(paragraph) for paragraph in self._lead_paragraphs()[:2])

    def _other_infobox(self) -> str:
        """What the page's own infobox says it is, for the refusal: ``its infobox is {{Infobox television}}, ``."""
        box = _OTHER_INFOBOX.search(str(self.lead))
        return f"its infobox is {{{{Infobox {' '.join(box[1].split())}}}}} and " if box else "no film infobox, and "

    def _lead_paragraphs(self) -> list[str]:
        text = Renderer(headings=False).text(self.lead)
        return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]

    def _lead_names(self) -> list[str]:
        """Return the names the lead gives before "is a ...".

        The bold title and bold alternatives, native titles, translations ({{lit|…}}, {{trans|…}}), and
        italic names after "also known as", "literally", "stylized as".
        """
        names: list[str] = []
        named = False  # the text just before says a name follows ("also known as ''…''")
        for node in self.lead.nodes:
            if isinstance(node, Text) and re.search(r"\s(?:is|was|are)\s", str(node)):
                break
            if isinstance(node, Tag) and node.wiki_markup in {"'''", "''"}:
                names.extend(_bold_texts(node))
                if named and node.contents is not None:
                    names.append(Renderer().inline(node.contents).strip("'\" "))
            elif isinstance(node, Template) and template_name(node).startswith(("nihongo", "lang")):
                names.extend(_bold_texts(node))
                params = [Renderer().inline(p) for p in positional(node)]
                names.extend(params[1:3] if template_name(node).startswith("nihongo") else params[-1:])
            elif isinstance(node, Template) and template_name(node) in _TRANSLATION_TEMPLATES:
                names.extend([Renderer().inline(p) for p in positional(node)][-1:])
            if isinstance(node, Text):
                named = bool(_NAME_FOLLOWS.search(str(node)))
        return [strip_qualifiers(n) for n in dict.fromkeys(names) if n]

    def _lead_year(self, paragraphs: list[str]) -> int | None:
        match = _LEAD_YEAR.search(paragraphs[0]) if paragraphs else None
        return int(match.group(1)) if match else None

    def _summary(self, paragraphs: list[str], source: Source) -> list[Fact]:
        sentences = split_sentences(paragraphs[0]) if paragraphs else []
        if not sentences or not _PROSE.match(sentences[0]) or re.search(r"\{\{|\}\}|\[\[|\]\]", sentences[0]):
            return []  # markup mwparserfromhell could not parse, not a sentence
        located = source.model_copy(update={"location": "lead"})
        return [Fact(field=FieldName.SUMMARY, value=TextValue(text=sentences[0]), raw=sentences[0], source=located)]

    def _cast_sections(self) -> list[_Section]:
        """Every cast section, once: a cast under each segment's heading counts, a cast nested in one read does not."""
        found: list[_Section] = []
        for section in self.sections:  # in article order: a section nested in the last one found comes right after
            if found and self._nested(found[-1], section):
                continue
            if _CAST_HEADING.match(section.title):
                found.append(section)
        return found

    def _nested(self, outer: _Section, inner: _Section) -> bool:
        """Whether ``inner`` is one of the headings inside ``outer``'s body."""
        return any(node is inner.heading for node in outer.body.nodes)

    def _cast(self, source: Source, known: list[Fact]) -> list[Fact]:
        people = {normalize(f.value.name) for f in known if isinstance(f.value, PersonValue)}
        people |= {normalize(f.value.actor) for f in known if isinstance(f.value, CastValue)}
        seen = {f.value.key() for f in known if f.field is FieldName.CAST}
        facts: list[Fact] = []
        for section in self._cast_sections():
            located = source.model_copy(update={"location": f"section: {section.title}"})
            reading = read_cast(section.body, people)
            for value, raw in reading.entries:
                if value.key() not in seen:
                    seen.add(value.key())
                    facts.append(Fact(field=FieldName.CAST, value=value, raw=raw[:300], source=located))
            if reading.unread:
                shown = "; ".join(u[:60] for u in reading.unread[:3])
                count = len(reading.unread)
                self.problems.append(f"{count} item(s) of section {section.title!r} not read as cast: {shown}")
        return facts

    def _plot(self, source: Source) -> Plot | None:
        section = self._find(_PLOT_HEADING)
        if section is None:
            self.problems.append("no plot section")
            return None
        text = Renderer(headings=False).text(section.body)
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
        beats = split_beats(paragraphs)
        if not beats:
            self.problems.append(f"section {section.title!r} is empty")
            return None
        return Plot(source=source.model_copy(update={"location": f"section: {section.title}"}), beats=beats)

    def _box_office(self, source: Source, known: list[Fact]) -> list[Fact]:
        """Gross sums from "Box office" prose, only where a sentence states their scope."""
        section = self._find(_BOX_OFFICE_HEADING)
        if section is None:
            return []
        located = source.model_copy(update={"location": f"section: {section.title}"})
        have = [f.value for f in known if isinstance(f.value, MoneyValue)]
        facts: list[Fact] = []
        text = Renderer(headings=False).text(section.body)
        for paragraph in re.split(r"\n\s*\n", text):
            for sentence in split_sentences(" ".join(paragraph.split())):
                for value in _scoped_sums(sentence):
                    if not any(_same_sum(value, other) for other in have):
                        have.append(value)
                        facts.append(Fact(field=FieldName.GROSS, value=value, raw=sentence[:300], source=located))
        return facts


def _bold_texts(node: Any) -> list[str]:
    """Return the text of every bold tag in or under ``node`` (the title is often italic around bold)."""
    tags = parse_anything(node).filter_tags(recursive=True)
    return [Renderer().inline(t.contents) for t in tags if t.wiki_markup == "'''" and t.contents is not None]


def _retitled(fact: Fact, title: str) -> Fact:
    return fact.model_copy(update={"source": fact.source.model_copy(update={"title": title})})


def _scoped_sums(sentence: str) -> list[MoneyValue]:
    if not _GROSSING.search(sentence) or _NOT_GROSS.search(sentence):
        return []
    found: list[MoneyValue] = []
    leading_us = bool(_US_LEADING.match(sentence))
    leading_world = sentence.startswith(("Worldwide,", "Globally,"))
    for clause in re.split(r",\s+|\s+and\s+|;\s*", sentence):
        if len(read_all_money(clause)) != 1:
            continue
        if _US_CLAUSE.search(clause) or (leading_us and not found):
            scope = MoneyScope.US
        elif _WORLDWIDE.search(clause) or (leading_world and not found):
            scope = MoneyScope.WORLDWIDE
        else:
            continue
        if value := read_sum(clause, scope):
            found.append(value)
    return found


def _same_sum(a: MoneyValue, b: MoneyValue) -> bool:
    return a.currency == b.currency and a.scope == b.scope and abs(a.amount - b.amount) <= 0.01 * max(a.amount, 1)
