"""Answers from the article's sentences: passages cited by section, plot passages hidden like /film plot parts,
the new intents (title meaning, other titles, about, setting, filming), and "the article doesn't say"."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.ingest.files import ingest_paths
from core.library.model import CastValue, Fact, FieldName, ParsedDocument, Source, SourceKind
from core.responses import Response, SpoilerPart, TextPart
from core.spoilers.reveal import resolve_reveal
from tests.answers.conftest import DEV_ARTICLES
from tests.answers.synthetic import SET_IN_LEAD, ingest_article


def ask(club: FilmClub, ctx: CommandContext, question: str) -> Response:
    return club.run_line(f"/film ask {question}", ctx)


def texts(response: Response) -> str:
    return " | ".join(p.text for p in response.parts if isinstance(p, TextPart))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("where was batman filmed", ["Pinewood Studios", "(Wikipedia: Batman, Production › Filming)"]),
        ("how was batman received", ["(Wikipedia: Batman, Reception"]),
        ("what does kadavul mean", ["Kadavul means “God” (Wikipedia: Kadavul, lead)"]),
        ("what does aayiram vaasal idhayam mean", ["“A heart with a thousand entrances”"]),
        ("what is dhumketu in english", ["In English, Dhumketu is “The Comet”"]),
        ("what is the company of strangers called in french", ["“Le Fabuleux gang des sept”"]),
        ("what was the company of strangers called in the us", ["In the US", "“Strangers in Good Company”"]),
        ("what is kalavaadiya pozhuthugal called in spanish", ["no title", "in Spanish", "“Stolen Moments”"]),
        ("what is parinay also known as", ["“Espousal”"]),
        ("where is original sin set", ["late 19th century Cuba", "Plot, part 1 of", "the set-up"]),
        (
            "what is the owner about",
            ["follows a backpack", "in his or her own country", "(Wikipedia: The Owner, lead)"],
        ),
        ("what is the plot of final destination", ["has no plot section"]),
        ("where is this rebel breed set", ["doesn't say where it is set"]),
        ("batman xyzzy quux", ["The article on Batman (1989)", "doesn't say"]),
    ],
)
def test_answers_from_the_article(dev_films: FilmClub, ctx: CommandContext, question: str, expected: list[str]) -> None:
    said = texts(ask(dev_films, ctx, question))
    assert all(e in said for e in expected), said
    assert "didn't understand" not in said and "hidden" not in said


def test_a_question_no_intent_knows_gets_passages_not_a_help(dev_films: FilmClub, ctx: CommandContext) -> None:
    said = texts(ask(dev_films, ctx, "final destination jeffrey reddick x files"))
    assert "Reddick" in said and "(Wikipedia: Final Destination, " in said


def test_plot_passages_after_the_setup_are_hidden_like_plot_parts(club: FilmClub, ctx: CommandContext) -> None:
    """On SQLite and on PostgreSQL (FILMCLUB_TEST_DATABASE_URL): the index, the section, the spoiler policy."""
    response = ask(club, ctx, "what happens to vicki vale in batman")
    opened = texts(response)
    spoilers = [p for p in response.parts if isinstance(p, SpoilerPart)]
    assert "(Wikipedia: Batman, Plot, part 1 of" in opened and "the set-up" in opened
    assert spoilers and all("Wikipedia: Batman, Plot, part" in s.label for s in spoilers)
    assert all(s.text not in response.plain_text() for s in spoilers)
    for spoiler in spoilers:  # each reveals the very beat /film plot would reveal
        revealed = resolve_reveal(club, spoiler.reveal_id)
        assert revealed is not None and spoiler.text.split(". ")[0] in revealed.text


def test_plot_passages_are_plain_in_a_spoiler_channel(club: FilmClub, ctx: CommandContext) -> None:
    spoiler_ctx = ctx.model_copy(update={"spoiler_channel": True})
    response = ask(club, spoiler_ctx, "what happens to vicki vale in batman")
    assert not any(isinstance(p, SpoilerPart) for p in response.parts)
    assert "Batcave" in texts(response)


def test_the_ending_is_the_last_plot_part_hidden(club: FilmClub, ctx: CommandContext) -> None:
    response = ask(club, ctx, "how does batman end")
    (spoiler,) = [p for p in response.parts if isinstance(p, SpoilerPart)]
    assert spoiler.label.startswith("how it ends (Wikipedia: Batman, part 10 of 10)")
    assert "Bat-Signal" in spoiler.text and "Bat-Signal" not in response.plain_text()


def test_the_start_is_the_open_setup(club: FilmClub, ctx: CommandContext) -> None:
    said = texts(ask(club, ctx, "what happens at the start of batman"))
    assert "part 1 of 10, the set-up" in said


def test_what_happens_tells_the_open_setup_and_points_to_the_hidden_rest(club: FilmClub, ctx: CommandContext) -> None:
    said = texts(ask(club, ctx, "what happens in batman"))
    assert "part 1 of 10, the set-up" in said and "The rest (9 more parts) is hidden" in said
    assert "Bat-Signal" not in said  # the ending stays hidden


def test_what_happens_in_a_one_part_plot_is_that_part(club: FilmClub, ctx: CommandContext, tmp_path: Path) -> None:
    ingest_article(club, tmp_path, "ash", SET_IN_LEAD)
    said = texts(ask(club, ctx, "what happens in harbour of ash"))
    assert "quarantined with the crew" in said and "part 1 of 1, the set-up" in said and "hidden" not in said


def test_passages_of_a_film_without_a_plot_on_both_databases(club: FilmClub, ctx: CommandContext) -> None:
    ingest_paths(club.library, [DEV_ARTICLES / "final_destination.wiki", DEV_ARTICLES / "the_owner.wiki"])
    club.library_changed()
    plot = texts(ask(club, ctx, "what is the plot of final destination"))
    assert "has no plot section" in plot and "hidden" not in plot
    about = texts(ask(club, ctx, "what is the owner about"))
    assert "follows a backpack" in about and "(Wikipedia: The Owner, lead)" in about


def test_a_character_missing_from_an_actors_only_cast_list(club: FilmClub, ctx: CommandContext) -> None:
    source = Source(document_id="doc:actors-only", kind=SourceKind.WIKITEXT, title="Actors Only")
    cast = [Fact(field=FieldName.CAST, value=CastValue(actor=name), source=source) for name in ("Ann Lee", "Bo Kim")]
    club.library.save_document(ParsedDocument(source=source, title="Actors Only", year=2001, facts=cast), "h1")
    club.library_changed()
    said = texts(ask(club, ctx, "who plays the mayor in actors only"))
    assert "names its actors only, not who plays “mayor”" in said and "Ann Lee" in said
    assert "don't have the cast list" not in said


GUESTS = """{{Infobox film
| name = Seven at the Lodge
| director = Lena Moor
| released = 1993
}}
'''Seven at the Lodge''' is a 1993 Canadian docufiction film.

