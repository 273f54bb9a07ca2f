from pathlib import Path

from core.documents import credits, flattened
from core.documents.cleaning import decode_document
from core.library.model import (
    CreditsValue,
    FieldName,
    MoneyScope,
    MoneyValue,
    ParsedDocument,
    ReleaseKind,
    ReleaseValue,
    RuntimeValue,
    ScoreValue,
    SourceKind,
    TextValue,
)

FILMS = Path(__file__).resolve().parents[2] / "data" / "films"
CREDITS = "children_of_heaven.end-credits.txt"


def load(name: str) -> str:
    return decode_document((FILMS / name).read_bytes())


def parse_seed() -> ParsedDocument:
    return credits.parse(load(CREDITS), "seed-004", "children_of_heaven")


def values(doc: ParsedDocument, field: FieldName, location: str | None = None) -> list:
    return [f.value for f in doc.facts if f.field is field and (location is None or f.source.location == location)]


def scores(doc: ParsedDocument) -> dict[str, ScoreValue]:
    return {v.name: v for v in values(doc, FieldName.SCORE, "ratings")}


YES_PAGE = """Back
Does Moonlit Harbor have end credit scenes?
Yes!
Moonlit Harbor has end credit scenes.
Moonlit Harbor
2021
A fisherman's daughter races a storm to bring her brother home.
Runtime: 1h 52m
Box Office: $12.4M
Language: English, Welsh
By: Gwen Price
Directors: Rhys Evans
Ratings:
64
Metascore
TOMATOMETER
81%
User Score
Check out what happened in Moonlit Harbor!
Nia sets out at dawn as the sky darkens over the bay.
After the credits, Nia finds a letter on the pier.
"""


# --- detection ---------------------------------------------------------------------------------


def test_detect_scores():
    assert credits.detect(load(CREDITS)) >= 0.6
    assert credits.detect(YES_PAGE) >= 0.6
    assert flattened.detect(load(CREDITS)) == 0
    assert flattened.detect(YES_PAGE) == 0
    assert credits.detect(load("children_of_heaven.wikipedia-flat.txt")) == 0
    for path in FILMS.glob("*.wiki"):
        assert credits.detect(decode_document(path.read_bytes())) == 0, path.name
    assert credits.detect("") == 0
    assert credits.detect("Runtime: 90 min") == 0


# --- the seed, fact by fact ----------------------------------------------------------------------


def test_seed_title_year_and_sources():
    doc = parse_seed()
    assert doc.title == "Children of Heaven"
    assert doc.year == 1999
    assert doc.source.kind is SourceKind.END_CREDITS_PAGE
    for fact in doc.facts:
        assert fact.source.kind is SourceKind.END_CREDITS_PAGE
        assert fact.source.document_id == "seed-004"
        assert fact.source.title == "Children of Heaven"
        assert fact.source.location and fact.raw
    assert values(doc, FieldName.RELEASED, "header") == [ReleaseValue(year=1999, kind=ReleaseKind.YEAR)]


def test_seed_verdict_runtime_and_box_office():
    doc = parse_seed()
    assert values(doc, FieldName.END_CREDITS, "verdict") == [CreditsValue(has_scenes=False)]
    assert values(doc, FieldName.RUNTIME, "details: Runtime") == [RuntimeValue(minutes=89)]
    (gross,) = [f for f in doc.facts if f.field is FieldName.GROSS]
    assert gross.value == MoneyValue(amount=382_000, currency="USD", scope=MoneyScope.UNSPECIFIED, approximate=True)
    assert gross.source.location == "details: Box Office"
    assert gross.raw == "Box Office: $382K"


def test_seed_scores_follow_position_for_the_two_user_scores():
    doc = parse_seed()
    assert scores(doc) == {
        "metascore": ScoreValue(name="metascore", value=77, scale=100),
        "metacritic-user": ScoreValue(name="metacritic-user", value=7.6, scale=10),
        "tomatometer": ScoreValue(name="tomatometer", value=83, scale=100),
        "rt-audience": ScoreValue(name="rt-audience", value=95, scale=100),
    }
    assert len(values(doc, FieldName.SCORE)) == 4


