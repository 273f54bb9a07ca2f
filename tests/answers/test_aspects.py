"""Aspects only an article's sentences tell (how long it was shot, its DVD, its premiere, a sequel, a hit):
a fixed intent's words in such a question ("how long", "when", "where … from") do not steal it."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.answers.aspects import asked_aspect
from core.answers.intents import Intent, Topic, parse_question
from core.app import FilmClub
from core.commands.registry import CommandContext
from core.ingest.files import ingest_paths
from core.library.model import FieldName
from core.responses import Response, TextPart

# A made-up film: every fact a fixed intent would give is there too, so a wrong route answers with it.
ARTICLE = """{{Infobox film
| name = Harbour Lights
| director = [[Ana Reyes]], [[Tom Fell]] and [[Li Wen]]
| writer = Ana Reyes
| music = Jon Vale
| country = Portugal
| released = {{Film date|2011|5|20}}
| runtime = 98 minutes
| gross = $4 million
}}
'''Harbour Lights''' is a 2011 Portuguese drama film directed by Ana Reyes. It was Reyes's directorial debut.

==Plot==
A lighthouse keeper finds a boat on the rocks and hides its cargo from the harbour police for a winter.

==Production==
The idea for the film came to Reyes after she read a newspaper story about a smuggler's boat lost at sea.
The film was shot over the course of 41 days in Porto, beginning on 3 March 2010.
It was shot on 16 mm film to look like the home movies of the 1970s.
Most of the dialogue was improvised by the cast from a short outline.
The production was funded through a crowdfunding campaign on Kickstarter that raised $60,000.
Its release was delayed by a year because the distributor went bankrupt.

==Release==
Harbour Lights premiered at the Rotterdam Film Festival on 2 February 2011.
It was released on DVD and Blu-ray in 2012, and was later shown on RTP television.

==Reception==
===Critical response===
Critics praised the film's restraint; the Lisbon Daily called it "a quiet storm".
===Box office===
The film was a sleeper hit, running for 20 weeks in Lisbon cinemas.
===Accolades===
It won the Golden Anchor at the Porto Awards in 2012.

==Sequel==
In 2012 Reyes said a sequel to the film was not planned.

In 2015 Reyes announced a sequel, Harbour Lights II, in development.

