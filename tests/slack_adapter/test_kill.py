"""kill -9 of the Slack app process in both gaps of a send, at a reminder, the start and prompts: seen once."""

from __future__ import annotations

from pathlib import Path

from core.app import FilmClub
from tests.crash import kill_run
from tests.slack_adapter.crash_target import SlackTarget
from tests.slack_adapter.fake_slack import FakeSlack


async def test_an_app_killed_in_either_gap_of_a_send_shows_every_step_once(
    fake_slack: FakeSlack, club: FilmClub, tmp_path: Path
) -> None:
    # a post Slack took before the kill is found in the channel's history by its metadata, not posted again
    tally = await kill_run(SlackTarget(fake_slack), tmp_path / "home", club, [True, False, True, False, True, False])
    assert tally.rounds == 6
    assert {"reminder", "start", "prompt"} <= set(tally.by_kind)
    assert tally.lost == [] and tally.repeated == []
    assert fake_slack.of("conversations.history")  # asked before each resend
