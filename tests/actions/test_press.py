"""Buttons in the core: an answer's actions get stable keys, and a press runs the stored command as the presser."""

from __future__ import annotations

from sqlalchemy import func, select

from bots.console.render import render_text
from core.actions.press import GONE
from core.actions.schema import actions
from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.registry import CommandContext
from core.parties.outgoing import outgoing_message
from core.parties.plan import StepKind
from core.parties.store import PartyStore
from core.polls.store import PollStore
from core.ratings.store import RatingStore
from core.responses import ActionsPart, ChoicePart, PollPart, Response

ORGANISER = CommandContext(platform="test", server_id="s1", channel_id="c1", user_id="org", organisers=EVERYONE)
MEMBER = CommandContext(platform="test", server_id="s1", channel_id="c1", user_id="ana", user_name="Ana")
STRANGER = CommandContext(platform="test", server_id="s2", channel_id="c9", user_id="eve", user_name="Eve")


def buttons(response: Response) -> list[ActionsPart]:
    return [p for p in response.parts if isinstance(p, ActionsPart)]


def open_poll(club: FilmClub) -> tuple[int, ActionsPart]:
    opened = club.run_line("/poll start films:Batman; Children of Heaven closes:in 2 hours", ORGANISER)
    poll = next(p for p in opened.parts if isinstance(p, PollPart))
    [votes] = buttons(opened)
    return poll.poll_id, votes


def test_a_poll_carries_a_vote_button_per_film_with_a_stable_key(club: FilmClub) -> None:
    poll_id, votes = open_poll(club)
    assert [a.label for a in votes.actions] == ["1. Batman", "2. Children of Heaven"]
    assert all(len(a.key) == 20 for a in votes.actions)
    again = buttons(club.run_line(f"/poll show poll:{poll_id}", MEMBER))[0]
    assert [a.key for a in again.actions] == [a.key for a in votes.actions]
    with club.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(actions)) == 2  # shown twice, stored once


def test_a_press_votes_as_the_presser_and_redraws_the_poll_with_its_tallies(club: FilmClub) -> None:
    poll_id, votes = open_poll(club)
    pressed = club.press(votes.actions[1].key, MEMBER.model_copy(update={"press_id": "p1"}))
    assert "You back Children of Heaven" in pressed.answer.plain_text()
    assert pressed.redrawn is not None and "2. Children of Heaven — 1 vote" in pressed.redrawn.plain_text()
    assert sum(PollStore(club.engine).tally(poll_id).values()) == 1
    twice = club.press(votes.actions[1].key, MEMBER.model_copy(update={"press_id": "p1"}))
    assert "already counted" in twice.answer.plain_text()


def test_a_closed_polls_redraw_has_no_buttons(club: FilmClub) -> None:
    poll_id, votes = open_poll(club)
    club.press(votes.actions[0].key, MEMBER.model_copy(update={"press_id": "p1"}))
    club.run_line(f"/poll close poll:{poll_id}", ORGANISER)
    late = club.press(votes.actions[0].key, MEMBER.model_copy(update={"press_id": "p2"}))
    assert late.answer.is_error and late.redrawn is not None and not buttons(late.redrawn)


def test_another_servers_press_or_a_forged_key_changes_nothing(club: FilmClub) -> None:
    poll_id, votes = open_poll(club)
    for key, ctx in ((votes.actions[0].key, STRANGER), ("0" * 20, MEMBER), ("", MEMBER)):
        pressed = club.press(key, ctx)
        assert pressed.answer.is_error and GONE in pressed.answer.plain_text() and pressed.redrawn is None
    assert PollStore(club.engine).tally(poll_id) == {}


def test_the_last_discussion_prompt_carries_rating_buttons_that_rate_as_the_presser(club: FilmClub) -> None:
    started = club.run_line("/party start film:Children of Heaven when:in 2 hours", ORGANISER)
    assert started.party_event is not None
    store = PartyStore(club.engine)
    party = store.party(started.party_event.party_id)
    assert party is not None
    steps = store.steps(party.id)
    rated = [s for s in steps if any(a.name == "rate" for b in buttons(s.response) for a in b.actions)]
    assert [s.kind for s in rated] == [StepKind.DISCUSSION.value]
    assert rated[0].seq == max(s.seq for s in steps if s.kind == StepKind.DISCUSSION.value)
    sent = outgoing_message(club, store, party, rated[0], None)
    [stars] = buttons(sent)
    assert [a.label for a in stars.actions][:3] == ["½", "★", "★½"] and len(stars.actions) == 10
    pressed = club.press(stars.actions[7].key, MEMBER)  # ★★★★
    assert "You rated Children of Heaven (1997) ★★★★" in pressed.answer.plain_text()
    rating = RatingStore(club.engine).club_rating("test:s1", party.film_id)
    assert rating is not None and rating.count == 1
    assert "/film rate Children of Heaven (1997) <½ to 5 stars>" in render_text(sent)  # the console's way


def test_a_trivia_choice_is_a_button_that_tells_the_presser_alone(club: FilmClub) -> None:
    asked = club.run_line("/film trivia Batman", MEMBER)
    choices = [p for p in asked.parts if isinstance(p, ChoicePart)]
    picks = buttons(asked)
    assert len(picks) == len(choices) and all(
        len(p.actions) == len(c.options) for p, c in zip(picks, choices, strict=True)
    )
    number = next(i for i, c in enumerate(choices) if "1989" in c.options)
    right = picks[number].actions[choices[number].options.index("1989")]
    said = club.press(right.key, MEMBER)
    assert said.answer.visibility.value == "private" and "right" in said.answer.plain_text().casefold()
    assert f"question:{number + 1} answer:<1–4>" in render_text(asked)
