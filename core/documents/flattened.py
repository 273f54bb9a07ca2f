"""Parser for flattened Wikipedia dumps: links as ``target|label``, names run together, apostrophes dropped.

Such a dump keeps an ``{{Infobox film`` but no ``[[links]]``, ``<ref>`` or ``'''bold'''``. Empty
infobox fields are often stated in the prose instead (release dates, box office), so prose sentences
are read too, each fact citing the section it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.documents.beats import split_beats, split_sentences
from core.documents.facts import FactReader
from core.documents.flattened_layout import Layout, Section, split_layout, unpipe, value_items
from core.documents.names import (
    MAX_WORDS_OF_ONE_NAME,
    capitalized_word_count,
    looks_like_name,
    names_in_parentheses,
    possessive_stems,
    read_names,
    restore_possessives,
)
from core.documents.passages import heading_paths, section_passages
from core.documents.prose import (
    US_WORDS,
    normalize_place,
    read_awards,
    read_comparisons,
    read_money_statements,
    read_release_events,
)
from core.documents.values import iter_dates, iter_money, read_runtime
from core.library.model import (
    LEAD_SECTION,
    CastValue,
    FieldName,
    MoneyScope,
    ParsedDocument,
    PassageText,
    PersonValue,
    Plot,
    ReleaseValue,
    SourceKind,
    TextValue,
)

KIND = SourceKind.FLATTENED_WIKIPEDIA

_PEOPLE_FIELDS: dict[str, FieldName] = {
    "director": FieldName.DIRECTOR,
    "producer": FieldName.PRODUCER,
    "producers": FieldName.PRODUCER,
    "writer": FieldName.WRITER,
    "screenplay": FieldName.WRITER,
    "story": FieldName.WRITER,
    "starring": FieldName.STARRING,
    "music": FieldName.MUSIC,
    "cinematography": FieldName.CINEMATOGRAPHY,
    "editing": FieldName.EDITING,
    "editor": FieldName.EDITING,
}
_TEXT_FIELDS: dict[str, tuple[FieldName, bool]] = {
    # field -> (fact field, split on commas)
    "studio": (FieldName.STUDIO, False),
    "production_companies": (FieldName.STUDIO, False),
    "production_company": (FieldName.STUDIO, False),
    "distributor": (FieldName.DISTRIBUTOR, False),
    "country": (FieldName.COUNTRY, True),
    "language": (FieldName.LANGUAGE, True),
    "genre": (FieldName.GENRE, True),
}
_READ_FIELDS = frozenset({*_PEOPLE_FIELDS, *_TEXT_FIELDS, "runtime", "budget", "gross", "released", "based_on"})
# Names run together in one people field: beyond this many words it is prose, not names.
_MAX_RUN_WORDS = 15
_MAX_TITLE_CHARS = 150
_ALIAS_FIELDS = ("alt_name", "native_name", "other_names", "aka", "also_known_as")
_PLOT_HEADINGS = frozenset({"plot", "synopsis", "plot summary", "story", "premise"})
_CAST_HEADINGS = frozenset({"cast", "cast and characters", "starring"})
# Sections whose text states no facts about the film itself (or only lists links).
_NO_FACT_HEADINGS = frozenset(
    {"see also", "references", "external links", "notes", "further reading", "bibliography", "soundtrack"}
)
_CAST_LINE = re.compile(r"^\*\s*(?P<actor>.+?)(?:\s+as\s+(?P<character>.+?))?\s*$")
_ALSO_KNOWN = re.compile(r"\balso (?:known|released) as (?P<alias>[A-Z][^,.;()]{1,80})")
_CREDIT_PREFIX = re.compile(r"^(?:screenplay|story|written|teleplay|narrated)\s+by\s+", re.IGNORECASE)
_FILM_DATE = re.compile(r"\{\{\s*film date\s*\|(?P<args>[^{}]*)\}\}", re.IGNORECASE)


def detect(text: str) -> float:
    """Score how surely ``text`` is a flattened Wikipedia dump.

    Args:
        text: clean document text.

    Returns:
        0..1: high for an ``{{Infobox film`` or ``==Sections==`` without link, reference or bold markup;
        below 0.3 for real wikitext; 0 for anything with neither infobox nor sections.

    """
    has_infobox = bool(re.search(r"\{\{\s*Infobox", text, re.IGNORECASE))
    has_headings = bool(re.search(r"^\s*==[^=\n]+==", text, re.MULTILINE))
    if not (has_infobox or has_headings):
        return 0.0
    # One real link, reference or bold title is enough: a flattened dump has none of them.
    if re.search(r"\[\[[^\[\]\n]+\]\]|<ref[\s>/]|'''", text, re.IGNORECASE):  # linear: a link holds no "["
        return 0.1
    score = (0.55 if has_infobox else 0.0) + (0.15 if has_headings else 0.0) + 0.2
    if re.search(r"^[^|\n]*[^\s|]\|[^\s|]", text, re.MULTILINE):
        score += 0.1
    return round(min(score, 1.0), 2)


def _title(layout: Layout, name: str) -> tuple[str, list[str]]:
    """Pick the title (infobox ``name``, else the first line) and aliases."""
    boxed = (value_items(layout.infobox.get("name", "")) or [""])[0]
    # A first line that reads like prose is not a title line (the dump may start mid-article).
    line = layout.title_line if len(layout.title_line) <= _MAX_TITLE_CHARS else ""
    title = boxed or line or name
    aliases = [line] if boxed and line and line != boxed else []
    for key in _ALIAS_FIELDS:
        aliases += value_items(layout.infobox.get(key, ""), commas=True)
    aliases += [m["alias"].strip() for m in _ALSO_KNOWN.finditer(unpipe(layout.lead))]
    return title, [a for a in dict.fromkeys(aliases) if a and a != title]


def _section(layout: Layout, headings: frozenset[str]) -> Section | None:
    return next((s for s in layout.sections if s.heading.casefold() in headings), None)


def _read_cast(reader: FactReader, section: Section | None, stems: set[str]) -> None:
    if section is None:
        return
    location = f"section: {section.heading}"
    for line in section.paragraphs:
        match = _CAST_LINE.match(line)
        if not match or not looks_like_name(unpipe(match["actor"]).strip()):
            reader.problems.append(f"{location}: could not read the entry {line!r}")
            continue
        character = match["character"]
        character = restore_possessives(unpipe(character).strip(), stems) if character else None
        reader.add(FieldName.CAST, CastValue(actor=unpipe(match["actor"]).strip(), character=character), line, location)


def _cast_entries(section: Section | None) -> list[tuple[str, str | None]]:
    entries = []
    for line in section.paragraphs if section else []:
        match = _CAST_LINE.match(line)
        if match and looks_like_name(unpipe(match["actor"]).strip()):
            entries.append(
                (unpipe(match["actor"]).strip(), unpipe(match["character"]).strip() if match["character"] else None)
            )
    return entries


def _people_chunks(value: str) -> list[str]:
    return [_CREDIT_PREFIX.sub("", item).strip() for item in value_items(value, commas=True, conjunctions=True)]


def _read_people(reader: FactReader, key: str, value: str, field: FieldName, known: list[str]) -> None:
    location = f"infobox: {key}"
    for chunk in _people_chunks(value):
        if not looks_like_name(chunk, max_words=_MAX_RUN_WORDS):
            reader.problems.append(f"{location}: {chunk!r} does not look like a name; not read")
            continue
        reading = read_names(chunk, [n for n in known if n != chunk])
        if reading.unsplit:
            reader.problems.append(
                f"{location}: {chunk!r} looks like several names run together and nothing in the document "
                "shows where they split; kept whole"
            )
        for person in reading.names:
            reader.add(field, PersonValue(name=person, unsplit=reading.unsplit), value, location)


def _gross_scope(note: str) -> MoneyScope:
    """Scope of an infobox gross from the words after it: worldwide unless they say otherwise."""
    if US_WORDS.search(note):
        return MoneyScope.US
    if re.search(r"\(\s*(?!worldwide|world-wide|global)[A-Za-z]", note, re.IGNORECASE):
        return MoneyScope.UNSPECIFIED
    return MoneyScope.WORLDWIDE


def _read_money_field(reader: FactReader, key: str, value: str, field: FieldName) -> None:
    text = " ".join(value_items(value))
    spans = iter_money(text)
    if not spans:
        reader.problems.append(f"infobox: {key}: no sum of money in {value!r}")
    for i, (_, end, money) in enumerate(spans):
        if field is FieldName.BUDGET:
            scope = MoneyScope.BUDGET
        else:
            scope = _gross_scope(text[end : spans[i + 1][0] if i + 1 < len(spans) else len(text)])
        reader.add(field, money.model_copy(update={"scope": scope}), value, f"infobox: {key}")


def _read_released(reader: FactReader, value: str) -> None:
    found = False
    for match in _FILM_DATE.finditer(value):
        args = [a.strip() for a in match["args"].split("|") if "=" not in a]
        numbers = [int(a) for a in args if a.isdigit()][:3]
        places = [a for a in args if a and not a.isdigit()]
        if numbers and 1870 < numbers[0] < 2100:
            month, day = [*numbers[1:], None, None][:2]
            place = normalize_place(places[0]) if places else None
            reader.add(
                FieldName.RELEASED,
                ReleaseValue(year=numbers[0], month=month, day=day, place=place),
                value,
                "infobox: released",
            )
            found = True
    for item in [] if found else value_items(value):
        for start, end, when in iter_dates(item):
            note = re.match(r"\s*\(([^()]+)\)", item[end:])
            release = ReleaseValue(
                year=when.year, month=when.month, day=when.day, place=normalize_place(note[1]) if note else None
            )
            reader.add(FieldName.RELEASED, release, item[start:].strip(), "infobox: released")
            found = True
    if not found:
        reader.problems.append(f"infobox: released: no date in {value!r}")


def _read_infobox(reader: FactReader, layout: Layout, known: list[str]) -> None:
    box = layout.infobox
    for key, value in box.items():
        if key in _READ_FIELDS and not value_items(value):
            reader.problems.append(f"infobox: {key} is empty")
            continue
        if key in _PEOPLE_FIELDS:
            _read_people(reader, key, value, _PEOPLE_FIELDS[key], known)
        elif key in _TEXT_FIELDS:
            field, commas = _TEXT_FIELDS[key]
            for item in value_items(value, commas=commas):
                reader.add(field, TextValue(text=item), value, f"infobox: {key}")
        elif key == "runtime":
            runtime = read_runtime(" ".join(value_items(value)))
            if runtime:
                reader.add(FieldName.RUNTIME, runtime, value, "infobox: runtime")
            else:
                reader.problems.append(f"infobox: runtime: could not read {value!r}")
        elif key in {"budget", "gross"}:
            _read_money_field(reader, key, value, FieldName.BUDGET if key == "budget" else FieldName.GROSS)
        elif key == "released":
            _read_released(reader, value)
        elif key == "based_on":
            based = re.sub(r"\{\{\s*based on\s*\|([^|{}]*)\|([^{}]*)\}\}", r"\1 by \2", value, flags=re.IGNORECASE)
            for item in value_items(based):
                reader.add(FieldName.BASED_ON, TextValue(text=item), value, "infobox: based_on")


def _known_names(layout: Layout, cast: list[tuple[str, str | None]], text: str) -> list[str]:
    """Names the document spells out on their own: cast actors, names in parentheses, short infobox names."""
    known = [actor for actor, _ in cast] + names_in_parentheses(text)
    for key in _PEOPLE_FIELDS:
        known += [
            chunk
            for chunk in _people_chunks(layout.infobox.get(key, ""))
            if looks_like_name(chunk) and capitalized_word_count(chunk) <= MAX_WORDS_OF_ONE_NAME
        ]
    return list(dict.fromkeys(known))


def _read_plot(reader: FactReader, section: Section | None, stems: set[str]) -> Plot | None:
    if section is None:
        reader.problems.append("no Plot section")
        return None
    paragraphs = [restore_possessives(unpipe(p), stems) for p in section.paragraphs]
    if not paragraphs:
        reader.problems.append(f"section: {section.heading} is empty")
        return None
    return Plot(source=reader.source(f"section: {section.heading}"), beats=split_beats(paragraphs))


def _lead_sentences(reader: FactReader, lead: str) -> list[str]:
    sentences = split_sentences(unpipe(lead)) if lead.strip() else []
    if sentences and not sentences[0][:1].isupper():
        reader.problems.append(f"lead: the first sentence is cut ({sentences[0][:60]!r}…); left out of the summary")
        return sentences[1:]
    return sentences


def _read_prose(reader: FactReader, location: str, paragraphs: Iterable[str], stems: set[str]) -> None:
    """Read release events, money, comparisons and awards from prose sentences."""
    for paragraph in paragraphs:
        if paragraph.startswith(("{|", "|", "!")):
            continue
        for sentence in split_sentences(restore_possessives(unpipe(paragraph), stems)):
            for event in read_release_events(sentence):
                reader.add(FieldName.RELEASED, event, sentence, location)
            for statement in read_money_statements(sentence):
                reader.add(statement.field, statement.value, sentence, location)
            for work in read_comparisons(sentence):
                reader.add(FieldName.COMPARISON, TextValue(text=work), sentence, location)
            for award in read_awards(sentence):
                reader.add(FieldName.AWARD, TextValue(text=award), sentence, location)


def parse(text: str, document_id: str, name: str) -> ParsedDocument:
    """Read a flattened Wikipedia dump into sourced facts and a plot.

    Args:
        text: clean text of the dump.
        document_id: stable id of the document.
        name: what to call the film if the dump gives no title.

    Returns:
        The facts read, the plot, the year of the earliest release event, and a problem line for every
        part that could not be read (empty fields, names that cannot be split, a cut lead).

    """
    layout = split_layout(text)
    title, aliases = _title(layout, name)
    reader = FactReader(document_id, title, KIND)
    if not layout.has_infobox:
        reader.problems.append("no infobox")
    elif not layout.infobox_closed:
        reader.problems.append("infobox is not closed (document cut short?); fields after the cut are missing")
    cast_section = _section(layout, _CAST_HEADINGS)
    cast = _cast_entries(cast_section)
    stems = possessive_stems([c for _, c in cast if c], text)
    _read_infobox(reader, layout, _known_names(layout, cast, text))
    _read_cast(reader, cast_section, stems)
    plot = _read_plot(reader, _section(layout, _PLOT_HEADINGS), stems)

    lead = _lead_sentences(reader, layout.lead)
    if lead:
        summary = " ".join(restore_possessives(s, stems) for s in lead)
        reader.add(FieldName.SUMMARY, TextValue(text=summary), layout.lead, "lead")
    _read_prose(reader, "lead", lead, stems)
    for section in layout.sections:
        heading = section.heading.casefold()
        if heading in _PLOT_HEADINGS or heading in _CAST_HEADINGS or heading in _NO_FACT_HEADINGS:
            continue
        if not section.paragraphs:
            reader.problems.append(f"section: {section.heading} is empty")
        _read_prose(reader, f"section: {section.heading}", section.paragraphs, stems)

    years = [f.value.year for f in reader.facts if isinstance(f.value, ReleaseValue)]
    if not years:
        reader.problems.append("no release date found; the film's year is unknown")
    return ParsedDocument(
        source=reader.source(""),
        title=title,
        year=min(years) if years else None,
        aliases=aliases,
        facts=reader.facts,
        plot=plot,
        passages=_passages(layout, stems),
        problems=reader.problems,
    )


def _passages(layout: Layout, stems: set[str]) -> list[PassageText]:
    """The lead and every section's lines as passages, each under its heading path (``===`` nested in ``==``)."""
    lead = (restore_possessives(unpipe(line), stems) for line in layout.lead.splitlines())
    found = section_passages(LEAD_SECTION, lead)
    paths = heading_paths((s.heading, s.level) for s in layout.sections)
    for path, section in zip(paths, layout.sections, strict=True):
        found.extend(section_passages(path, (restore_possessives(unpipe(p), stems) for p in section.paragraphs)))
    return found
