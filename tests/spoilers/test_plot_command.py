"""``/film plot`` through the club: the set-up open, later beats hidden, upto, sources, bad input, reveal ids.

Most tests read one shared club (``shared_club``); the reveal-id tests use the per-test ``club``, which runs on
PostgreSQL too when one is configured (forged ids must not reach its 32-bit id column).
"""

from __future__ import annotations

import pytest

from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.lookup import Found
from core.commands.registry import ArgType, CommandContext
from core.library.model import Film
from core.responses import ChoicePart, ErrorPart, Response, SpoilerPart, TextPart, Visibility
from core.spoilers.reveal import MAX_REVEAL_ID, resolve_reveal

CTX = CommandContext(platform="test", server_id="s1", channel_id="c1", user_id="u1", user_name="Ada")
SPOILER_CTX = CTX.model_copy(update={"spoiler_channel": True})
OUTCOME = ("places first", "first-place", "atop the podium")


def run(club: FilmClub, line: str, ctx: CommandContext = CTX) -> Response:
    return club.run_line(line, ctx)


def spoilers(response: Response) -> list[SpoilerPart]:
    return [p for p in response.parts if isinstance(p, SpoilerPart)]


def texts(response: Response) -> list[str]:
    return [p.text for p in response.parts if isinstance(p, TextPart)]


def film(club: FilmClub, title: str) -> Film:
    found = club.find_film(title)
    assert isinstance(found, Found)
    return found.film


def test_the_command_is_registered_with_typed_arguments(shared_club: FilmClub) -> None:
    command = shared_club.registry.get("film", "plot")
    assert command is not None
    title, upto, source = command.arguments
    assert (title.name, title.type, title.required) == ("title", ArgType.FILM, True)
    assert (upto.name, upto.type, upto.required, upto.min_value) == ("upto", ArgType.INTEGER, False, 1)
    assert (source.name, source.type, source.required) == ("source", ArgType.TEXT, False)
    assert "wikipedia" in source.description and "credits" in source.description
    assert command.usage() == "/film plot <title> [upto:…] [source:…]"


def test_plot_shows_the_set_up_and_hides_every_later_beat_of_the_fuller_source(shared_club: FilmClub) -> None:
    response = run(shared_club, "/film plot Children of Heaven")
    assert not response.is_error and response.visibility is Visibility.PUBLIC
    head, setup, *hidden, tail = response.parts
    assert isinstance(head, TextPart) and "end-credits page: Children of Heaven" in head.text
    assert "10 parts" in head.text
    assert isinstance(setup, TextPart) and setup.text.startswith("Part 1 of 10 — the set-up: As the sun sets")
    assert len(hidden) == 9 and all(isinstance(p, SpoilerPart) for p in hidden)
    assert [p.label for p in hidden][-3:] == [
        "part 8 of 10 — near the end",
        "part 9 of 10 — near the end",
        "part 10 of 10 — the last part: how it ends",
    ]
    assert isinstance(tail, TextPart)
    assert "upto:N" in tail.text and "Also told by Wikipedia: Children of Heaven (8 parts)" in tail.text
    assert "source:wikipedia" in tail.text
    open_text = " ".join(texts(response))
    assert not any(words in open_text for words in OUTCOME)
    assert not any(words in response.plain_text() for words in OUTCOME)
    assert "[spoiler: part 8 of 10 — near the end]" in response.plain_text()


def test_source_switches_to_the_other_telling_and_never_mixes_them(shared_club: FilmClub) -> None:
    credits = run(shared_club, "/film plot Children of Heaven")
    for line in (
        "/film plot Children of Heaven source:wikipedia",
        "/film plot Children of Heaven source:Wiki",
        "/film plot Children of Heaven source:flattened-wikipedia",
        "/film plot Children of Heaven source:2",
    ):
        response = run(shared_club, line)
        assert not response.is_error, line
        assert "the plot in 8 parts, as told by Wikipedia: Children of Heaven" in texts(response)[0]
        assert "Also told by end-credits page: Children of Heaven (10 parts)" in texts(response)[-1]
        assert "source:credits" in texts(response)[-1]
        assert texts(response)[1].startswith("Part 1 of 8 — the set-up: The film starts with Ali")
        assert "/film plot Children of Heaven source:wikipedia upto:N" in texts(response)[-1]
        assert len(spoilers(response)) == 7
        assert not {p.text for p in spoilers(response)} & {p.text for p in spoilers(credits)}
    for line in ("/film plot Children of Heaven source:credits", "/film plot Children of Heaven source:recap"):
        assert run(shared_club, line).parts[1] == credits.parts[1]