==Other media==
A novelization by Ana Reyes was published in 2013.
"""


@pytest.fixture
def harbour(club: FilmClub, tmp_path: Path) -> FilmClub:
    """The bundled films and Harbour Lights (on SQLite, and on PostgreSQL with FILMCLUB_TEST_DATABASE_URL)."""
    article = tmp_path / "harbour_lights.wiki"
    article.write_text(ARTICLE, encoding="utf-8")
    ingest_paths(club.library, [article])
    club.library_changed()
    return club


def add_article(club: FilmClub, path: Path, text: str) -> CommandContext:
    """Ingest one made-up article into the club; a channel of its own to ask in."""
    path.write_text(text, encoding="utf-8")
    ingest_paths(club.library, [path])
    club.library_changed()
    return CommandContext(platform="test", server_id="club", channel_id=path.stem, user_id="member")


def said(club: FilmClub, ctx: CommandContext, question: str) -> str:
    response: Response = club.run_line(f"/film ask {question}", ctx)
    return " | ".join(p.text for p in response.parts if isinstance(p, TextPart))


@pytest.mark.parametrize(
    ("question", "expected", "not_expected"),
    [
        ("how long did they shoot harbour lights", "41 days", "98 min"),
        ("how long did harbour lights take to make", "41 days", "98 min"),
        ("when did harbour lights start filming", "3 March 2010", "May 20, 2011"),
        ("what was harbour lights shot on", "16 mm", "Porto, beginning"),
        ("where did the idea for harbour lights come from", "newspaper story", "Portugal"),
        ("was harbour lights scripted", "improvised", "written by"),
        ("how was harbour lights funded", "Kickstarter", "doesn't say"),
        ("why was harbour lights delayed", "bankrupt", "doesn't say"),
        ("where did harbour lights premiere", "Rotterdam Film Festival", "May 20, 2011"),
        ("when did harbour lights come out on dvd", "DVD and Blu-ray in 2012", "May 20, 2011"),
        ("which tv channel showed harbour lights", "RTP television", "doesn't say"),
        ("was harbour lights a hit", "sleeper hit", "$4 million"),
        ("whose debut was harbour lights", "directorial debut", "May 20, 2011"),
        ("what did critics think of harbour lights", "praised", "doesn't say"),
        ("what did the lisbon daily say about harbour lights", "a quiet storm", "lighthouse"),
        ("what did ana reyes get for harbour lights", "Golden Anchor", "directed by"),
        ("is there going to be a harbour lights sequel", "Harbour Lights II", "doesn't say"),
        ("is there a harbour lights book", "novelization", "doesn't say"),
    ],
)
def test_an_aspect_is_answered_from_its_sentences_not_a_fixed_fact(
    harbour: FilmClub, ctx: CommandContext, question: str, expected: str, not_expected: str
) -> None:
    answer = said(harbour, ctx, question)
    assert expected in answer and not_expected not in answer, answer
    assert "(Wikipedia: Harbour Lights, " in answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how long is harbour lights", "98 min"),
        ("when did harbour lights come out", "2011"),
        ("what country is harbour lights from", "Portugal"),
        ("who wrote harbour lights", "Ana Reyes"),
    ],
)
def test_the_fixed_facts_keep_their_own_questions(
    harbour: FilmClub, ctx: CommandContext, question: str, expected: str
) -> None:
    assert expected in said(harbour, ctx, question)


def test_the_latest_news_of_a_sequel_comes_first(harbour: FilmClub, ctx: CommandContext) -> None:
    answer = said(harbour, ctx, "is there going to be another harbour lights sequel")
    assert answer.startswith("In 2015 Reyes announced a sequel"), answer


def test_an_aspect_the_article_does_not_tell_is_said_so(harbour: FilmClub, ctx: CommandContext) -> None:
    answer = said(harbour, ctx, "were animals hurt making harbour lights")
    assert "doesn't say how the animals were treated" in answer, answer


def test_counting_a_field_gives_the_number_and_the_names(harbour: FilmClub, ctx: CommandContext) -> None:
    answer = said(harbour, ctx, "how many directors did harbour lights have")
    assert "had 3 directors" in answer and "Li Wen" in answer, answer


def test_filming_locations_listed_one_an_item_answer_where_it_was_filmed(club: FilmClub, tmp_path: Path) -> None:
    ctx = add_article(
        club,
        tmp_path / "dune_road.wiki",
        "{{Infobox film\n| name = Dune Road\n| director = Ana Reyes\n}}\n"
        "'''Dune Road''' is a 1985 American action film.\n\n"
        "==Filming locations==\n* [[Malibu]]\n* [[Mojave Desert]]\n",
    )
    answer = said(club, ctx, "where was dune road filmed")
    assert "Malibu" in answer and "(Wikipedia: Dune Road, Filming locations)" in answer, answer


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("is it based on a novel", FieldName.BASED_ON),  # "novel": a book about it, unless it is its source
        ("who funded it", FieldName.PRODUCER),
        ("was it shot on location in porto", Topic.FILMING),
    ],
)
def test_a_fixed_intent_that_reads_the_question_better_keeps_it(question: str, intent: Intent) -> None:
    parsed = parse_question(question)
    assert parsed.intent is intent
    assert asked_aspect(parsed.text, parsed.intent) is None


def test_a_track_listing_names_who_sang_and_wrote_each_song(club: FilmClub, tmp_path: Path) -> None:
    """{{Track listing}} rows reach the passages as sentences, cited under the section the list sits in."""
    ctx = add_article(
        club,
        tmp_path / "river_song.wiki",
        "{{Infobox film\n| name = River Song\n| music = [[Jon Vale]]\n}}\n"
        "'''River Song''' is a 1990 Tamil film.\n\n"
        "==Soundtrack==\nThe soundtrack was composed by Jon Vale.\n"
        "{{Track listing\n| extra_column = Singer(s)\n| title1 = Moonlit Ferry\n| lyrics1 = [[Vaali]]\n"
        "| extra1 = [[Mano (singer)|Mano]], [[Swarnalatha]]\n| title2 = Salt Wind\n| lyrics2 = Kavi Ram\n}}\n",
    )
    answer = said(club, ctx, "who sang moonlit ferry in river song")
    assert "“Moonlit Ferry”: sung by Mano, Swarnalatha; lyrics by Vaali." in answer, answer
    assert "(Wikipedia: River Song, Soundtrack)" in answer
    assert "Kavi Ram" in said(club, ctx, "who wrote the lyrics of salt wind in river song")


def test_songs_the_article_does_not_list_are_said_so(harbour: FilmClub, ctx: CommandContext) -> None:
    answer = said(harbour, ctx, "what songs are in harbour lights")
    assert "doesn't say anything about its songs" in answer and "Jon Vale" not in answer, answer


def test_a_song_table_gives_each_song_its_singers_and_a_lyricist_spanning_rows(club: FilmClub, tmp_path: Path) -> None:
    ctx = add_article(
        club,
        tmp_path / "hill_song.wiki",
        "{{Infobox film\n| name = Hill Song\n| music = [[Jon Vale]]\n}}\n"
        "'''Hill Song''' is a 1995 Tamil film.\n\n"
        "==Soundtrack==\nThe music was composed by Jon Vale.\n"
        "{| class=\"wikitable\"\n|-\n| '''No.''' || '''Song''' || '''Singers''' || '''Lyrics'''\n"
        '|-\n| 1 || "Blue Kite" || [[Mano (singer)|Mano]] || rowspan=2|[[Vairamuthu]]\n'
        '|-\n| 2 || "Red Road" || Deepak, [[Anuradha Sriram]]\n|}\n',
    )
    answer = said(club, ctx, "who wrote the lyrics of hill song")
    assert "Vairamuthu" in answer and "(Wikipedia: Hill Song, Soundtrack)" in answer, answer
    answer = said(club, ctx, "who sang red road in hill song")
    assert "“Red Road”: sung by Deepak, Anuradha Sriram; lyrics by Vairamuthu." in answer, answer


def test_an_award_the_question_names_must_be_the_one_the_article_names(harbour: FilmClub, ctx: CommandContext) -> None:
    answer = said(harbour, ctx, "did harbour lights win an oscar")
    assert "doesn't say" in answer and "Golden Anchor" not in answer, answer
    assert "Golden Anchor" in said(harbour, ctx, "did harbour lights win any awards")


PAPER_BOATS = """{{Infobox film
| name = Paper Boats
| director = Mira Lund
| runtime = 90 minutes
}}
'''Paper Boats''' is a 1999 drama film directed by Mira Lund.

==Production==
The producer met the writer at a party in 1997. The two wrote the script in about three weeks.
"""


def test_how_long_the_script_took_is_how_long_it_took_to_make(club: FilmClub, tmp_path: Path) -> None:
    ctx = add_article(club, tmp_path / "paper_boats.wiki", PAPER_BOATS)
    assert "three weeks" in said(club, ctx, "how long did it take to write paper boats")
