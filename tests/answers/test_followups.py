"""Follow-up questions about characters: a name the channel's film lacks is looked for across the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.ingest.bulk import ingest_sources
from core.responses import ChoicePart

CASTS = {
    "Harbour Lights": ["Ann Actor as Marta", "Ben Actor as Tomas"],
    "Winter Crossing": ["Cleo Actor as Marta Lind", "Dan Actor as Oskar"],
    "Paper Moons": ["Eve Actor as Oskar Berg"],
    "Quiet Street": ["Finn Actor as Lena"],
}


@pytest.fixture
def club(empty_club: FilmClub, tmp_path: Path) -> FilmClub:
    folder = tmp_path / "films"
    folder.mkdir()
    for n, (title, cast) in enumerate(CASTS.items()):
        rows = "\n".join(f"* [[{line.split(' as ')[0]}]] as {line.split(' as ')[1]}" for line in cast)
        (folder / f"film{n}.wiki").write_text(
            f"{{{{Infobox film\n| name = {title}\n| director = Gus Maker\n| released = {2001 + n}\n}}}}\n"
            f"'''{title}''' is a {2001 + n} drama film.\n\n== Cast ==\n{rows}\n"
        )
    ingest_sources(empty_club.library, [folder])
    empty_club.library_changed()
    return empty_club


def test_one_other_film_has_the_character_so_the_answer_is_about_it_and_says_so(
    club: FilmClub, ctx: CommandContext
) -> None:
    club.run_line("/film info Quiet Street", ctx)
    text = club.run_line("/film ask who plays Tomas", ctx).plain_text()
    assert "Quiet Street (2004) has no “Tomas”, so this is about Harbour Lights (2001)" in text
    assert "Ben Actor" in text
    # the conversation has moved on to that film
    assert "Ann Actor" in club.run_line("/film ask who plays Marta", ctx).plain_text()


def test_several_films_have_the_character_so_the_member_picks(club: FilmClub, ctx: CommandContext) -> None:
    club.run_line("/film info Quiet Street", ctx)
    response = club.run_line("/film ask who plays oskar", ctx)
    (choice,) = [p for p in response.parts if isinstance(p, ChoicePart)]
    assert choice.options == ["Winter Crossing (2002)", "Paper Moons (2003)"]
    assert "Quiet Street (2004) has no “Oskar”" in choice.question


def test_the_channels_film_keeps_the_question_when_it_has_the_character(club: FilmClub, ctx: CommandContext) -> None:
    club.run_line("/film info Paper Moons", ctx)
    text = club.run_line("/film ask who plays Oskar", ctx).plain_text()
    assert "Eve Actor" in text and "so this is about" not in text


def test_no_film_has_the_character_so_the_answer_stays_with_the_channels_film(
    club: FilmClub, ctx: CommandContext
) -> None:
    club.run_line("/film info Quiet Street", ctx)
    text = club.run_line("/film ask who plays Zahra", ctx).plain_text()
    assert "I don't have a character called “zahra” in Quiet Street (2004)" in text
