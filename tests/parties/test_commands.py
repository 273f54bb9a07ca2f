"""``/party`` and ``/club`` through `FilmClub.run_line`: replies, permissions, paging, one server never sees another."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from bots.console.render import render_text
from core.app import FilmClub
from core.parties.store import PartyStore, StepState
from core.responses import ListPart, SpoilerPart, TextPart, TimePart, Visibility
from tests.parties.conftest import context, party_id_of, steps_of

NOW = datetime(2026, 3, 26, 12, 0, tzinfo=UTC)  # a Thursday


def start(club: FilmClub, when: str = "friday 8pm", server: str = "guild-1", film: str = "Children of Heaven") -> int:
    response = club.run_line(f"/party start film:{film} when:{when}", context(server=server, now=NOW))
    assert not response.is_error, response.plain_text()
    return party_id_of(response)


def test_start_replies_with_the_time_as_a_time_part_and_the_plan(club: FilmClub) -> None:
    club.run_line("/club timezone Europe/London", context(now=NOW))
    response = club.run_line("/party start film:childern of haven when:friday 8pm", context(now=NOW))
    times = [p for p in response.parts if isinstance(p, TimePart)]
    assert len(times) == 1 and times[0].zone == "Europe/London"
    assert times[0].at == datetime(2026, 3, 27, 20, 0, tzinfo=UTC)
    text = response.plain_text()
    assert "Children of Heaven (1997), here" in text
    assert "2 reminders, a trivia opener, press play, 3 prompts during the film, 4 questions after it" in text
    party_id = party_id_of(response)
    assert [s.state for s in steps_of(club, party_id)] == [StepState.PENDING] * 13
    assert PartyStore(club.engine).guests(party_id) == ["Ana"]  # the organiser is on the list


def test_start_refuses_bad_times_and_unknown_films_clearly(club: FilmClub) -> None:
    ctx = context(now=datetime(2026, 3, 26, 21, 56, tzinfo=UTC))
    past = club.run_line("/party start film:Children of Heaven when:tonight 9pm", ctx)
    assert past.is_error and "already passed" in past.plain_text()
    impossible = club.run_line("/party start film:Children of Heaven when:2026-02-30 20:00", ctx)
    assert impossible.is_error and "28 days" in impossible.plain_text()
    unknown = club.run_line("/party start film:Nonexistent Film Zzz when:friday 8pm", ctx)
    assert unknown.is_error and "No film called" in unknown.plain_text()
    missing = club.run_line("/party start film:Children of Heaven", ctx)
    assert missing.is_error and "needs when" in missing.plain_text()
    assert "Traceback" not in past.plain_text() + impossible.plain_text() + unknown.plain_text()


def test_channel_defaults_to_the_prompts_channel_then_here(club: FilmClub) -> None:
    store = PartyStore(club.engine)
    here = start(club)
    assert store.get("recording:guild-1", here).channel_id == "film-night"  # type: ignore[union-attr]
    club.run_line("/club prompts-channel #watch-along", context(now=NOW))
    default = start(club)
    assert store.get("recording:guild-1", default).channel_id == "#watch-along"  # type: ignore[union-attr]
    named = party_id_of(club.run_line("/party start film:Batman when:friday 9pm channel:#elsewhere", context(now=NOW)))
    assert store.get("recording:guild-1", named).channel_id == "#elsewhere"  # type: ignore[union-attr]


def test_only_organisers_start_cancel_and_change_settings(club: FilmClub) -> None:
    member = context(organiser=False, user="u2", name="Bo", now=NOW)
    for line in ("/party start film:Batman when:friday 8pm", "/party cancel 1", "/club timezone Asia/Tehran"):
        refused = club.run_line(line, member)
        assert refused.is_error and "organisers" in refused.plain_text()
    party_id = start(club)
    assert not club.run_line(f"/party join {party_id}", member).is_error
    assert not club.run_line("/party list", member).is_error
    assert not club.run_line("/club settings", member).is_error


def test_list_is_paged_by_sql_and_sorted_by_start(club: FilmClub) -> None:
    ids = [start(club, f"2026-04-{day:02d} 20:00") for day in range(20, 8, -1)]  # 12 parties, latest first
    first = club.run_line("/party list", context(now=NOW))
    times = [p for p in first.parts if isinstance(p, TimePart)]
    assert len(times) == 10 and times[0].label.startswith(f"#{ids[-1]} ")
    assert [t.at for t in times] == sorted(t.at for t in times)
    assert "Page 1 of 2. Next: /party list page:2" in first.plain_text()
    second = club.run_line("/party list page:2", context(now=NOW))
    assert len([p for p in second.parts if isinstance(p, TimePart)]) == 2
    assert "only 2 pages" in club.run_line("/party list page:3", context(now=NOW)).plain_text()


def test_join_leave_and_plan(club: FilmClub) -> None:
    party_id = start(club)
    bo = context(organiser=False, user="u2", name="Bo", now=NOW)
    assert "You're on the list" in club.run_line(f"/party join {party_id}", bo).plain_text()
    assert "already" in club.run_line(f"/party join {party_id}", bo).plain_text()
    assert f"#{party_id} Children of Heaven · 2 coming" in club.run_line("/party list", bo).plain_text()
    assert "off the list" in club.run_line(f"/party leave {party_id}", bo).plain_text()
    assert "weren't on the list" in club.run_line(f"/party leave {party_id}", bo).plain_text()
    plan = club.run_line(f"/party plan {party_id}", bo)
    items = next(p for p in plan.parts if isinstance(p, ListPart)).items
    assert items[2].endswith("— Trivia before we start") and items[3].endswith("— Press play")
    assert "Prompt at 25 min" in items[4]
    assert not plan.has_spoilers and "Ali" not in plan.plain_text()  # labels only


def test_cancel_marks_every_pending_step_cancelled(club: FilmClub) -> None:
    party_id = start(club)
    reply = club.run_line(f"/party cancel {party_id}", context(now=NOW))
    assert "13 planned messages removed" in reply.plain_text()
    assert {s.state for s in steps_of(club, party_id)} == {StepState.CANCELLED}
    assert "No watch parties" in club.run_line("/party list", context(now=NOW)).plain_text()
    assert "is cancelled" in club.run_line(f"/party join {party_id}", context(now=NOW)).plain_text()


def test_a_server_never_sees_joins_or_cancels_another_servers_party(club: FilmClub) -> None:
    ours = start(club, server="guild-1")
    other = context(server="guild-2", user="u9", name="Eve", now=NOW)
    assert "No watch parties" in club.run_line("/party list", other).plain_text()
    for line in (f"/party join {ours}", f"/party leave {ours}", f"/party cancel {ours}", f"/party plan {ours}"):
        reply = club.run_line(line, other)
        assert reply.is_error and f"no watch party #{ours} in this server" in reply.plain_text()
    assert {s.state for s in steps_of(club, ours)} == {StepState.PENDING}
    assert PartyStore(club.engine).guests(ours) == ["Ana"]


def test_club_settings_round_trip(club: FilmClub) -> None:
    ctx = context(now=NOW)
    unknown = club.run_line("/club timezone Europe/Londn", ctx)
    assert unknown.is_error and "Did you mean Europe/London" in unknown.plain_text()
    assert "Asia/Tehran" in club.run_line("/club timezone asia/tehran", ctx).plain_text()
    assert "Reminders: 15 minutes before" in club.run_line("/club reminders off which:day-before", ctx).plain_text()
    club.run_line("/club organiser-role @everyone", ctx)
    club.run_line("/club spoiler-channel #spoilers on", ctx)
    club.run_line("/club spoiler-channel #old off", ctx)
    settings = club.clubs.get(ctx.club_key)
    assert settings.timezone == "Asia/Tehran" and settings.organiser_role == "@everyone"
    assert settings.reminder_soon and not settings.reminder_day_before
    assert settings.spoiler_channels == ("#spoilers",)
    shown = club.run_line("/club settings", ctx).plain_text()
    assert "Time zone: Asia/Tehran" in shown and "Spoiler channels: #spoilers" in shown
    assert club.clubs.get("recording:guild-2").timezone == "UTC"  # another club keeps the defaults
    assert "Parties will post where they are started" in club.run_line("/club prompts-channel none", ctx).plain_text()


def test_a_party_is_read_in_the_zone_set_when_it_was_planned(club: FilmClub) -> None:
    club.run_line("/club timezone America/New_York", context(now=NOW))
    party_id = start(club)
    club.run_line("/club timezone Europe/London", context(now=NOW))
    party = PartyStore(club.engine).get("recording:guild-1", party_id)
    assert party is not None and party.zone == "America/New_York"
    assert party.starts_at == datetime(2026, 3, 28, 0, 0, tzinfo=UTC)  # Friday 20:00 EDT


def test_list_shows_a_party_under_way_but_not_one_long_over(club: FilmClub) -> None:
    party_id = start(club)  # Friday 20:00 UTC; its follow-up keeps it scheduled until Saturday
    during = club.run_line("/party list", context(now=datetime(2026, 3, 27, 21, 0, tzinfo=UTC)))
    assert f"#{party_id} Children of Heaven" in during.plain_text()
    after = club.run_line("/party list", context(now=datetime(2026, 3, 28, 9, 0, tzinfo=UTC)))
    assert "No watch parties planned" in after.plain_text()


def unkeyed(part: BaseModel) -> dict[str, Any]:
    """A part as data, its buttons' keys left out."""
    data = part.model_dump()
    for action in data.get("actions", []):
        action["key"] = ""
    return data