def test_upto_shows_beats_openly_to_the_asker_only_and_keeps_the_rest_hidden(shared_club: FilmClub) -> None:
    response = run(shared_club, "/film plot Children of Heaven source:wikipedia upto:3")
    assert not response.is_error
    assert response.visibility is Visibility.PRIVATE, "open spoilers go only to the member who asked"
    shown = texts(response)[1:4]
    assert [t.split(":")[0] for t in shown] == [
        "Part 1 of 8 — the set-up",
        "Part 2 of 8 — early in the film",
        "Part 3 of 8 — early in the film",
    ]
    assert [p.label.split(" —")[0] for p in spoilers(response)] == [f"part {n} of 8" for n in range(4, 9)]
    assert "Only you see this: parts 1–3 in the open, parts 4–8 still hidden" in texts(response)[0]
    everything = run(shared_club, "/film plot Children of Heaven upto:10")
    assert not spoilers(everything) and everything.visibility is Visibility.PRIVATE
    assert any(words in " ".join(texts(everything)) for words in OUTCOME)
    setup_only = run(shared_club, "/film plot Children of Heaven upto:1")
    assert setup_only.parts == run(shared_club, "/film plot Children of Heaven").parts


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/film plot Children of Heaven upto:11", "has 10 parts: upto can be 1 to 10"),
        ("/film plot Children of Heaven source:wikipedia upto:9", "has 8 parts: upto can be 1 to 8"),
        ("/film plot Children of Heaven upto:0", "upto must be at least 1"),
        ("/film plot Children of Heaven upto:three", "upto must be a whole number"),
        ("/film plot Children of Heaven source:imdb", "No telling of the plot of Children of Heaven (1997) matches"),
        ("/film plot Children of Heaven source:3", "matches “3”"),
        ("/film plot Batmann Returns Again", "No film called “Batmann Returns Again”"),
        ("/film plot", "needs title"),
    ],
)
def test_bad_input_gets_a_clear_private_message(shared_club: FilmClub, line: str, message: str) -> None:
    response = run(shared_club, line)
    assert response.is_error and response.visibility is Visibility.PRIVATE
    (part,) = response.parts
    assert isinstance(part, ErrorPart)
    assert message in f"{part.message} {part.hint}"


def test_an_unknown_source_lists_the_sources_there_are(shared_club: FilmClub) -> None:
    (part,) = run(shared_club, "/film plot Children of Heaven source:imdb").parts
    assert isinstance(part, ErrorPart)
    assert "credits (end-credits page: Children of Heaven, 10 parts)" in part.hint
    assert "wikipedia (Wikipedia: Children of Heaven, 8 parts)" in part.hint


def test_a_misspelt_title_still_finds_the_plot_and_the_channel_remembers_the_film(shared_club: FilmClub) -> None:
    response = run(shared_club, "/film plot childern of haven")
    assert not response.is_error and len(spoilers(response)) == 9
    remembered = shared_club.channel_film(CTX)
    assert remembered is not None and remembered.title == "Children of Heaven"


def test_a_film_with_one_source_mentions_no_other(shared_club: FilmClub) -> None:
    response = run(shared_club, "/film plot Batman 1989")
    assert not response.is_error
    assert "Also told by" not in response.plain_text()
    assert spoilers(response)[-1].label.endswith("— the last part: how it ends")


def test_an_ambiguous_title_asks_which_film(shared_club: FilmClub) -> None:
    response = run(shared_club, "/film plot the")
    assert response.is_error or any(isinstance(p, ChoicePart) for p in response.parts)


