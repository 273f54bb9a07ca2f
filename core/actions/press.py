"""A press of a button: the stored command runs as the member who pressed, in their own club only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.actions.store import ActionStore
from core.commands.registry import CommandContext
from core.responses import Response, Visibility, error

if TYPE_CHECKING:
    from core.app import FilmClub

GONE = "That button no longer works."
GONE_HINT = "Ask again for a fresh message, or type the command."


@dataclass(frozen=True)
class Pressed:
    """The presser's own answer, and the message's new content when the button's message re-draws."""

    answer: Response
    redrawn: Response | None = None


def press(club: FilmClub, key: str, ctx: CommandContext) -> Pressed:
    """Run the action stored under ``key`` for the presser.

    Args:
        club: the core.
        key: what the platform's button carried.
        ctx: who pressed, where (``press_id`` set: the same press delivered twice counts once).

    Returns:
        The answer, for the presser alone, and, for a message with a source command (a
        poll), its fresh content. A key of another server, or none we know, changes nothing and says so.
    """
    stored = ActionStore(club.engine).find(key)
    if stored is None or stored.club_key != ctx.club_key:
        return Pressed(error(GONE, GONE_HINT))
    # a press answers the presser alone, whatever the command would say when typed (the message is everyone's)
    answer = club.execute(stored.command, ctx).model_copy(update={"visibility": Visibility.PRIVATE})
    redrawn = club.execute(stored.source, ctx) if stored.source is not None else None
    return Pressed(answer, None if redrawn is None or redrawn.is_error else redrawn)
