"""Dev web server: the built SPA with history fallback, ``/api`` and ``/health`` proxied to the backend.

``python -m devtools.spa_server --dist ../frontend/dist --backend http://127.0.0.1:8000 --port 8080``
(from ``backend/``). It mirrors ``deploy/nginx.conf`` closely enough for local use: hashed files under
``/assets/`` are cached for a year, ``index.html`` is never cached, and every other unknown path
answers ``index.html`` so client-side routes survive a reload. Without ``--dist`` a placeholder page
stands in for the SPA. Dev tool only; production uses nginx.
"""

from __future__ import annotations

import argparse
import html
import mimetypes
from collections.abc import Iterable
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from typing import Any

import anyio
import httpx
import uvicorn

PROXIED_PREFIXES = ("/api", "/health")
# RFC 9110 §7.6.1 connection-specific headers, never forwarded by a proxy.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
# The server in front sets these itself (uvicorn adds Date), as nginx does by default
# (proxy_hide_header): forwarding the backend's too sent the Date header twice.
OWN_RESPONSE_HEADERS = frozenset({"date", "server"})
IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"

PLACEHOLDER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Playlist Service</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Playlist Service</h1>
<p>The admin SPA is not built ({reason}). The API is running:
<a href="/api/schema">/api/schema</a> (OpenAPI), <a href="/health/ready">/health/ready</a>.</p>
<p>Build it with <code>cd frontend &amp;&amp; npm run build</code>, or run <code>make run</code>.</p>
</body></html>
"""

Headers = list[tuple[bytes, bytes]]


def _no_cookie_jar() -> CookieJar:
    """A jar that never stores nor sends a cookie: the proxy is shared by every browser, so a session
    cookie it kept from one admin's login would be sent on everybody else's requests."""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


class SpaServer:
    def __init__(self, dist: Path | None, backend: str, *, placeholder_reason: str = "no frontend/dist") -> None:
        self.dist = dist.resolve() if dist is not None else None
        self.backend = backend.rstrip("/")
        self.placeholder = PLACEHOLDER.format(reason=html.escape(placeholder_reason)).encode()
        self.client: httpx.AsyncClient | None = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        path: str = scope["path"]
        if any(path == prefix or path.startswith(prefix + "/") for prefix in PROXIED_PREFIXES):
            await self._proxy(scope, receive, send)
        else:
            await self._static(scope, send)

    async def _lifespan(self, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.client = httpx.AsyncClient(
                    timeout=httpx.Timeout(60.0, connect=5.0), cookies=_no_cookie_jar(), follow_redirects=False
                )
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self.client is not None:
                    await self.client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _proxy(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        assert self.client is not None
        body = bytearray()
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        headers = [(k, v) for k, v in headers if k.lower() not in HOP_BY_HOP and k.lower() != "content-length"]
        host = next((v for k, v in headers if k.lower() == "host"), "")
        client_ip = scope["client"][0] if scope.get("client") else ""
        # Replaced, never appended to, as deploy/nginx.conf does: the backend must not believe
        # an address the client wrote itself.
        forwarding = {"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-real-ip"}
        headers = [(k, v) for k, v in headers if k.lower() not in forwarding]
        headers += [
            ("x-forwarded-for", client_ip),
            ("x-forwarded-proto", scope.get("scheme", "http")),
            ("x-forwarded-host", host),
            ("x-real-ip", client_ip),
        ]
        url = self.backend + scope["raw_path"].decode("latin-1")
        if scope.get("query_string"):
            url += "?" + scope["query_string"].decode("latin-1")
        request = self.client.build_request(scope["method"], url, headers=headers, content=bytes(body))
        try:
            response = await self.client.send(request, stream=True)
        except httpx.HTTPError as exc:
            message = f'{{"success":false,"error":{{"code":"BAD_GATEWAY","message":"backend unreachable: {exc!r}"}}}}'
            await self._respond(send, 502, [(b"content-type", b"application/json")], message.encode())
            return
        try:
            out = [
                (k.encode("latin-1"), v.encode("latin-1"))
                for k, v in response.headers.multi_items()
                if k.lower() not in HOP_BY_HOP and k.lower() not in OWN_RESPONSE_HEADERS
            ]
            await send({"type": "http.response.start", "status": response.status_code, "headers": out})
            async for chunk in response.aiter_raw():
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        finally:
            await response.aclose()

    async def _static(self, scope: dict[str, Any], send: Any) -> None:
        if scope["method"] not in {"GET", "HEAD"}:
            await self._respond(send, 405, [(b"allow", b"GET, HEAD")], b"", scope)
            return
        if self.dist is None:
            headers = [(b"content-type", b"text/html; charset=utf-8"), (b"cache-control", NO_CACHE.encode())]
            await self._respond(send, 200, headers, self.placeholder, scope)
            return
        path: str = scope["path"]
        candidate = (self.dist / path.lstrip("/")).resolve()
        inside = candidate.is_relative_to(self.dist)
        if inside and candidate.is_file():
            await self._file(send, candidate, scope)
        elif path.startswith("/assets/"):
            # A missing hashed asset is a real 404, not a page of the app.
            await self._respond(send, 404, [(b"content-type", b"text/plain")], b"Not found", scope)
        else:
            await self._file(send, self.dist / "index.html", scope)

    async def _file(self, send: Any, path: Path, scope: dict[str, Any]) -> None:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in {"application/javascript", "application/json"}:
            kind += "; charset=utf-8"
        relative = path.relative_to(self.dist) if self.dist else path
        cache = IMMUTABLE if relative.parts[:1] == ("assets",) else NO_CACHE
        headers = [(b"content-type", kind.encode()), (b"cache-control", cache.encode())]
        await self._respond(send, 200, headers, await anyio.Path(path).read_bytes(), scope)

    @staticmethod
    async def _respond(
        send: Any, status: int, headers: Iterable[tuple[bytes, bytes]], body: bytes, scope: dict[str, Any] | None = None
    ) -> None:
        all_headers = [*headers, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": all_headers})
        head = scope is not None and scope.get("method") == "HEAD"
        await send({"type": "http.response.body", "body": b"" if head else body})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m devtools.spa_server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--backend", default="http://127.0.0.1:8000", help="base URL of the API server")
    parser.add_argument("--dist", type=Path, default=None, help="the built SPA (frontend/dist)")
    args = parser.parse_args(argv)
    dist = args.dist if args.dist is not None and (args.dist / "index.html").is_file() else None
    reason = "no frontend/dist" if args.dist is None else f"{args.dist}/index.html is missing"
    app = SpaServer(dist, args.backend, placeholder_reason=reason)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", server_header=False, proxy_headers=False)


if __name__ == "__main__":
    main()
