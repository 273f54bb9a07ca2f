"""``/film info``: the fact card, every value with its sources, disagreements flagged and shown side by side."""

from __future__ import annotations

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.responses import CardPart, CardRow


def card(films: FilmClub, ctx: CommandContext, title: str) -> CardPart:
    response = films.run_line(f"/film info {title}", ctx)
    part = response.parts[0]
    assert isinstance(part, CardPart), response.plain_text()
    return part


def rows(part: CardPart) -> dict[str, CardRow]:
    return {row.label: row for row in part.rows}


def texts(row: CardRow) -> list[str]:
    return [v.text for v in row.values]


def test_the_card_holds_the_facts_in_order_each_with_its_source(films: FilmClub, ctx: CommandContext) -> None:
    part = card(films, ctx, "Batman")
    assert (part.title, part.subtitle) == ("Batman", "1989")
    assert [r.label for r in part.rows] == [
        "Released",
        "Directed by",
        "Written by",
        "Starring",
        "Music by",
        "Runtime",
        "Country",
        "Language",
        "Budget",
        "Box office",
    ]
    by_label = rows(part)
    assert texts(by_label["Directed by"]) == ["Tim Burton"]
    assert "Jack Nicholson (Jack Napier/The Joker)" in texts(by_label["Starring"])
    assert texts(by_label["Budget"]) == ["$35 million"] and texts(by_label["Box office"]) == [
        "$411.3 million worldwide"
    ]
    assert all(v.sources == ["Wikipedia: Batman"] for row in part.rows for v in row.values)
    assert part.sources == ["Wikipedia: Batman"]


def test_fields_the_library_lacks_are_left_off(films: FilmClub, ctx: CommandContext) -> None:
    labels = set(rows(card(films, ctx, "Four Daughters")))
    assert "Budget" not in labels and "Box office" not in labels and "Directed by" in labels


def test_two_runtimes_of_one_film_are_flagged(films: FilmClub, ctx: CommandContext) -> None:
    runtime = rows(card(films, ctx, "milo and otis"))["Runtime"]
    assert runtime.conflict and texts(runtime) == ["92 min", "77 min"]


def test_info_sets_the_channels_film(films: FilmClub, ctx: CommandContext) -> None:
    card(films, ctx, "welcom")
    assert "Anees Bazmee" in films.run_line("/film ask who directed it", ctx).plain_text()


def test_an_unknown_title_is_an_error_with_suggestions(films: FilmClub, ctx: CommandContext) -> None:
    response = films.run_line("/film info Batmann Returns Again", ctx)
    assert response.is_error and "Batman" in response.plain_text()


def test_the_seeds_disagree_on_box_office_and_release(films: FilmClub, ctx: CommandContext) -> None:
    part = card(films, ctx, "Children of Heaven")
    by_label = rows(part)
    box_office = by_label["Box office"]
    assert box_office.conflict
    assert {"$1,628,579 worldwide", "$933,933 US", "about $382,000"} <= set(texts(box_office))
    sources = {v.text: v.sources for v in box_office.values}
    assert sources["about $382,000"] == ["end-credits page: Children of Heaven"]
    assert sources["$933,933 US"] == ["Wikipedia: Children of Heaven"]
    released = by_label["Released"]
    assert released.conflict
    shown = " | ".join(texts(released))
    assert "1997" in shown and "January 22, 1999" in shown and "1999" in texts(released)
    assert by_label["End-credit scenes"].values[0].text == "no end-credit scenes"
    assert "Metascore 77/100" in texts(by_label["Scores"])
    assert set(part.sources) == {"Wikipedia: Children of Heaven", "end-credits page: Children of Heaven"}
    assert all(v.sources for row in part.rows for v in row.values)
