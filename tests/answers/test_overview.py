"""What a film is about and what kind of film it is, read from small made-up articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.ingest.files import ingest_paths
from core.responses import SpoilerPart, TextPart

THIN = """{{Infobox film
| name = Harbour Lights
| director = Ann Lee
}}
'''''Harbour Lights''''' is a 1960 American melodrama film directed by Ann Lee and starring Bo Kim.

==Plot==
Two detectives go undercover at a harbour to break a smuggling ring. They pose as dock workers. They rent a \
room above a bar where the smugglers meet every night, and they listen through the floor.

A young sailor joins the ring and is caught stealing from it. The detectives save him from a beating \
and win his trust, and he takes them to the warehouse where the goods are kept before they are shipped.

The police raid the warehouse, but the goods are gone. The detectives learn that someone warned the ring.

Later the ring's boss is unmasked as the harbour master, who dies in a fire at the end.
"""

LONG = """{{Infobox film
| name = Long Lead
| director = Cy Dee
}}
'''''Long Lead''''' is a 2005 Canadian science fiction franchise composed of three films, a novel and a game \
made over ten years by several studios in Canada and abroad. It is based on an unproduced script by Cy Dee, \
first written for a television series that was never made, and was distributed by North Films. All three films \
center on a lighthouse keeper who receives warnings from the future and must decide whether to act on them, a \
premise the writers kept through every sequel and every book of the series, with small changes each time.

The franchise was a commercial success.
"""


@pytest.fixture
def films(empty_club: FilmClub, tmp_path: Path) -> FilmClub:
    for name, text in (("harbour_lights.wiki", THIN), ("long_lead.wiki", LONG)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(empty_club.library, [tmp_path])
    empty_club.library_changed()
    return empty_club


def ask(club: FilmClub, ctx: CommandContext, question: str) -> tuple[str, list[SpoilerPart]]:
    response = club.run_line(f"/film ask {question}", ctx)
    texts = " | ".join(p.text for p in response.parts if isinstance(p, TextPart))
    return texts, [p for p in response.parts if isinstance(p, SpoilerPart)]


def test_a_thin_lead_is_followed_by_the_open_setup(films: FilmClub, ctx: CommandContext) -> None:
    said, hidden = ask(films, ctx, "what is harbour lights about")
    assert "is a 1960 American melodrama film" in said and "(Wikipedia: Harbour Lights, lead)" in said
    assert "go undercover at a harbour" in said and "part 1 of " in said and "the set-up)" in said
    assert "harbour master" not in said and not hidden  # later parts are never told


def test_the_whole_opening_of_a_long_lead(films: FilmClub, ctx: CommandContext) -> None:
    said, _ = ask(films, ctx, "what is long lead about")
    assert "franchise composed of three films" in said and "lighthouse keeper" in said
    assert "commercial success" not in said  # the next paragraph is not the opening


def test_what_is_a_title_alone_is_what_it_is_about(films: FilmClub, ctx: CommandContext) -> None:
    said, _ = ask(films, ctx, "what is harbour lights")
    assert "melodrama film" in said and "go undercover" in said


@pytest.mark.parametrize("question", ["what kind of film is harbour lights", "what genre is harbour lights"])
def test_the_kind_of_film_from_the_leads_first_sentence(films: FilmClub, ctx: CommandContext, question: str) -> None:
    said, _ = ask(films, ctx, question)
    assert said == (
        "Harbour Lights is a 1960 American melodrama film directed by Ann Lee and starring Bo Kim. "
        "(Wikipedia: Harbour Lights, lead)"
    )