def test_a_spoiler_channel_gets_every_beat_as_plain_text(shared_club: FilmClub) -> None:
    response = run(shared_club, "/film plot Children of Heaven source:wikipedia", SPOILER_CTX)
    assert not spoilers(response) and response.visibility is Visibility.PUBLIC
    shown = texts(response)
    assert "Spoilers are shown here: nothing is hidden." in shown[0]
    assert shown[7].startswith("Part 7 of 8 — near the end: Finally, Ali learns")
    assert any(words in shown[7] for words in OUTCOME)
    assert "upto:N" not in shown[-1]
    limited = run(shared_club, "/film plot Children of Heaven source:wikipedia upto:2", SPOILER_CTX)
    assert not spoilers(limited) and len(texts(limited)) == 4
    assert "parts 3–8 left out (you asked up to 2)" in texts(limited)[0]


def test_a_channel_the_club_marks_as_spoiler_channel_gets_plain_beats(shared_club: FilmClub) -> None:
    # A server of its own: the setting must not reach the other tests reading the shared club.
    member = CTX.model_copy(update={"server_id": "marks-spoiler-channels"})
    organiser = member.model_copy(update={"organisers": EVERYONE})
    assert not shared_club.run_line(f"/club spoiler-channel {member.channel_id}", organiser).is_error
    assert not spoilers(run(shared_club, "/film plot Children of Heaven", member))
    elsewhere = member.model_copy(update={"channel_id": "c2"})
    assert len(spoilers(run(shared_club, "/film plot Children of Heaven", elsewhere))) == 9


def test_each_hidden_beat_reveals_on_its_own_by_its_id(club: FilmClub) -> None:
    response = run(club, "/film plot Children of Heaven")
    hidden = spoilers(response)
    ids = [p.reveal_id for p in hidden]
    assert len(set(ids)) == len(ids) and all(len(i) <= MAX_REVEAL_ID for i in ids)
    assert all(i.startswith(f"plot:{film(club, 'Children of Heaven').id}:") for i in ids)
    for part in hidden:
        revealed = resolve_reveal(club, part.reveal_id)
        assert revealed is not None
        assert revealed.text == part.text and revealed.reveal_id == part.reveal_id
        assert revealed.label == f"Children of Heaven, {part.label}"
    assert run(club, "/film plot Children of Heaven").parts == response.parts, "ids are stable"


GARBAGE_IDS: list[object] = [
    "",
    "plot",
    "plot:::",
    "plot:1:zzzzzzzz:2:abcdef",
    "plot:-1:00000000:2:abcdef",
    "plot:99999:00000000:2:abcdef",
    "plot:2147483648:00000000:2:abcdef",
    "plot:99999999999999999999:00000000:2:abcdef",
    "plot:3:00000000:2:abcdef",
    "plot:3:00000000:0:abcdef",
    "PLOT:3:00000000:2:ABCDEF",
    "plot:3:00000000:2:abcdef\n",
    "x" * 5000,
    "'; DROP TABLE films; --",
    "@everyone <!channel>",
    None,
    42,
    ["plot:3:00000000:2:abcdef"],
]


def test_garbage_or_stale_reveal_ids_resolve_to_nothing(club: FilmClub) -> None:
    for garbage in GARBAGE_IDS:
        assert resolve_reveal(club, garbage) is None, garbage
    # An id of an older telling (another text at that beat), of another beat or film, of no beat.
    good = spoilers(run(club, "/film plot Children of Heaven"))[2].reveal_id
    prefix, film_id, document, beat, check = good.split(":")
    other_check = "0" * 6 if check != "0" * 6 else "1" * 6
    assert resolve_reveal(club, ":".join([prefix, film_id, document, beat, other_check])) is None
    assert resolve_reveal(club, ":".join([prefix, film_id, document, str(int(beat) + 1), check])) is None
    assert resolve_reveal(club, ":".join([prefix, film_id, document, "99", check])) is None
    batman = film(club, "Batman 1989")
    assert resolve_reveal(club, ":".join([prefix, str(batman.id), document, beat, check])) is None