def test_seed_empty_fields_give_problems_not_facts():
    doc = parse_seed()
    assert values(doc, FieldName.LANGUAGE) == []
    assert values(doc, FieldName.DIRECTOR) == []
    for key in ("Language", "By", "Directors"):
        assert any(key in p and "empty" in p for p in doc.problems), key


def test_seed_summary_and_recap_plot():
    doc = parse_seed()
    (summary,) = values(doc, FieldName.SUMMARY, "synopsis")
    assert summary.text.startswith("In a heartwarming tale of sibling devotion")
    assert summary.text.endswith("Tehran's impoverished streets.")
    assert doc.plot is not None
    assert doc.plot.source.location == "recap"
    assert doc.plot.source.kind is SourceKind.END_CREDITS_PAGE
    beats = doc.plot.beats
    assert len(beats) >= 8
    assert beats[0].text.startswith("As the sun sets over the impoverished South Tehran")
    assert "podium" not in beats[0].text
    text = " ".join(b.text for b in beats)
    assert "violet shoes" in text and "blue shoes" not in text
    assert "Check out what happened" not in text and "Metascore" not in text


# --- synthetic pages -----------------------------------------------------------------------------


def test_yes_page_with_missing_scores():
    doc = credits.parse(YES_PAGE, "yes", "moonlit")
    assert doc.title == "Moonlit Harbor"
    assert doc.year == 2021
    assert values(doc, FieldName.END_CREDITS) == [CreditsValue(has_scenes=True)]
    assert values(doc, FieldName.RUNTIME) == [RuntimeValue(minutes=112)]
    assert values(doc, FieldName.GROSS) == [MoneyValue(amount=12_400_000, approximate=True)]
    assert values(doc, FieldName.LANGUAGE) == [TextValue(text="English"), TextValue(text="Welsh")]
    assert [v.name for v in values(doc, FieldName.DIRECTOR)] == ["Rhys Evans"]
    # The Metacritic user score and the Tomatometer value are missing: only what is there is read,
    # and the "User Score" after TOMATOMETER is the audience score.
    assert scores(doc) == {
        "metascore": ScoreValue(name="metascore", value=64, scale=100),
        "rt-audience": ScoreValue(name="rt-audience", value=81, scale=100),
    }
    assert any("TOMATOMETER" in p for p in doc.problems)
    assert any("By" in p for p in doc.problems)
    assert doc.plot is not None and len(doc.plot.beats) == 1


def test_user_score_without_tomatometer_is_told_by_its_shape():
    page = (
        "Does X have end credit scenes?\nNo!\nX does not have end credit scenes.\nX\n2005\nRatings:\n6.1\nUser Score\n"
    )
    doc = credits.parse(page, "x", "x")
    assert scores(doc) == {"metacritic-user": ScoreValue(name="metacritic-user", value=6.1, scale=10)}
    doc = credits.parse(page.replace("6.1", "70%"), "x", "x")
    assert scores(doc) == {"rt-audience": ScoreValue(name="rt-audience", value=70, scale=100)}


def test_contradicting_verdict_is_not_read():
    page = "Does X have end credit scenes?\nYes!\nX does not have end credit scenes.\nX\n2005\n"
    doc = credits.parse(page, "x", "x")
    assert values(doc, FieldName.END_CREDITS) == []
    assert any("contradicts" in p for p in doc.problems)


def test_truncated_pages_never_raise():
    text = load(CREDITS)
    for cut in range(0, len(text), 41):
        doc = credits.parse(text[:cut], "cut", "children_of_heaven")
        assert doc.title
    doc = credits.parse(text[: text.index("Ratings:")], "cut", "children_of_heaven")
    assert values(doc, FieldName.SCORE) == []
    assert values(doc, FieldName.RUNTIME) == [RuntimeValue(minutes=89)]
    assert doc.plot is None
    assert any("ratings" in p for p in doc.problems)


def test_title_from_the_question_when_the_header_is_missing():
    doc = credits.parse("Does Lost Reel have end credit scenes?\nNo!\n", "q", "fallback")
    assert doc.title == "Lost Reel"
    assert doc.year is None
    assert values(doc, FieldName.END_CREDITS) == [CreditsValue(has_scenes=False)]
    doc = credits.parse("", "e", "fallback")
    assert doc.title == "fallback" and doc.facts == []
