"""The deployment files: docker-compose.yml against the Compose Specification, and what it must run.

``docker compose config`` is the authority, and ``.ci/run`` runs it where a compose plugin exists;
this test holds the file to the specification's JSON schema (vendored: compose-spec.json, from
github.com/compose-spec/compose-spec, schema/compose-spec.json at 170098b, Apache-2.0) on every machine,
and checks what the schema cannot: the shard processes cover every shard once, no profile runs the
Discord bot twice, every bot reaches the database, and ``.env.example`` documents every setting.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from core.parties.shards import ShardSet
from core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).with_name("compose-spec.json")
DEFAULTED = re.compile(r"\$\{(\w+):-([^}]*)\}")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    """The compose file with ``${VAR:-default}`` read as its default, as compose does with no such variable."""
    text = DEFAULTED.sub(lambda m: m.group(2), (ROOT / "docker-compose.yml").read_text())
    assert "${" not in text, "every variable in docker-compose.yml needs a default"
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def test_the_compose_file_follows_the_compose_specification(compose: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text())
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(compose), key=str)
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors)


def test_postgres_keeps_its_data_and_says_when_it_is_ready(compose: dict[str, Any]) -> None:
    postgres = compose["services"]["postgres"]
    assert postgres["image"].startswith("postgres:") and "profiles" not in postgres  # always runs
    assert any(v.startswith("pgdata:") for v in postgres["volumes"]) and "pgdata" in compose["volumes"]
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])


def test_every_bot_runs_from_the_one_image_on_the_shared_database(compose: dict[str, Any]) -> None:
    bots = {name: s for name, s in compose["services"].items() if name != "postgres"}
    assert set(bots) == {"discord", "slack", "discord-shard-0", "discord-shard-1", "calendar"}
    for name, service in bots.items():
        assert service["build"] == "." and service["image"] == "filmclub:latest", name
        assert service["environment"]["FILMCLUB_DATABASE_URL"].endswith("@postgres:5432/filmclub"), name
        assert service["environment"]["FILMCLUB_LOG_FORMAT"] == "json", name
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy", name
        assert service["stop_signal"] == "SIGTERM" and service["profiles"], name
        module = service["command"][2]
        assert (ROOT / module.replace(".", "/") / "__main__.py").exists(), name


def test_the_shard_profile_covers_every_shard_once_and_never_runs_beside_the_single_bot(
    compose: dict[str, Any],
) -> None:
    services = compose["services"]
    shards = {name: s for name, s in services.items() if name.startswith("discord-shard-")}
    sets = [
        ShardSet.parse(int(s["environment"]["DISCORD_SHARD_COUNT"]), s["environment"]["DISCORD_SHARD_IDS"])
        for s in shards.values()
    ]
    assert len({s.count for s in sets}) == 1
    served = sorted(i for s in sets for i in s.ids)
    assert served == list(range(sets[0].count))
    for shard in shards.values():
        assert shard["profiles"] == ["discord-shards"]
        assert shard["command"] == services["discord"]["command"]
    assert "discord-shards" not in services["discord"]["profiles"]


def test_env_example_documents_every_setting_and_picks_the_profiles() -> None:
    example = (ROOT / ".env.example").read_text()
    named = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    settings = {field.alias for field in Settings.model_fields.values() if field.alias}
    assert settings <= named, f"not in .env.example: {sorted(settings - named)}"
    assert re.search(r"^COMPOSE_PROFILES=discord,slack$", example, re.MULTILINE)
    assert "POSTGRES_PASSWORD" in named


def test_the_calendar_server_publishes_its_port(compose: dict[str, Any]) -> None:
    calendar = compose["services"]["calendar"]
    assert calendar["command"] == ["python", "-m", "bots.web"] and calendar["profiles"] == ["calendar"]
    assert calendar["ports"] == ["8080:8080"]


def test_the_slack_http_port_is_published(compose: dict[str, Any]) -> None:
    assert compose["services"]["slack"]["ports"] == ["3000:3000"]


def test_an_unconfigured_bot_is_not_restarted_in_a_loop(compose: dict[str, Any]) -> None:
    # the bots exit 0 when their token is empty (tests/*_adapter/test_process.py): on-failure leaves them stopped
    for name in ("discord", "slack", "discord-shard-0", "discord-shard-1"):
        assert compose["services"][name]["restart"] == "on-failure", name
