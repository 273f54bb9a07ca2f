"""A loopback fake of Slack's Web API and of response_url, recording what arrives."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from aiohttp import web

Reply = Callable[[dict[str, Any]], web.Response]


class FakeSlack:
    """Answers Web API methods (overridable per method) and records every request."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.overrides: dict[str, list[Reply]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{token}", self._respond)
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

    async def _body(self, request: web.Request) -> dict[str, Any]:
        if request.method == "GET":
            return dict(request.query)
        raw = await request.text()
        if request.content_type == "application/json":
            return dict(json.loads(raw or "{}"))
        return {k: v[0] for k, v in parse_qs(raw).items()}

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await self._body(request)
        self.calls.append((method, body))
        if self.overrides.get(method):
            return self.overrides[method].pop(0)(body)
        payload: dict[str, Any] = {"ok": True}
        if method == "auth.test":
            payload |= {"team_id": "T1", "user_id": "UBOT", "bot_id": "B1"}
        elif method == "users.info":
            payload["user"] = self.users.get(body.get("user", ""), {"id": body.get("user"), "is_admin": False})
        elif method == "chat.postMessage":
            payload |= {"channel": body.get("channel"), "ts": "1.0"}
        return web.json_response(payload)

    async def _respond(self, request: web.Request) -> web.Response:
        self.calls.append(("response_url", await self._body(request)))
        return web.json_response({"ok": True})


def slack_error(error: str, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    """A canned Slack error answer."""
    return lambda _body: web.json_response({"ok": False, "error": error}, status=status, headers=headers)
