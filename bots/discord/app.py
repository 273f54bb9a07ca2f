"""The Discord bot: a discord.py client whose slash commands run the core's commands.

Each command is the same four steps: read the interaction → run the core command in a thread (the
core is synchronous; the event loop must keep answering heartbeats) → render → send. Discord wants
an acknowledgement within 3 s: a command that has not answered within `ACK_BUDGET` is deferred (the member
sees "thinking…") and answered when the core is done; most answer well within it, with the right visibility
from the start.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import discord
import yarl
from discord import app_commands

from bots.discord.buttons import ActionButton
from bots.discord.commands import build_groups
from bots.discord.events import mirror_party
from bots.discord.permissions import MemberOrganisers
from bots.discord.publisher import PLATFORM, DiscordPublisher
from bots.discord.render import render
from bots.discord.replies import message_kwargs, send_messages
from bots.discord.text import CHOICE_NAME_LIMIT, truncate
from core.actions.press import Pressed
from core.app import FilmClub
from core.commands.lines import Invocation
from core.commands.registry import Command, CommandContext
from core.parties.scheduler import PartyScheduler
from core.parties.store import PartyStore
from core.responses import PartyEvent, Response, error
from core.settings import Settings

log = logging.getLogger(__name__)

ACK_BUDGET = 1.5  # seconds a command may take before we defer; Discord drops interactions unanswered after 3 s
MAX_RATE_LIMIT_WAIT = 30.0  # a longer 429 wait fails the send (a party step is retried by the scheduler)
DISCORD_API = "https://discord.com/api/v10"
SORRY = "Sorry, something went wrong while answering that."


@dataclass(frozen=True)
class Caller:
    """What the core needs to know about who ran a command, read from the interaction on the event loop."""

    server_id: str
    channel_id: str
    user_id: str
    user_name: str
    organisers: MemberOrganisers
    shard_key: int | None

    @classmethod
    def of(cls, interaction: discord.Interaction) -> Caller:
        """Read the caller of an interaction."""
        user = interaction.user
        return cls(
            server_id=str(interaction.guild_id or f"dm-{user.id}"),
            channel_id=str(interaction.channel_id or ""),
            user_id=str(user.id),
            user_name=user.display_name,
            organisers=MemberOrganisers.of(interaction),
            shard_key=guild_shard_key(interaction.guild_id),
        )


def guild_shard_key(guild_id: int | None) -> int | None:
    """Discord's shard of a guild is ``(guild_id >> 22) % shard_count``: the key is the shifted id."""
    return guild_id >> 22 if guild_id else None


