"""Process settings, read from the environment or a ``.env`` file (see ``.env.example``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.parties.shards import ShardSet

BUNDLED_DATA = Path(__file__).resolve().parent.parent / "data" / "films"


def default_database_url() -> str:
    """An SQLite file in the user's data directory (created on first use)."""
    folder = Path(user_data_dir("filmclub", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'filmclub.sqlite3'}"


class Settings(BaseSettings):
    """Every setting of every process; secrets are ``SecretStr`` so they never reach a log."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(default_factory=default_database_url, alias="FILMCLUB_DATABASE_URL")
    timezone: str = Field(default="UTC", alias="FILMCLUB_TIMEZONE")
    data_dir: Path = Field(default=BUNDLED_DATA, alias="FILMCLUB_DATA_DIR")
    log_level: str = Field(default="INFO", alias="FILMCLUB_LOG_LEVEL")
    log_format: Literal["text", "json"] = Field(default="text", alias="FILMCLUB_LOG_FORMAT")

    discord_token: SecretStr | None = Field(default=None, alias="DISCORD_TOKEN")
    discord_guild_id: int | None = Field(default=None, alias="DISCORD_GUILD_ID")
    discord_api_url: str = Field(default="https://discord.com/api/v10", alias="DISCORD_API_URL")
    discord_shard_count: int | None = Field(default=None, ge=1, alias="DISCORD_SHARD_COUNT")
    discord_shard_ids: str | None = Field(default=None, alias="DISCORD_SHARD_IDS")

    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_api_url: str = Field(default="https://slack.com/api/", alias="SLACK_API_URL")
    http_port: int = Field(default=3000, alias="FILMCLUB_HTTP_PORT")
    public_url: str = Field(default="", alias="FILMCLUB_PUBLIC_URL")
    calendar_port: int = Field(default=8080, alias="FILMCLUB_CALENDAR_PORT")

    wiki_api_url: str = Field(default="https://en.wikipedia.org/w/api.php", alias="FILMCLUB_WIKI_API_URL")
    contact: str = Field(default="", alias="FILMCLUB_CONTACT")

    @field_validator("discord_guild_id", "discord_shard_count", "discord_shard_ids", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        """``DISCORD_SHARD_COUNT=`` in a copied ``.env`` means not set, not a bad number."""
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _shards_make_sense(self) -> Settings:
        if self.discord_shard_ids and self.discord_shard_count is None:
            raise ValueError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (how many shards there are in all)")
        self.discord_shards()  # raises ValueError for ids out of range, repeated or unreadable
        return self

    def discord_shards(self) -> ShardSet | None:
        """The Discord shards this process serves; None when the bot is not sharded."""
        if self.discord_shard_count is None:
            return None
        return ShardSet.parse(self.discord_shard_count, self.discord_shard_ids)


def load_settings() -> Settings:
    """Read the settings; a bad one ends the process with one line naming it (exit status 2)."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"]))
        said = first["msg"].removeprefix("Value error, ")
        print(f"Bad setting {where + ': ' if where else ''}{said}", file=sys.stderr)
        raise SystemExit(2) from None
