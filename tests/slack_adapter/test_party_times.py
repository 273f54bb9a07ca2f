"""Slack shows party times with ``<!date^…>`` (each member's zone) and the club's local time as fallback text."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from tests.party_times import WHEN, ZONE, assert_local, tomorrow_at_eight
from tests.slack_adapter.conftest import dispatch, responses, slash_body
from tests.slack_adapter.fake_slack import FakeSlack
from tests.slack_adapter.test_commands import everything

ADMIN = "UADMIN"


async def test_every_party_time_is_a_slack_date_with_a_local_fallback(
    slack_app: AsyncApp, fake_slack: FakeSlack
) -> None:
    fake_slack.users[ADMIN] = {"id": ADMIN, "is_admin": True}
    lines = [f"timezone {ZONE}", f"start film:Children of Heaven when:{WHEN}", "list", "plan 1"]
    for n, (command, text) in enumerate(zip(["/club", "/party", "/party", "/party"], lines, strict=True), 1):
        await dispatch(slack_app, slash_body(fake_slack, command, text, user=ADMIN))
        await responses(fake_slack, n)
    _zone, started, listed, planned = (everything(a) for a in fake_slack.of("response_url"))
    at = tomorrow_at_eight()
    date = f"<!date^{int(at.timestamp())}^"
    fallback = f"|{at:%a %-d %b %Y} 20:00 ({ZONE})>"
    for shown in (started, listed, planned):
        assert date in shown and fallback in shown
        assert_local(shown)
    assert f"{at:%-d %b} 20:00" in planned
