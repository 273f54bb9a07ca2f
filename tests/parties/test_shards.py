"""Shard sets: reading them from settings, and a sharded scheduler delivering only its own shards' parties.

The two-process test (real Discord shard processes on one database) is tests/discord_adapter/test_shards.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import insert, select

from core.app import FilmClub
from core.parties.schema import parties
from core.parties.shards import ShardSet
from core.parties.store import StepState
from core.settings import Settings, load_settings
from tests.parties.conftest import PLATFORM, RecordingPublisher, context, party_id_of, party_row, steps_of
from tests.parties.test_scheduler import Schedulers


def test_shard_ids_are_read_as_lists_and_ranges() -> None:
    assert ShardSet.parse(4, "0, 2").ids == (0, 2)
    assert ShardSet.parse(4, "3,0-1").ids == (0, 1, 3)
    assert ShardSet.parse(3, None).ids == (0, 1, 2)  # a count alone: every shard in this process
    assert ShardSet.parse(3, " ").ids == (0, 1, 2)


@pytest.mark.parametrize(
    ("count", "ids", "said"),
    [
        ("2", "2", "from 0 to 1"),
        ("2", "0,0", "repeat"),
        ("2", "one", "not a shard id"),
        ("2", "1-", "not a shard id"),
        (None, "1", "needs DISCORD_SHARD_COUNT"),
        ("0", None, "greater than or equal to 1"),
    ],
)
def test_wrong_shard_settings_are_refused_at_start_with_the_reason(
    count: str | None, ids: str | None, said: str
) -> None:
    given = {k: v for k, v in {"DISCORD_SHARD_COUNT": count, "DISCORD_SHARD_IDS": ids}.items() if v is not None}
    with pytest.raises(ValidationError, match=said):
        Settings(_env_file=None, **given)  # type: ignore[call-arg]


def test_blank_shard_settings_mean_one_unsharded_process() -> None:
    settings = Settings(_env_file=None, DISCORD_SHARD_COUNT="", DISCORD_SHARD_IDS="")  # type: ignore[call-arg]
    assert settings.discord_shards() is None


def test_the_database_picks_the_same_parties_as_python(club: FilmClub) -> None:
    keys = [0, 1, 2, 3, 7, 2**22 + 5, 286_326_240_417, 2**41 - 1, None]
    with club.engine.begin() as conn:
        conn.execute(insert(parties), [party_row("x:1", "discord", shard_key=key) for key in keys])
        shards = ShardSet(count=3, ids=(0, 1, 2))
        for shard in shards.ids:
            found = conn.execute(select(parties.c.shard_key).where(shards.where(parties.c.shard_key, shard)))
            assert sorted(found.scalars(), key=str) == sorted((k for k in keys if shards.shard_of(k) == shard), key=str)
    assert ShardSet(count=3, ids=(0,)).owns(None) and not ShardSet(count=3, ids=(1, 2)).owns(None)  # DMs: shard 0


def start_on(club: FilmClub, shard_key: int, at: datetime) -> int:
    ctx = context(server=f"guild-{shard_key}", now=at - timedelta(minutes=2)).model_copy(
        update={"shard_key": shard_key}
    )
    return party_id_of(club.run_line("/party start film:Children of Heaven when:in 2 minutes", ctx))


async def test_a_sharded_scheduler_schedules_and_sends_only_its_shards_parties(
    club: FilmClub, recorder: RecordingPublisher, schedulers: Schedulers
) -> None:
    at = datetime.now(UTC) + timedelta(hours=1)
    mine, theirs = start_on(club, 10, at), start_on(club, 11, at)  # shards 0 and 1 of 2
    scheduler = schedulers(shards=ShardSet(count=2, ids=(0,)))
    scheduler.start()
    with club.engine.connect() as conn:
        jobs = {
            alias: set(conn.execute(select(store.jobs_t.c.id)).scalars())
            for alias, store in scheduler.jobstores.items()
        }
    assert jobs == {"shard0": {f"party:{mine}"}}
    assert scheduler.label == f"{PLATFORM} shard 0 of 2"

    # a job left over for a party of another shard (shards re-divided) is dropped, the party untouched
    first = steps_of(club, theirs)[0]
    scheduler.clock = lambda: first.due_at
    await scheduler.advance(theirs, first.id)
    assert recorder.sent == [] and steps_of(club, theirs)[0].state is StepState.PENDING

    step = steps_of(club, mine)[0]
    scheduler.clock = lambda: step.due_at
    await scheduler.advance(mine, step.id)
    assert len(recorder.sent) == 1 and steps_of(club, mine)[0].state is StepState.SENT


@pytest.mark.parametrize(
    ("env", "said"),
    [
        ({"DISCORD_SHARD_IDS": "1"}, "Bad setting DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT"),
        ({"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "0,2"}, "Bad setting shard ids must be from 0 to 1"),
        ({"DISCORD_SHARD_COUNT": "two"}, "Bad setting DISCORD_SHARD_COUNT: Input should be a valid integer"),
    ],
)
def test_a_process_with_a_bad_shard_setting_stops_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], env: dict[str, str], said: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as stopped:
        load_settings()
    assert stopped.value.code == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(said)
