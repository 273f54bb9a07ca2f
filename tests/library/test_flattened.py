from pathlib import Path

from core.documents import credits, flattened
from core.documents.cleaning import decode_document
from core.documents.flattened_layout import unpipe, value_items
from core.documents.names import possessive_stems, read_names, restore_possessives, split_run_together
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

FILMS = Path(__file__).resolve().parents[2] / "data" / "films"
FLAT = "children_of_heaven.wikipedia-flat.txt"


def load(name: str) -> str:
    return decode_document((FILMS / name).read_bytes())


def parse_seed() -> ParsedDocument:
    return flattened.parse(load(FLAT), "seed-000", "children_of_heaven")


def values(doc: ParsedDocument, field: FieldName, location: str | None = None) -> list:
    return [f.value for f in doc.facts if f.field is field and (location is None or f.source.location == location)]


def fact_at(doc: ParsedDocument, field: FieldName, location: str):
    found = [f for f in doc.facts if f.field is field and f.source.location == location]
    assert found, f"no {field} at {location}"
    return found[0]


# --- detection ---------------------------------------------------------------------------------


def test_detect_flattened_seed_scores_high():
    assert flattened.detect(load(FLAT)) >= 0.6


def test_detect_real_wikitext_scores_low():
    for path in FILMS.glob("*.wiki"):
        assert flattened.detect(decode_document(path.read_bytes())) < 0.3, path.name
    wikitext = "{{Infobox film\n| name = X\n| director = [[Jane Roe]]\n}}\n'''X''' is a [[film]].<ref>a</ref>"
    assert flattened.detect(wikitext) < 0.3
    assert flattened.detect("{{Infobox film\n| name = Y\n}}\nY is a film by [[Ann Lee]].\n==Plot==\nA.") < 0.3


def test_detect_is_zero_for_credits_page_and_plain_text():
    assert flattened.detect(load("children_of_heaven.end-credits.txt")) == 0
    assert flattened.detect("") == 0
    assert flattened.detect("Just some text about a film.") == 0
    assert credits.detect(load(FLAT)) == 0


# --- the seed, fact by fact ----------------------------------------------------------------------


def test_seed_title_year_and_sources():
    doc = parse_seed()
    assert doc.title == "Children of Heaven"
    assert doc.year == 1997
    assert doc.source.kind is SourceKind.FLATTENED_WIKIPEDIA
    for fact in doc.facts:
        assert fact.source.kind is SourceKind.FLATTENED_WIKIPEDIA
        assert fact.source.document_id == "seed-000"
        assert fact.source.title == "Children of Heaven"
        assert fact.source.location
        assert fact.raw


def test_seed_infobox_people():
    doc = parse_seed()
    assert values(doc, FieldName.DIRECTOR, "infobox: director") == [PersonValue(name="Majid Majidi")]
    assert values(doc, FieldName.WRITER, "infobox: writer") == [PersonValue(name="Majid Majidi")]
    assert values(doc, FieldName.MUSIC) == [PersonValue(name="Keivan Jahanshahi")]
    assert values(doc, FieldName.CINEMATOGRAPHY) == [PersonValue(name="Parviz Malekzaade")]
    assert values(doc, FieldName.EDITING) == [PersonValue(name="Hassan Hassandoost")]


def test_seed_starring_is_split_with_names_from_the_cast_list():
    doc = parse_seed()
    assert values(doc, FieldName.STARRING, "infobox: starring") == [
        PersonValue(name="Amir Farrokh Hashemian"),
        PersonValue(name="Bahare Seddiqi"),
    ]
    assert fact_at(doc, FieldName.STARRING, "infobox: starring").raw == "Amir Farrokh Hashemian Bahare Seddiqi"


def test_seed_producer_cannot_be_proven_so_stays_whole():
    doc = parse_seed()
    assert values(doc, FieldName.PRODUCER) == [PersonValue(name="Amir Esfandiari Mohammad Esfandiari", unsplit=True)]
    assert any("producer" in p and "Amir Esfandiari Mohammad Esfandiari" in p for p in doc.problems)


