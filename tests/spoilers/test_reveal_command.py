"""``/film reveal``: one hidden part of a plot in the open, to the asker only, on every platform."""

from __future__ import annotations

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.responses import ErrorPart, Response, SpoilerPart, TextPart, Visibility

CTX = CommandContext(platform="test", server_id="s1", channel_id="reveal", user_id="u1", user_name="Ada")
PART_8 = "Part 8 of 10 — near the end"  # the end-credits recap, the fullest telling


def shown(response: Response) -> list[str]:
    assert not [p for p in response.parts if isinstance(p, SpoilerPart)]
    return [p.text for p in response.parts if isinstance(p, TextPart)]


def test_one_part_is_shown_only_to_the_asker_and_no_other(shared_club: FilmClub) -> None:
    response = shared_club.run_line("/film reveal Children of Heaven part:8", CTX)
    assert response.visibility is Visibility.PRIVATE
    [said] = shown(response)
    assert said.startswith(f"Children of Heaven, p{PART_8[1:]}: ")
    plot = shared_club.run_line("/film plot Children of Heaven", CTX).model_dump_json()
    ninth = shared_club.run_line("/film reveal Children of Heaven part:9", CTX)
    assert said.split(": ", 1)[1] in plot and shown(ninth)[0].split(": ", 1)[1] not in said


def test_the_part_may_follow_the_title_and_the_title_may_be_left_out(shared_club: FilmClub) -> None:
    typed = shown(shared_club.run_line("/film reveal Children of Heaven 8", CTX))
    assert typed == shown(shared_club.run_line("/film reveal Children of Heaven part:8", CTX))
    shared_club.run_line("/film plot Children of Heaven source:wikipedia", CTX)
    assert shown(shared_club.run_line("/film reveal part:8 source:wikipedia", CTX))[0].startswith(
        "Children of Heaven, part 8 of 8 — the last part: how it ends: "
    )
    assert shown(shared_club.run_line("/film reveal part:8", CTX)) == typed, "the channel's film, fullest telling"


def test_bad_reveals_say_what_would_work(shared_club: FilmClub) -> None:
    elsewhere = CTX.model_copy(update={"channel_id": "fresh"})
    cases = {  # in order: the channel has talked about no film before the first
        "/film reveal part:2": "Which film?",
        "/film reveal Children of Heaven part:11": "has 10 parts: part can be 1 to 10",
        "/film reveal Children of Heaven": "Which part?",
        "/film reveal Nosuch Filmtitle part:2": "No film called",
    }
    for line, expected in cases.items():
        response = shared_club.run_line(line, elsewhere)
        assert response.is_error and expected in response.plain_text(), (line, response.plain_text())
        assert all(isinstance(p, ErrorPart) for p in response.parts)
