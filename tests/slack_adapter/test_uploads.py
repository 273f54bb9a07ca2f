"""Answer files through bolt and files_upload_v2 against the fake: public ones to the channel, private to a DM."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from slack_bolt.async_app import AsyncApp

from core.app import FilmClub
from tests.conftest import store_party
from tests.slack_adapter.conftest import dispatch, responses, slash_body
from tests.slack_adapter.fake_slack import FakeSlack


async def test_the_year_card_is_uploaded_to_the_channel(
    slack_app: AsyncApp, fake_slack: FakeSlack, club: FilmClub
) -> None:
    store_party(club, "slack:T1", "Children of Heaven", datetime.now(UTC) - timedelta(days=1))
    assert await dispatch(slack_app, slash_body(fake_slack, "/club", "year")) == 200
    (answer,) = await responses(fake_slack)
    assert "uploaded below" in answer["text"] or "uploaded below" in str(answer["blocks"])
    await fake_slack.wait_until(lambda: fake_slack.of("files.completeUploadExternal"), "the upload completed")
    (upload,) = fake_slack.uploads.values()
    year = datetime.now(UTC).year
    assert upload["filename"] == f"club-year-{year}.png" and upload["channel"] == "C1"
    assert upload["data"].startswith(b"\x89PNG")


async def test_the_calendar_goes_to_the_askers_direct_messages(
    slack_app: AsyncApp, fake_slack: FakeSlack, club: FilmClub
) -> None:
    assert await dispatch(slack_app, slash_body(fake_slack, "/club", "calendar", user="U7")) == 200
    (answer,) = await responses(fake_slack)
    assert answer["response_type"] == "ephemeral"
    assert "uploaded in your direct messages" in str(answer["blocks"])
    await fake_slack.wait_until(lambda: fake_slack.of("files.completeUploadExternal"), "the upload completed")
    (upload,) = fake_slack.uploads.values()
    assert upload["channel"] == "DU7" and upload["filename"] == "film-club.ics"
    assert Calendar.from_ical(upload["data"])["PRODID"]