def test_seed_infobox_texts_runtime_and_money():
    doc = parse_seed()
    assert values(doc, FieldName.STUDIO, "infobox: studio") == [
        TextValue(text="The Institute for the Intellectual Development of Children & Young Adults")
    ]
    assert values(doc, FieldName.DISTRIBUTOR, "infobox: distributor") == [TextValue(text="Miramax Films")]
    assert values(doc, FieldName.COUNTRY, "infobox: country") == [TextValue(text="Iran")]
    assert values(doc, FieldName.LANGUAGE, "infobox: language") == [TextValue(text="Persian")]
    assert values(doc, FieldName.RUNTIME, "infobox: runtime") == [RuntimeValue(minutes=89)]
    budget = fact_at(doc, FieldName.BUDGET, "infobox: budget")
    assert budget.value == MoneyValue(amount=180_000, currency="USD", scope=MoneyScope.BUDGET)
    assert budget.raw == "United States dollar|US$180,000"
    gross = fact_at(doc, FieldName.GROSS, "infobox: gross")
    assert gross.value == MoneyValue(amount=1_628_579, currency="USD", scope=MoneyScope.WORLDWIDE)


def test_seed_cast_keeps_characters_and_restores_possessives():
    doc = parse_seed()
    cast = values(doc, FieldName.CAST, "section: Cast")
    assert len(cast) == 10
    assert cast[0] == CastValue(actor="Amir Farrokh Hashemian", character="Ali")
    assert cast[1] == CastValue(actor="Bahare Seddiqi", character="Zahra")
    assert CastValue(actor="Dariush Mokhtari", character="Ali's teacher") in cast
    assert CastValue(actor="Mohammed-Hasan Hosseinian", character="Roya's father") in cast
    assert CastValue(actor="Mohammed-Hossein Shahidi", character="Alireza") in cast
    assert CastValue(actor="Reza Naji", character="Father") in cast
    assert CastValue(actor="Christopher Maleki", character="Salt seller") in cast
    teacher = next(f for f in doc.facts if f.field is FieldName.CAST and f.value.actor == "Dariush Mokhtari")
    assert teacher.raw == "* Dariush Mokhtari as Alis teacher"


def test_seed_release_events_come_from_the_prose():
    doc = parse_seed()
    releases = values(doc, FieldName.RELEASED, "section: Critical response")
    assert ReleaseValue(year=1997, month=2, place="Tehran Fajr Film Festival", kind=ReleaseKind.PREMIERE) in releases
    assert ReleaseValue(year=1999, month=1, day=22, place="United States", kind=ReleaseKind.RELEASE) in releases
    assert len(releases) == 2
    assert any("released is empty" in p for p in doc.problems)


def test_seed_prose_money_with_scope_and_location():
    doc = parse_seed()
    grosses = values(doc, FieldName.GROSS, "section: Critical response")
    assert MoneyValue(amount=933_933, scope=MoneyScope.US) in grosses
    assert MoneyValue(amount=1_628_579, scope=MoneyScope.WORLDWIDE) in grosses
    assert len(grosses) == 2
    budget = fact_at(doc, FieldName.BUDGET, "section: Production")
    assert budget.value == MoneyValue(amount=180_000, scope=MoneyScope.BUDGET, approximate=True)
    assert "estimated" in budget.raw


def test_seed_comparison_award_and_summary():
    doc = parse_seed()
    assert values(doc, FieldName.COMPARISON, "section: Critical response") == [TextValue(text="Bicycle Thieves (1948)")]
    assert values(doc, FieldName.AWARD, "lead") == [
        TextValue(text="Nominated: Academy Award for Best Foreign Language Film (1998)")
    ]
    assert TextValue(text="Won an award at the Fajr Film Festival") in values(doc, FieldName.AWARD)
    (summary,) = values(doc, FieldName.SUMMARY, "lead")
    assert summary.text.startswith("It deals with a brother and sister")
    assert "|" not in summary.text
    assert any("first sentence is cut" in p for p in doc.problems)


def test_seed_plot_beats():
    doc = parse_seed()
    assert doc.plot is not None
    assert doc.plot.source.location == "section: Plot"
    assert doc.plot.source.kind is SourceKind.FLATTENED_WIKIPEDIA
    beats = doc.plot.beats
    assert len(beats) >= 4
    assert [b.index for b in beats] == list(range(1, len(beats) + 1))
    assert "places first" not in beats[0].text
    assert "race" not in beats[0].text
    assert any("places first" in b.text for b in beats[-3:])
    assert "Zahra's (Bahare Seddiqi)" in beats[0].text
    text = " ".join(b.text for b in beats)
    assert "Ali's teacher" in text and "Roya's father" in text
    assert "blue shoes" in text
    assert "Alireza (Mohammed-Hossein Shahidi)" in text
    assert "Ali'sreza" not in text and "shoe's" not in text


