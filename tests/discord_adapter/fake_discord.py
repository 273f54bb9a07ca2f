"""A loopback fake of Discord: the REST routes the bot uses, and a gateway websocket.

Real discord.py sends real HTTP here; tests read what arrived (`FakeDiscord.calls`), what members see
(`FakeDiscord.posted`: a post with the ``nonce`` of an earlier one and ``enforce_nonce`` is answered
with that message, as Discord does within minutes, and makes no new one) and can make a route fail
(`fail`). Answers are JSON with exactly ``Content-Type: application/json``: discord.py
parses nothing else (aiohttp's ``json_response`` adds a charset and breaks it).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, WSMsgType, web

from tests.crash import Hold
from tests.discord_adapter import payloads

JSON = {"Content-Type": "application/json"}


@dataclass
class Call:
    """One request that reached the fake."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any
    auth: str = ""  # the Authorization header: which bot process sent it, when they hold different tokens


@dataclass
class Failure:
    """A canned error answer for matching requests, used ``times`` times."""

    method: str
    pattern: re.Pattern[str]
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    times: int


@dataclass
class FakeDiscord:
    """The fake's state: what arrived, what should fail, and the gateway's sockets."""

    calls: list[Call] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    identified: asyncio.Event = field(default_factory=asyncio.Event)
    shards: dict[int, web.WebSocketResponse] = field(default_factory=dict)  # by the shard each IDENTIFY named
    scheduled_events: dict[str, dict[str, Any]] = field(default_factory=dict)  # by id, as the bot created them
    guilds: list[dict[str, Any]] = field(default_factory=list)
    files: list[tuple[str, bytes]] = field(default_factory=list)  # attachments, as (filename, bytes)
    posted: list[dict[str, Any]] = field(default_factory=list)  # channel messages made, as members see them
    nonces: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (channel, nonce) → message
    dms: dict[str, str] = field(default_factory=dict)  # the DM channel the bot opened with each user, by user id
    hold: Hold | None = None  # set by a test: the next new channel post (a nonce never seen) is held
    held: set[str] = field(default_factory=set)  # the steps (nonces less their "-N") of the posts held so far
    base_url: str = ""
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/v10"

    def fail(
        self,
        method: str,
        path: str,
        status: int,
        times: int = 1,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Answer the next ``times`` requests matching ``method`` and the ``path`` regex with an error."""
        body = body or {"message": "fake failure", "code": 0}
        self.failures.append(Failure(method, re.compile(path), status, body, headers or {}, times))

    def sent(self, method: str, pattern: str) -> list[Call]:
        """The calls whose method and path (a regex, matched in full) match."""
        regex = re.compile(pattern)
        return [c for c in self.calls if c.method == method and regex.fullmatch(c.path)]

    async def dispatch(self, event: str, data: dict[str, Any], shard: int | None = None) -> None:
        """Send a gateway event to every connected bot, or to the connection of one shard."""
        for socket in self.sockets if shard is None else [self.shards[shard]]:
            await socket.send_str(json.dumps({"op": 0, "t": event, "s": next(self._ids), "d": data}))

    # -- HTTP ------------------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path.removeprefix("/api/v10")
        if request.content_type == "multipart/form-data":  # a message with attachments: payload_json + files[n]
            body = await self._multipart(request)
        else:
            raw = await request.read()
            body = json.loads(raw) if raw and request.content_type == "application/json" else None
        self.calls.append(
            Call(request.method, path, dict(request.query), body, request.headers.get("Authorization", ""))
        )
        if self.hold is not None and request.method == "POST" and self._is_new_post(path, body):
            hold, self.hold = self.hold, None
            self.held.add(_step_of(body["nonce"]))
            if hold.accept:
                self._post(path.split("/")[2], body or {})
            hold.reached.set()
            await hold.release.wait()
            return _json({"message": "the fake held this post", "code": 0}, 503)
        for failure in self.failures:
            if failure.times > 0 and failure.method == request.method and failure.pattern.fullmatch(path):
                failure.times -= 1
                return _json(failure.body, failure.status, failure.headers)
        return self.answer(request.method, path, body)

    async def _multipart(self, request: web.Request) -> Any:
        body: Any = None
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            assert isinstance(part, BodyPartReader)
            if part.name == "payload_json":
                body = json.loads(await part.text())
            else:
                self.files.append((part.filename or "", bytes(await part.read())))
        return body

    def answer(self, method: str, path: str, body: Any) -> web.Response:
        if method == "POST" and path == "/users/@me/channels":
            user_id = str(body["recipient_id"])
            channel_id = self.dms.setdefault(user_id, payloads.snowflake())
            return _json({"id": channel_id, "type": 1, "last_message_id": None, "recipients": [payloads.user(user_id)]})
        if path == "/users/@me":
            return _json(payloads.bot_user())
        if path == "/oauth2/applications/@me":
            return _json(payloads.application())
        if path == "/gateway/bot":
            return _json(
                {
                    "url": self.base_url.replace("http", "ws", 1) + "/gateway",
                    "shards": 1,
                    "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
                }
            )
        if method == "PUT" and re.fullmatch(r"/applications/\d+(/guilds/\d+)?/commands", path):
            return _json(
                [
                    {**c, "id": str(900 + i), "application_id": payloads.APP_ID, "version": "1"}
                    for i, c in enumerate(body)
                ]
            )
        if match := re.fullmatch(r"/guilds/(\d+)/scheduled-events(?:/(\d+))?", path):
            return self._scheduled_events(method, match.group(1), match.group(2), body)
        if match := re.fullmatch(r"/interactions/(\d+)/[^/]+/callback", path):
            return _json(self._callback(match.group(1), body))
        if method == "DELETE":
            return web.Response(status=204)
        if match := re.fullmatch(r"/channels/(\d+)/messages", path):
            return _json(self._post(match.group(1), body or {}))
        if re.fullmatch(r"/webhooks/\d+/[^/]+(/messages/@original)?", path):
            return _json(self._message(payloads.CHANNEL_ID, body))
        return _json({"message": f"the fake has no {method} {path}", "code": 0}, 404)

    def _callback(self, interaction_id: str, body: dict[str, Any]) -> dict[str, Any]:
        data = body.get("data") or {}
        interaction = {
            "id": interaction_id,
            "type": 2,
            "response_message_loading": body["type"] == 5,
            "response_message_ephemeral": bool(data.get("flags", 0) & 64),
        }
        if body["type"] not in (4, 5):
            return {"interaction": interaction}
        message = self._message(payloads.CHANNEL_ID, data)
        interaction["response_message_id"] = message["id"]
        return {"interaction": interaction, "resource": {"type": body["type"], "message": message}}

    def _scheduled_events(self, method: str, guild_id: str, event_id: str | None, body: Any) -> web.Response:
        if method == "POST":
            event = payloads.scheduled_event(payloads.snowflake(), guild_id, body)
            self.scheduled_events[event["id"]] = event
            return _json(event)
        if event_id is None:
            return _json([e for e in self.scheduled_events.values() if e["guild_id"] == guild_id])
        if event_id not in self.scheduled_events:
            return _json({"message": "Unknown Guild Scheduled Event", "code": 10070}, 404)
        if method == "DELETE":
            del self.scheduled_events[event_id]
            return web.Response(status=204)
        return _json(self.scheduled_events[event_id])

    def _is_new_post(self, path: str, body: Any) -> bool:
        match = re.fullmatch(r"/channels/(\d+)/messages", path)
        step = _step_of((body or {}).get("nonce"))
        seen = {_step_of(nonce) for channel, nonce in self.nonces if match and channel == match.group(1)}
        return match is not None and step not in self.held and step not in seen

    def _post(self, channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
        nonce = (channel_id, str(body["nonce"])) if body.get("enforce_nonce") and "nonce" in body else None
        if nonce is not None and nonce in self.nonces:
            return self.nonces[nonce]
        message = self._message(channel_id, body)
        if "nonce" in body:
            message["nonce"] = body["nonce"]
        self.posted.append(message)
        if nonce is not None:
            self.nonces[nonce] = message
        return message

    def _message(self, channel_id: str, body: dict[str, Any] | None) -> dict[str, Any]:
        return payloads.message(str(10_000 + next(self._ids)), channel_id, body or {})

    # -- gateway ---------------------------------------------------------------------------------

    async def gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.sockets.append(socket)
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 45_000}}))
        async for frame in socket:
            if frame.type is not WSMsgType.TEXT:
                break
            message = json.loads(frame.data)
            if message["op"] == 1:  # heartbeat
                await socket.send_str(json.dumps({"op": 11}))
            elif message["op"] == 2:  # identify; a sharded one names [shard id, shard count]
                shard_id, count = message["d"].get("shard") or (0, 1)
                self.shards[shard_id] = socket
                guilds = [g for g in self.guilds if (int(g["id"]) >> 22) % count == shard_id]
                ready = payloads.ready(self.base_url.replace("http", "ws", 1) + "/gateway", guilds)
                if "shard" in message["d"]:
                    ready["shard"] = [shard_id, count]
                await socket.send_str(json.dumps({"op": 0, "t": "READY", "s": next(self._ids), "d": ready}))
                for guild in guilds:
                    await socket.send_str(json.dumps({"op": 0, "t": "GUILD_CREATE", "s": next(self._ids), "d": guild}))
                self.identified.set()
        self.sockets.remove(socket)
        return socket


def _step_of(nonce: object) -> str:
    """The step a party post's nonce (``<send key>-<message number>``) belongs to."""
    return str(nonce).rsplit("-", 1)[0]


def _json(obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(status=status, body=json.dumps(obj).encode(), headers={**JSON, **(headers or {})})


async def start_fake_discord() -> tuple[FakeDiscord, web.AppRunner]:
    """Serve a fake Discord on 127.0.0.1 at a free port."""
    fake = FakeDiscord()
    app = web.Application()
    app.router.add_get("/gateway", fake.gateway)
    app.router.add_route("*", "/api/v10/{tail:.*}", fake.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    fake.base_url = f"http://127.0.0.1:{port}"
    return fake, runner
