"""The core asks the platform who organises, through `Organisers`, with the club's stored role."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.app import FilmClub
from core.commands.registry import CommandContext


@dataclass
class AskedOrganisers:
    """A platform whose answer is fixed, recording every question the core asked."""

    answer: bool
    asked: list[str | None] = field(default_factory=list)

    def is_organiser(self, organiser_role: str | None) -> bool:
        self.asked.append(organiser_role)
        return self.answer


def context(organisers: AskedOrganisers) -> CommandContext:
    return CommandContext(platform="test", server_id="s", channel_id="c", user_id="u", organisers=organisers)


def test_an_organiser_command_asks_the_platform_with_the_stored_role(club: FilmClub) -> None:
    club.clubs.update("test:s", organiser_role="R1")
    yes, no = AskedOrganisers(True), AskedOrganisers(False)
    assert not club.run_line("/club reminders off", context(yes)).is_error
    assert yes.asked == ["R1"]
    refused = club.run_line("/club reminders on", context(no))
    assert refused.is_error and "Only the club's organisers" in refused.parts[0].message  # type: ignore[union-attr]


def test_a_command_that_needs_no_organiser_does_not_ask(club: FilmClub) -> None:
    platform = AskedOrganisers(False)
    assert not club.run_line("/film info Children of Heaven", context(platform)).is_error
    assert platform.asked == []


def test_a_context_built_without_the_platform_organises_nothing(club: FilmClub) -> None:
    ctx = CommandContext(platform="test", server_id="s", channel_id="c", user_id="u")
    assert club.run_line("/club reminders off", ctx).is_error
