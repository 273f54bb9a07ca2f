r"""Wikitext markup to plain text, for the wikitext parser.

``strip_code()`` of mwparserfromhell drops every template, and with them list templates
(``{{Plainlist}}``, ``{{ubl}}``), money templates (``{{US$|90 million}}``) and dates. This module
renders parsed wikitext node by node instead: templates it knows give their visible text, the rest
(references, maintenance tags, navigation) are dropped, and list items and ``<br>`` become ``\\n`` so
that a field can be split into its items.
"""

from __future__ import annotations

import re
from calendar import month_name
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode


def name_set(text: str) -> frozenset[str]:
    """Return the ``|``-separated names in ``text`` (keeps long name tables compact)."""
    return frozenset(text.split("|"))


_NAMESPACE = re.compile(r"^\s*:?\s*(file|image|media|category)\s*:", re.IGNORECASE)
_INTERLANGUAGE = re.compile(r"^\s*[a-z]{2,3}(-[a-z]+)?\s*:", re.IGNORECASE)
_DISAMBIGUATOR = re.compile(r"\s*\([^()]*\)\s*$")

# Templates whose first positional parameter is their visible text.
_FIRST_PARAM = name_set(
    "nowrap|nobr|nobreak|small|smaller|big|larger|nobold|noitalic|center|em|strong|var|abbr|longitem|"
    "nihongo|nihongo2|nihongo foot|tooltip|smallcaps|sup|sub|visible anchor|keep together|resize|flag|"
    "title case|sic|ill|interlanguage link|interlanguage link multi"
)
# Templates that show a native name and its gloss after the English one (rendered so with ``glosses``).
_GLOSSED = name_set("nihongo|nihongo2|nihongo3|nihongo foot")
_LIST_BULLETED = frozenset({"plainlist", "plain list", "flatlist", "flat list", "startplainlist", "startflatlist"})
_LIST_PARAMS = frozenset(
    {"ubl", "ublist", "unbulleted list", "hlist", "bulleted list", "bulletlist", "collapsible list", "ordered list"}
)
_CONSTANT = {
    "nbsp": " ",
    "ndash": "–",
    "mdash": "—",
    "snd": " – ",
    "spaced ndash": " – ",
    "spnd": " – ",
    "'": "'",
    "'s": "'s",
    "!": "|",
    "=": "=",
    "dot": " · ",
    "·": " · ",
    "middot": "·",
    "bull": " • ",
    "br": "\n",
    "endplainlist": "\n",
    "endflatlist": "\n",
    "estimation": "est. ",
}
# Currency templates and the prefix ``values.read_money`` understands; other currencies get their ISO
# code, which read_money rightly does not read as dollars or yen.
_CURRENCY = {
    "us$": "US$",
    "usd": "US$",
    "us dollar": "US$",
    "inr": "₹",
    "₹": "₹",
    "indian rupee": "₹",
    "¥": "¥",
    "jp¥": "¥",
    "jpy": "¥",
    "yen": "¥",
    "£": "£",
    "gbp": "£",
    "€": "€",
    "eur": "€",
    "euro": "€",
    "hk$": "HK$",
    "hkd": "HK$",
    "a$": "A$",
    "aud": "A$",
    "ca$": "CA$",
    "cad": "CA$",
    "cn¥": "CNY ",
    "cny": "CNY ",
    "rmb": "CNY ",
    "krw": "KRW ",
    "₩": "KRW ",
    "philippine peso": "PHP ",
    "php": "PHP ",
}
_INR_UNITS = {"k": "thousand", "l": "lakh", "m": "million", "c": "crore", "b": "billion", "lc": "lakh crore"}
_DATE_TEMPLATES = frozenset(
    {"film date", "start date", "start date and age", "release date", "release date and age", "dts", "date"}
)
# Templates that are known to render nothing worth keeping (references, notes, maintenance, layout).
_SILENT = name_set(
    "efn|efn-ua|efn-lr|refn|sfn|sfnp|sfnm|harvnb|harv|harvp|r|rp|ref|ref label|note label|cn|"
    "citation needed|fact|clarify|dubious|when|by whom|who|which|vague|failed verification|"
    "verification needed|dead link|cbignore|webarchive|anchor|main|further|see also|div col|div col end|"
    "colbegin|colend|col-begin|col-end|col-2|col-break|reflist|refbegin|refend|clear|portal|imdb title|"
    "allmovie|rotten-tomatoes|mojo title|short description|good article|featured article|engvarb|engvara|"
    "chinese|korean|flagicon|inflation|inflation-fn|inflation-year|#tag|ja icon|in lang|better source|"
    "better|better source needed|more citations needed|unreferenced|improve categories"
)
_SILENT_PREFIXES = ("cite", "use ", "pp", "infobox", "ipa", "citation", "wikiquote", "commons")
# Templates whose value cannot be computed offline (exchange rates); inflation-adjusted sums are silent:
# they are derived figures, not facts of the film.
_UNCOMPUTABLE = frozenset({"to usd", "inrconvert/usd", "exchange rate"})


