"""Reading a ``{{Infobox film}}`` template into sourced facts, for the wikitext parser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from core.documents.values import month_number, read_money, read_runtime
from core.documents.wikitext_markup import (
    Renderer,
    name_set,
    positional,
    template_name,
    to_int,
)
from core.library.model import (
    CastValue,
    Fact,
    FactValue,
    FieldName,
    MoneyScope,
    MoneyValue,
    PersonValue,
    ReleaseKind,
    ReleaseValue,
    Source,
    TextValue,
    normalize,
)

INFOBOX_NAMES = frozenset({"infobox film", "infobox movie", "infobox feature film", "film infobox"})

# Infobox parameter (folded: lower case, spaces) → how to read it.
_FIELDS: dict[str, tuple[FieldName, str]] = {
    "director": (FieldName.DIRECTOR, "people"),
    "directors": (FieldName.DIRECTOR, "people"),
    "producer": (FieldName.PRODUCER, "people"),
    "producers": (FieldName.PRODUCER, "people"),
    "writer": (FieldName.WRITER, "people"),
    "writers": (FieldName.WRITER, "people"),
    "screenplay": (FieldName.WRITER, "people"),
    "story": (FieldName.WRITER, "people"),
    "starring": (FieldName.STARRING, "people"),
    "narrator": (FieldName.CAST, "narrator"),
    "narrators": (FieldName.CAST, "narrator"),
    "music": (FieldName.MUSIC, "people"),
    "cinematography": (FieldName.CINEMATOGRAPHY, "people"),
    "editing": (FieldName.EDITING, "people"),
    "editor": (FieldName.EDITING, "people"),
    "studio": (FieldName.STUDIO, "text"),
    "studios": (FieldName.STUDIO, "text"),
    "production companies": (FieldName.STUDIO, "text"),
    "production company": (FieldName.STUDIO, "text"),
    "distributor": (FieldName.DISTRIBUTOR, "text"),
    "distributors": (FieldName.DISTRIBUTOR, "text"),
    "based on": (FieldName.BASED_ON, "based_on"),
    "released": (FieldName.RELEASED, "released"),
    "release date": (FieldName.RELEASED, "released"),
    "release dates": (FieldName.RELEASED, "released"),
    "runtime": (FieldName.RUNTIME, "runtime"),
    "running time": (FieldName.RUNTIME, "runtime"),
    "country": (FieldName.COUNTRY, "places"),
    "countries": (FieldName.COUNTRY, "places"),
    "language": (FieldName.LANGUAGE, "places"),
    "languages": (FieldName.LANGUAGE, "places"),
    "budget": (FieldName.BUDGET, "budget"),
    "gross": (FieldName.GROSS, "gross"),
    "box office": (FieldName.GROSS, "gross"),
}
_ALIAS_FIELDS = frozenset({"film name", "native name", "original title", "original name", "alt name", "other names"})
# Named parameters of name templates ({{Chinese}}, {{Film name}}, {{nihongo}}) that hold a written title.
_ALIAS_PARAMS = ("t", "s", "c", "traditional", "simplified", "kanji", "japanese", "hangul", "hanja", "romaji")
_DATE_TEMPLATES = frozenset({"film date", "start date", "start date and age", "release date", "release date and age"})
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_FILLER = re.compile(r"^(?:others|more|many others|etc)\.?$", re.IGNORECASE)
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV|Inc|Ltd|Co|Corp|LLC)\.?$")
_NOT_A_NAME = re.compile(r"^(?:see\b|n/?a$|none$|various$|unknown$)", re.IGNORECASE)
_LANGUAGE_LABEL = re.compile(r"^[A-Z][\w -]{1,30}:\s*")
_US_SCOPE = re.compile(
    r"\b(?:domestic(?:ally)?|North America(?:n)?|United States|U\.S\.(?!\$)|USA|US(?![$\w])|US and Canada)",
    re.IGNORECASE,
)
_RUPEES = re.compile(r"(?<![A-Za-z])Rs\.?\s?\d")
_PART_SCOPE = re.compile(r"\b(?:foreign|overseas|international|outside)\b", re.IGNORECASE)
# A currency mark right before a number (guards against "Cars 2" being read as Rs 2).
_CURRENCY_AMOUNT = re.compile(
    r"(?<![A-Za-z])(?:[A-Z]{0,3}\$|£|€|¥|₹|₱|Rs\.?|INR|USD|GBP|EUR|JPY|PHP|Php|PKR)\s?\d|"
    r"\d\s*(?:million|billion|crores?|lakhs?)?\s+(?:yen|pounds?|euros?|pesos?|rupees?|(?:Philippine|Pakistani|Indian)\s)",
    re.IGNORECASE,
)
# Currency marks that values.read_money would misread (CN¥ as yen, NT$ as dollars): refuse them instead.
_FOREIGN_CURRENCY = re.compile(r"CN¥|(?<![A-Za-z])(?:NT|R|S|NZ|MX|Mex)\$|\b(?:RMB|CNY|KRW)\b|[₩₽₺฿]")
_TEXT_DATES = (
    re.compile(r"\b(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<y>1[89]\d\d|20\d\d)\b"),
)
_PREMIERE = re.compile(r"premiere|festival|\bfest\b|screening", re.IGNORECASE)
# Places that are whole countries or regions: a first event somewhere smaller (a city, a cinema)
# among several is a premiere, e.g. Batman's "Westwood, California" before "United States".
_REGIONS = name_set(
    "afghanistan|albania|algeria|argentina|armenia|australia|austria|azerbaijan|bangladesh|belarus|"
    "belgium|bolivia|bosnia|brazil|bulgaria|cambodia|cameroon|canada|chile|china|colombia|croatia|cuba|"
    "cyprus|czechia|czechoslovakia|denmark|ecuador|egypt|england|estonia|ethiopia|finland|france|georgia|"
    "germany|ghana|greece|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|"
    "jordan|kazakhstan|kenya|kosovo|kuwait|latvia|lebanon|lithuania|luxembourg|macau|malaysia|malta|"
    "mexico|moldova|mongolia|montenegro|morocco|nepal|netherlands|nigeria|norway|pakistan|palestine|"
    "panama|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|scotland|senegal|serbia|"
    "singapore|slovakia|slovenia|spain|sweden|switzerland|syria|taiwan|thailand|tunisia|turkey|uganda|"
    "ukraine|uruguay|usa|us|uk|venezuela|vietnam|wales|yugoslavia|zimbabwe|worldwide|international|europe|"
    "asia|africa|united states|united states of america|u.s.|united kingdom|u.k.|hong kong|south korea|"
    "north korea|new zealand|south africa|saudi arabia|sri lanka|soviet union|west germany|east germany|"
    "northern ireland|puerto rico|north america|latin america|south america|czech republic|"
    "united arab emirates|uae|costa rica|dominican republic|north macedonia|the netherlands|"
    "the united states|the united kingdom"
)


@dataclass
class InfoboxReading:
    """What the infobox gave: facts, the title and aliases it names, and what could not be read."""

    facts: list[Fact] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    title: str | None = None
    aliases: list[str] = field(default_factory=list)


def is_film_infobox(template: Template) -> bool:
    """Whether a template is ``{{Infobox film}}`` (any case, spaces or underscores)."""
    return template_name(template) in INFOBOX_NAMES


def strip_qualifiers(text: str) -> str:
    """``Ryuichi Sakamoto (Japan)`` → ``Ryuichi Sakamoto``; text that is only a qualifier stays."""
    stripped = text
    while _QUALIFIER.search(stripped) and _QUALIFIER.sub("", stripped):
        stripped = _QUALIFIER.sub("", stripped)
    return stripped.strip(" ,;:")


def read_infobox(infobox: Template, source: Source) -> InfoboxReading:
    """Read a film infobox.

    Args:
        infobox: the parsed ``{{Infobox film}}`` template.
        source: the document's source; each fact gets a copy located at its field (``infobox: director``).

    Returns:
        The facts in field order (duplicates within a field dropped), the title, aliases and problems.

    """
    reading = InfoboxReading()
    seen: set[tuple[FieldName, str]] = set()
    for param in infobox.params:
        key = " ".join(str(param.name).replace("_", " ").split()).casefold()
        if key == "name":
            reading.title = strip_qualifiers(Renderer().inline(param.value)) or None
            continue
        if key in _ALIAS_FIELDS:
            reading.aliases.extend(_aliases(param.value))
            continue
        if key not in _FIELDS or not str(param.value).strip():
            continue
        fact_field, kind = _FIELDS[key]
        located = source.model_copy(update={"location": f"infobox: {key}"})
        renderer = Renderer()
        values = list(_READERS[kind](renderer, param.value))
        if not values and (renderer.text(param.value).strip() or renderer.unreadable):
            shown = " ".join(str(param.value).split())[:120]
            reading.problems.append(f"infobox field {key!r} could not be read: {shown!r}")
        for name in dict.fromkeys(renderer.skipped):
            reading.problems.append(f"infobox field {key!r}: template {{{{{name}}}}} was skipped")
        for value, raw in values:
            if (fact_field, value.key()) not in seen:
                seen.add((fact_field, value.key()))
                reading.facts.append(Fact(field=fact_field, value=value, raw=raw[:300], source=located))
    _drop_foreign_rupees(reading)
    return reading


def _drop_foreign_rupees(reading: InfoboxReading) -> None:
    """Refuse "Rs" sums of a film not from India: Pakistani or Sri Lankan rupees are not INR."""
    country_facts = [f.value for f in reading.facts if f.field is FieldName.COUNTRY]
    countries = {normalize(value.text) for value in country_facts if isinstance(value, TextValue)}
    if not countries or "india" in countries:
        return
    for fact in [f for f in reading.facts if isinstance(f.value, MoneyValue) and _RUPEES.search(f.raw)]:
        reading.facts.remove(fact)
        reading.problems.append(
            f"{fact.source.location}: rupees of a film not from India, currency unknown: {fact.raw!r}"
        )


def _aliases(code: Wikicode) -> list[str]:
    """Other titles: ``{{Chinese|t=龍爭虎鬥|s=龙争虎斗}}``, bold names, ``(Catalan: Actrius)``, plain text."""
    renderer = Renderer()
    found = [renderer.inline(t.get(n).value) for t in code.filter_templates() for n in _ALIAS_PARAMS if t.has(n)]
    found += [renderer.inline(t.contents) for t in code.filter_tags() if t.wiki_markup == "'''" and t.contents]
    if not found:
        found = [_LANGUAGE_LABEL.sub("", item.strip("()")) for item in renderer.items(code)]
    return [a.strip() for a in dict.fromkeys(found) if a.strip()]


def _people(renderer: Renderer, code: Wikicode) -> Iterator[tuple[FactValue, str]]:
    for item in renderer.items(code):
        name = strip_qualifiers(item)
        if not name or name.startswith("(") or _NOT_A_NAME.match(name):
            continue
        parts = split_names(name)
        for part in parts:
            yield PersonValue(name=part, unsplit=len(parts) == 1 and len(part.split()) > 5), item


def split_names(text: str) -> list[str]:
    """Split ``A, B and C`` into three names when every part looks like a name; else return ``[text]``.

    Fillers such as "and others" are dropped; a suffix (``Sammy Davis, Jr.``) keeps the text whole.
    """
    parts = [p for p in _NAME_SPLIT.split(text) if p and not _FILLER.match(p)]
    if len(parts) > 1 and all(_looks_like_name(p) for p in parts):
        return parts
    return [text]


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and text[0].isupper() and not _SUFFIX.match(text)


def _narrators(renderer: Renderer, code: Wikicode) -> Iterator[tuple[FactValue, str]]:
    for value, raw in _people(renderer, code):
        assert isinstance(value, PersonValue)
        yield CastValue(actor=value.name, character="Narrator"), raw


def _texts(renderer: Renderer, code: Wikicode) -> Iterator[tuple[FactValue, str]]:
    for item in renderer.items(code):
        if text := strip_qualifiers(item):
            yield TextValue(text=text), item


def _places(renderer: Renderer, code: Wikicode) -> Iterator[tuple[FactValue, str]]:
    """Countries and languages, also when written as ``English, Hindi and Italian``."""
    for item in renderer.items(code):
        for text in split_names(strip_qualifiers(item).replace(" / ", ", ")):
            if text:
                yield TextValue(text=text), item


def _based_on(renderer: Renderer, code: Wikicode) -> Iterator[tuple[FactValue, str]]:
    for item in renderer.items(code):
        yield TextValue(text=item), item


def _runtime(renderer: Renderer, code: Wikicode) -> Iterator[tuple[FactValue, str]]:
    for item in renderer.items(code):
        if runtime := read_runtime(item):
            yield runtime, item


_CONTINUED = re.compile(r"^(?:[-–—]\s*\d|to\s+\d|(?:thousand|million|billion|lakhs?|crores?)\b)", re.IGNORECASE)


def _money_items(renderer: Renderer, code: Wikicode) -> list[str]:
    """The field's lines, a sum continued on the next line (``$30–`` / ``40 million``, ``₹5`` / ``crore``) joined."""
    items: list[str] = []
    for item in renderer.items(code):
        if items and (_CONTINUED.match(item) or items[-1].endswith(("–", "-", "—"))):
            items[-1] = f"{items[-1]} {item}"
        else:
            items.append(item)
    return items


