"""The dev web server's /api proxy: shared by every browser (it must never keep a cookie), and its
answers carry each header once."""

from __future__ import annotations

import json
from typing import Any

import httpx

from devtools.simulators._server import serve_in_thread
from devtools.spa_server import SpaServer


async def _backend(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Sets a session cookie on /api/login; /api/echo answers the Cookie header it received."""
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    headers = dict(scope["headers"])
    body = json.dumps({"cookie": headers.get(b"cookie", b"").decode()}).encode()
    out = [(b"content-type", b"application/json")]
    if scope["path"] == "/api/login":
        out.append((b"set-cookie", b"session_id=secret-of-the-first-admin; Path=/; HttpOnly"))
    await send({"type": "http.response.start", "status": 200, "headers": out})
    await send({"type": "http.response.body", "body": body})


def test_a_login_through_the_proxy_does_not_sign_in_other_browsers() -> None:
    with serve_in_thread(_backend) as backend, serve_in_thread(SpaServer(None, backend)) as web:
        first = httpx.get(f"{web}/api/login")
        assert first.cookies.get("session_id") == "secret-of-the-first-admin"  # the browser gets it

        stranger = httpx.get(f"{web}/api/echo")  # another browser, no cookie of its own
        assert stranger.json() == {"cookie": ""}

        own = httpx.get(f"{web}/api/echo", headers={"cookie": "session_id=mine"})
        assert own.json() == {"cookie": "session_id=mine"}


def test_proxied_answers_carry_one_date_and_one_server_header() -> None:
    # Both run under uvicorn, which adds Date and Server to each answer (the backend's were forwarded too).
    with serve_in_thread(_backend) as backend, serve_in_thread(SpaServer(None, backend)) as web:
        direct = httpx.get(f"{backend}/api/echo")
        assert len(direct.headers.get_list("date")) == 1  # the backend sends its own

        proxied = httpx.get(f"{web}/api/echo")
        assert proxied.status_code == 200
        assert len(proxied.headers.get_list("date")) == 1, proxied.headers
        assert len(proxied.headers.get_list("server")) <= 1, proxied.headers
        assert proxied.headers["content-type"] == "application/json"
