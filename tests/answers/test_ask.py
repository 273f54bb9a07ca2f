"""``/film ask`` end to end on the bundled films: answers, citations, memory, and the honest refusals."""

from __future__ import annotations

import itertools

import pytest

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.library.model import CastValue, Fact, FieldName, ParsedDocument, PersonValue, Source, SourceKind
from core.responses import ChoicePart, ErrorPart, ListPart, Response, SpoilerPart, TextPart, Visibility
from core.spoilers.reveal import resolve_reveal


def context(channel: str, server: str = "club") -> CommandContext:
    return CommandContext(platform="test", server_id=server, channel_id=channel, user_id="member")


def ask(films: FilmClub, question: str, ctx: CommandContext | None = None) -> Response:
    return films.run_line(f"/film ask {question}", ctx or context(f"fresh-{next(_fresh)}"))


_fresh = itertools.count()


@pytest.mark.parametrize(
    ("question", "expected", "source"),
    [
        ("who directed batman", "Batman (1989) was directed by Tim Burton", "Wikipedia: Batman"),
        ("how long is enter the dragon?", "Enter the Dragon (1973) runs 102 min", "Wikipedia: Enter the Dragon"),
        ("who plays Becky Sharp in Vanity Fair", "Reese Witherspoon", "Wikipedia: Vanity Fair"),
        ("what was the budget of ra.one", "₹130 crore", "Wikipedia: Ra.One"),
        ("how much did welcome make", "about ₹122 crore", "Wikipedia: Welcome"),
        ("what language is azhagarsamy in", "Tamil", "Wikipedia: Azhagarsamy"),
        ("where was milo and otis made", "Japan", "Wikipedia: The Adventures of Milo and Otis"),
        ("who composed the music for four daughters", "Max Steiner", "Wikipedia: Four Daughters"),
    ],
)
def test_answers_name_their_source(films: FilmClub, question: str, expected: str, source: str) -> None:
    response = ask(films, question)
    text = response.plain_text()
    assert expected in text and source in text
    assert not response.is_error and response.visibility is Visibility.PUBLIC


def test_a_question_without_a_title_goes_to_the_film_the_channel_talked_about(films: FilmClub) -> None:
    talk = context("film-talk-memory")
    assert "Which film do you mean" in ask(films, "who directed it", talk).plain_text()
    films.run_line("/film info Batman", talk)
    assert "Tim Burton" in ask(films, "who directed it", talk).plain_text()
    assert "Which film do you mean" in ask(films, "who directed it", context("other-channel")).plain_text()
    assert (
        "Which film do you mean"
        in ask(films, "who directed it", context("film-talk-memory", "other-club")).plain_text()
    )


def test_an_answered_question_sets_the_channels_film(films: FilmClub, ctx: CommandContext) -> None:
    ask(films, "who wrote enter the dragon", ctx)
    assert "102 min" in ask(films, "how long is it?", ctx).plain_text()
    ask(films, "who's in welcome", ctx)
    assert "158 min" in ask(films, "and how long is that one", ctx).plain_text()


def test_a_fact_the_library_lacks_is_never_guessed(films: FilmClub) -> None:
    text = ask(films, "what was the budget of four daughters").plain_text()
    assert text.startswith("I don't have the budget for Four Daughters (1938)")
    assert "Wikipedia: Four Daughters" in text and "I do have its" in text and "director" in text
    assert "$" not in text
    assert "I don't have the box office for Azhagarsamy (1999)" in ask(films, "box office of azhagarsamy").plain_text()
    assert (
        "I don't have the end-credit scenes for Batman (1989)"
        in ask(films, "does batman have a post credit scene").plain_text()
    )


def test_an_unknown_film_is_said_plainly_with_the_nearest_titles(films: FilmClub) -> None:
    response = ask(films, "who directed batmann returns again")
    assert response.is_error
    (part,) = [p for p in response.parts if isinstance(p, ErrorPart)]
    assert "No film called" in part.message and "Batman" in part.hint


def test_an_unknown_character_lists_the_ones_the_cast_has(films: FilmClub) -> None:
    text = ask(films, "who plays gandalf in batman").plain_text()
    assert "I don't have a character called “gandalf” in Batman (1989)" in text and "Vicki Vale" in text