def _budget(renderer: Renderer, code: Wikicode) -> Iterator[tuple[FactValue, str]]:
    for item in _money_items(renderer, code):
        if money := read_sum(item, MoneyScope.BUDGET):
            yield money, item


def _gross(renderer: Renderer, code: Wikicode) -> Iterator[tuple[FactValue, str]]:
    for item in _money_items(renderer, code):
        scope = MoneyScope.WORLDWIDE
        if _US_SCOPE.search(item):
            scope = MoneyScope.US
        elif _PART_SCOPE.search(item):
            scope = MoneyScope.UNSPECIFIED
        if money := read_sum(item, scope):
            yield money, item


def read_sum(text: str, scope: MoneyScope) -> MoneyValue | None:
    """Read the first sum of money in ``text``, only if its currency is written unambiguously."""
    if _FOREIGN_CURRENCY.search(text) or not _CURRENCY_AMOUNT.search(text):
        return None
    return read_money(text, scope)


def _releases(renderer: Renderer, code: Wikicode) -> Iterator[tuple[FactValue, str]]:
    events: list[tuple[int, int | None, int | None, str, str]] = []
    templates = [t for t in code.filter_templates() if template_name(t) in _DATE_TEMPLATES]
    for template in templates:
        params = [renderer.inline(p) for p in positional(template)]
        size = 4 if template_name(template) == "film date" else 3
        for start in range(0, len(params), size):
            year_text, month_text, day_text, place_text = [*params[start : start + size], "", "", ""][:4]
            if (number := to_int(year_text)) is not None:
                raw = " ".join(str(template).split())
                events.append((number, to_int(month_text), to_int(day_text), place_text if size == 4 else "", raw))
    if not templates:
        events = [event for item in renderer.items(code) if (event := _text_release(item))]
    for index, (year, month, day, place, raw) in enumerate(events):
        month = month if month and 1 <= month <= 12 else None
        day = day if month and day and 1 <= day <= 31 else None
        premiere = bool(_PREMIERE.search(place)) or (
            index == 0 and len(events) > 1 and bool(place) and not _is_region(place)
        )
        kind = ReleaseKind.PREMIERE if premiere else ReleaseKind.RELEASE
        try:
            value = ReleaseValue(year=year, month=month, day=day, place=place or None, kind=kind)
            _ = value.date
        except ValueError:
            value = ReleaseValue(year=year, month=month, place=place or None, kind=kind)
        yield value, raw


def _is_region(place: str) -> bool:
    """Whether ``place`` names only countries or regions (``United States & Canada``), not a city or venue."""
    return all(part.casefold() in _REGIONS for part in split_names(place.replace(" & ", " and ")) if part)


def _text_release(item: str) -> tuple[int, int | None, int | None, str, str] | None:
    for pattern in _TEXT_DATES:
        match = pattern.search(item)
        if not match:
            continue
        groups = match.groupdict()
        month = to_int(groups["m"]) if groups.get("m") else None
        if groups.get("mon"):
            month = month_number(groups["mon"])
            if month is None:
                continue
        day = to_int(groups["d"]) if groups.get("d") else None
        rest = (item[: match.start()] + " " + item[match.end() :]).strip(" ,;")
        place = rest[1:-1].strip() if rest.startswith("(") and rest.endswith(")") else rest
        return int(groups["y"]), month, day, place, item
    return None


_READERS = {
    "people": _people,
    "narrator": _narrators,
    "text": _texts,
    "places": _places,
    "based_on": _based_on,
    "runtime": _runtime,
    "budget": _budget,
    "gross": _gross,
    "released": _releases,
}