def test_seed_has_no_facts_from_see_also_or_empty_sections():
    doc = parse_seed()
    assert not any(f.source.location in {"section: See also", "section: References"} for f in doc.facts)


# --- another film in the same format -------------------------------------------------------------

OTHER = "\n".join(
    [
        "The Lantern Keeper",
        " ",
        "{{Infobox film",
        "| name = The Lantern Keeper",
        "| alt_name = Fener Bekçisi",
        "| director = Ayla Demir",
        "| producer = Selim Kaya Mert Oral Deniz Ak",
        "| writer = Ayla Demir Okan Tuna",
        "| starring = Leyla Yurt Hasan Can Aras",
        "| music = Ozan Bal",
        "| released = ",
        "| runtime = 102 minutes",
        "| country = Turkey",
        "| language = Turkish, Kurdish",
        "| budget = Turkish lira|$2 million",
        "| gross = $4.5 million (US)",
        "}} coming-of-age film|drama film directed by Ayla Demir. A girl keeps the town's "
        "lighthouse lit after her father vanishes.",
        "",
        "==Plot==",
        "Elif (Leyla Yurt) lives with her father Kemal (Hasan Can Aras) by the sea. One stormy "
        "night Kemal rows out and does not return, and Elif must keep the lantern burning alone "
        "while the town doubts her.",
        "She befriends the old ferryman Bora (Okan Tuna), who teaches her to read the tides and "
        "mend the lamp. Winter comes and the lamp fails twice.",
        "In the end a ship is saved by the light and Kemals boat is found empty on the shore.",
        "",
        "==Cast==",
        "* Leyla Yurt as Elif",
        "* Hasan Can Aras as Kemal",
        "* Okan Tuna as Bora",
        "* Sinan Er as Kemals brother",
        "",
        "==Release==",
        "The film premiered at the Istanbul Film Festival on 12 April 2016 and was released in "
        "Turkey on 3 June 2016. It grossed $7.1 million worldwide.",
        "",
    ]
)


def test_other_film_reads_its_own_names():
    doc = flattened.parse(OTHER, "other", "lantern")
    assert doc.title == "The Lantern Keeper"
    assert doc.aliases == ["Fener Bekçisi"]
    assert doc.year == 2016
    assert values(doc, FieldName.STARRING) == [PersonValue(name="Leyla Yurt"), PersonValue(name="Hasan Can Aras")]
    assert values(doc, FieldName.WRITER) == [PersonValue(name="Ayla Demir"), PersonValue(name="Okan Tuna")]
    assert values(doc, FieldName.DIRECTOR) == [PersonValue(name="Ayla Demir")]
    assert values(doc, FieldName.PRODUCER) == [PersonValue(name="Selim Kaya Mert Oral Deniz Ak", unsplit=True)]
    assert any("producer" in p for p in doc.problems)
    assert values(doc, FieldName.LANGUAGE) == [TextValue(text="Turkish"), TextValue(text="Kurdish")]
    assert values(doc, FieldName.RUNTIME) == [RuntimeValue(minutes=102)]


def test_other_film_money_releases_and_possessives():
    doc = flattened.parse(OTHER, "other", "lantern")
    assert values(doc, FieldName.BUDGET, "infobox: budget") == [MoneyValue(amount=2_000_000, scope=MoneyScope.BUDGET)]
    assert values(doc, FieldName.GROSS, "infobox: gross") == [MoneyValue(amount=4_500_000, scope=MoneyScope.US)]
    assert values(doc, FieldName.GROSS, "section: Release") == [
        MoneyValue(amount=7_100_000, scope=MoneyScope.WORLDWIDE)
    ]
    assert values(doc, FieldName.RELEASED, "section: Release") == [
        ReleaseValue(year=2016, month=4, day=12, place="Istanbul Film Festival", kind=ReleaseKind.PREMIERE),
        ReleaseValue(year=2016, month=6, day=3, place="Turkey", kind=ReleaseKind.RELEASE),
    ]
    assert CastValue(actor="Sinan Er", character="Kemal's brother") in values(doc, FieldName.CAST)
    assert doc.plot is not None
    assert "Kemal's boat" in doc.plot.beats[-1].text
    assert "ship is saved" not in doc.plot.beats[0].text
    (summary,) = values(doc, FieldName.SUMMARY)
    assert summary.text == "A girl keeps the town's lighthouse lit after her father vanishes."