def test_two_equally_close_films_are_offered_to_pick(empty_club: FilmClub) -> None:
    club = empty_club
    for year, director in ((1972, "Andrei Tarkovsky"), (2002, "Steven Soderbergh")):
        source = Source(document_id=f"test:solaris-{year}", kind=SourceKind.WIKITEXT, title=f"Solaris ({year} film)")
        fact = Fact(field=FieldName.DIRECTOR, value=PersonValue(name=director), raw=director, source=source)
        club.library.save_document(ParsedDocument(source=source, title="Solaris", year=year, facts=[fact]), str(year))
    club.library_changed()
    response = ask(club, "who directed solaris")
    (choice,) = [p for p in response.parts if isinstance(p, ChoicePart)]
    assert choice.options == ["Solaris (1972)", "Solaris (2002)"]
    assert "Andrei Tarkovsky" in ask(club, "who directed solaris 1972").plain_text()
    assert "Steven Soderbergh" in ask(club, "who directed Solaris (2002)?").plain_text()


@pytest.mark.parametrize("question", ["hello", "what's the weather like", "@everyone", "<!channel> hi"])
def test_a_question_not_understood_gets_a_short_help(films: FilmClub, question: str) -> None:
    response = ask(films, question)
    assert response.visibility is Visibility.PRIVATE
    assert any(isinstance(p, TextPart) and "didn't understand" in p.text for p in response.parts)
    (examples,) = [p for p in response.parts if isinstance(p, ListPart)]
    assert len(examples.items) >= 5


def test_a_bare_title_gets_the_card(films: FilmClub) -> None:
    response = ask(films, "batman")
    assert response.parts[0].kind == "card"


def test_an_empty_question_is_refused_with_usage(films: FilmClub) -> None:
    response = films.run_line("/film ask", context("empty"))
    assert response.is_error and "Usage" in response.plain_text()


def test_who_is_a_character_answers_from_the_cast_and_hides_the_plot(films: FilmClub) -> None:
    response = ask(films, "who is alfred in batman")
    assert "Alfred Pennyworth is played by Michael Gough (Wikipedia: Batman)" in response.plain_text()
    spoilers = [p for p in response.parts if isinstance(p, SpoilerPart)]
    assert spoilers and all(
        s.label.startswith("what the plot says about Alfred Pennyworth (Wikipedia: Batman, part ") for s in spoilers
    )
    assert any("butler" in s.text for s in spoilers)
    assert all(s.text not in response.plain_text() and "Alfred" in s.text for s in spoilers)
    # Each part can be revealed later to one member: the reveal shows the beat its sentences come from.
    for spoiler in spoilers:
        revealed = resolve_reveal(films, spoiler.reveal_id)
        assert revealed is not None and all(sentence in revealed.text for sentence in spoiler.text.split(". ")[:1])


def test_who_is_a_person_of_the_crew_or_cast(films: FilmClub, ctx: CommandContext) -> None:
    assert "Tim Burton is the director of Batman (1989)" in ask(films, "who is tim burton", ctx).plain_text()
    films.run_line("/film info Enter the Dragon", ctx)
    assert "Jackie Chan plays Han's henchman" in ask(films, "who is jackie chan", ctx).plain_text()


def test_yes_no_questions_show_the_values(films: FilmClub) -> None:
    assert ask(films, "is azhagarsamy in hindi").plain_text().startswith("No, Azhagarsamy (1999) is in Tamil")
    assert ask(films, "is vanity fair a british film").plain_text().startswith("Yes, Vanity Fair (2004) is from")
    assert ask(films, "was batman directed by tim burton").plain_text().startswith("Yes")
    assert ask(films, "is jackie chan in enter the dragon").plain_text().startswith("Yes")


# -- Children of Heaven: the two seeds disagree ----------------------------------------------------


def test_box_office_shows_every_side_of_the_disagreement(films: FilmClub) -> None:
    text = ask(films, "how much did children of heaven make").plain_text()
    assert "disagree" in text
    wikipedia, credits_page = text.split(" vs ")
    assert (
        "$1,628,579 worldwide" in wikipedia
        and "$933,933 US" in wikipedia
        and "Wikipedia: Children of Heaven" in wikipedia
    )
    assert "about $382,000" in credits_page and "end-credits page: Children of Heaven" in credits_page


