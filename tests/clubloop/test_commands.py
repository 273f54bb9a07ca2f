"""The loop's commands end to end through `FilmClub.run_line`: each bad input a clear message, nothing changed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.parties.store import PartyStore
from core.polls.store import PollStore
from core.watchlist.store import WatchlistStore
from tests.clubloop.conftest import NOW
from tests.parties.conftest import context


def ctx(user: str = "u1", organiser: bool = True, server: str = "guild-1", **more: object) -> CommandContext:
    base = context(server=server, user=user, name=user.upper(), organiser=organiser, now=NOW)
    return base.model_copy(update=more)


def say(club: FilmClub, line: str, who: CommandContext | None = None) -> str:
    return club.run_line(line, who or ctx()).plain_text()


def open_poll(club: FilmClub, films: str = "Batman; Ra.One; Enter the Dragon") -> int:
    text = say(club, f"/poll start films:{films} closes:friday 6pm")
    assert text.startswith("Poll #"), text
    return int(text.split("#", 1)[1].split(":", 1)[0])


def test_suggesting_twice_names_who_suggested_first(loop_club: FilmClub) -> None:
    assert "Added Batman (1989) to the watchlist (1 film waiting)" in say(loop_club, "/club suggest batman")
    again = say(loop_club, "/club suggest Batman", ctx("u2", organiser=False))
    assert "already on the watchlist: U1 suggested it on 26 Mar 2026" in again
    listed = say(loop_club, "/club watchlist")
    assert "Batman — U1, 26 Mar 2026, not in a poll yet" in listed


def test_only_the_suggester_or_an_organiser_takes_a_film_off(loop_club: FilmClub) -> None:
    say(loop_club, "/club suggest Batman", ctx("u2", organiser=False))
    refused = say(loop_club, "/club unsuggest Batman", ctx("u3", organiser=False))
    assert "Only U2, who suggested Batman (1989), or an organiser" in refused
    assert len(WatchlistStore(loop_club.engine).entries("recording:guild-1")) == 1
    assert "Took Batman (1989) off" in say(loop_club, "/club unsuggest Batman", ctx("u2", organiser=False))


def test_a_watched_film_is_refused_with_its_date_unless_asked_again(loop_club: FilmClub) -> None:
    past = ctx(now=NOW - timedelta(days=8))
    assert "Watch party #" in say(loop_club, "/party start film:Batman when:in 2 hours", past)
    refused = say(loop_club, "/club suggest Batman")
    assert "already watched Batman (1989) (watched 18 Mar 2026)" in refused and "again:yes" in refused
    assert WatchlistStore(loop_club.engine).entries("recording:guild-1") == []
    assert "Added" in say(loop_club, "/club suggest Batman again:yes")
    assert "(watched 18 Mar 2026)" in say(loop_club, "/club watchlist")
    history = say(loop_club, "/club history")
    assert "Wed 18 Mar 2026 · Batman — U1" in history


def test_another_servers_suggestions_polls_and_history_are_unseen(loop_club: FilmClub) -> None:
    say(loop_club, "/club suggest Batman")
    poll_id = open_poll(loop_club)
    other = ctx("z9", server="guild-2")
    assert "empty" in say(loop_club, "/club watchlist", other)
    assert f"There is no poll #{poll_id} in this server" in say(loop_club, f"/poll vote 1 poll:{poll_id}", other)
    assert f"There is no poll #{poll_id} in this server" in say(loop_club, f"/poll close poll:{poll_id}", other)
    assert f"There is no poll #{poll_id} in this server" in say(loop_club, f"/poll cancel poll:{poll_id}", other)
    assert "No poll is open" in say(loop_club, "/poll show", other)
    assert PollStore(loop_club.engine).tally(poll_id) == {}


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/poll start films:Batman; Ra.One closes:yesterday 8pm", "has already passed"),
        ("/poll start films:Batman; Ra.One closes:2029-01-01 20:00", "more than a year away"),
        ("/poll start films:Batman; Ra.One closes:2026-06-01 20:00", "at most 30 days"),
        ("/poll start films:Batman; batman closes:friday 6pm", "at least two different films"),
        ("/poll start closes:friday 6pm", "The watchlist has no films"),
    ],
)
def test_a_bad_poll_is_refused_and_nothing_opens(loop_club: FilmClub, line: str, says: str) -> None:
    assert says in say(loop_club, line)
    assert "No poll is open" in say(loop_club, "/poll show")


def test_members_cannot_start_close_or_cancel_polls(loop_club: FilmClub) -> None:
    poll_id = open_poll(loop_club)
    member = ctx("u2", organiser=False)
    for line in (
        "/poll start films:Batman; Ra.One closes:friday 6pm",
        "/poll close",
        "/poll cancel",
        "/club night fridays 8pm",
    ):
        assert "Only the club's organisers" in say(loop_club, line, member)
    assert f"Poll #{poll_id}" in say(loop_club, "/poll show", member)


def test_votes_by_number_or_title_take_back_and_never_name_voters(loop_club: FilmClub) -> None:
    poll_id = open_poll(loop_club)
    assert "You back Batman" in say(loop_club, "/poll vote 1", ctx("u2"))
    assert "You back Ra.One" in say(loop_club, "/poll vote ra one", ctx("u2"))
    assert "You back Batman" in say(loop_club, "/poll vote Batman", ctx("u3"))
    shown = say(loop_club, "/poll show")
    assert "1. Batman — 2 votes" in shown and "2. Ra.One — 1 vote" in shown
    assert "U2" not in shown and "U3" not in shown
    assert "took back your vote for Ra.One" in say(loop_club, "/poll vote 2", ctx("u2"))
    assert PollStore(loop_club.engine).tally(poll_id) == {
        PollStore(loop_club.engine).poll(poll_id).options[0].film_id: 2
    }  # type: ignore[union-attr]


def test_the_same_press_delivered_twice_counts_once(loop_club: FilmClub) -> None:
    poll_id = open_poll(loop_club)
    press = ctx("u2", press_id="interaction-77")
    assert "You back Batman" in say(loop_club, "/poll vote 1", press)
    assert "already counted" in say(loop_club, "/poll vote 1", press)
    assert sum(PollStore(loop_club.engine).tally(poll_id).values()) == 1


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/poll vote 7", "has no film number 7"),
        ("/poll vote Welcome", "is not in poll"),
        ("/poll vote 1 poll:999", "no poll #999"),
    ],
)
def test_a_vote_for_what_is_not_there_changes_nothing(loop_club: FilmClub, line: str, says: str) -> None:
    poll_id = open_poll(loop_club)
    assert says in say(loop_club, line)
    assert PollStore(loop_club.engine).tally(poll_id) == {}


def test_a_vote_after_the_close_says_when_it_closed(loop_club: FilmClub) -> None:
    poll_id = open_poll(loop_club)
    say(loop_club, "/poll vote 2", ctx("u2"))
    result = say(loop_club, "/poll close")
    assert f"Poll #{poll_id} is closed. The winner: Ra.One with 1 vote." in result
    assert "Plan it: /party start film:Ra.One" in result
    late = say(loop_club, "/poll vote 1", ctx("u3"))
    assert f"Poll #{poll_id} closed at Thu 26 Mar 12:00; nothing changed" in late
    assert "closed at" in say(loop_club, f"/poll close poll:{poll_id}")


def test_a_tie_says_it_was_drawn_with_the_polls_number(loop_club: FilmClub) -> None:
    open_poll(loop_club)
    say(loop_club, "/poll vote 1", ctx("u2"))
    say(loop_club, "/poll vote 3", ctx("u3"))
    result = say(loop_club, "/poll close")
    assert "Batman, Enter the Dragon tied with 1 vote each: a draw seeded with the poll's number" in result


def test_the_winner_leaves_the_watchlist_and_polls_are_counted(loop_club: FilmClub) -> None:
    for title, who in (("Batman", "u1"), ("Ra.One", "u2"), ("Enter the Dragon", "u3")):
        say(loop_club, f"/club suggest {title}", ctx(who))
    assert "1. Batman" in say(loop_club, "/poll start closes:friday 6pm size:2")
    say(loop_club, "/poll vote 1", ctx("u2"))
    say(loop_club, "/poll close")
    listed = say(loop_club, "/club watchlist")
    assert "Batman" not in listed and "Ra.One — U2, 26 Mar 2026, in 1 poll" in listed


def test_cancel_drops_the_poll_and_keeps_the_watchlist(loop_club: FilmClub) -> None:
    say(loop_club, "/club suggest Batman")
    say(loop_club, "/club suggest Ra.One")
    poll_id = open_poll(loop_club, "Batman; Ra.One")
    assert f"Poll #{poll_id} is cancelled" in say(loop_club, "/poll cancel")
    assert "was cancelled; nothing changed" in say(loop_club, f"/poll vote 1 poll:{poll_id}")
    assert len(WatchlistStore(loop_club.engine).entries("recording:guild-1")) == 2
    assert PartyStore(loop_club.engine).upcoming("recording:guild-1", 0, 10)[1] == 0


def test_club_night_is_set_shown_and_turned_off(loop_club: FilmClub) -> None:
    said = say(loop_club, "/club night every 2 weeks on thursday at 19:30 opens:2 days closes:1 hour")
    assert "every 2 weeks on Thursday at 19:30 (UTC)" in said and "opens 2 days before" in said
    assert "every 2 weeks on Thursday" in say(loop_club, "/club settings")
    assert "must open before it closes" in say(loop_club, "/club night fridays 8pm opens:1 hour closes:2 hours")
    assert "Which day" in say(loop_club, "/club night 8pm")
    assert "Club night off" in say(loop_club, "/club night off")
    assert "no club night to turn off" in say(loop_club, "/club night off")
