"""Process settings, read from the environment or a ``.env`` file (see ``.env.example``)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

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

    discord_token: SecretStr | None = Field(default=None, alias="DISCORD_TOKEN")
    discord_guild_id: int | None = Field(default=None, alias="DISCORD_GUILD_ID")
    discord_api_url: str = Field(default="https://discord.com/api/v10", alias="DISCORD_API_URL")

    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_api_url: str = Field(default="https://slack.com/api/", alias="SLACK_API_URL")
    http_port: int = Field(default=3000, alias="FILMCLUB_HTTP_PORT")

    wiki_api_url: str = Field(default="https://en.wikipedia.org/w/api.php", alias="FILMCLUB_WIKI_API_URL")
    contact: str = Field(default="", alias="FILMCLUB_CONTACT")
