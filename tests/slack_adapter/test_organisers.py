"""Slack's answer to "who organises?", asked by the core only when a command needs it."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from core.app import FilmClub
from tests.slack_adapter.conftest import dispatch, responses, slash_body
from tests.slack_adapter.fake_slack import FakeSlack

CREW = {"id": "S0FILM", "handle": "film-crew", "name": "Film crew", "users": ["U7"]}


async def test_a_user_group_organiser_may_take_a_members_suggestion_off(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    """An everyone-command with an organiser's right inside: Slack is asked too (it was not, before)."""
    fake_slack.usergroups["S0FILM"] = CREW
    club.clubs.update("slack:T1", organiser_role="S0FILM")
    await dispatch(slack_app, slash_body(fake_slack, "/club", "suggest Children of Heaven", user="U1"))
    await responses(fake_slack)
    await dispatch(slack_app, slash_body(fake_slack, "/club", "unsuggest Children of Heaven", user="U7"))
    taken = (await responses(fake_slack, 2))[1]
    assert "Only" not in taken["text"]
    assert fake_slack.of("usergroups.users.list")[-1]["usergroup"] == "S0FILM"


async def test_a_plain_members_lookup_asks_slack_nothing(slack_app: AsyncApp, fake_slack: FakeSlack) -> None:
    await dispatch(slack_app, slash_body(fake_slack, "/film", "info Children of Heaven"))
    await responses(fake_slack)
    assert fake_slack.of("users.info") == []


async def test_slack_is_asked_once_per_command(slack_app: AsyncApp, fake_slack: FakeSlack) -> None:
    """/party start checks the organiser before running and again for its failure report: one users.info."""
    fake_slack.users["UADMIN"] = {"id": "UADMIN", "is_admin": True}
    await dispatch(slack_app, slash_body(fake_slack, "/party", "start film:Batman when:tomorrow 8pm", user="UADMIN"))
    [answer] = await responses(fake_slack)
    assert "Watch party #1" in answer["text"]
    assert len(fake_slack.of("users.info")) == 1


async def test_a_group_slack_does_not_know_refuses_politely(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    club.clubs.update("slack:T1", organiser_role="S0GONE")
    await dispatch(slack_app, slash_body(fake_slack, "/club", "reminders off", user="U7"))
    [answer] = await responses(fake_slack)
    assert answer["response_type"] == "ephemeral" and "Only the club's organisers" in answer["text"]


async def test_an_organiser_role_stored_as_a_handle_is_still_read(
    club: FilmClub, slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    """Settings stored before groups were kept by id hold the handle: it is looked up with usergroups.list."""
    fake_slack.usergroups["S0FILM"] = CREW
    club.clubs.update("slack:T1", organiser_role="@film-crew")
    await dispatch(slack_app, slash_body(fake_slack, "/club", "reminders off", user="U7"))
    [answer] = await responses(fake_slack)
    assert "Reminders: off" in answer["text"]
