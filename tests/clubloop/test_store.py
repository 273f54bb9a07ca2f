"""The loop's stores: one entry per film per club, votes with a unique key, a close that happens once."""

from __future__ import annotations

from datetime import timedelta

from core.app import FilmClub
from core.polls.store import NewPoll, PollStatus, PollStore, PressResult
from core.polls.tally import decide
from core.watchlist.store import WatchlistStore, pick_for_poll
from tests.clubloop.conftest import NOW, film_ids


def new_poll(club_key: str = "recording:guild-1") -> NewPoll:
    return NewPoll(
        club_key=club_key,
        platform="recording",
        channel_id="c",
        opened_by="u1",
        opened_at=NOW,
        closes_at=NOW + timedelta(days=1),
        zone="UTC",
    )


def test_a_film_is_on_a_clubs_watchlist_once_and_other_clubs_do_not_see_it(loop_club: FilmClub) -> None:
    store = WatchlistStore(loop_club.engine)
    heat = next(iter(film_ids(loop_club).values()))
    _, added = store.suggest("recording:guild-1", heat, "A", "u1", "Ana", NOW)
    again, added_again = store.suggest("recording:guild-1", heat, "A", "u2", "Bo", NOW + timedelta(hours=1))
    assert added and not added_again
    assert again.suggested_by_name == "Ana" and again.suggested_at == NOW
    assert store.entries("recording:guild-2") == []
    assert store.suggest("recording:guild-2", heat, "A", "u9", "Zed", NOW)[1]


def test_poll_picks_oldest_first_one_film_per_suggester_while_others_wait(loop_club: FilmClub) -> None:
    store = WatchlistStore(loop_club.engine)
    ids = list(film_ids(loop_club).values())
    suggesters = ["ana", "ana", "ana", "bo", "cy"]
    for n, (film, who) in enumerate(zip(ids, suggesters, strict=False)):
        store.suggest("k", film, f"F{n}", who, who, NOW + timedelta(minutes=n))
    chosen = pick_for_poll(store.entries("k"), 4)
    assert [e.film_title for e in chosen] == ["F0", "F1", "F3", "F4"]  # ana's second waits until bo and cy are in


def test_a_press_votes_a_second_takes_it_back_and_the_same_press_twice_counts_once(loop_club: FilmClub) -> None:
    store = PollStore(loop_club.engine)
    poll = store.create(new_poll(), [(1, "A"), (2, "B")])
    assert store.press(poll.id, "u1", 1, press_id="i-1") == (PressResult.ADDED, {1: 1})
    assert store.press(poll.id, "u1", 1, press_id="i-1") == (PressResult.REPEATED, {1: 1})  # a platform's retry
    assert store.press(poll.id, "u1", 2) == (PressResult.ADDED, {1: 1, 2: 1})  # approval: several films
    assert store.press(poll.id, "u1", 1, press_id="i-2") == (PressResult.REMOVED, {2: 1})
    assert store.tally(poll.id) == {2: 1}


def test_a_poll_closes_once_and_takes_no_vote_after(loop_club: FilmClub) -> None:
    store = PollStore(loop_club.engine)
    ids = list(film_ids(loop_club).values())
    WatchlistStore(loop_club.engine).suggest("recording:guild-1", ids[1], "B", "u1", "Ana", NOW)
    poll = store.create(new_poll(), [(ids[0], "A"), (ids[1], "B")])
    store.press(poll.id, "u1", ids[1])
    closed = store.close(poll.id, NOW, late=False)
    assert closed is not None and closed.winner is not None and closed.winner.film_title == "B"
    assert store.close(poll.id, NOW, late=False) is None
    assert store.press(poll.id, "u2", ids[0]) is None
    assert store.tally(poll.id) == {ids[1]: 1}
    assert WatchlistStore(loop_club.engine).entries("recording:guild-1") == []  # the winner left the watchlist


def test_another_clubs_poll_is_not_found_and_cannot_be_cancelled(loop_club: FilmClub) -> None:
    store = PollStore(loop_club.engine)
    poll = store.create(new_poll(), [(1, "A"), (2, "B")])
    assert store.get("recording:guild-2", poll.id) is None
    assert not store.cancel("recording:guild-2", poll.id)
    found = store.get("recording:guild-1", poll.id)
    assert found is not None and found.status is PollStatus.OPEN


def test_a_tie_is_drawn_with_the_polls_id_as_seed() -> None:
    votes = [(1, 2), (2, 2), (3, 1)]
    draws = {decide(poll_id, votes).position for poll_id in range(1, 40)}
    assert draws == {1, 2}  # only the tied films, and the seed decides which
    assert decide(7, votes) == decide(7, list(reversed(votes)))
    assert decide(7, votes).drawn and not decide(7, [(1, 3), (2, 1)]).drawn