== Synopsis ==
Seven travellers wait out a storm in a mountain lodge.

== Participants ==
The travellers are:
* Ann Moss, 61, a retired pilot and the group's cook,
* Joan Pike, 70, a painter.
"""


def test_who_is_someone_no_cast_list_names_is_read_in_the_article(
    club: FilmClub, ctx: CommandContext, tmp_path: Path
) -> None:
    ingest_article(club, tmp_path, "lodge", GUESTS)
    answer = texts(ask(club, ctx, "who is the cook in seven at the lodge"))
    assert "Ann Moss" in answer and "(Wikipedia: Seven at the Lodge, Participants)" in answer
    assert "Ann Moss" not in texts(ask(club, ctx, "who is the gardener in seven at the lodge"))


CREDITED = """{{Infobox film
| name = The Long Tide
| director = Lena Moor
| writer = [[Ann Moss]] (novel ''Salt and Iron'')<br>[[Joan Pike]] (screenplay)
| released = 1961
}}
'''The Long Tide''' is a 1961 drama film.

== Premise ==
The film tells the story of a lighthouse keeper and his daughter.
"""


def test_a_work_named_beside_its_writer_is_what_the_film_is_based_on(
    club: FilmClub, ctx: CommandContext, tmp_path: Path
) -> None:
    ingest_article(club, tmp_path, "tide", CREDITED)
    answer = texts(ask(club, ctx, "is the long tide based on a book"))
    assert "based on the novel Salt and Iron by Ann Moss (Wikipedia: The Long Tide)" in answer
    assert "Joan Pike" not in answer