def template_name(template: Template) -> str:
    """Fold a template's name for lookup: ``Infobox_Film `` → ``infobox film``."""
    name = str(template.name).strip()
    if name.startswith("#"):
        return name.split(":", 1)[0].casefold()
    name = re.sub(r"^template:", "", name, flags=re.IGNORECASE)
    return " ".join(name.replace("_", " ").split()).casefold()


def positional(template: Template) -> list[Wikicode]:
    """Return the positional parameters of a template, in order."""
    return [p.value for p in template.params if not p.showkey]


def named(template: Template, *names: str) -> Wikicode | None:
    """Return the first named parameter present among ``names``, or None."""
    for name in names:
        if template.has(name):
            return template.get(name).value
    return None


def strip_disambiguator(title: str) -> str:
    """Drop a trailing disambiguator: ``Batman (1989 film)`` → ``Batman``."""
    return _DISAMBIGUATOR.sub("", title).strip() or title.strip()


def format_date(year: int, month: int | None, day: int | None) -> str:
    """Format a (partial) date: ``June 19, 1989``, ``June 1989`` or ``1989``."""
    if month and 1 <= month <= 12:
        return f"{month_name[month]} {day}, {year}" if day else f"{month_name[month]} {year}"
    return str(year)


def to_int(text: str) -> int | None:
    """Read an integer parameter such as ``06``, or None."""
    text = text.strip()
    return int(text) if text.isdigit() else None


