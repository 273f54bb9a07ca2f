"""Log lines: one line per event whatever it holds, in both formats, with every secret masked."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from core.app import FilmClub
from core.commands.registry import CommandContext
from core.logs import MASK, SecretMask, configure_logging
from core.settings import Settings

DISCORD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789"
SLACK_TOKEN = "xoxb-1234-5678-abcdefghij"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
DB_PASSWORD = "hunter2-but-longer"


@pytest.fixture
def root_logging() -> Iterator[None]:
    """Put the root logger back as pytest had it."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def emit(log_format: str, level: str = "INFO") -> list[str]:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        DISCORD_TOKEN=DISCORD_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        FILMCLUB_DATABASE_URL=f"postgresql+psycopg://filmclub:{DB_PASSWORD}@db:5432/filmclub",
        FILMCLUB_LOG_FORMAT=log_format,
        FILMCLUB_LOG_LEVEL=level,
    )
    out = io.StringIO()
    configure_logging(settings, out)
    log = logging.getLogger("core.example")
    log.info("party step sent", extra={"party": 7, "label": 'part 8 of 10 — "how the race ends"'})
    log.debug("not at INFO")
    try:
        raise RuntimeError(f"refused {SLACK_TOKEN}\nsecond line")
    except RuntimeError:
        log.exception("delivery failed for %s", f"postgresql://filmclub:{DB_PASSWORD}@db/filmclub")
    logging.getLogger("discord.http").warning("sent %s and %s", DISCORD_TOKEN, SIGNING_SECRET)
    logging.getLogger("apscheduler.executors.default").info("Running job party 7")  # per-job noise: quiet
    return out.getvalue().splitlines()


@pytest.mark.usefixtures("root_logging")
def test_json_lines_are_one_object_per_event_with_their_facts() -> None:
    lines = emit("json")
    events = [json.loads(line) for line in lines]
    assert [e["event"] for e in events] == [
        "party step sent",
        f"delivery failed for postgresql://filmclub:{MASK}@db/filmclub",
        f"sent {MASK} and {MASK}",
    ]
    assert events[0]["party"] == 7 and events[0]["level"] == "info" and events[0]["logger"] == "core.example"
    assert events[0]["label"] == 'part 8 of 10 — "how the race ends"'
    assert "Traceback" in events[1]["exception"] and "second line" in events[1]["exception"]
    assert events[2]["logger"] == "discord.http" and events[2]["time"].endswith("Z")


@pytest.mark.usefixtures("root_logging")
@pytest.mark.parametrize("log_format", ["json", "text"])
def test_no_secret_reaches_a_line(log_format: str) -> None:
    text = "\n".join(emit(log_format))
    for secret in (DISCORD_TOKEN, SLACK_TOKEN, SIGNING_SECRET, DB_PASSWORD):
        assert secret not in text
    assert text.count(MASK) == 4


@pytest.mark.usefixtures("root_logging")
def test_text_lines_are_logfmt_one_line_per_event_even_with_a_traceback() -> None:
    lines = emit("text")
    assert len(lines) == 3
    assert lines[0].startswith("time=")
    assert ' level=info logger=core.example event="party step sent" party=7' in lines[0]
    assert "exception=" in lines[1] and "\\n" in lines[1]


@pytest.mark.usefixtures("root_logging")
def test_debug_shows_what_info_leaves_out() -> None:
    lines = emit("json", level="DEBUG")
    assert {"not at INFO", "Running job party 7"} <= {json.loads(line)["event"] for line in lines}


def test_each_command_is_one_event_naming_it_but_not_what_was_asked(
    club: FilmClub, caplog: pytest.LogCaptureFixture
) -> None:
    ctx = CommandContext(platform="console", server_id="local", channel_id="c", user_id="u")
    caplog.set_level(logging.INFO, logger="core.app")
    club.run_line("/film ask does the boy win the race in children of heaven", ctx)
    club.run_line("/party cancel 99", ctx)
    events = [r for r in caplog.records if r.getMessage() == "command"]
    assert [(e.command, e.club, e.outcome) for e in events] == [  # type: ignore[attr-defined]
        ("/film ask", "console:local", "answered"),
        ("/party cancel", "console:local", "refused"),
    ]
    assert all(isinstance(e.ms, float) for e in events)  # type: ignore[attr-defined]
    assert not any("win the race" in str(r.__dict__) for r in caplog.records)


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        (
            "GET http://127.0.0.1:8080/api/v10/users/@me with None",
            "GET http://127.0.0.1:8080/api/v10/users/@me with None",
        ),
        ("connect postgresql://u:pw-long-enough@db:5432/x", f"connect postgresql://u:{MASK}@db:5432/x"),
        ("{'type': 2, 'token': 'abc.def/ghi', 'version': 1}", f"{{'type': 2, 'token': '{MASK}', 'version': 1}}"),
        ('{"response_url": "https://x.example/r/1"}', f'{{"response_url": "{MASK}"}}'),
        (
            "wss://wss.slack.test/link/?ticket=9a8b7c6d5e&app_id=A1",
            f"wss://wss.slack.test/link/?ticket={MASK}&app_id=A1",
        ),
        ("POST https://d/api/v10/webhooks/11/Ab_c-68chars?wait=1", f"POST https://d/api/v10/webhooks/11/{MASK}?wait=1"),
        ("POST /api/v10/interactions/16/aGVsbG8/callback", f"POST /api/v10/interactions/16/{MASK}/callback"),
        ("POST https://hooks.slack.com/commands/T1/22/abc ok", f"POST https://hooks.slack.com/{MASK} ok"),
        ("Authorization: Bearer abc.def", f"Authorization: Bearer {MASK}"),
        ("tokens=12 party=3", "tokens=12 party=3"),
    ],
)
def test_token_shapes_and_keyed_values_are_masked_and_nothing_else(line: str, masked: str) -> None:
    assert SecretMask([]).mask(line) == masked


def test_a_capability_seen_under_its_key_is_masked_where_it_shows_up_later() -> None:
    mask = SecretMask([])
    mask.mask("{'response_url': 'http://127.0.0.1:9/respond/abcdef123'}")
    assert mask.mask("POST http://127.0.0.1:9/respond/abcdef123 200") == f"POST {MASK} 200"
