"""Our buttons through the real slack-bolt app: signed ``block_actions``, a private answer, ``chat.update`` tallies."""

from __future__ import annotations

import json

from aiohttp import web
from slack_bolt.async_app import AsyncApp

from bots.slack.render import render
from core.app import FilmClub
from core.clubs.organisers import EVERYONE
from core.commands.registry import CommandContext
from core.polls.store import PollStore
from core.ratings.buttons import rating_actions
from core.responses import Response
from tests.slack_adapter.conftest import action_body, dispatch, responses
from tests.slack_adapter.fake_slack import FakeSlack


def open_poll(club: FilmClub, team: str = "T1") -> tuple[int, list[str]]:
    """A poll's number and the keys its vote buttons carry, as Slack would show them."""
    ctx = CommandContext(platform="slack", server_id=team, channel_id="C1", user_id="UORG", organisers=EVERYONE)
    opened = club.run_line("/poll start films:Batman; Ra.One closes:in 2 hours", ctx)
    [actions] = [b for b in render(opened).blocks if b["type"] == "actions"]
    poll_id = int(opened.plain_text().split("#", 1)[1].split(":", 1)[0])
    return poll_id, [e["value"] for e in actions["elements"]]


def press(fake: FakeSlack, value: str, team: str = "T1", action_ts: str = "1.1") -> str:
    return action_body(fake, value, action_id="filmclub_action_0", team=team, action_ts=action_ts)


async def test_the_poll_message_carries_one_button_per_film(club: FilmClub) -> None:
    _, keys = open_poll(club)
    assert len(keys) == 2 and len(set(keys)) == 2 and all(len(k) == 20 for k in keys)


async def test_a_press_votes_privately_and_updates_the_tallies_without_names(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    _, keys = open_poll(club)
    assert await dispatch(slack_app, press(fake_slack, keys[0])) == 200
    [answer] = await responses(fake_slack)
    assert answer["response_type"] == "ephemeral" and "You back Batman" in answer["text"]
    await fake_slack.wait_until(lambda: fake_slack.of("chat.update"), "the tallies' update")
    [update] = fake_slack.of("chat.update")
    assert update["ts"] == "1700000000.000100" and update["channel"] == "C1"
    assert "1. Batman — 1 vote" in update["text"] and "U1" not in json.dumps(update)
    assert [b["elements"][0]["value"] for b in update["blocks"] if b["type"] == "actions"] == [keys[0]]


async def test_the_same_press_delivered_twice_counts_once(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    poll_id, keys = open_poll(club)
    body = press(fake_slack, keys[1], action_ts="9.9")
    await dispatch(slack_app, body)
    await dispatch(slack_app, body)
    said = [r["text"] for r in await responses(fake_slack, 2)]  # the two listeners run side by side: either order
    assert sum("already counted" in t for t in said) == 1
    assert sum(PollStore(club.engine).tally(poll_id).values()) == 1


async def test_another_workspaces_press_changes_nothing(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    poll_id, keys = open_poll(club)
    await dispatch(slack_app, press(fake_slack, keys[0], team="T2"))
    [answer] = await responses(fake_slack)
    assert answer["response_type"] == "ephemeral" and "That button no longer works" in answer["text"]
    assert PollStore(club.engine).tally(poll_id) == {} and not fake_slack.of("chat.update")


async def test_a_rating_button_rates_for_the_presser_alone(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    film = club.library.get_film(club.titles.resolve("Batman").film_id or 0)
    assert film is not None
    message = render(club.actions.remember("slack:T1", Response(parts=[rating_actions(film)])))
    [*_, stars] = [b for b in message.blocks if b["type"] == "actions"]
    await dispatch(slack_app, press(fake_slack, stars["elements"][8]["value"]))
    [answer] = await responses(fake_slack)
    assert answer["response_type"] == "ephemeral" and "You rated Batman (1989) ★★★★½" in answer["text"]


async def test_a_message_slack_will_not_update_is_replaced_through_the_press_response_url(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    fake_slack.overrides["chat.update"] = [lambda _: web.json_response({"ok": False, "error": "cant_update_message"})]
    _, keys = open_poll(club)
    await dispatch(slack_app, press(fake_slack, keys[0]))
    private, replaced = await responses(fake_slack, 2)
    assert private["response_type"] == "ephemeral" and "You back Batman" in private["text"]
    assert replaced["replace_original"] is True and "1. Batman — 1 vote" in replaced["text"]