class FilmClubTree(app_commands.CommandTree["FilmClubBot"]):
    """The command tree; a failure anywhere still gets the member a private apology."""

    async def on_error(self, interaction: discord.Interaction, failure: app_commands.AppCommandError) -> None:
        log.error("command %s failed", interaction.command and interaction.command.qualified_name, exc_info=failure)
        said = (
            "This command changed since Discord last loaded it; try again in a minute."
            if isinstance(failure, app_commands.CommandSignatureMismatch)
            else SORRY
        )
        try:
            if interaction.response.is_done():
                await interaction.followup.send(said, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
            else:
                await interaction.response.send_message(
                    said, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
                )
        except discord.HTTPException:
            log.warning("could not tell the member that %s failed", interaction.command)


class FilmClubBot(discord.Client):
    """The film club on Discord: slash commands, film autocomplete, and the party publisher."""

    def __init__(self, club: FilmClub, settings: Settings, **options: Any) -> None:
        # The bot has no voice: discord.py's warnings about missing voice libraries are noise at every start.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        intents = discord.Intents.none()
        intents.guilds = True  # roles and channels of each server, for the organiser check
        super().__init__(
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            max_ratelimit_timeout=MAX_RATE_LIMIT_WAIT,
            **options,
        )
        self.club = club
        self.settings = settings
        self.tree = FilmClubTree(self)
        for group in build_groups(club.registry, self.answer, self.complete_film):
            self.tree.add_command(group)
        self.add_dynamic_items(ActionButton)
        self.publisher = DiscordPublisher(self)
        self.scheduler: PartyScheduler | None = None
        self.ack_budget = ACK_BUDGET

    async def prepare(self) -> None:
        """Get ready to serve, after `login`: library, gateway, commands, party delivery.

        Seeds the bundled films into an empty library and builds the title index (in a thread),
        finds the gateway when the REST API is not Discord's own, syncs the slash commands (to
        ``DISCORD_GUILD_ID`` alone when set; of several shard processes, only shard 0's does), and
        starts delivering the parties of this process's guilds.
        """
        await asyncio.to_thread(self.club.prepare)
        if self.settings.discord_api_url.rstrip("/") != DISCORD_API:
            await self._use_api_gateway()
        shards = self.settings.discord_shards()
        if shards is None or 0 in shards.ids:
            await self.sync_commands()
            log.info("commands synced")
        self.scheduler = PartyScheduler(self.club, self.publisher, shards=shards)
        self.scheduler.start()
        log.info("party scheduler started", extra={"scheduler": self.scheduler.label})

    async def sync_commands(self) -> list[app_commands.AppCommand]:
        """Send the command definitions to Discord: to the development server when one is set, else globally."""
        if self.settings.discord_guild_id:
            guild = discord.Object(id=self.settings.discord_guild_id)
            self.tree.copy_global_to(guild=guild)
            return await self.tree.sync(guild=guild)
        return await self.tree.sync()

    async def close(self) -> None:
        """Stop the party scheduler (its jobs stay stored), then disconnect."""
        if self.scheduler is not None:
            self.scheduler.shutdown()
            self.scheduler = None
        await super().close()

    # -- commands --------------------------------------------------------------------------------

    async def answer(self, interaction: discord.Interaction, command: Command, arguments: dict[str, Any]) -> None:
        """Run a core command for an interaction and send its answer.

        Args:
            interaction: the slash-command interaction.
            command: the core command it names.
            arguments: the options, by their core names, already converted (text, int, ids).

        """
        caller = Caller.of(interaction)
        invocation = Invocation(group=command.group, name=command.name, arguments=arguments)
        work = asyncio.ensure_future(asyncio.to_thread(self.run_command, command, invocation, caller))
        done, _ = await asyncio.wait({work}, timeout=self.ack_budget)
        if not done:
            await interaction.response.defer(thinking=True)
        response = await work
        await send_messages(interaction, render(response))
        if response.party_event is not None:
            await self.list_party(interaction, response.party_event)

    async def press(self, interaction: discord.Interaction, key: str) -> None:
        """A press of one of our buttons: the action runs as the presser, who alone sees the answer.

        A message that re-draws (a poll) is updated in place as the interaction's answer; the presser's own
        answer then follows privately. The interaction's id makes the same press, delivered twice, count once.
        """
        caller = Caller.of(interaction)
        pressed = await asyncio.to_thread(self.run_press, key, caller, str(interaction.id))
        answer = render(pressed.answer)  # private: a press answers the presser alone
        if pressed.redrawn is None:
            await send_messages(interaction, answer)
            return
        redrawn = message_kwargs(render(pressed.redrawn)[0])
        redrawn.setdefault("view", None)  # no buttons left (a closed poll): an edit without a view would keep them
        await interaction.response.edit_message(**redrawn)
        for message in answer:
            await interaction.followup.send(**message_kwargs(message), ephemeral=True)

    def run_press(self, key: str, caller: Caller, press_id: str) -> Pressed:
        """Run a press for a caller (in a worker thread, like a command)."""
        try:
            return self.club.press(key, self.context(caller).model_copy(update={"press_id": press_id}))
        except Exception:
            log.exception("button press failed")
            return Pressed(error(SORRY))

    async def list_party(self, interaction: discord.Interaction, event: PartyEvent) -> None:
        """Mirror a party in the server's Events, and store the new event's id with the party."""
        event_id = await mirror_party(interaction.guild, interaction.app_permissions, event)
        if event_id is not None:
            await asyncio.to_thread(PartyStore(self.club.engine).set_calendar_event, event.party_id, event_id)

    def run_command(self, command: Command, invocation: Invocation, caller: Caller) -> Response:
        """Run a command for a caller (in a worker thread: it reads the database)."""
        try:
            response = self.club.execute(invocation, self.context(caller))
            self.club.warm_titles()  # a command that changed the library rebuilds the index here, not on the loop
        except Exception:  # execute never raises by contract; a database gone away still must not go unanswered
            log.exception("command failed", extra={"command": command.path})
            return error(SORRY)
        return response

    @staticmethod
    def context(caller: Caller) -> CommandContext:
        """The core's view of a caller."""
        return CommandContext(
            platform=PLATFORM,
            server_id=caller.server_id,
            channel_id=caller.channel_id,
            user_id=caller.user_id,
            user_name=caller.user_name,
            organisers=caller.organisers,
            shard_key=caller.shard_key,
        )

    def complete_film(self, typed: str) -> list[app_commands.Choice[str]]:
        """Suggest films for what a member has typed (the title index is in memory: no thread needed)."""
        choices = []
        for entry in self.club.titles.complete(typed):
            shown = truncate(entry.display_title, CHOICE_NAME_LIMIT)
            choices.append(app_commands.Choice(name=shown, value=shown))
        return choices

    # -- start-up --------------------------------------------------------------------------------

    async def _use_api_gateway(self) -> None:
        """Connect to the gateway the configured API names: a plain Client would go to Discord's own."""
        _shards, url, _limits = await self.http.get_bot_gateway()
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        log.info("gateway found", extra={"url": url})


class ShardedFilmClubBot(FilmClubBot, discord.AutoShardedClient):
    """The bot serving ``DISCORD_SHARD_IDS`` of ``DISCORD_SHARD_COUNT`` shards, one gateway connection each."""


def make_bot(club: FilmClub, settings: Settings) -> FilmClubBot:
    """The bot for the settings: one connection, or the shards this process serves."""
    shards = settings.discord_shards()
    if shards is None:
        return FilmClubBot(club, settings)
    return ShardedFilmClubBot(club, settings, shard_count=shards.count, shard_ids=list(shards.ids))
