"""The film model: facts that always keep their source.

Parsers produce a `ParsedDocument`; the store keeps each document's facts apart, so a
re-ingested document replaces only its own facts and sources that disagree are all kept.
A `Film` is the reconciled view of every document about one film.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class SourceKind(StrEnum):
    """What kind of document a fact came from (decides which parser read it)."""

    WIKITEXT = "wikitext"
    FLATTENED_WIKIPEDIA = "flattened-wikipedia"
    END_CREDITS_PAGE = "end-credits-page"


class Source(BaseModel):
    """Where a fact came from: the document and the place inside it."""

    model_config = ConfigDict(frozen=True)

    document_id: str
    kind: SourceKind
    title: str
    url: str | None = None
    location: str = ""

    @property
    def label(self) -> str:
        """Short human citation, e.g. ``Wikipedia: Batman (1989 film)``."""
        if self.kind is SourceKind.END_CREDITS_PAGE:
            return f"end-credits page: {self.title}"
        return f"Wikipedia: {self.title}"


class FieldName(StrEnum):
    """Every fact field the library knows. Values are stable: they are stored."""

    TITLE = "title"
    YEAR = "year"
    DIRECTOR = "director"
    WRITER = "writer"
    PRODUCER = "producer"
    STARRING = "starring"
    CAST = "cast"
    MUSIC = "music"
    CINEMATOGRAPHY = "cinematography"
    EDITING = "editing"
    STUDIO = "studio"
    DISTRIBUTOR = "distributor"
    BASED_ON = "based_on"
    RELEASED = "released"
    RUNTIME = "runtime"
    COUNTRY = "country"
    LANGUAGE = "language"
    BUDGET = "budget"
    GROSS = "gross"
    SCORE = "score"
    END_CREDITS = "end_credits"
    GENRE = "genre"
    SUMMARY = "summary"
    COMPARISON = "comparison"
    AWARD = "award"


PEOPLE_FIELDS = frozenset(
    {
        FieldName.DIRECTOR,
        FieldName.WRITER,
        FieldName.PRODUCER,
        FieldName.STARRING,
        FieldName.MUSIC,
        FieldName.CINEMATOGRAPHY,
        FieldName.EDITING,
    }
)


class TextValue(BaseModel):
    """A plain value: a country, a language, a studio, a genre."""

    model_config = ConfigDict(frozen=True)
    type: Literal["text"] = "text"
    text: str

    def key(self) -> str:
        return normalize(self.text)

    def display(self) -> str:
        return self.text


class PersonValue(BaseModel):
    """A person's name. ``unsplit`` marks a field of names run together that could not be split safely."""

    model_config = ConfigDict(frozen=True)
    type: Literal["person"] = "person"
    name: str
    unsplit: bool = False

    def key(self) -> str:
        return normalize(self.name)

    def display(self) -> str:
        return self.name


class CastValue(BaseModel):
    """An actor and the character they play (character unknown when the source does not say)."""

    model_config = ConfigDict(frozen=True)
    type: Literal["cast"] = "cast"
    actor: str
    character: str | None = None

    def key(self) -> str:
        return f"{normalize(self.actor)}|{normalize(self.character or '')}"

    def display(self) -> str:
        return f"{self.actor} as {self.character}" if self.character else self.actor


class MoneyScope(StrEnum):
    """What a sum of money measures: gross figures of different scope never conflict."""

    BUDGET = "budget"
    WORLDWIDE = "worldwide"
    US = "us"
    UNSPECIFIED = "unspecified"


class MoneyValue(BaseModel):
    """A sum of money with its currency (ISO 4217) and scope, as the article wrote it.

    ``upper`` is the top of a range (``$30–40 million``: amount 30 million, upper 40 million); ``unit`` the
    word the article counted in (``crore``, ``lakh``, ``million``, ``billion``), so it is shown in its own units.
    """

    model_config = ConfigDict(frozen=True)
    type: Literal["money"] = "money"
    amount: float
    currency: str = "USD"
    scope: MoneyScope = MoneyScope.UNSPECIFIED
    approximate: bool = False
    upper: float | None = None
    unit: str | None = None

    def key(self) -> str:
        top = f"-{self.upper:.0f}" if self.upper is not None else ""
        return f"{self.currency}:{self.scope}:{self.amount:.0f}{top}"

    def display(self) -> str:
        return format_money(self.amount, self.currency, unit=self.unit, upper=self.upper)


