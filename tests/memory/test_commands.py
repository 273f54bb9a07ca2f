"""The memory commands as members run them: rate, the card's club rating, top, year in review, calendar."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PIL import Image

from bots.console.app import ConsoleSession
from core.app import FilmClub
from core.clubs.organisers import EVERYONE, NOBODY
from core.commands.registry import CommandContext
from core.responses import CardPart, FilePart, ListPart, Response, Visibility
from tests.clubloop.conftest import NOW
from tests.memory.conftest import CLUB, MakeParty


def member(name: str, server: str = "memory", organiser: bool = False) -> CommandContext:
    return CommandContext(
        platform="console",
        server_id=server,
        channel_id="talk",
        user_id=name,
        user_name=name.title(),
        organisers=EVERYONE if organiser else NOBODY,
        now=NOW,
    )


def files(response: Response) -> list[FilePart]:
    return [p for p in response.parts if isinstance(p, FilePart)]


def test_rating_replies_privately_and_changes_in_place(memory_club: FilmClub) -> None:
    first = memory_club.run_line("/film rate children of heaven 4", member("ana"))
    assert first.visibility is Visibility.PRIVATE
    assert "★★★★" in first.plain_text()
    again = memory_club.run_line("/film rate children of heaven 4½", member("ana"))
    assert "(was ★★★★)" in again.plain_text()
    assert "4.5 ★ from 1 rating" in again.plain_text()


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("/film rate children of heaven 6", "off the scale"),
        ("/film rate children of heaven great", "is not a rating"),
        ("/film rate no such film at all 4", "No film called"),
    ],
)
def test_bad_ratings_get_a_message_and_store_nothing(memory_club: FilmClub, line: str, said: str) -> None:
    response = memory_club.run_line(line, member("ana"))
    assert response.is_error and said in response.plain_text()
    card = memory_club.run_line("/film info children of heaven", member("ana"))
    assert "This club's rating" not in card.plain_text()


def test_the_card_shows_the_club_rating_labelled_as_its_own_and_only_to_that_club(memory_club: FilmClub) -> None:
    memory_club.run_line("/film rate children of heaven 4", member("ana"))
    memory_club.run_line("/film rate children of heaven 3.5", member("bo"))
    card = next(p for p in memory_club.run_line("/film info children of heaven", member("cy")).parts)
    assert isinstance(card, CardPart)
    row = next(r for r in card.rows if r.label == "This club's rating")
    assert row.values[0].text == "3.75 ★ from 2 ratings"
    assert row.values[0].sources == ["this club's members"]
    elsewhere = memory_club.run_line("/film info children of heaven", member("zed", server="elsewhere"))
    assert "This club's rating" not in elsewhere.plain_text()


def test_top_lists_films_with_two_ratings_with_their_plain_means(memory_club: FilmClub) -> None:
    for name, stars in (("ana", "4"), ("bo", "3.5")):
        memory_club.run_line(f"/film rate children of heaven {stars}", member(name))
    memory_club.run_line("/film rate batman 5", member("ana"))
    top = memory_club.run_line("/club top", member("ana"))
    (listing,) = [p for p in top.parts if isinstance(p, ListPart)]
    assert listing.items == ["1. Children of Heaven (1997) — 3.75 from 2 ratings"]
    assert "at least 2 ratings" in top.plain_text()
    empty = memory_club.run_line("/club top 1950", member("ana"))
    assert "No film of 1950 has 2 ratings yet" in empty.plain_text()


def test_the_year_in_review_is_text_and_a_png_of_it(memory_club: FilmClub, make_party: MakeParty) -> None:
    make_party("Children of Heaven", NOW - timedelta(days=3), club_key=CLUB, guests=("ana", "bo"))
    memory_club.run_line("/film rate children of heaven 4", member("ana"))
    memory_club.run_line("/film rate children of heaven 5", member("bo"))
    review = memory_club.run_line("/club year", member("ana"))
    assert "2026 in review" in review.plain_text()
    assert "1 film watched" in review.plain_text()
    (card,) = files(review)
    assert card.filename == "club-year-2026.png" and card.media_type == "image/png"
    assert Image.open(io.BytesIO(card.data)).size[0] == 1200
    nothing = memory_club.run_line("/club year 2020", member("ana"))
    assert "neither watched nor rated a film in 2020" in nothing.plain_text()
    assert not files(nothing)


def test_the_calendar_is_a_private_ics_and_reset_is_for_organisers(
    memory_club: FilmClub, make_party: MakeParty, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_party("Batman", NOW + timedelta(days=2), club_key=CLUB)
    response = memory_club.run_line("/club calendar", member("ana"))
    assert response.visibility is Visibility.PRIVATE
    (ics,) = files(response)
    events = Calendar.from_ical(ics.data).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Watch party: Batman"]
    assert "subscribe" not in response.plain_text().casefold()  # no public address configured
    refused = memory_club.run_line("/club calendar reset", member("ana"))
    assert refused.is_error and "organisers" in refused.plain_text()


def test_the_subscribe_address_changes_on_reset(memory_club: FilmClub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory_club.settings, "public_url", "https://club.example/")
    first = memory_club.run_line("/club calendar", member("ana")).plain_text()
    assert "https://club.example/calendar/" in first
    again = memory_club.run_line("/club calendar", member("bo")).plain_text()
    address = first.split("Subscribe in your calendar app: ")[1].split(" ")[0]
    assert address in again
    reset = memory_club.run_line("/club calendar reset", member("host", organiser=True)).plain_text()
    assert "the old one no longer works" in reset and address not in reset


def test_the_console_saves_the_picture_and_prints_its_path(
    memory_club: FilmClub, make_party: MakeParty, tmp_path: Path
) -> None:
    make_party("Batman", NOW - timedelta(days=1), club_key="console:local")
    out = io.StringIO()
    session = ConsoleSession(memory_club, out)
    session.ctx = session.ctx.model_copy(update={"now": NOW})
    session.run_lines(["/club year 2026", "/club calendar"])
    printed = out.getvalue().replace("\n", "")
    saved = tmp_path / "club-year-2026.png"
    assert saved.is_file() and Image.open(saved).format == "PNG"
    assert "club-year-2026.png" in printed and (tmp_path / "film-club.ics").is_file()


def test_history_shows_each_film_with_the_club_rating(memory_club: FilmClub, make_party: MakeParty) -> None:
    make_party("Children of Heaven", NOW - timedelta(days=3), club_key=CLUB, guests=("ana",))
    make_party("Batman", NOW - timedelta(days=2), club_key=CLUB, guests=("ana",))
    memory_club.run_line("/film rate children of heaven 4", member("ana"))
    history = memory_club.run_line("/club history", member("ana"))
    (listing,) = [p for p in history.parts if isinstance(p, ListPart)]
    assert "Children of Heaven · 4 ★ from 1 rating — ana" in listing.items[1]
    assert "★" not in listing.items[0]  # Batman, unrated
