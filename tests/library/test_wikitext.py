"""Tests for the MediaWiki wikitext parser against real Wikipedia film articles."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from core.database import build_engine
from core.documents import wikitext
from core.documents.wikitext_markup import Renderer, evaluate_expr
from core.ingest.files import ingest_file
from core.library.model import (
    CastValue,
    FieldName,
    MoneyScope,
    MoneyValue,
    ParsedDocument,
    PersonValue,
    ReleaseKind,
    ReleaseValue,
    RuntimeValue,
    SourceKind,
    TextValue,
)
from core.library.store import FilmLibrary
from tests.conftest import SEEDS, WIKITEXT_FIXTURES

FIXTURES = WIKITEXT_FIXTURES

# What each fixture must yield. Money: (amount, currency); starring: the first names, in order.
EXPECTED: dict[str, dict[str, object]] = {
    "azhagarsamy": {
        "name": "Azhagarsamy",
        "title": "Azhagarsamy",
        "year": 1999,
        "directors": ["Sundar C"],
        "runtime": 140,
        "starring": ["Sathyaraj", "Roja", "Radha Ravi"],
        "budget": None,
        "gross": None,
        "countries": ["India"],
        "languages": ["Tamil"],
    },
    "batman_1989": {
        "name": "Batman (1989 film)",
        "title": "Batman",
        "year": 1989,
        "directors": ["Tim Burton"],
        "runtime": 126,
        "starring": ["Jack Nicholson", "Michael Keaton", "Kim Basinger"],
        "budget": (35_000_000, "USD"),
        "gross": (411_300_000, "USD"),
        "countries": ["United States"],
        "languages": ["English"],
    },
    "enter_the_dragon": {
        "name": "Enter the Dragon",
        "title": "Enter the Dragon",
        "year": 1973,
        "directors": ["Robert Clouse"],
        "runtime": 102,
        "starring": ["Bruce Lee", "John Saxon", "Ahna Capri"],
        "budget": (850_000, "USD"),
        "gross": (90_000_000, "USD"),
        "countries": ["Hong Kong", "United States"],
        "languages": ["English", "Cantonese"],
    },
    "four_daughters": {
        "name": "Four Daughters",
        "title": "Four Daughters",
        "year": 1938,
        "directors": ["Michael Curtiz"],
        "runtime": 90,
        "starring": ["Priscilla Lane", "Rosemary Lane", "Lola Lane", "Gale Page"],
        "budget": None,
        "gross": None,
        "countries": ["United States"],
        "languages": ["English"],
    },
    "ra_one": {
        "name": "Ra.One",
        "title": "Ra.One",
        "year": 2011,
        "directors": ["Anubhav Sinha"],
        "runtime": 156,
        "starring": ["Shah Rukh Khan", "Kareena Kapoor", "Arjun Rampal"],
        "budget": (1_300_000_000, "INR"),
        "gross": (2_070_000_000, "INR"),
        "countries": ["India"],
        "languages": ["Hindi"],
    },
    "the_adventures_of_milo_and_otis": {
        "name": "The Adventures of Milo and Otis",
        "title": "The Adventures of Milo and Otis",
        "year": 1986,
        "directors": ["Masanori Hata"],
        "runtime": 92,
        "starring": [],  # animals: the infobox has narrators, no starring field
        "budget": (800_000_000, "JPY"),
        "gross": (136_000_000, "USD"),  # {{#expr:123+13.3 round 0}} million
        "countries": ["Japan"],
        "languages": ["Japanese", "English"],
    },
    "vanity_fair_2004": {
        "name": "Vanity Fair (2004 film)",
        "title": "Vanity Fair",
        "year": 2004,
        "directors": ["Mira Nair"],
        "runtime": 141,
        "starring": ["Reese Witherspoon", "Eileen Atkins", "Jim Broadbent"],
        "budget": (23_000_000, "USD"),
        "gross": (19_400_000, "USD"),
        "countries": ["United Kingdom", "United States"],
        "languages": ["English"],
    },
    "welcome_2007": {
        "name": "Welcome (2007 film)",
        "title": "Welcome",
        "year": 2007,
        "directors": ["Anees Bazmee"],
        "runtime": 158,
        "starring": ["Feroz Khan", "Anil Kapoor", "Nana Patekar"],
        "budget": (400_000_000, "INR"),
        "gross": (1_220_000_000, "INR"),
        "countries": ["India"],
        "languages": ["Hindi"],
    },
}

FIXTURE_FILES = sorted(FIXTURES.glob("*.wiki"))
_parsed: dict[str, ParsedDocument] = {}


def parsed(stem: str) -> ParsedDocument:
    """Parse a fixture once per test session (parsing is the slow part)."""
    if stem not in _parsed:
        text = (FIXTURES / f"{stem}.wiki").read_text(encoding="utf-8")
        _parsed[stem] = wikitext.parse(text, f"{stem}.wiki", str(EXPECTED[stem]["name"]))
    return _parsed[stem]


def values(doc: ParsedDocument, field: FieldName) -> list:
    return [fact.value for fact in doc.facts if fact.field is field]


def infobox_money(doc: ParsedDocument, field: FieldName) -> list[MoneyValue]:
    return [
        f.value
        for f in doc.facts
        if f.field is field and f.source.location.startswith("infobox") and isinstance(f.value, MoneyValue)
    ]


def test_every_fixture_has_expectations():
    assert FIXTURE_FILES, f"no fixtures found in {FIXTURES}"
    assert {path.stem for path in FIXTURE_FILES} == set(EXPECTED)


@pytest.mark.parametrize("stem", [path.stem for path in FIXTURE_FILES])
def test_fixture_core_facts(stem):
    expected = EXPECTED[stem]
    doc = parsed(stem)
    assert doc.title == expected["title"]
    assert doc.year == expected["year"]
    assert doc.source.kind is SourceKind.WIKITEXT
    assert doc.source.title == expected["title"]
    assert [v.name for v in values(doc, FieldName.DIRECTOR)] == expected["directors"]
    runtimes = values(doc, FieldName.RUNTIME)
    assert runtimes
    assert isinstance(runtimes[0], RuntimeValue)
    assert runtimes[0].minutes == expected["runtime"]
    starring = [v.name for v in values(doc, FieldName.STARRING)]
    assert starring[: len(expected["starring"])] == expected["starring"]
    assert all(isinstance(v, PersonValue) and not v.unsplit for v in values(doc, FieldName.STARRING))
    assert [v.text for v in values(doc, FieldName.COUNTRY)] == expected["countries"]
    assert [v.text for v in values(doc, FieldName.LANGUAGE)] == expected["languages"]


@pytest.mark.parametrize("stem", [path.stem for path in FIXTURE_FILES])
def test_fixture_money(stem):
    expected = EXPECTED[stem]
    doc = parsed(stem)
    for field, scope in ((FieldName.BUDGET, MoneyScope.BUDGET), (FieldName.GROSS, MoneyScope.WORLDWIDE)):
        sums = infobox_money(doc, field)
        want = expected[field.value]
        if want is None:
            assert sums == []
            continue
        assert len(sums) == 1, sums
        amount, currency = want
        assert sums[0].amount == pytest.approx(amount)
        assert sums[0].currency == currency
        assert sums[0].scope is scope


@pytest.mark.parametrize("stem", [path.stem for path in FIXTURE_FILES])
def test_fixture_facts_are_sourced(stem):
    doc = parsed(stem)
    assert doc.facts
    for fact in doc.facts:
        assert fact.source.document_id == f"{stem}.wiki"
        assert fact.source.kind is SourceKind.WIKITEXT
        assert fact.source.title == doc.title
        assert fact.source.location.startswith(("infobox: ", "section: ", "lead"))
    assert [f.source.location for f in doc.facts if f.field is FieldName.DIRECTOR] == ["infobox: director"]


@pytest.mark.parametrize("stem", [path.stem for path in FIXTURE_FILES])
def test_fixture_plot(stem):
    doc = parsed(stem)
    assert doc.plot is not None
    assert doc.plot.source.location == "section: Plot"
    beats = doc.plot.beats
    assert beats
    assert beats[0].position == 0.0
    assert [b.index for b in beats] == list(range(1, len(beats) + 1))
    assert all(a.position < b.position for a, b in pairwise(beats))
    assert all("[[" not in b.text and "{{" not in b.text and "<ref" not in b.text for b in beats)


@pytest.mark.parametrize("stem", [path.stem for path in FIXTURE_FILES])
def test_fixture_summary_is_plain_first_sentence(stem):
    doc = parsed(stem)
    (summary,) = values(doc, FieldName.SUMMARY)
    assert summary.text.startswith(doc.title)
    assert "[[" not in summary.text
    assert "''" not in summary.text


def test_batman_releases_premiere_then_us():
    releases = values(parsed("batman_1989"), FieldName.RELEASED)
    assert releases == [
        ReleaseValue(year=1989, month=6, day=19, place="Westwood, California", kind=ReleaseKind.PREMIERE),
        ReleaseValue(year=1989, month=6, day=23, place="United States", kind=ReleaseKind.RELEASE),
    ]


def test_batman_cast_has_characters():
    doc = parsed("batman_1989")
    cast = values(doc, FieldName.CAST)
    assert cast[0] == CastValue(actor="Michael Keaton", character="Bruce Wayne/Batman")
    assert CastValue(actor="Jack Nicholson", character="Jack Napier/The Joker") in cast
    assert CastValue(actor="Adrian Meyers", character="Jimmy, Tourist Son") in cast
    assert {f.source.location for f in doc.facts if f.field is FieldName.CAST} == {"section: Cast"}


def test_batman_title_alias_crew_and_based_on():
    doc = parsed("batman_1989")
    assert "Batman (1989 film)" in doc.aliases
    assert [v.name for v in values(doc, FieldName.PRODUCER)] == ["Jon Peters", "Peter Guber"]
    assert [v.name for v in values(doc, FieldName.WRITER)] == ["Sam Hamm", "Warren Skaaren"]
    assert [v.text for v in values(doc, FieldName.STUDIO)] == ["Warner Bros. Pictures", "Guber-Peters Company"]
    assert [v.text for v in values(doc, FieldName.BASED_ON)][1] == "Batman characters by Bob Kane"
    assert doc.problems == []


def test_vanity_fair_release_order_and_cast():
    doc = parsed("vanity_fair_2004")
    releases = values(doc, FieldName.RELEASED)
    assert [(r.year, r.place, r.kind) for r in releases] == [
        (2004, "United States", ReleaseKind.RELEASE),
        (2005, "United Kingdom", ReleaseKind.RELEASE),
    ]
    assert CastValue(actor="Reese Witherspoon", character='Rebecca "Becky" Sharp Crawley') in values(
        doc, FieldName.CAST
    )


def test_ra_one_many_place_release_and_described_cast():
    doc = parsed("ra_one")
    releases = values(doc, FieldName.RELEASED)
    assert [(r.day, r.place) for r in releases] == [(24, "Dubai"), (25, "London"), (26, "Toronto and worldwide")]
    assert releases[0].kind is ReleaseKind.PREMIERE
    cast = values(doc, FieldName.CAST)
    assert CastValue(actor="Kareena Kapoor", character="Sonia Subhramaniam") in cast
    assert CastValue(actor="Armaan Verma", character="Prateek") in cast
    # The prose paragraphs of the cast section are not cast entries.
    assert all(len(c.actor.split()) <= 4 for c in cast)


def test_welcome_cast_under_subsections_and_approximate_gross():
    doc = parsed("welcome_2007")
    cast = values(doc, FieldName.CAST)
    assert CastValue(actor="Nana Patekar", character="Don Uday Shetty") in cast
    assert CastValue(actor="Katrina Kaif", character="Sanjana Shetty") in cast
    assert CastValue(actor="Suniel Shetty", character=None) in cast
    (gross,) = infobox_money(doc, FieldName.GROSS)
    assert gross.approximate
    assert values(doc, FieldName.RELEASED) == [ReleaseValue(year=2007, month=12, day=21)]


def test_milo_and_otis_without_cast_section():
    doc = parsed("the_adventures_of_milo_and_otis")
    assert not any("cast" in problem.casefold() for problem in doc.problems)
    assert values(doc, FieldName.CAST) == [
        CastValue(actor="Shigeru Tsuyuki", character="Narrator"),
        CastValue(actor="Dudley Moore", character="Narrator"),
    ]
    assert {"子猫物語", "Koneko Monogatari", "The Adventures of Chatran"} <= set(doc.aliases)
    assert [r.year for r in values(doc, FieldName.RELEASED)] == [1986, 1989]
    # The "Box office" section states the US gross in so many words.
    us = [f for f in doc.facts if f.field is FieldName.GROSS and f.value.scope is MoneyScope.US]
    assert [(f.value.amount, f.source.location) for f in us] == [(13_300_000, "section: Box office")]


def test_enter_the_dragon_film_name_and_box_office_not_duplicated():
    doc = parsed("enter_the_dragon")
    assert {"龍爭虎鬥", "龙争虎斗"} <= set(doc.aliases)
    # The "Worldwide ... US$90 million" sentence agrees with the infobox: not added twice.
    assert len(values(doc, FieldName.GROSS)) == 1
    assert [v.text for v in values(doc, FieldName.DISTRIBUTOR)] == ["Golden Harvest", "Warner Bros."]


def test_four_daughters_cast_table_and_empty_money_fields():
    doc = parsed("four_daughters")
    cast = values(doc, FieldName.CAST)
    assert CastValue(actor="Priscilla Lane", character="Ann Lemp") in cast
    assert CastValue(actor="Claude Rains", character="Adam Lemp") in cast
    assert len(cast) == 10
    assert doc.problems == []


def test_azhagarsamy_piped_links_and_actor_only_cast():
    doc = parsed("azhagarsamy")
    cast = values(doc, FieldName.CAST)
    assert cast[1] == CastValue(actor="Roja", character="Suja")
    assert CastValue(actor="Goundamani", character=None) in cast
    assert CastValue(actor="Alphonsa", character=None) in cast


def test_detect_scores_fixtures_high():
    for path in FIXTURE_FILES:
        assert wikitext.detect(path.read_text(encoding="utf-8")) >= 0.9, path.name


def test_detect_scores_the_seeds_low():
    flattened = (SEEDS / "000_db45820d1969818c.txt").read_text(encoding="utf-8")
    credits = (SEEDS / "004_a1d7495195fd799d.txt").read_text(encoding="utf-8")
    assert wikitext.detect(flattened) < 0.3
    assert wikitext.detect(credits) == 0


TRUNCATED = """{{Infobox film
| name = The Lost Reel
| director = [[Jane Roe]]
| starring = {{Plainlist|
* [[Ann Actor]]
* Bob Actor
}}
| released = {{Film date|1971|3|2|France}}
| runtime = 9"""


def test_truncated_infobox_is_read_as_far_as_it_goes():
    doc = wikitext.parse(TRUNCATED, "lost.wiki", "The Lost Reel")
    assert doc.title == "The Lost Reel"
    assert doc.year == 1971
    assert [v.name for v in values(doc, FieldName.DIRECTOR)] == ["Jane Roe"]
    assert [v.name for v in values(doc, FieldName.STARRING)] == ["Ann Actor", "Bob Actor"]
    assert values(doc, FieldName.RUNTIME) == []
    assert any("not closed" in p for p in doc.problems)
    assert any("'runtime'" in p for p in doc.problems)


def test_truncated_infobox_before_the_article_body():
    text = TRUNCATED.replace("| runtime = 9", "| runtime = 95 minutes") + (
        "\n\n'''''The Lost Reel''''' is a 1971 French film.\n\n==Plot==\nA reel is lost. It is found again."
    )
    doc = wikitext.parse(text, "lost.wiki", "The Lost Reel")
    assert [v.minutes for v in values(doc, FieldName.RUNTIME)] == [95]
    assert [v.text for v in values(doc, FieldName.SUMMARY)] == ["The Lost Reel is a 1971 French film."]
    assert doc.plot is not None
    assert doc.plot.beats[0].text == "A reel is lost. It is found again."


def test_article_without_infobox_reads_the_lead():
    text = (
        "{{Short description|1995 film}}\n"
        "'''''Quiet Harbour''''' ({{lang-fr|'''Port tranquille'''}}) is a 1995 Canadian [[drama film]] "
        "directed by [[Jane Roe]].<ref>{{cite web|title=x}}</ref>\n\n"
        "==Cast==\n* [[Ann Actor]] as Marie\n* Bob Actor\n\n"
        "==Plot==\nMarie returns to the harbour.{{citation needed}} Her father has gone.\n"
    )
    doc = wikitext.parse(text, "qh.wiki", "Quiet Harbour (film)")
    assert doc.title == "Quiet Harbour"
    assert doc.year == 1995
    assert "Port tranquille" in doc.aliases
    assert "Quiet Harbour (film)" in doc.aliases
    assert "no film infobox" in doc.problems
    assert values(doc, FieldName.CAST) == [
        CastValue(actor="Ann Actor", character="Marie"),
        CastValue(actor="Bob Actor"),
    ]
    assert doc.plot is not None
    assert doc.plot.beats[0].text == "Marie returns to the harbour. Her father has gone."


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain words, no markup at all",
        "{{" * 3000 + "x",
        "[[" * 3000,
        "<ref>" * 500,
        "{{Infobox film\n| gross = {{US$|{{#expr:2*(3+}} million}}\n}}",
        "{{Infobox film\n| released = {{Film date|1999|13|45}}\n| runtime = 0 minutes\n}}",
        "==Cast==\n*\n* as\n* : x\n{|\n! Actor !! Role\n|-\n| only one cell\n|}",
    ],
)
def test_malformed_input_never_crashes_the_parser(text):
    try:
        doc = wikitext.parse(text, "bad.wiki", "Bad (2001 film)")
    except wikitext.NotAFilmArticle:  # junk that names no film is refused, with the reason
        return
    assert doc.title
    assert doc.source.kind is SourceKind.WIKITEXT


def test_unevaluable_gross_is_reported_not_guessed():
    text = "{{Infobox film\n| name = X\n| gross = {{US$|{{#expr:{{To USD|9800|JPN|year=2012}}*2}} million}}\n}}"
    doc = wikitext.parse(text, "x.wiki", "X")
    assert values(doc, FieldName.GROSS) == []
    assert any(p.startswith("infobox field 'gross' could not be read") for p in doc.problems)


def test_infobox_money_templates_and_scopes():
    text = """{{Infobox_Film
| name = Y
| budget = {{INR|130 [[crore]]}}
| gross = $12.5 million (North America)<br>$40 million (worldwide)<br>{{¥|2 billion}} (foreign)
}}"""
    doc = wikitext.parse(text, "y.wiki", "Y")
    assert values(doc, FieldName.BUDGET) == [MoneyValue(amount=1.3e9, currency="INR", scope=MoneyScope.BUDGET)]
    assert [(v.amount, v.currency, v.scope) for v in values(doc, FieldName.GROSS)] == [
        (12_500_000, "USD", MoneyScope.US),
        (40_000_000, "USD", MoneyScope.WORLDWIDE),
        (2_000_000_000, "JPY", MoneyScope.UNSPECIFIED),
    ]


def test_people_and_place_lists():
    text = """{{Infobox film
| director = {{ubl|[[Ann Roe|Ann]]|Bob Roe {{small|(uncredited)}}}}
| producer = Carl One, Dora Two and Ed Three
| writer = Sammy Davis, Jr.
| country = {{flatlist|
* [[France]]
* Italy
}}
| language = English, Hindi and Italian
}}"""
    doc = wikitext.parse(text, "z.wiki", "Z")
    assert [v.name for v in values(doc, FieldName.DIRECTOR)] == ["Ann", "Bob Roe"]
    assert [v.name for v in values(doc, FieldName.PRODUCER)] == ["Carl One", "Dora Two", "Ed Three"]
    assert [v.name for v in values(doc, FieldName.WRITER)] == ["Sammy Davis, Jr."]
    assert values(doc, FieldName.COUNTRY) == [TextValue(text="France"), TextValue(text="Italy")]
    assert [v.text for v in values(doc, FieldName.LANGUAGE)] == ["English", "Hindi", "Italian"]


def test_cast_line_forms():
    text = """==Cast==
* [[Peter Sellers]] as:
** Group Captain Lionel Mandrake, a British officer
** President Merkin Muffley
* [[Howard Keel]] as Adam and [[Jane Powell]] as Milly
* [[Ann Actor]] and Bob Actor as the Twins
* [[Cleo Actor]] as Su Lin, Lee's sister (as Cleo A.)
* Dan Actor – Inspector Hale
* Director: [[Eve Maker]]
* [[Fay Actor]] (special appearance)
"""
    cast = values(wikitext.parse(text, "c.wiki", "C"), FieldName.CAST)
    assert cast == [
        CastValue(actor="Peter Sellers", character="Group Captain Lionel Mandrake"),
        CastValue(actor="Peter Sellers", character="President Merkin Muffley"),
        CastValue(actor="Howard Keel", character="Adam"),
        CastValue(actor="Jane Powell", character="Milly"),
        CastValue(actor="Ann Actor", character="the Twins"),
        CastValue(actor="Bob Actor", character="the Twins"),
        CastValue(actor="Cleo Actor", character="Su Lin"),
        CastValue(actor="Dan Actor", character="Inspector Hale"),
        CastValue(actor="Fay Actor"),
    ]


def test_cast_table_with_actor_and_character_columns():
    text = """==Cast==
{| class="wikitable"
|-
! Character name !! Japanese voice actor !! English voice actor
|-
| {{nihongo|Satsuki Kusakabe|草壁 サツキ}} (daughter) || [[Noriko Hidaka]] || [[Dakota Fanning]]
|}
"""
    cast = values(wikitext.parse(text, "t.wiki", "T"), FieldName.CAST)
    assert cast == [
        CastValue(actor="Noriko Hidaka", character="Satsuki Kusakabe"),
        CastValue(actor="Dakota Fanning", character="Satsuki Kusakabe"),
    ]


def test_renderer_plain_text():
    import mwparserfromhell

    code = mwparserfromhell.parse(
        "''[[Batman (1989 film)|Batman]]'' grossed {{US$|411 million}}<ref name=a>x</ref>{{efn|note}}"
        "<!-- hidden --> in [[North America]]{{citation needed|date=May 2015}}, with [[Jack Nicholson]]."
    )
    assert Renderer().inline(code) == "Batman grossed US$411 million in North America, with Jack Nicholson."
    assert Renderer().items(mwparserfromhell.parse("{{Plain list|\n* A\n* [[B|Bee]]\n}}")) == ["A", "Bee"]
    assert Renderer().items(mwparserfromhell.parse("{{ubl|A|B}}<br />C")) == ["A", "B", "C"]


@pytest.mark.parametrize(
    ("expression", "value"),
    [("123+13.3 round 0", "136"), ("2*(3+4)", "14"), ("10/4", "2.5"), ("-1.25 round 1", "-1.3"), ("7 mod 3", "1")],
)
def test_expr_evaluates_simple_arithmetic(expression, value):
    assert evaluate_expr(expression) == value


@pytest.mark.parametrize("expression", ["__import__('os')", "2**1000", "1/0", "(1+2", "exp 3", ""])
def test_expr_refuses_anything_else(expression):
    with pytest.raises(ValueError):
        evaluate_expr(expression)


def test_rupees_of_a_film_not_from_india_are_refused():
    text = "{{Infobox film\n| name = P\n| country = Pakistan\n| gross = [[Rupee|Rs]]2.42 [[crore]]\n}}"
    doc = wikitext.parse(text, "p.wiki", "P")
    assert values(doc, FieldName.GROSS) == []
    assert any("rupees" in problem for problem in doc.problems)


def test_first_of_several_countries_is_not_a_premiere():
    text = "{{Infobox film\n| released = {{Film date|2018|12|20|United States & Canada|2018|12|21|India}}\n}}"
    releases = values(wikitext.parse(text, "k.wiki", "K"), FieldName.RELEASED)
    assert [r.kind for r in releases] == [ReleaseKind.RELEASE, ReleaseKind.RELEASE]


def test_an_article_about_something_else_is_refused_not_filed_as_a_film(tmp_path: Path) -> None:
    actor = (
        "{{Short description|American actor (born 1950)}}\n"
        "'''Jane Roe''' (born 1950) is an [[Americans|American]] actor known for the films "
        "''[[Heat (1995 film)|Heat]]'' and ''[[Ronin (film)|Ronin]]''.<ref>{{cite web|title=x}}</ref>\n\n"
        "==Career==\nShe began on stage in [[Boston]].\n"
    )
    with pytest.raises(wikitext.NotAFilmArticle):
        wikitext.parse(actor, "roe.wiki", "Jane Roe")
    path = tmp_path / "Jane Roe.wiki"
    path.write_text(actor)
    report = ingest_file(FilmLibrary(build_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")), path, {})
    assert report.status == "failed"
    assert report.problems == ["not a film article: no film infobox, and its lead does not call it a film"]