class RuntimeValue(BaseModel):
    """A running time in whole minutes."""

    model_config = ConfigDict(frozen=True)
    type: Literal["runtime"] = "runtime"
    minutes: int

    def key(self) -> str:
        return str(self.minutes)

    def display(self) -> str:
        return f"{self.minutes} min"


class ReleaseKind(StrEnum):
    """Release events are kept apart, not squashed into one year."""

    PREMIERE = "premiere"
    RELEASE = "release"
    YEAR = "year"


class ReleaseValue(BaseModel):
    """One release event: a (possibly partial) date, where, and what kind of event."""

    model_config = ConfigDict(frozen=True)
    type: Literal["release"] = "release"
    year: int
    month: int | None = None
    day: int | None = None
    place: str | None = None
    kind: ReleaseKind = ReleaseKind.RELEASE

    @property
    def date(self) -> date | None:
        """The full date when the source gives day and month."""
        if self.month and self.day:
            return date(self.year, self.month, self.day)
        return None

    def key(self) -> str:
        return f"{self.year}-{self.month or 0}-{self.day or 0}|{normalize(self.place or '')}"

    def display(self) -> str:
        if self.month and self.day:
            when = date(self.year, self.month, self.day).strftime("%B %-d, %Y")
        elif self.month:
            when = date(self.year, self.month, 1).strftime("%B %Y")
        else:
            when = str(self.year)
        parts = [when]
        if self.place:
            parts.append(self.place)
        if self.kind is ReleaseKind.PREMIERE:
            parts.append("premiere")
        return ", ".join(parts[:1]) + (f" ({', '.join(parts[1:])})" if parts[1:] else "")


class ScoreValue(BaseModel):
    """A rating with its scale kept (77/100 is not 7.7/10 written differently by the same people)."""

    model_config = ConfigDict(frozen=True)
    type: Literal["score"] = "score"
    name: str
    value: float
    scale: float

    def key(self) -> str:
        return f"{self.name}:{self.value:g}/{self.scale:g}"

    def display(self) -> str:
        shown = (
            f"{self.value:g}%"
            if self.scale == 100 and self.name in PERCENT_SCORES
            else f"{self.value:g}/{self.scale:g}"
        )
        return f"{SCORE_LABELS.get(self.name, self.name)} {shown}"


PERCENT_SCORES = frozenset({"tomatometer", "rt-audience"})
SCORE_LABELS = {
    "metascore": "Metascore",
    "metacritic-user": "Metacritic user score",
    "tomatometer": "Tomatometer",
    "rt-audience": "Rotten Tomatoes audience score",
}


class CreditsValue(BaseModel):
    """Whether the film has scenes during or after its end credits."""

    model_config = ConfigDict(frozen=True)
    type: Literal["credits"] = "credits"
    has_scenes: bool

    def key(self) -> str:
        return str(self.has_scenes)

    def display(self) -> str:
        return "yes, stay for the credits" if self.has_scenes else "no end-credit scenes"


FactValue = Annotated[
    TextValue | PersonValue | CastValue | MoneyValue | RuntimeValue | ReleaseValue | ScoreValue | CreditsValue,
    Field(discriminator="type"),
]


class Fact(BaseModel):
    """One sourced statement about a film: field, normalized value, the raw text, and the source."""

    model_config = ConfigDict(frozen=True)

    field: FieldName
    value: FactValue
    raw: str = ""
    source: Source


class PlotBeat(BaseModel):
    """One step of the story. ``position`` is the rough point in the film (0..1 of the runtime)."""

    model_config = ConfigDict(frozen=True)

    index: int
    text: str
    position: float = Field(ge=0.0, le=1.0)


class Plot(BaseModel):
    """The plot as one source tells it: beats are never mixed across sources."""

    source: Source
    beats: list[PlotBeat]

    @property
    def length(self) -> int:
        """Characters of text, used to pick the fuller plot by default."""
        return sum(len(b.text) for b in self.beats)