class Renderer:
    """Renders wikicode as plain text and remembers what it could not render.

    Attributes:
        skipped: names of unknown templates that were dropped (may have held visible text).
        unreadable: templates whose value could not be computed (``{{To USD}}``, complex ``#expr``).

    """

    def __init__(self, *, item_mark: str = "", headings: bool = True, glosses: bool = False) -> None:
        """Create a renderer.

        Args:
            item_mark: text put at the start of each list item, to tell list items from prose.
            headings: keep section headings inside the rendered code (as lines of their own).
            glosses: render ``{{nihongo}}`` as a reader sees it, the native name and its gloss in brackets after
                the English ("Milo and Otis (子猫物語, Koneko Monogatari, lit. "A Kitten's Story")"): prose keeps
                what a title means; a field's value keeps only the English.

        """
        self.item_mark = item_mark
        self.headings = headings
        self.glosses = glosses
        self.skipped: list[str] = []
        self.unreadable: list[str] = []

    def text(self, code: Wikicode | None) -> str:
        """Return the plain text of ``code``, list items on their own lines, spaces collapsed."""
        if code is None:
            return ""
        raw = self._code(code)
        return "\n".join(line for line in (" ".join(part.split()) for part in raw.split("\n")))

    def inline(self, code: Wikicode | None) -> str:
        """Return the plain text of ``code`` on one line."""
        return " ".join(self.text(code).split())

    def items(self, code: Wikicode | None) -> list[str]:
        """Return the non-empty items (lines) of ``code``."""
        return [line.strip(" ,;") for line in self.text(code).split("\n") if line.strip(" ,;")]

    def _code(self, code: Wikicode) -> str:
        parts: list[str] = []
        previous_item = False
        for node in code.nodes:
            item = isinstance(node, Tag) and str(node.tag) == "li"
            # "** x" parses as two list-item tags: one item, nested one level deeper.
            parts.append(self.item_mark if item and previous_item else self._node(node))
            previous_item = item
        return "".join(parts)

    def _node(self, node: Any) -> str:
        handler = _HANDLERS.get(type(node))
        return handler(self, node) if handler else ""

    def _text(self, node: Text) -> str:
        return str(node.value)

    def _entity(self, node: HTMLEntity) -> str:
        try:
            return str(node.normalize())
        except (ValueError, OverflowError):
            return ""

    def _wikilink(self, node: Wikilink) -> str:
        title = str(node.title)
        if _NAMESPACE.match(title):
            return ""
        if node.text is None:
            return "" if _INTERLANGUAGE.match(title) else self._code(node.title)
        label = self._code(node.text)
        return label if label.strip() else strip_disambiguator(self._code(node.title))  # the pipe trick

    def _external(self, node: ExternalLink) -> str:
        return self._code(node.title) if node.title is not None else ""

    def _heading(self, node: Heading) -> str:
        return "\n" + self._code(node.title).strip() + "\n" if self.headings else "\n\n"

    def _argument(self, node: Argument) -> str:
        return self._code(node.default) if node.default is not None else ""

    def _tag(self, node: Tag) -> str:
        tag = str(node.tag).casefold()
        if tag in {"ref", "references", "gallery", "math", "score", "timeline", "templatedata", "imagemap"}:
            return ""
        if tag == "br":
            return "\n"
        if tag in {"li", "dt", "dd"}:
            return "\n" + self.item_mark
        if tag == "table":
            return "\n"  # tables are layout or data, not prose (the cast reader reads them cell by cell)
        if tag in {"p", "div"}:
            return "\n" + (self._code(node.contents) if node.contents is not None else "") + "\n"
        return self._code(node.contents) if node.contents is not None else ""

    def _template(self, node: Template) -> str:
        name = template_name(node)
        params = positional(node)
        if name in _CONSTANT:
            return _CONSTANT[name]
        if name in _CURRENCY:
            return _CURRENCY[name] + (self._code(params[0]).strip() if params else "")
        if self.glosses and name in _GLOSSED:
            return self._glossed(params)
        if name in _FIRST_PARAM or name.startswith("lang-"):
            return self._code(params[0]) if params else ""
        if name in _LIST_BULLETED:
            return "\n" + "".join(self._code(p) for p in params) + "\n"
        if name in _LIST_PARAMS:
            return "\n" + "\n".join(self._code(p) for p in params) + "\n"
        handler = _TEMPLATE_HANDLERS.get(name)
        if handler:
            return handler(self, node, params)
        if name in _UNCOMPUTABLE:
            self.unreadable.append(str(node))
            return ""
        if name in _SILENT or name.startswith(_SILENT_PREFIXES):
            return ""
        lists = [p for p in params if any(str(t.tag) == "li" for t in p.filter_tags(recursive=False))]
        if lists:  # a layout wrapper around a list ({{Cast listing}}, {{columns-list}}): keep the list
            return "\n" + "".join(self._code(p) for p in lists) + "\n"
        self.skipped.append(name)
        return ""

    def _glossed(self, params: list[Wikicode]) -> str:
        """``English (native, romanised, gloss)``, as ``{{nihongo}}`` shows on the page (empty pieces left out)."""
        pieces = [" ".join(self._code(p).split()) for p in params]
        english, rest = (pieces[0] if pieces else ""), [p for p in pieces[1:] if p]
        return f"{english} ({', '.join(rest)})" if rest and english else english or ", ".join(rest)

    def _lang(self, node: Template, params: list[Wikicode]) -> str:
        return self._code(params[1]) if len(params) > 1 else ""

    def _last(self, node: Template, params: list[Wikicode]) -> str:
        return self._code(params[-1]) if params else ""

    def _literally(self, node: Template, params: list[Wikicode]) -> str:
        return f'literally "{self._code(params[0]).strip()}"' if params else ""

    def _translated(self, node: Template, params: list[Wikicode]) -> str:
        return f'translated "{self._code(params[-1]).strip()}"' if params else ""

    def _convert(self, node: Template, params: list[Wikicode]) -> str:
        return " ".join(self._code(p).strip() for p in params[:2])

    def _circa(self, node: Template, params: list[Wikicode]) -> str:
        return "c. " + (self._code(params[0]) if params else "")

    def _sortname(self, node: Template, params: list[Wikicode]) -> str:
        return " ".join(self._code(p).strip() for p in params[:2])

    def _sort(self, node: Template, params: list[Wikicode]) -> str:
        return self._code(params[-1]) if params else ""

    def _based_on(self, node: Template, params: list[Wikicode]) -> str:
        work = self.inline(params[0]) if params else ""
        authors = [self.inline(p) for p in params[1:] if self.inline(p)]
        return f"{work} by {' and '.join(authors)}" if work and authors else work

    def _inr_convert(self, node: Template, params: list[Wikicode]) -> str:
        amount = self._code(params[0]).strip() if params else ""
        unit = _INR_UNITS.get(self._code(params[1]).strip().casefold(), "") if len(params) > 1 else ""
        return f"₹{amount} {unit}".strip()

    def _date(self, node: Template, params: list[Wikicode]) -> str:
        values = [self._code(p).strip() for p in params]
        year = to_int(values[0]) if values else None
        if year is None:
            return " ".join(values[:1])
        month = to_int(values[1]) if len(values) > 1 else None
        day = to_int(values[2]) if len(values) > 2 else None
        place = values[3] if len(values) > 3 and template_name(node) == "film date" else ""
        return format_date(year, month, day) + (f" ({place})" if place else "")

    def _number(self, node: Template, params: list[Wikicode]) -> str:
        value = self._code(params[0]).strip() if params else ""
        if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", value):
            return value
        self.unreadable.append(str(node))
        return ""

    def _expr(self, node: Template, params: list[Wikicode]) -> str:
        name = node.name
        if any(isinstance(n, Template | Tag | Argument) for n in name.nodes):
            self.unreadable.append(str(node))
            return ""
        try:
            return evaluate_expr(str(name).split(":", 1)[1])
        except ValueError:
            self.unreadable.append(str(node))
            return ""


