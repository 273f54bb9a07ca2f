"""Log lines: one per event, structured (logfmt for people, JSON for log collectors), secrets masked.

Every module logs through the standard library, as discord.py, slack-bolt and APScheduler do, with
the event's facts in ``extra`` (``log.info("party step sent", extra={"party": 3})``). One structlog
formatter on the root handler turns every record, ours and theirs, into one line; a traceback stays
inside that line, escaped. Secrets are masked in every line: the configured tokens by value, and
anything shaped like a Slack or Discord token or a password in a database URL.

What may be logged: ids, command names, spoiler-safe step labels, counts and timings. Never the text
of a plot, a prompt or a member's question at INFO (tests/test_logs.py holds the scheduler to it).
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterable, MutableMapping
from typing import TYPE_CHECKING, Any, TextIO

from pydantic import SecretStr
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from core.settings import Settings

if TYPE_CHECKING:
    import structlog

MASK = "[secret]"
TOKEN_SHAPES = (
    re.compile(r"\bxox[abeoprs]-[A-Za-z0-9-]{8,}"),  # Slack bot/user tokens
    re.compile(r"\bxapp-[A-Za-z0-9-]{8,}"),  # Slack app-level tokens
    re.compile(r"\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b"),  # Discord bot tokens
    re.compile(r"\baW50ZXJhY3Rpb246[A-Za-z0-9+/_-]+=*"),  # Discord interaction tokens: base64 of "interaction:"
    re.compile(r"(?<=\bBearer )[^\s'\"]+"),  # an Authorization header's credential
)
# the token in a Discord interaction or webhook route (/interactions/<id>/<token>, /webhooks/<id>/<token>)
ROUTE_TOKEN = re.compile(r"(?<=/)(interactions|webhooks)/(\d+)/[^/\s?'\"]+")
# the path of a Slack response_url / incoming webhook: the path is the capability
SLACK_HOOK = re.compile(r"(?<=\bhooks\.slack\.com/)[^\s'\"]+")
# a value under a capability's key, in a repr or JSON (`'token': 'x'`, `"response_url": "x"`) or a query (`ticket=x`)
KEYED = re.compile(
    r"""(?P<key>['"]?\b(?:[A-Za-z_]*token|response_url|[A-Za-z_]*secret|password|ticket|webhook_url)['"]?"""
    r"""\s*(?::\s*|=))(?:(?P<q>['"])(?P<quoted>[^'"]+)(?P=q)|(?P<bare>[^\s'",&}\]]+))"""
)
URL_PASSWORD = re.compile(r"(?<=://)([^:/@\s]+):[^@\s/]+@")  # only the userinfo: never past the host's first "/"
LEARNED_MAX = 512  # capabilities seen under a key, masked wherever they show up later (a URL, another line)
QUIET = {"alembic": logging.WARNING, "apscheduler": logging.WARNING}  # per-job lines: ours say more
FIELD_ORDER = ["time", "level", "logger", "event"]


class SecretMask:
    """A structlog processor that masks secrets in every string of an event.

    Three kinds: the configured secrets by value; anything shaped like a token (Slack, Discord bot or
    interaction tokens, the token segment of an interaction or webhook route, a Slack hook's path, a
    URL's password); and any value logged under a capability's key (``token``, ``response_url``,
    ``*secret``, ``password``, ``ticket``). Values of the last kind are remembered, so the same
    capability is masked when a later line shows it elsewhere, e.g. a response_url in a request line.
    Only the secret itself is replaced: the rest of the line stays readable.
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        # the longest first, so a secret containing another is masked whole; short values would mask words
        self.secrets = sorted({s for s in secrets if len(s) >= 8}, key=len, reverse=True)
        self.learned: dict[str, None] = {}  # insertion-ordered: the oldest is forgotten first

    def mask(self, text: str) -> str:
        """Mask the known secrets, the keyed values, then anything shaped like a token or a URL's password."""
        text = KEYED.sub(self._keyed, text)
        for secret in (*self.secrets, *sorted(self.learned, key=len, reverse=True)):
            text = text.replace(secret, MASK)
        for shape in TOKEN_SHAPES:
            text = shape.sub(MASK, text)
        text = ROUTE_TOKEN.sub(rf"\1/\2/{MASK}", text)
        text = SLACK_HOOK.sub(MASK, text)
        return URL_PASSWORD.sub(rf"\1:{MASK}@", text)

    def _keyed(self, match: re.Match[str]) -> str:
        value = match.group("quoted") or match.group("bare")
        if value == MASK:
            return match.group(0)
        if len(value) >= 8:
            self.learned[value] = None
            if len(self.learned) > LEARNED_MAX:
                del self.learned[next(iter(self.learned))]
        quote = match.group("q") or ""
        return f"{match.group('key')}{quote}{MASK}{quote}"

    def __call__(self, _logger: Any, _method: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
        """Mask every value of the event: strings in place, anything else by its text if that held a secret."""
        for key, value in event.items():
            if isinstance(value, str):
                event[key] = self.mask(value)
            elif not isinstance(value, int | float | bool | type(None)):
                text = str(value)
                if (masked := self.mask(text)) != text:
                    event[key] = masked
        return event


def secrets_of(settings: Settings) -> list[str]:
    """Every secret a process holds: its ``SecretStr`` settings and the database password."""
    found = [value.get_secret_value() for value in settings.__dict__.values() if isinstance(value, SecretStr)]
    try:
        password = make_url(settings.database_url).password
    except ArgumentError:
        password = None
    return [*found, *([str(password)] if password else [])]


def formatter(settings: Settings) -> logging.Formatter:
    """The one-line formatter for the settings' format (``text``: logfmt; ``json``: one object per line)."""
    import structlog

    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer(sort_keys=False)
        if settings.log_format == "json"
        else structlog.processors.LogfmtRenderer(key_order=FIELD_ORDER, bool_as_flag=False)
    )
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[
            structlog.processors.TimeStamper(fmt="iso", utc=True, key="time"),
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.stdlib.ExtraAdder(),
        ],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            SecretMask(secrets_of(settings)),
            renderer,
        ],
    )


class FirstLineFormatter(logging.Formatter):
    """The `formatter`, built when the first line is written.

    A process that writes no line (a console lookup logs at WARNING) never imports structlog, which with
    its rich tracebacks costs 35–90 ms of a one-shot command's start.
    """

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self._settings = settings
        self._built: logging.Formatter | None = None
        self._lock = threading.Lock()

    def format(self, record: logging.LogRecord) -> str:
        """Format with the structured formatter, building it once."""
        with self._lock:
            if self._built is None:
                self._built = formatter(self._settings)
        return self._built.format(record)


def configure_logging(settings: Settings, stream: TextIO | None = None, least: int = logging.NOTSET) -> None:
    """Send every log record of the process, as one line each, to ``stream`` (standard error).

    Args:
        settings: level (``FILMCLUB_LOG_LEVEL``), format (``FILMCLUB_LOG_FORMAT``) and the secrets to mask.
        stream: where lines go.
        least: a floor above the settings' level, unless that is DEBUG (the console shares the terminal
            with its answers: a line per command would bury them).

    """
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(FirstLineFormatter(settings))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    level = logging.getLevelName(settings.log_level.upper())
    level = level if isinstance(level, int) else logging.INFO
    root.setLevel(level if level <= logging.DEBUG else max(level, least))
    for name, quiet in QUIET.items():  # FILMCLUB_LOG_LEVEL=DEBUG shows them all
        logging.getLogger(name).setLevel(root.level if root.level <= logging.DEBUG else max(quiet, root.level))
