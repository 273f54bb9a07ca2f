"""The Slack app manifest: every command group and subcommand of the registry, and the scopes the features use."""

from __future__ import annotations

from pathlib import Path

import yaml

from core.app import FilmClub

MANIFEST = Path(__file__).resolve().parents[2] / "bots" / "slack" / "manifest.yml"


def test_every_command_group_and_subcommand_is_in_the_manifest(empty_club: FilmClub) -> None:
    commands = {c["command"]: c for c in yaml.safe_load(MANIFEST.read_text())["features"]["slash_commands"]}
    for group in empty_club.registry.groups():
        described = commands[f"/{group}"]["description"]
        missing = [
            c.name for c in empty_club.registry.in_group(group) if c.name not in described.replace(",", " ").split()
        ]
        assert not missing, f"/{group}'s description in manifest.yml lacks {missing}"


def test_the_scopes_cover_posting_uploading_and_organisers() -> None:
    scopes = set(yaml.safe_load(MANIFEST.read_text())["oauth_config"]["scopes"]["bot"])
    # prompts to an uninvited public channel, files (year in review, calendar), DMs, organiser checks
    assert {"commands", "chat:write", "chat:write.public", "files:write", "im:write", "users:read"} <= scopes
    assert "usergroups:read" in scopes
