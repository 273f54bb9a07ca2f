"""Channels and user groups as Slack escapes them (should_escape): stored as ids, so settings take effect."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from core.app import FilmClub
from tests.slack_adapter.conftest import dispatch, responses, slash_body
from tests.slack_adapter.fake_slack import FakeSlack


def in_channel(body: str, channel: str) -> str:
    return body.replace("channel_id=C1", f"channel_id={channel}")


async def test_a_spoiler_channel_picked_in_slack_is_stored_by_id_and_takes_effect(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    fake_slack.users["UADMIN"] = {"id": "UADMIN", "is_admin": True}
    # what Slack sends for "/club spoiler-channel #spoilers" once the manifest escapes arguments
    await dispatch(slack_app, slash_body(fake_slack, "/club", "spoiler-channel <#C0SPOILERS|spoilers>", user="UADMIN"))
    [set_reply] = await responses(fake_slack)
    assert "Spoilers show plainly in <#C0SPOILERS>" in set_reply["text"]  # shown as the channel
    assert club.clubs.is_spoiler_channel("slack:T1", "C0SPOILERS")
    await dispatch(slack_app, in_channel(slash_body(fake_slack, "/film", "plot Children of Heaven"), "C0SPOILERS"))
    plain = (await responses(fake_slack, 2))[1]
    assert "reveal_spoiler" not in str(plain["blocks"]), "in the spoiler channel the plot shows plainly"
    await dispatch(slack_app, slash_body(fake_slack, "/film", "plot Children of Heaven"))
    hidden = (await responses(fake_slack, 3))[2]
    assert "reveal_spoiler" in str(hidden["blocks"]), "elsewhere it stays hidden"


async def test_a_channel_name_slack_did_not_escape_gets_a_clear_message_and_changes_nothing(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    fake_slack.users["UADMIN"] = {"id": "UADMIN", "is_admin": True}
    await dispatch(slack_app, slash_body(fake_slack, "/club", "spoiler-channel #spoilers", user="UADMIN"))
    [answer] = await responses(fake_slack)
    assert answer["response_type"] == "ephemeral"
    assert "I can't find a channel called “#spoilers” that I can see" in answer["text"]
    assert not club.clubs.get("slack:T1").spoiler_channels


async def test_a_user_group_picked_in_slack_is_stored_by_id(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    fake_slack.users["UADMIN"] = {"id": "UADMIN", "is_admin": True}
    fake_slack.usergroups["S0FILM"] = {"id": "S0FILM", "handle": "film-crew", "name": "Film crew", "users": ["U7"]}
    await dispatch(
        slack_app, slash_body(fake_slack, "/club", "organiser-role <!subteam^S0FILM|@film-crew>", user="UADMIN")
    )
    await responses(fake_slack)
    assert club.clubs.get("slack:T1").organiser_role == "S0FILM"
    await dispatch(slack_app, slash_body(fake_slack, "/club", "reminders off", user="U7"))
    assert "organisers" not in (await responses(fake_slack, 2))[1]["text"]
