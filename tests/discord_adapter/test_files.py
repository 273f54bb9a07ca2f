"""Answer files through discord.py's multipart upload to the fake: the year card attached, the calendar private."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from bots.discord.app import FilmClubBot
from bots.discord.render import render
from core.responses import FilePart, Response, TextPart
from tests.conftest import store_party
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.harness import invoke

EPHEMERAL = 64


async def _run(bot: FilmClubBot, name: str, values: dict[str, object]) -> None:
    command = bot.club.registry.get("club", name)
    assert command is not None
    await invoke(bot, payloads.interaction(command, values))


def test_files_ride_on_the_last_message() -> None:
    png = FilePart(filename="a.png", media_type="image/png", data=b"\x89PNG")
    messages = render(Response(parts=[TextPart(text="Here it is"), png]))
    assert [m.content for m in messages] == ["Here it is"]
    assert messages[-1].files == [png]


async def test_the_calendar_is_attached_to_a_private_reply(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    await _run(bot, "calendar", {})
    [call] = [c for c in fake_discord.sent("POST", r"/interactions/\d+/[^/]+/callback")]
    assert call.body["data"]["flags"] & EPHEMERAL
    assert call.body["data"]["attachments"][0]["filename"] == "film-club.ics"
    [(name, data)] = fake_discord.files
    assert name == "film-club.ics"
    assert str(Calendar.from_ical(data)["PRODID"]).startswith("-//filmclub")


async def test_an_empty_year_says_so_without_a_file(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    await _run(bot, "year", {"year": 1999})
    assert not fake_discord.files
    [call] = [c for c in fake_discord.sent("POST", r"/interactions/\d+/[^/]+/callback")]
    assert "neither watched nor rated" in call.body["data"]["content"]


async def test_the_year_card_is_attached_to_the_public_reply(bot: FilmClubBot, fake_discord: FakeDiscord) -> None:
    store_party(bot.club, f"discord:{payloads.GUILD_ID}", "Batman", datetime.now(UTC) - timedelta(days=1))
    await _run(bot, "year", {})
    [call] = [c for c in fake_discord.sent("POST", r"/interactions/\d+/[^/]+/callback")]
    assert not call.body["data"].get("flags", 0) & EPHEMERAL
    assert "in review" in call.body["data"]["content"]
    [(name, data)] = fake_discord.files
    assert name == f"club-year-{datetime.now(UTC).year}.png" and data.startswith(b"\x89PNG")