# --- odd input ---------------------------------------------------------------------------------


def test_truncated_documents_never_raise():
    text = load(FLAT)
    for cut in range(0, len(text), 97):
        doc = flattened.parse(text[:cut], "cut", "children_of_heaven")
        assert doc.title


def test_document_cut_inside_the_infobox():
    text = load(FLAT)
    doc = flattened.parse(text[: text.index("| music")], "cut", "children_of_heaven")
    assert doc.title == "Children of Heaven"
    assert values(doc, FieldName.DIRECTOR) == [PersonValue(name="Majid Majidi")]
    assert values(doc, FieldName.RUNTIME) == []
    assert doc.plot is None
    assert doc.year is None
    assert any("not closed" in p for p in doc.problems)
    assert any("Plot" in p for p in doc.problems)


def test_empty_sections_and_fields():
    text = (
        "Nothing Here\n{{Infobox film\n| name = Nothing Here\n| director =\n| runtime = \n}}\n"
        "==Plot==\n\n==Cast==\n==Release==\n"
    )
    doc = flattened.parse(text, "empty", "nothing")
    assert doc.title == "Nothing Here"
    assert doc.facts == []
    assert doc.plot is None
    assert any("director is empty" in p for p in doc.problems)
    assert any("Plot is empty" in p for p in doc.problems)
    assert any("Release is empty" in p for p in doc.problems)


def test_empty_and_headless_text():
    doc = flattened.parse("", "e", "fallback name")
    assert doc.title == "fallback name"
    assert doc.facts == []
    doc = flattened.parse("==Plot==\nA man walks.\n", "p", "walker")
    assert doc.title == "walker"
    assert doc.plot is not None and doc.plot.beats[0].text == "A man walks."


def test_unreadable_infobox_values_are_reported_not_guessed():
    text = "X\n{{Infobox film\n| name = X\n| runtime = long\n| budget = unknown\n| starring = 42\n}}\n"
    doc = flattened.parse(text, "x", "x")
    assert values(doc, FieldName.RUNTIME) == [] and values(doc, FieldName.BUDGET) == []
    assert values(doc, FieldName.STARRING) == []
    assert len([p for p in doc.problems if p.startswith("infobox:")]) == 3


# --- helpers -------------------------------------------------------------------------------------


def test_unpipe_keeps_labels():
    assert unpipe("family drama|drama film written by") == "drama film written by"
    assert unpipe("* Homerun (film)|Homerun, a 2003 film") == "* Homerun, a 2003 film"
    assert unpipe("a 1997 Iranian drama|drama film") == "a 1997 drama film"
    assert value_items("United States dollar|US$180,000 ") == ["US$180,000"]
    assert value_items("{{ubl|Ann Lee|Bo Kim}}", commas=True) == ["Ann Lee", "Bo Kim"]


def test_name_splitting_needs_an_exact_unique_cover():
    known = ["Amir Farrokh Hashemian", "Bahare Seddiqi"]
    assert split_run_together("Amir Farrokh Hashemian Bahare Seddiqi", known) == known
    assert split_run_together("Amir Farrokh Hashemian Bahare", known) is None
    assert split_run_together("Ann Lee Ann Lee", ["Ann Lee", "Ann", "Lee Ann", "Lee"]) is None
    assert read_names("Amir Esfandiari Mohammad Esfandiari", known).unsplit
    assert read_names("Amir Farrokh Hashemian", []).names == ["Amir Farrokh Hashemian"]
    assert not read_names("Amir Farrokh Hashemian", []).unsplit


def test_possessive_repair_only_for_proper_names():
    stems = possessive_stems(["Ali", "Father", "Roya", "Alis teacher"], "his father came home")
    assert stems == {"Ali", "Roya"}
    assert restore_possessives("Alis shoes and Royas father met Alireza", stems) == (
        "Ali's shoes and Roya's father met Alireza"
    )
    assert restore_possessives("Ali's shoes", stems) == "Ali's shoes"
