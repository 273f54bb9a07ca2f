"""Where a film is set: a "set in" sentence of the lead or plot, else the first place its plot names."""

from __future__ import annotations

from pathlib import Path

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.responses import TextPart
from tests.answers.synthetic import QUIET_YEARS, SET_IN_LEAD, ingest_article


def said(club: FilmClub, ctx: CommandContext, question: str) -> str:
    return " ".join(p.text for p in club.run_line(f"/film ask {question}", ctx).parts if isinstance(p, TextPart))


def test_a_set_in_sentence_of_the_lead_answers(empty_club: FilmClub, ctx: CommandContext, tmp_path: Path) -> None:
    ingest_article(empty_club, tmp_path, "ash", SET_IN_LEAD)
    answer = said(empty_club, ctx, "where is harbour of ash set")
    assert (
        "It is set in 1830s Lisbon during a cholera outbreak." in answer
        and "(Wikipedia: Harbour of Ash, lead)" in answer
    )


def test_without_one_the_place_the_plot_opens_in_answers_openly(
    empty_club: FilmClub, ctx: CommandContext, tmp_path: Path
) -> None:
    """Neither "photography took place in" (the making) nor "takes place early in" (no place) is a setting."""
    ingest_article(empty_club, tmp_path, "quiet", QUIET_YEARS)
    answer = said(empty_club, ctx, "where does the quiet years take place")
    assert "farm outside Dunmore, a village on the Irish coast" in answer
    assert "part 1 of" in answer and "the set-up" in answer
    assert "Prague" not in answer and "early in" not in answer


VOYAGE = """{{Infobox film
| name = The Salt Road
| director = Lena Moor
| released = 2011
}}
'''The Salt Road''' is a 2011 adventure film.

== Plot ==
Ines Varga, a young trader from Lisbon whose songs are sung in Portuguese, owes money to her cousin. She sails to a
remote island to dig for her late father's buried salt.

On the island she finds the pit empty.
"""


def test_where_a_character_comes_from_or_a_language_is_not_the_setting(
    empty_club: FilmClub, ctx: CommandContext, tmp_path: Path
) -> None:
    ingest_article(empty_club, tmp_path, "salt", VOYAGE)
    answer = said(empty_club, ctx, "where does the salt road take place")
    assert "She sails to a remote island" in answer and "Lisbon" not in answer