_HANDLERS: dict[type, Callable[[Renderer, Any], str]] = {
    Text: Renderer._text,
    HTMLEntity: Renderer._entity,
    Wikilink: Renderer._wikilink,
    ExternalLink: Renderer._external,
    Heading: Renderer._heading,
    Argument: Renderer._argument,
    Tag: Renderer._tag,
    Template: Renderer._template,
    Comment: lambda renderer, node: "",
}
_TEMPLATE_HANDLERS: dict[str, Callable[[Renderer, Template, list[Wikicode]], str]] = {
    "lang": Renderer._lang,
    "transl": Renderer._last,
    "lit": Renderer._literally,
    "literally": Renderer._literally,
    "lit.": Renderer._literally,
    "trans": Renderer._translated,
    "translation": Renderer._translated,
    "convert": Renderer._convert,
    "cvt": Renderer._convert,
    "circa": Renderer._circa,
    "c.": Renderer._circa,
    "sort": Renderer._sort,
    "sortname": Renderer._sortname,
    "based on": Renderer._based_on,
    "inrconvert": Renderer._inr_convert,
    "#expr": Renderer._expr,
    "format price": Renderer._number,
    "formatprice": Renderer._number,
    **dict.fromkeys(_DATE_TEMPLATES, Renderer._date),
}

# A small, safe evaluator for the arithmetic of ``{{#expr:}}`` (numbers, + - * / div mod, brackets, round).
_EXPR_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d*)?|\.\d+)|(round|div|mod)\b|([-+*/()]))", re.IGNORECASE)
_MAX_EXPR_TOKENS = 64


def evaluate_expr(expression: str) -> str:
    """Evaluate simple ``#expr`` arithmetic such as ``123+13.3 round 0`` → ``136``.

    Raises:
        ValueError: the expression uses anything but numbers, brackets, + - * / div mod and round.

    """
    tokens: list[str] = []
    position = 0
    expression = expression.strip()
    while position < len(expression):
        match = _EXPR_TOKEN.match(expression, position)
        if not match or len(tokens) >= _MAX_EXPR_TOKENS:
            raise ValueError(f"unsupported expression: {expression!r}")
        tokens.append(match.group(match.lastindex or 0).casefold())
        position = match.end()
    parser = _ExprParser(tokens)
    try:
        value = parser.round_level()
    except (InvalidOperation, ZeroDivisionError, IndexError) as error:
        raise ValueError(f"unsupported expression: {expression!r}") from error
    if parser.index != len(tokens):
        raise ValueError(f"unsupported expression: {expression!r}")
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")


class _ExprParser:
    """Recursive descent over ``#expr`` tokens, with MediaWiki's precedence (round binds loosest)."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.index = 0

    def _peek(self) -> str | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def _take(self) -> str:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def round_level(self) -> Decimal:
        value = self.additive()
        while self._peek() == "round":
            self._take()
            places = int(self.additive())
            if not -12 <= places <= 12:
                raise ValueError("unsupported rounding")
            value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return value

    def additive(self) -> Decimal:
        value = self.multiplicative()
        while self._peek() in {"+", "-"}:
            value = value + self.multiplicative() if self._take() == "+" else value - self.multiplicative()
        return value

    def multiplicative(self) -> Decimal:
        value = self.unary()
        while self._peek() in {"*", "/", "div", "mod"}:
            operator = self._take()
            right = self.unary()
            if operator == "*":
                value *= right
            elif operator == "mod":
                value = Decimal(int(value) % int(right))
            else:
                value /= right
        return value

    def unary(self) -> Decimal:
        token = self._take()
        if token == "-":
            return -self.unary()
        if token == "+":
            return self.unary()
        if token == "(":
            value = self.round_level()
            if self._take() != ")":
                raise ValueError("unbalanced brackets")
            return value
        return Decimal(token)
