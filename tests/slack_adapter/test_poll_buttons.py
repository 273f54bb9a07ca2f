"""Poll buttons through the real slack-bolt app: signed ``block_actions``, a private answer, ``chat.update`` tallies."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from slack_bolt.async_app import AsyncApp

from bots.slack.render import render
from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.registry import CommandContext
from core.polls.store import PollStore
from tests.slack_adapter.conftest import dispatch, responses
from tests.slack_adapter.fake_slack import FakeSlack


def open_poll(club: FilmClub, team: str = "T1") -> int:
    ctx = CommandContext(platform="slack", server_id=team, channel_id="C1", user_id="UORG", organisers=EVERYONE)
    said = club.run_line("/poll start films:Batman; Ra.One closes:in 2 hours", ctx).plain_text()
    return int(said.split("#", 1)[1].split(":", 1)[0])


def press(fake: FakeSlack, value: str, user: str = "U1", team: str = "T1", action_ts: str = "1.1") -> str:
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user, "username": "member"},
        "team": {"id": team},
        "channel": {"id": "C1"},
        "message": {"ts": "1700000000.000100"},
        "api_app_id": "A1",
        "token": "legacy",
        "trigger_id": "1.2.3",
        "response_url": f"{fake.url}/respond/xyz",
        "actions": [
            {
                "action_id": f"poll_vote_{value[-1]}",
                "block_id": "p",
                "type": "button",
                "value": value,
                "action_ts": action_ts,
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)})


async def test_the_poll_message_carries_one_button_per_film(club: FilmClub) -> None:
    poll_id = open_poll(club)
    shown = club.run_line(
        f"/poll show poll:{poll_id}", CommandContext(platform="slack", server_id="T1", channel_id="C1", user_id="U1")
    )
    [actions] = [b for b in render(shown).blocks if b["type"] == "actions"]
    assert [e["value"] for e in actions["elements"]] == [f"{poll_id}:1", f"{poll_id}:2"]


async def test_a_press_votes_privately_and_updates_the_tallies_without_names(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    poll_id = open_poll(club)
    assert await dispatch(slack_app, press(fake_slack, f"{poll_id}:1")) == 200
    [answer] = await responses(fake_slack)
    assert answer["response_type"] == "ephemeral" and "You back Batman" in answer["text"]
    await fake_slack.wait_until(lambda: fake_slack.of("chat.update"), "the tallies' update")
    [update] = fake_slack.of("chat.update")
    assert update["ts"] == "1700000000.000100" and update["channel"] == "C1"
    assert "1. Batman — 1 vote" in update["text"] and "U1" not in json.dumps(update)


async def test_the_same_press_delivered_twice_counts_once(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    poll_id = open_poll(club)
    body = press(fake_slack, f"{poll_id}:2", action_ts="9.9")
    await dispatch(slack_app, body)
    await dispatch(slack_app, body)
    second = (await responses(fake_slack, 2))[1]
    assert "already counted" in second["text"]
    assert sum(PollStore(club.engine).tally(poll_id).values()) == 1


async def test_another_workspaces_press_changes_nothing(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    poll_id = open_poll(club)
    await dispatch(slack_app, press(fake_slack, f"{poll_id}:1", team="T2"))
    [answer] = await responses(fake_slack)
    assert f"There is no poll #{poll_id} in this server" in answer["text"]
    assert PollStore(club.engine).tally(poll_id) == {} and not fake_slack.of("chat.update")
