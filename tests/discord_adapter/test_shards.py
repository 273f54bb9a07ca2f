"""Two ``python -m bots.discord`` shard processes on one database: each delivers only its guilds' parties, once.

The processes run for real (``DISCORD_SHARD_COUNT=2``, ``DISCORD_SHARD_IDS=0`` and ``1``) against the fake
Discord, which gives each IDENTIFY only the guilds of its shard, as Discord does. They hold different
tokens, so every request the fake receives says which process sent it. The database is the test's:
PostgreSQL when ``FILMCLUB_TEST_DATABASE_URL`` is set (as in CI), else an SQLite file.
"""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import column, select, table

from bots.discord.app import guild_shard_key
from core.app import FilmClub
from core.commands import build_registry
from core.parties.plan import PlannedStep, StepKind
from core.parties.schema import parties, party_steps
from core.parties.store import NewParty, PartyStore
from core.responses import Response, TextPart
from core.settings import BUNDLED_DATA, Settings
from tests.discord_adapter import payloads
from tests.discord_adapter.fake_discord import FakeDiscord
from tests.discord_adapter.test_process import START_TIMEOUT, start_bot
from tests.parties.conftest import wait_until

COUNT = 2
STEPS = 2


def guild_on(shard: int) -> dict[str, Any]:
    """A guild whose id Discord routes to ``shard`` of `COUNT`."""
    candidates = (int(payloads.GUILD_ID) + n * (1 << 22) for n in range(COUNT))
    guild_id = str(next(g for g in candidates if guild_shard_key(g) % COUNT == shard))
    guild = payloads.guild()
    guild.update(id=guild_id, roles=[payloads.role(guild_id, "@everyone", payloads.MEMBER, 0)])
    return guild


def plan_party(store: PartyStore, film_id: int, guild_id: str, channel: str, platform: str = "discord") -> int:
    """A party with `STEPS` steps due now (the processes send them as soon as they start)."""
    now = datetime.now(UTC)
    new = NewParty(
        club_key=f"{platform}:{guild_id}",
        platform=platform,
        channel_id=channel,
        film_id=film_id,
        film_title="Children of Heaven",
        starts_at=now,
        zone="UTC",
        created_by="1",
        created_by_name="Ana",
        shard_key=guild_shard_key(int(guild_id)) if platform == "discord" else None,
    )

    def plan(party_id: int) -> list[PlannedStep]:
        return [
            PlannedStep(
                StepKind.PROMPT,
                f"step {k}",
                now + timedelta(milliseconds=100 * k),
                Response(parts=[TextPart(text=f"party {party_id} step {k}")]),
            )
            for k in range(1, STEPS + 1)
        ]

    party, _ = store.create(new, plan)
    return party.id


async def test_each_shard_process_delivers_its_own_guilds_parties_exactly_once(
    fake_discord: FakeDiscord, database_url: str, tmp_path: Path
) -> None:
    settings = Settings(_env_file=None, FILMCLUB_DATABASE_URL=database_url, FILMCLUB_DATA_DIR=BUNDLED_DATA)  # type: ignore[call-arg]
    club = FilmClub(settings)
    club.seed_bundled_films()
    film_id = club.library.title_entries()[0].film_id
    store = PartyStore(club.engine)
    guilds = [guild_on(0), guild_on(1)]
    fake_discord.guilds = guilds
    owner: dict[str, int] = {}  # channel → the shard whose process must post there
    for shard, guild in enumerate(guilds):
        for n in range(3):
            channel = f"13000000000000{shard}{n:04d}"
            plan_party(store, film_id, guild["id"], channel)
            owner[channel] = shard
    slack_party = plan_party(store, film_id, "T0123", "C0123", platform="slack")

    processes = [
        await start_bot(
            fake_discord,
            tmp_path / f"home{shard}",
            token=f"shard{shard}-token",
            FILMCLUB_DATABASE_URL=database_url,
            DISCORD_SHARD_COUNT=str(COUNT),
            DISCORD_SHARD_IDS=str(shard),
        )
        for shard in range(COUNT)
    ]
    try:
        await wait_until(lambda: len(fake_discord.shards) == COUNT, START_TIMEOUT, "both shards to identify")
        posts = lambda: fake_discord.sent("POST", r"/channels/\d+/messages")  # noqa: E731
        await wait_until(lambda: len(posts()) >= len(owner) * STEPS, START_TIMEOUT, "every step to be posted")

        # a party started from Discord is stored with its guild's shard and scheduled by that guild's process
        start = build_registry().get("party", "start")
        assert start is not None
        for shard, guild in enumerate(guilds):
            interaction = payloads.interaction(
                start, {"film": "Children of Heaven", "when": "tomorrow 8pm"}, permissions=payloads.MANAGER
            )
            interaction.update(guild_id=guild["id"], guild={"id": guild["id"], "locale": "en-US", "features": []})
            await fake_discord.dispatch("INTERACTION_CREATE", interaction, shard=shard)
        callbacks = lambda: fake_discord.sent("POST", r"/interactions/\d+/[^/]+/callback")  # noqa: E731
        await wait_until(lambda: len(callbacks()) == COUNT, START_TIMEOUT, "both /party start answers")
        await asyncio.sleep(0.5)  # time for a wrong process to post a duplicate, if one were going to

        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            _out, err = await asyncio.wait_for(process.communicate(), 15)
            assert process.returncode == 0, err.decode()
    finally:
        for process in processes:
            if process.returncode is None:
                process.kill()
            await process.wait()

    delivered = Counter((call.path.split("/")[2], call.body["content"], call.auth) for call in posts())
    assert all(times == 1 for times in delivered.values()), delivered
    assert {(channel, auth) for channel, _text, auth in delivered} == {
        (channel, f"Bot shard{shard}-token") for channel, shard in owner.items()
    }
    assert len(delivered) == len(owner) * STEPS
    syncs = fake_discord.sent("PUT", rf"/applications/{payloads.APP_ID}/commands")
    assert syncs and {call.auth for call in syncs} == {"Bot shard0-token"}  # one process syncs the commands

    with club.engine.connect() as conn:
        started = conn.execute(
            select(parties.c.club_key, parties.c.id, parties.c.shard_key).where(parties.c.status == "scheduled")
        ).all()
        slack_steps = conn.execute(select(party_steps.c.state).where(party_steps.c.party_id == slack_party)).scalars()
        assert set(slack_steps) == {"pending"}  # the Slack party is left to the Slack app
        for shard, guild in enumerate(guilds):
            [(party_id, shard_key)] = [(p, k) for club_key, p, k in started if club_key == f"discord:{guild['id']}"]
            assert shard_key % COUNT == shard
            jobs = table(f"apscheduler_jobs_discord_shard{shard}of{COUNT}", column("id"))
            assert set(conn.execute(select(jobs.c.id)).scalars()) == {f"party:{party_id}"}
    club.engine.dispose()