def test_preview_shows_an_organiser_every_message_in_order_hidden_parts_hidden(club: FilmClub) -> None:
    party_id = start(club)
    preview = club.run_line(f"/party preview {party_id}", context(now=NOW))
    assert preview.visibility is Visibility.PRIVATE and not preview.is_error
    headers = [p.text for p in preview.parts if isinstance(p, TextPart) and p.text.startswith("— ")]
    planned = steps_of(club, party_id)
    assert len(headers) == len(planned) == 13
    assert headers[0] == "— 1. Thu 26 Mar 20:00 · Reminder: the day before —"  # the club's zone (London)
    assert headers[2] == "— 3. Fri 27 Mar 19:50 · Trivia before we start —"
    assert headers[3] == "— 4. Fri 27 Mar 20:00 · Press play —"
    assert "Prompt at 25 min" in headers[4] and "Follow-up the next day" in headers[-1]
    shown_parts = [unkeyed(p) for p in preview.parts]  # the buttons' keys are given as the answer leaves the core
    for step in planned:  # every message's own parts, in order, spoilers still spoilers
        assert all(unkeyed(part) in shown_parts for part in step.response.parts)
    hidden = [p for p in preview.parts if isinstance(p, SpoilerPart)]
    assert hidden and all(p.text not in preview.plain_text() for p in hidden)
    shown = render_text(preview, show_spoilers=True)  # the console's --spoilers
    assert all(p.text.splitlines()[0][:40] in " ".join(shown.split()) for p in hidden)
    assert "pool" not in render_text(preview) and "pool" in shown


def test_preview_is_for_organisers_of_this_server_and_open_parties(club: FilmClub) -> None:
    party_id = start(club)
    member = club.run_line(f"/party preview {party_id}", context(organiser=False, user="u2", name="Bo", now=NOW))
    assert member.is_error and "organisers" in member.plain_text()
    other = club.run_line(f"/party preview {party_id}", context(server="guild-2", now=NOW))
    assert other.is_error and f"no watch party #{party_id} in this server" in other.plain_text()
    club.run_line(f"/party cancel {party_id}", context(now=NOW))
    assert "is cancelled" in club.run_line(f"/party preview {party_id}", context(now=NOW)).plain_text()