LEAD_SECTION: tuple[str, ...] = ("Lead",)
"""The section path of the text before an article's first heading."""


class PassageText(BaseModel):
    """A sentence or short paragraph of a document's prose, with the path of headings it sits under.

    ``section`` is the heading path from the top (``("Production", "Filming")``), ``LEAD_SECTION`` before the
    first heading; a parser lists passages in article order.
    """

    model_config = ConfigDict(frozen=True)

    section: tuple[str, ...]
    text: str


class Passage(BaseModel):
    """A stored passage of a film's document: where it sits, its order in the article and its rank in a search.

    ``ordinal`` is the passage's place in its document (0 = first); ``score`` is the full-text rank of a
    search (higher is better; 0.0 when read in article order).
    """

    model_config = ConfigDict(frozen=True)

    film_id: int
    section: tuple[str, ...]
    ordinal: int
    text: str
    source: Source
    score: float = 0.0


class ParsedDocument(BaseModel):
    """What a parser read from one document, and what it could not read (``problems``)."""

    source: Source
    title: str
    year: int | None = None
    aliases: list[str] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    plot: Plot | None = None
    passages: list[PassageText] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)


class Film(BaseModel):
    """A film as the library knows it: every document's facts and plots, reconciled at read time."""

    id: int
    slug: str
    title: str
    year: int | None = None
    aliases: list[str] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    plots: list[Plot] = Field(default_factory=list)

    @property
    def display_title(self) -> str:
        return titled(self.title, self.year)

    def facts_for(self, *fields: FieldName) -> list[Fact]:
        """Facts of the given fields, in stored order."""
        return [f for f in self.facts if f.field in fields]

    @property
    def sources(self) -> list[Source]:
        """Every document that contributed, once each, without a location."""
        seen: dict[str, Source] = {}
        for fact in self.facts:
            seen.setdefault(fact.source.document_id, fact.source.model_copy(update={"location": ""}))
        for plot in self.plots:
            seen.setdefault(plot.source.document_id, plot.source.model_copy(update={"location": ""}))
        return list(seen.values())


_NON_WORD = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def titled(title: str, year: int | None) -> str:
    """A film as members read it in a list or an answer: ``Beetlejuice (1988)``, or the bare title without a year."""
    return f"{title} ({year})" if year else title


def normalize(text: str) -> str:
    """Fold a name or title for comparison: no accents, case, punctuation or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", _NON_WORD.sub(" ", stripped.casefold())).strip()


def slugify(title: str, year: int | None) -> str:
    """A stable, URL-safe film id such as ``children-of-heaven-1997``."""
    base = normalize(title).replace(" ", "-") or "film"
    return f"{base}-{year}" if year else base


CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹", "PHP": "₱", "PKR": "Rs "}
UNIT_SIZES = {"lakh": 1e5, "crore": 1e7, "million": 1e6, "billion": 1e9}


def format_money(amount: float, currency: str, *, unit: str | None = None, upper: float | None = None) -> str:
    """Money as a member reads it: ``$1,628,579``, ``₹130 crore``, ``$35 million``, ``$30–40 million``.

    A ``unit`` the article counted in is kept (``₹50 lakh`` stays lakh); a range shows both ends in it.
    """
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    if unit in UNIT_SIZES:
        size = UNIT_SIZES[unit]
        top = f"–{upper / size:,.4g}" if upper is not None else ""
        return f"{symbol}{amount / size:,.4g}{top} {unit}"
    if upper is not None:
        return f"{format_money(amount, currency)}–{format_money(upper, currency).removeprefix(symbol)}"
    if currency in {"INR", "PKR"} and amount >= 10_000_000:
        return f"{symbol}{amount / 10_000_000:,.4g} crore"
    if amount >= 1_000_000_000:
        return f"{symbol}{amount / 1_000_000_000:,.4g} billion"
    if amount >= 10_000_000 and amount % 100_000 == 0:
        return f"{symbol}{amount / 1_000_000:,.4g} million"
    return f"{symbol}{amount:,.0f}"
