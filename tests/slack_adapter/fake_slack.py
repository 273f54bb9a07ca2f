"""A loopback fake of Slack's Web API, of response_url and of a Socket Mode websocket, recording what arrives."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from aiohttp import WSMsgType, web

from tests.crash import Hold

Reply = Callable[[dict[str, Any]], web.Response]

APP_TOKEN_METHODS = {"apps.connections.open"}  # methods that take an app-level token (xapp-) and no other
EITHER_TOKEN_METHODS = {"auth.test"}


class FakeSlack:
    """Answers Web API methods (overridable per method) and records every request."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.overrides: dict[str, list[Reply]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.usergroups: dict[str, dict[str, Any]] = {}  # by id: id, handle, name, users
        self.url = ""
        self.socket: web.WebSocketResponse | None = None  # the Socket Mode connection, once the app opened it
        self.socket_messages: list[dict[str, Any]] = []  # what the app sent over it (envelope acks)
        self.socket_close_code: int | None = None  # 1000 once the app closed the websocket cleanly
        self.tokens: list[tuple[str, str]] = []  # (method, bearer token) of every Web API call
        self.uploads: dict[str, dict[str, Any]] = {}  # files_upload_v2's files by id: name, bytes, title, channel
        self.messages: dict[str, list[dict[str, Any]]] = {}  # chat.postMessage's posts by channel, oldest first
        self.clock: Callable[[], float] = time.time  # when a post is made, as Slack's ts says (tests may move it)
        self._last_ts = 0.0
        self.hold: Hold | None = None  # set by a test: the next post of a new step key is held unanswered
        self.held: set[str] = set()  # the step keys of the posts held so far
        self._changed: asyncio.Condition | None = None
        self._envelopes = itertools.count(1)
        self._runner: web.AppRunner | None = None

    async def start(self) -> FakeSlack:
        self._changed = asyncio.Condition()
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{token}", self._respond)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/link", self._socket_mode)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def of(self, name: str) -> list[dict[str, Any]]:
        return [body for method, body in self.calls if method == name]

    async def wait_until(self, condition: Callable[[], Any], what: str, timeout: float = 30.0) -> None:
        """Wait, without polling, until ``condition()`` holds after something arrived (``what`` names it on failure)."""
        assert self._changed is not None, "the fake is not started"
        try:
            async with asyncio.timeout(timeout), self._changed:
                await self._changed.wait_for(condition)
        except TimeoutError:
            raise AssertionError(f"waited {timeout} s for {what}; calls so far: {[m for m, _ in self.calls]}") from None

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    def _token_error(self, method: str, request: web.Request) -> str | None:
        """What Slack says to a call made without a token, or with the wrong kind (app-level vs bot)."""
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        self.tokens.append((method, token))
        if not token:
            return "not_authed"
        if method in EITHER_TOKEN_METHODS or token.startswith("xapp-") == (method in APP_TOKEN_METHODS):
            return None
        return "not_allowed_token_type"

    async def _body(self, request: web.Request) -> dict[str, Any]:
        if request.method == "GET":
            return dict(request.query)
        raw = await request.text()
        if request.content_type == "application/json":
            return dict(request.query) | dict(json.loads(raw or "{}"))
        return dict(request.query) | {k: v[0] for k, v in parse_qs(raw).items()}  # slack_sdk's params= is a query

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await self._body(request)
        self.calls.append((method, body))
        await self._notify()
        if error := self._token_error(method, request):
            return web.json_response({"ok": False, "error": error})
        if self.hold is not None and method == "chat.postMessage" and self._is_new_step(body):
            hold, self.hold = self.hold, None
            self.held.add(str(step_key(body)))
            if hold.accept:
                self._post(body)
            hold.reached.set()
            await hold.release.wait()
            return web.json_response({"ok": False, "error": "fatal_error"})
        if self.overrides.get(method):
            return self.overrides[method].pop(0)(body)
        payload: dict[str, Any] = {"ok": True}
        if method == "auth.test":
            payload |= {"team_id": "T1", "user_id": "UBOT", "bot_id": "B1"}
        elif method == "users.info":
            payload["user"] = self.users.get(body.get("user", ""), {"id": body.get("user"), "is_admin": False})
        elif method == "usergroups.list":
            payload["usergroups"] = [{k: v for k, v in g.items() if k != "users"} for g in self.usergroups.values()]
        elif method == "usergroups.users.list":
            if body.get("usergroup") not in self.usergroups:
                return web.json_response({"ok": False, "error": "no_such_subteam"})
            payload["users"] = self.usergroups[body["usergroup"]]["users"]
        elif method == "chat.postMessage":
            payload |= {"channel": body.get("channel"), "ts": self._post(body)}
        elif method == "conversations.history":
            payload |= self._history(body)
        elif method == "files.getUploadURLExternal":
            file_id = f"F{len(self.uploads) + 1}"
            self.uploads[file_id] = {"filename": body.get("filename"), "data": b""}
            payload |= {"upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        elif method == "files.completeUploadExternal":
            shared = json.loads(body.get("files", "[]"))
            for f in shared:
                self.uploads[f["id"]] |= {"title": f.get("title"), "channel": body.get("channel_id")}
            payload["files"] = [{"id": f["id"], "title": f.get("title")} for f in shared]
        elif method == "conversations.open":
            payload["channel"] = {"id": "D" + body.get("users", "")}
        elif method == "apps.connections.open":
            payload["url"] = self.url.replace("http", "ws", 1) + "/link"
        return web.json_response(payload)

    def _is_new_step(self, body: dict[str, Any]) -> bool:
        key = step_key(body)
        posted = {step_key(m) for m in self.messages.get(str(body.get("channel")), [])}
        return key is not None and key not in self.held and key not in posted

    def _post(self, body: dict[str, Any]) -> str:
        """Keep a posted message in its channel's history; its ``ts``, later than every earlier one."""
        self._last_ts = max(self.clock(), self._last_ts + 0.000001)
        ts = f"{self._last_ts:.6f}"
        message = {"type": "message", "ts": ts, "text": body.get("text", ""), "bot_id": "B1"}
        if body.get("metadata"):
            message["metadata"] = body["metadata"]
        self.messages.setdefault(str(body.get("channel")), []).append(message)
        return ts

    def _history(self, body: dict[str, Any]) -> dict[str, Any]:
        """``conversations.history``: newest first, from ``oldest``; metadata only with ``include_all_metadata``."""
        oldest = float(body.get("oldest") or 0)
        with_metadata = str(body.get("include_all_metadata", "")).lower() in {"1", "true"}
        found = [m for m in reversed(self.messages.get(str(body.get("channel")), [])) if float(m["ts"]) >= oldest]
        shown = [m if with_metadata else {k: v for k, v in m.items() if k != "metadata"} for m in found]
        return {"messages": shown, "has_more": False}

    async def send_envelope(self, kind: str, payload: dict[str, Any]) -> str:
        """Deliver an event over Socket Mode as Slack does (``slash_commands``, ``interactive``); its envelope id."""
        assert self.socket is not None, "the app has not opened a Socket Mode connection"
        envelope_id = f"env-{next(self._envelopes)}"
        envelope = {"envelope_id": envelope_id, "type": kind, "payload": payload, "accepts_response_payload": True}
        await self.socket.send_str(json.dumps(envelope))
        return envelope_id

    async def acked(self, envelope_id: str, timeout: float = 30.0) -> dict[str, Any]:
        """Wait for the app's acknowledgement of an envelope (Slack retries one not acked within 3 s)."""

        def ack() -> dict[str, Any] | None:
            return next((m for m in self.socket_messages if m.get("envelope_id") == envelope_id), None)

        await self.wait_until(ack, f"the ack of envelope {envelope_id}", timeout)
        return ack() or {}

    async def _socket_mode(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}, "debug_info": {}}
        await socket.send_str(json.dumps(hello))
        self.socket = socket
        await self._notify()
        async for frame in socket:
            if frame.type is WSMsgType.TEXT:
                self.socket_messages.append(json.loads(frame.data))
                await self._notify()
        self.socket_close_code = socket.close_code
        await self._notify()
        return socket

    async def _upload(self, request: web.Request) -> web.Response:
        """Step 2 of files_upload_v2: the file's bytes, posted to the URL step 1 handed out."""
        self.uploads[request.match_info["file_id"]]["data"] = await request.read()
        await self._notify()
        return web.Response(text="OK - uploaded")

    async def _respond(self, request: web.Request) -> web.Response:
        self.calls.append(("response_url", await self._body(request)))
        await self._notify()
        return web.json_response({"ok": True})


def step_key(message: dict[str, Any]) -> str | None:
    """The party step key in a message's (or a post's) metadata, if it has one."""
    payload = (message.get("metadata") or {}).get("event_payload") or {}
    return payload.get("step")


def slack_error(error: str, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    """A canned Slack error answer."""
    return lambda _body: web.json_response({"ok": False, "error": error}, status=status, headers=headers)
