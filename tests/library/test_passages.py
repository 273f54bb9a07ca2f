"""Passages: every document's prose kept with its heading path, and searched in the database's full-text index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine

from core.documents import credits, flattened, wikitext
from core.documents.passages import MAX_PASSAGE_CHARS, heading_paths, section_passages
from core.ingest.files import ingest_paths
from core.library.model import LEAD_SECTION, ParsedDocument, PassageText
from core.library.store import FilmLibrary
from core.settings import BUNDLED_DATA

DEV_ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "wikitext-dev"

ARTICLE = """{{Infobox film
| name = Harbour Lights
| director = [[Ana Souza]]
| released = 2001
}}
'''''Harbour Lights''''' is a 2001 Portuguese [[drama film]] directed by [[Ana Souza]].<ref>{{cite web|title=x}}</ref>
It follows a fisherman who loses his boat.

== Story ==
=== Plot ===
Tomas, a fisherman in [[Porto]], loses his boat in a winter storm. He borrows money from his brother.

==== Ending ====
In the final scene Tomas sails out again at dawn.

== Production ==
Filming took place in [[Lisbon]] over six weeks in the spring of 2000.
* The harbour scenes were shot at night.

== References ==
{{reflist}}
Souza, Ana. Interview with the director about the making of the film.
"""


def _sections(doc: ParsedDocument) -> dict[tuple[str, ...], list[str]]:
    found: dict[tuple[str, ...], list[str]] = {}
    for passage in doc.passages:
        found.setdefault(passage.section, []).append(passage.text)
    return found


def test_wikitext_passages_keep_their_full_heading_path_at_any_depth() -> None:
    sections = _sections(wikitext.parse(ARTICLE, "file:harbour.wiki", "Harbour Lights"))

    assert sections[LEAD_SECTION] == [
        "Harbour Lights is a 2001 Portuguese drama film directed by Ana Souza. "
        "It follows a fisherman who loses his boat."
    ]
    assert sections[("Story", "Plot")] == [
        "Tomas, a fisherman in Porto, loses his boat in a winter storm. He borrows money from his brother."
    ]
    assert sections[("Story", "Plot", "Ending")] == ["In the final scene Tomas sails out again at dawn."]
    assert sections[("Production",)] == [
        "Filming took place in Lisbon over six weeks in the spring of 2000.",
        "The harbour scenes were shot at night.",
    ]
    assert not any("References" in path for path in sections)


def test_heading_paths_close_headings_of_the_same_level_or_deeper() -> None:
    headings = [("Plot", 2), ("Production", 2), ("Casting", 3), ("Filming", 3), ("Sets", 5), ("Release", 2)]

    assert heading_paths(headings) == [
        ("Plot",),
        ("Production",),
        ("Production", "Casting"),
        ("Production", "Filming"),
        ("Production", "Filming", "Sets"),
        ("Release",),
    ]


def test_a_long_paragraph_becomes_runs_of_whole_sentences() -> None:
    sentences = [f"Sentence {n} tells one more step of a rather long story about the harbour." for n in range(12)]
    paragraph = " ".join(sentences)

    found = section_passages(("Plot",), [paragraph, "Too short.", "{{cite web|title=a template left unread}}"])

    assert len(found) > 1
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in found)
    assert " ".join(p.text for p in found) == paragraph
    assert all(p.text.endswith("harbour.") for p in found)


def test_stray_markup_around_prose_is_dropped_and_the_prose_kept() -> None:
    found = section_passages(("Lead",), ["It is a 1990 Indian]] film.<ref>{{cite web|url=x}}</ref> A remake."])

    assert [p.text for p in found] == ["It is a 1990 Indian film. A remake."]


def test_flattened_dump_passages_nest_subsections() -> None:
    dump = "\n".join(
        [
            "Harbour Lights",
            "{{Infobox film",
            "| name = Harbour Lights",
            "}}",
            "Harbour Lights is a 2001 Portuguese drama film directed by Ana Souza|Ana Souza.",
            "== Story ==",
            "=== Plot ===",
            "Tomas loses his boat in a winter storm near Porto.",
            "== Production ==",
            "* Filming took place in Lisbon over six weeks.",
        ]
    )
    sections = _sections(flattened.parse(dump, "file:harbour.txt", "Harbour Lights"))

    assert sections[LEAD_SECTION] == ["Harbour Lights is a 2001 Portuguese drama film directed by Ana Souza."]
    assert sections[("Story", "Plot")] == ["Tomas loses his boat in a winter storm near Porto."]
    assert sections[("Production",)] == ["Filming took place in Lisbon over six weeks."]


def test_end_credits_page_gives_its_synopsis_and_recap() -> None:
    path = BUNDLED_DATA / "children_of_heaven.end-credits.txt"
    doc = credits.parse(path.read_text(encoding="utf-8"), "file:x", "Children of Heaven")

    sections = _sections(doc)
    assert set(sections) == {("Synopsis",), ("Recap",)}
    assert len(sections[("Recap",)]) >= 5


@pytest.mark.parametrize("path", sorted(DEV_ARTICLES.glob("*.wiki")), ids=lambda p: p.stem)
def test_every_plot_heading_of_a_real_article_gives_plot_passages(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = wikitext.parse(text, f"file:{path.name}", path.stem)

    assert doc.passages, doc.problems
    assert doc.passages[0].section == LEAD_SECTION or not text.lstrip().startswith(("'''", "{{"))
    for match in re.finditer(r"^=+\s*(Plot|Synopsis|Premise)\s*=+\s*$\n(?P<body>(?:(?!=).*\n?)*)", text, re.MULTILINE):
        prose = [line for line in match["body"].splitlines() if len(line.split()) > 5 and line[:2] != "{{"]
        assert bool(prose) == any(p.section[-1] == match[1] for p in doc.passages), match[1]


# -- the store, on SQLite (FTS5, bm25) and PostgreSQL (tsvector, ts_rank) -------------------------------------------


@pytest.fixture
def library(engine: Engine) -> FilmLibrary:
    library = FilmLibrary(engine)
    ingest_paths(library, [BUNDLED_DATA / "batman_1989.wiki", BUNDLED_DATA / "enter_the_dragon.wiki"])
    return library


def _film(library: FilmLibrary, title: str) -> int:
    return next(e.film_id for e in library.title_entries() if e.title == title)


def test_search_ranks_the_passage_that_answers_first(library: FilmLibrary) -> None:
    batman = _film(library, "Batman")

    found = library.search_passages(batman, "Where was the Axis Chemicals scene shot?")

    assert found
    assert all(p.film_id == batman for p in found)
    assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)
    assert found[0].score > 0
    assert "axis chemical" in found[0].text.casefold()
    assert found[0].source.label == "Wikipedia: Batman"


def test_search_never_returns_another_films_passages(library: FilmLibrary) -> None:
    batman, dragon = _film(library, "Batman"), _film(library, "Enter the Dragon")

    assert library.search_passages(dragon, "Joker Gotham Axis Chemicals Vicki Vale") == []
    assert library.search_passages(batman, "Joker Gotham", limit=5)
    assert len(library.search_passages(batman, "Joker Gotham", limit=5)) == 5


def test_a_question_of_only_small_words_finds_nothing(library: FilmLibrary) -> None:
    assert library.search_passages(_film(library, "Batman"), "what is it about?") == []
    assert library.search_passages(_film(library, "Batman"), "Joker", limit=0) == []


def test_passages_read_in_article_order_and_by_heading(library: FilmLibrary) -> None:
    batman = _film(library, "Batman")

    everything = library.passages(batman)
    plot = library.passages(batman, "plot")

    assert [p.ordinal for p in everything] == list(range(len(everything)))
    assert everything[0].section == LEAD_SECTION
    assert everything[0].source.location == "lead"
    assert plot and all("Plot" in p.section for p in plot)
    assert plot[0].source.location.startswith("section: Plot")
    assert library.passages(batman, "Lead") == [p for p in everything if p.section == LEAD_SECTION]
    assert library.passages(batman, "No such heading") == []


def test_a_changed_document_replaces_its_passages_in_the_index(library: FilmLibrary, tmp_path: Path) -> None:
    first = tmp_path / "harbour.wiki"
    first.write_text(ARTICLE, encoding="utf-8")
    ingest_paths(library, [first])
    film = _film(library, "Harbour Lights")
    assert library.search_passages(film, "winter storm")

    first.write_text(ARTICLE.replace("winter storm", "summer squall"), encoding="utf-8")
    report = ingest_paths(library, [first])

    assert [d.status for d in report.documents] == ["updated"]
    assert [p.text for p in library.search_passages(film, "winter storm")] == []
    assert "summer squall" in library.search_passages(film, "squall")[0].text
    assert len(library.passages(film)) == len(wikitext.parse(ARTICLE, "x", "Harbour Lights").passages)


def test_stemming_finds_other_forms_of_a_word(library: FilmLibrary, tmp_path: Path) -> None:
    (tmp_path / "harbour.wiki").write_text(ARTICLE, encoding="utf-8")
    ingest_paths(library, [tmp_path / "harbour.wiki"])

    found = library.search_passages(_film(library, "Harbour Lights"), "When does he go sailing?")

    assert [p.text for p in found] == ["In the final scene Tomas sails out again at dawn."]
    assert found[0].section == ("Story", "Plot", "Ending")


def test_passage_text_model_is_frozen() -> None:
    passage = PassageText(section=("Plot",), text="A man walks into a bar.")
    with pytest.raises(ValueError):
        passage.text = "changed"  # type: ignore[misc]