def test_release_shows_the_premiere_the_us_release_and_the_other_year(films: FilmClub) -> None:
    text = ask(films, "when did childern of haven come out").plain_text()
    assert "1997" in text and "January 22, 1999" in text and " vs " in text and "end-credits page" in text


def test_the_issue_examples(films: FilmClub, ctx: CommandContext) -> None:
    expected = [
        ("who directed children of heaven", "Majid Majidi"),
        ("who plays Zahra in Children of Heaven?", "Bahare Seddiqi"),
        ("who's in it", "Amir Farrokh Hashemian"),
        ("how long is children of heaven", "89 min"),
        ("what was the budget", "$180,000"),
        ("is it in english", "No, Children of Heaven (1997) is in Persian"),
        ("where was it made", "Iran"),
        ("what did critics think", "Metascore 77/100"),
        ("does children of heaven have an end credit scene", "no end-credit scenes"),
        ("is there anything after the credits", "no end-credit scenes (end-credits page: Children of Heaven)"),
    ]
    for question, answer in expected:
        assert answer in ask(films, question, ctx).plain_text(), question
    response = ask(films, "who is Alireza", ctx)
    assert "Alireza is played by Mohammed-Hossein Shahidi" in response.plain_text()
    spoilers = [p for p in response.parts if isinstance(p, SpoilerPart)]
    assert spoilers and all(s.label.startswith("what the plot says about Alireza") for s in spoilers)
    assert all("Alireza" in s.text and s.text not in response.plain_text() for s in spoilers)


def test_in_a_spoiler_channel_the_plot_is_shown_plainly(films: FilmClub) -> None:
    ctx = CommandContext(platform="test", server_id="club", channel_id="spoilers", user_id="m", spoiler_channel=True)
    response = ask(films, "who is alfred in batman", ctx)
    assert not response.has_spoilers
    assert "What the plot says about Alfred Pennyworth (Wikipedia: Batman, part " in response.plain_text()
    assert "butler" in response.plain_text()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who wrote the songs' lyrics for azhagarsammy", "Pazhani Bharathi"),  # the intent's words left before it
        ("who wrote the lyrics for the songs of azhagarsammy", "Pazhani Bharathi"),
        ("why is vadivelu in azhagarsammy", "Azhagarsamy"),  # no intent: answered from the article
    ],
)
def test_a_misspelled_lone_word_title_at_the_end_is_found(films: FilmClub, question: str, expected: str) -> None:
    text = ask(films, question).plain_text()
    assert expected in text and "No film called" not in text and "didn't understand" not in text


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("why does lee go to han's island", "Enter the Dragon"),  # no intent: the article answers
        ("which prize does ali want in the race", "Children of Heaven"),  # an intent, its words no title
    ],
)
def test_a_question_naming_only_characters_finds_their_film(films: FilmClub, question: str, title: str) -> None:
    text = ask(films, question).plain_text()
    assert f"Wikipedia: {title}" in text and "No film called" not in text and "didn't understand" not in text


def test_the_channels_film_answers_a_question_naming_its_characters(films: FilmClub, ctx: CommandContext) -> None:
    films.run_line("/film info Children of Heaven", ctx)
    text = ask(films, "which prize does ali want in the race", ctx).plain_text()
    assert "Wikipedia: Children of Heaven" in text and "No film called" not in text
    assert "No film called" in ask(films, "who directed ali and zahra's race", ctx).plain_text()  # a fact: a title


def test_words_naming_no_character_still_get_the_help(films: FilmClub) -> None:
    assert "didn't understand" in ask(films, "why does the weather turn so grey").plain_text()


def test_films_sharing_the_characters_named_are_offered_to_pick(empty_club: FilmClub) -> None:
    club = empty_club
    for title, actor in (("Harbour Lights", "Ann Moss"), ("Night Ferry", "Joan Pike")):
        source = Source(document_id=f"test:{title}", kind=SourceKind.WIKITEXT, title=title)
        cast = CastValue(actor=actor, character="Marguerite Vell")
        fact = Fact(field=FieldName.CAST, value=cast, raw=cast.display(), source=source)
        club.library.save_document(ParsedDocument(source=source, title=title, year=1950, facts=[fact]), title)
    club.library_changed()
    (choice,) = [p for p in ask(club, "why does marguerite leave the harbour town").parts if isinstance(p, ChoicePart)]
    assert sorted(choice.options) == ["Harbour Lights (1950)", "Night Ferry (1950)"]
