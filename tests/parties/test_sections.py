"""Which sentences of an article's sections are quoted after the film, on made-up passages of each kind."""

from __future__ import annotations

from core.library.model import Passage, Source, SourceKind
from core.parties.sections import Aspect, critic_quotes, production_quotes, theme_quote

SOURCE = Source(document_id="doc", kind=SourceKind.WIKITEXT, title="Some Film")


def passage(section: tuple[str, ...], text: str, ordinal: int = 0) -> Passage:
    return Passage(film_id=1, section=section, ordinal=ordinal, text=text, source=SOURCE)


def test_production_sentences_one_per_aspect_in_order_each_standing_alone() -> None:
    quotes = production_quotes(
        [
            passage(("Production", "Music"), "The score was composed by Ann Lee over six weeks in 1999 in Vienna."),
            passage(("Production",), "He later said that the shoot in the desert was the hardest part of his work."),
            passage(("Production",), "Principal photography began in Morocco on 3 May 1998 and lasted ten weeks."),
            passage(("Cast",), "John Smith as the farmer who finds the map in the barn one cold morning."),
        ]
    )
    assert [q.aspect for q in quotes] == [Aspect.FILMING, Aspect.MUSIC]
    assert quotes[0].quoted() == (
        "“Principal photography began in Morocco on 3 May 1998 and lasted ten weeks.” "
        "(Wikipedia: Some Film, Production)"
    )
    assert quotes[1].citation == "Wikipedia: Some Film, Production › Music"


def test_critics_in_their_own_words_first_box_office_never() -> None:
    quotes = critic_quotes(
        [
            passage(
                ("Reception", "Box office"), "The film was praised by exhibitors and grossed $5 million in its run."
            ),
            passage(("Reception",), "On Rotten Tomatoes the film holds an approval rating of 80% based on 20 reviews."),
            passage(("Reception",), 'Jane Roe of the Daily Paper wrote that it was "a small miracle of a film".'),
        ]
    )
    assert [q.text[:8] for q in quotes] == ["Jane Roe", "On Rotte"]


def test_a_review_quoted_over_two_paragraphs_is_cut_where_its_sentence_goes_on() -> None:
    opened = 'The Times said: "A charming comedy about a musical family that tempts one to agree with everyone'
    quotes = critic_quotes([passage(("Reception",), opened), passage(("Reception",), 'who saw it, truly."', 1)])
    assert [q.text for q in quotes] == [opened + "…"]


def test_a_themes_section_gives_the_sentence_naming_a_theme() -> None:
    found = theme_quote(
        [
            passage(("Themes and analysis",), "Critics have written at length about the second half of the film."),
            passage(("Themes and analysis",), "The river represents the passing of time for the whole village."),
        ]
    )
    assert found is not None and found.text.startswith("The river represents")
    assert theme_quote([passage(("Plot",), "The river represents the passing of time for the whole village.")]) is None
