"""Every command through the real slack-bolt AsyncApp, signed, against the fake Web API."""

from __future__ import annotations

import json
import logging
import time

import pytest
from slack_bolt.async_app import AsyncApp

from core.app import FilmClub
from tests.slack_adapter.conftest import action_body, dispatch, responses, signed_headers, slash_body
from tests.slack_adapter.fake_slack import FakeSlack

HOSTILE = "<!channel> <!here> <!everyone> <@U999> <https://evil.example|bank>"


def everything(answer: dict) -> str:
    return answer.get("text", "") + json.dumps(answer.get("blocks", []), ensure_ascii=False)


async def test_film_info_answers_in_channel_with_a_block_kit_card(slack_app: AsyncApp, fake_slack: FakeSlack) -> None:
    assert await dispatch(slack_app, slash_body(fake_slack, "/film", "info Children of Heaven")) == 200
    [answer] = await responses(fake_slack)
    assert answer["response_type"] == "in_channel"
    assert answer["blocks"][0]["type"] == "header" and "Children of Heaven" in answer["blocks"][0]["text"]["text"]
    assert "Majid Majidi" in everything(answer) and "Wikipedia: Children of Heaven" in everything(answer)


@pytest.mark.parametrize("text", ["", "nonsense", "info"])
async def test_bare_or_wrong_subcommands_get_help_privately(
    slack_app: AsyncApp, fake_slack: FakeSlack, text: str
) -> None:
    await dispatch(slack_app, slash_body(fake_slack, "/film", text))
    [answer] = await responses(fake_slack)
    assert answer["response_type"] == "ephemeral"
    assert "/film info" in everything(answer) or "needs title" in everything(answer)


async def test_every_registered_command_answers(club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack) -> None:
    commands = list(club.registry)
    for command in commands:
        await dispatch(slack_app, slash_body(fake_slack, f"/{command.group}", f"{command.name} Children of Heaven"))
    answers = await responses(fake_slack, len(commands))
    assert len(answers) == len(commands)
    assert all(a.get("text") or a.get("blocks") for a in answers)


async def test_unknown_title_gets_a_private_reply(slack_app: AsyncApp, fake_slack: FakeSlack) -> None:
    await dispatch(slack_app, slash_body(fake_slack, "/film", "info Zzyzx Qwerty Plonk"))
    [answer] = await responses(fake_slack)
    assert answer["response_type"] == "ephemeral" and "No film called" in answer["text"]


@pytest.mark.parametrize("text", [f"info {HOSTILE}", f"ask who directed {HOSTILE}", f"search {HOSTILE}"])
async def test_hostile_strings_never_ping_or_fake_links(slack_app: AsyncApp, fake_slack: FakeSlack, text: str) -> None:
    await dispatch(slack_app, slash_body(fake_slack, "/film", text))
    [answer] = await responses(fake_slack)
    sent = everything(answer)
    for raw in ("<!channel>", "<!here>", "<!everyone>", "<@U999>", "<https://evil"):
        assert raw not in sent


async def test_plot_spoilers_get_a_reveal_button_answered_only_to_the_presser(
    slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    await dispatch(slack_app, slash_body(fake_slack, "/film", "plot Children of Heaven"))
    [answer] = await responses(fake_slack)
    assert "podium" not in everything(answer)
    buttons = [b["accessory"] for b in answer["blocks"] if b.get("accessory", {}).get("action_id") == "reveal_spoiler"]
    assert len(buttons) == 9
    assert await dispatch(slack_app, action_body(fake_slack, buttons[6]["value"])) == 200
    revealed = (await responses(fake_slack, 2))[1]
    assert revealed["response_type"] == "ephemeral" and revealed["replace_original"] is False
    assert "podium" in everything(revealed)


async def test_a_garbage_reveal_value_is_refused_politely(
    slack_app: AsyncApp, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="core.app"):
        await dispatch(slack_app, action_body(fake_slack, "plot:999999999999999999999:zz:1:zz"))
        [answer] = await responses(fake_slack)
    assert answer["response_type"] == "ephemeral" and "no longer available" in answer["text"]
    # the press went through the core's one way of answering: logged like every command, with the club
    [line] = [r for r in caplog.records if r.getMessage() == "command" and getattr(r, "command", "") == "reveal"]
    assert line.club == "slack:T1" and line.outcome == "refused"  # type: ignore[attr-defined]


async def test_bad_signature_and_stale_timestamp_are_401_and_run_nothing(
    slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    body = slash_body(fake_slack, "/film", "info Children of Heaven")
    assert await dispatch(slack_app, body, signed_headers(body, secret="wrong")) == 401
    assert await dispatch(slack_app, body, signed_headers(body, timestamp=int(time.time()) - 600)) == 401
    assert fake_slack.of("response_url") == []


async def test_organiser_commands_are_refused_to_members_and_allowed_to_admins(
    slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    await dispatch(slack_app, slash_body(fake_slack, "/club", "timezone Europe/Paris", user="U1"))
    [refused] = await responses(fake_slack)
    assert refused["response_type"] == "ephemeral" and "organisers" in refused["text"]
    fake_slack.users["UADMIN"] = {"id": "UADMIN", "is_admin": True}
    await dispatch(slack_app, slash_body(fake_slack, "/club", "timezone Europe/Paris", user="UADMIN"))
    allowed = (await responses(fake_slack, 2))[1]
    assert "Europe/Paris" in allowed["text"] and "organisers" not in allowed["text"]


async def test_organisers_can_be_a_user_group(club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack) -> None:
    fake_slack.users["UADMIN"] = {"id": "UADMIN", "is_admin": True}
    await dispatch(slack_app, slash_body(fake_slack, "/club", "organiser-role S0FILM", user="UADMIN"))
    await responses(fake_slack)
    fake_slack.usergroups["S0FILM"] = {"id": "S0FILM", "handle": "film-crew", "name": "Film crew", "users": ["U7"]}
    await dispatch(slack_app, slash_body(fake_slack, "/club", "reminders off", user="U7"))
    answer = (await responses(fake_slack, 2))[1]
    assert "organisers" not in answer["text"]
    assert fake_slack.of("usergroups.users.list")[0]["usergroup"] == "S0FILM"


async def test_trivia_shows_its_choices_reveals_an_answer_to_the_presser_and_judges_a_pick_privately(
    slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    await dispatch(slack_app, slash_body(fake_slack, "/film", "trivia Batman"))
    [answer] = await responses(fake_slack)
    assert "In what year did Batman first come out?" in everything(answer) and "4. 1989" in everything(answer)
    assert "411.3" not in everything(answer)  # the answers stay hidden
    buttons = [b["accessory"] for b in answer["blocks"] if b.get("accessory", {}).get("action_id") == "reveal_spoiler"]
    assert len(buttons) == 3
    assert await dispatch(slack_app, action_body(fake_slack, buttons[1]["value"])) == 200
    revealed = (await responses(fake_slack, 2))[1]
    assert revealed["response_type"] == "ephemeral" and "$411.3 million" in everything(revealed)
    await dispatch(slack_app, slash_body(fake_slack, "/film", "trivia Batman question:3 answer:4"))
    judged = (await responses(fake_slack, 3))[2]
    assert judged["response_type"] == "ephemeral" and "Right! Question 3: 1989." in everything(judged)
