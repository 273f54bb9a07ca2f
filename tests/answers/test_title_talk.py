"""What the title (or a name in the film) means and what the film is called elsewhere, read from small articles.

Each rule is shown on a made-up article, so it holds for any article written that way, not for one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.answers.title_names import explains, gloss, titles_in_languages
from core.app import FilmClub
from core.commands.registry import CommandContext
from core.ingest.files import ingest_paths
from core.responses import SpoilerPart, TextPart

KITTEN = """{{Infobox film
| name = Kitten Tale
| director = Ann Lee
| released = {{film date|1986|7|12}}
}}
{{nihongo|'''''Kitten Tale'''''|子猫話|Koneko Banashi|lit. "A Story of a Kitten"}} is a 1986 Japanese \
adventure film directed by Ann Lee.

==Plot==
A kitten named Zed.One (short for ''Zero Energy Device One'') drifts down a river in a box.

Later the kitten finds its way home.

==Production==
The boat in the river, vela, is Latin for "sail". The title of the film derives from a lullaby sung in Hokkaido.

==Release==
The film was dubbed into Telugu as ''Pilli Katha'' and was remade in Hindi under the title ''Billi Ki Kahani'' \
in 1999.
"""

PLAIN = """{{Infobox film
| name = Plain Story
| director = Bo Kim
}}
'''''Plain Story''''' is a 2001 American drama film directed by Bo Kim.

==Plot==
A man walks to the shop and back.
"""


@pytest.fixture
def kitten(empty_club: FilmClub, tmp_path: Path) -> FilmClub:
    for name, text in (("kitten_tale.wiki", KITTEN), ("plain_story.wiki", PLAIN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(empty_club.library, [tmp_path])
    empty_club.library_changed()
    return empty_club


def said(club: FilmClub, ctx: CommandContext, question: str) -> str:
    response = club.run_line(f"/film ask {question}", ctx)
    return " | ".join(p.text for p in response.parts if isinstance(p, TextPart | SpoilerPart))


def test_the_gloss_of_a_nihongo_title_is_its_meaning(kitten: FilmClub, ctx: CommandContext) -> None:
    answer = said(kitten, ctx, "what does koneko banashi mean")
    assert "“A Story of a Kitten”" in answer and "(Wikipedia: Kitten Tale, lead)" in answer


def test_a_name_explained_where_it_is_written(kitten: FilmClub, ctx: CommandContext) -> None:
    assert "Zero Energy Device One" in said(kitten, ctx, "what does zed.one stand for in kitten tale")
    answer = said(kitten, ctx, "what does vela mean in kitten tale")
    assert "Latin for “sail”" in answer.replace('"sail"', "“sail”") and "Production" in answer


def test_where_the_title_comes_from(kitten: FilmClub, ctx: CommandContext) -> None:
    kitten.run_line("/film info Kitten Tale", ctx)
    answer = said(kitten, ctx, "where does the title come from")
    assert "lullaby" in answer or "“A Story of a Kitten”" in answer


def test_a_name_the_article_does_not_explain(kitten: FilmClub, ctx: CommandContext) -> None:
    answer = said(kitten, ctx, "what does shop mean in plain story")
    assert "doesn't say what “shop” means" in answer


def test_titles_of_dubbed_versions_and_remakes(kitten: FilmClub, ctx: CommandContext) -> None:
    telugu = said(kitten, ctx, "what was kitten tale called in telugu")
    assert "In Telugu, Kitten Tale is “Pilli Katha” (Wikipedia: Kitten Tale, Release)" in telugu
    assert "“Billi Ki Kahani”" in said(kitten, ctx, "kitten tale hindi title")
    assert "“Pilli Katha” (Telugu)" in said(kitten, ctx, "what else is kitten tale called")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ('It was dubbed in Hindi as "Devi Durga Shakti".', [("Hindi", "Devi Durga Shakti")]),
        (
            "It was dubbed in Hindi under the title Ek Aur Dharmatma and in Telugu as Sastry.",
            [("Hindi", "Ek Aur Dharmatma"), ("Telugu", "Sastry")],
        ),
        ("The film was later dubbed into Hindi as Thakur Bhavani Singh in 2007.", [("Hindi", "Thakur Bhavani Singh")]),
        ("Its Tamil remake, titled Kaadhal Kottai, followed.", [("Tamil", "Kaadhal Kottai")]),
        ("The story is set in Tamil Nadu as the war ends.", []),  # no dub, remake or release
        ("It was released in Telugu as well.", []),  # no title: a lower-case word follows
    ],
)
def test_titles_in_other_languages(sentence: str, found: list[tuple[str, str]]) -> None:
    assert titles_in_languages(sentence) == found


@pytest.mark.parametrize(
    ("piece", "meaning"),
    [
        ('子猫物語, Koneko Monogatari, lit. "A Kitten\'s Story"', "A Kitten's Story"),
        ("transl. The Comet", "The Comet"),
        ("meaning 'Palace in the sky'", "Palace in the sky"),
        ("Italian: I Cavalieri", None),
    ],
)
def test_a_gloss_among_the_pieces_after_a_title(piece: str, meaning: str | None) -> None:
    assert gloss(piece) == meaning


@pytest.mark.parametrize(
    ("sentence", "name", "explained"),
    [
        ("Ra.One (short for Random Access Version One) is made faceless.", "ra one", True),
        ('The name used for the clones, soma, is Greek for "body".', "soma", True),
        ("RAW, which stands for Research and Analysis Wing, is involved.", "raw", True),
        ("Soma wakes up in a hospital.", "soma", False),
    ],
)
def test_a_name_explained(sentence: str, name: str, explained: bool) -> None:
    assert explains(sentence, name) is explained
