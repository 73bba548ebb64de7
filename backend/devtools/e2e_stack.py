"""The whole product on loopback ports for the browser end-to-end tests (``frontend/e2e``).

``python -m devtools.e2e_stack --dist ../frontend/dist`` (run from ``backend/``) starts a throwaway
embedded PostgreSQL migrated to head, an admin, the Flussonic and Auth Service simulators, and the
backend; the backend and the built SPA are served from one origin (``/api`` and ``/health`` go to the
app, every other path is a file from ``--dist`` or ``index.html``), as nginx does in production.

When everything is up it prints one line ``E2E_STACK {json}`` with ``url``, ``flussonic_url``, ``flussonic_api_key``,
``auth_service_url``, ``username`` and ``password``, then runs until SIGTERM/SIGINT or until its
stdin closes (so a crashed test runner cannot leave a PostgreSQL behind). Dev tool only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import mimetypes
import os
import shutil
import signal
import sys
import tempfile
import threading
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

BACKEND = Path(__file__).resolve().parents[1]
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "e2e-admin-password"  # a throwaway database on loopback
FLUSSONIC_KEY = "e2e-flussonic-key"
AUTH_SERVICE_KEY = "e2e-auth-service-key"
API_PREFIXES = ("/api/", "/health/", "/schema")

Scope = dict[str, Any]


class SpaWithApi:
    """One ASGI origin: API paths go to ``api``; anything else is a static file or ``index.html``."""

    def __init__(self, api: Any, dist: Path) -> None:
        self.api = api
        self.dist = dist.resolve()

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(API_PREFIXES) or path in {"/api", "/health"}:
            await self.api(scope, receive, send)
            return
        target = (self.dist / path.lstrip("/")).resolve()
        if not target.is_file() or self.dist not in target.parents:
            target = self.dist / "index.html"
        body = target.read_bytes()
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith("javascript"):
            content_type += "; charset=utf-8"
        cache = "no-cache" if target.name == "index.html" else "public, max-age=31536000, immutable"
        headers = [
            (b"content-type", content_type.encode()),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", cache.encode()),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope.get("method") == "HEAD" else body})


async def _create_admin(url: str) -> None:
    from playlist_service.admins.service import create_or_reset_admin
    from playlist_service.errors import NotFoundError

    engine = create_async_engine(url)
    try:
        async with async_sessionmaker(engine, expire_on_commit=False)() as db:
            try:  # the database is fresh, but a re-used one keeps the admin: then set the password again
                await create_or_reset_admin(db, ADMIN_USERNAME, ADMIN_PASSWORD, reset=True)
            except NotFoundError:
                await create_or_reset_admin(db, ADMIN_USERNAME, ADMIN_PASSWORD, reset=False)
    finally:
        await engine.dispose()


def _migrate(url: str) -> None:
    cfg = Config(str(BACKEND / "alembic.ini"))
    cfg.set_main_option("sqlalchemy.url", url)
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    try:
        command.upgrade(cfg, "head")
    finally:
        if previous is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = previous


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.e2e_stack", description=__doc__)
    parser.add_argument("--dist", type=Path, default=BACKEND.parent / "frontend" / "dist")
    parser.add_argument("--port", type=int, default=0, help="port for the SPA + API origin (0 = any free port)")
    parser.add_argument("--operator-timezone", default="UTC")
    args = parser.parse_args(argv)
    if not (args.dist / "index.html").is_file():
        print(f"e2e_stack: {args.dist}/index.html not found; build the SPA first (npm run build)", file=sys.stderr)
        return 2

    from devtools import embedded_pg
    from devtools.simulators._server import serve_in_thread
    from devtools.simulators.auth_service.app import AuthSimState
    from devtools.simulators.auth_service.app import create_app as create_auth_sim
    from devtools.simulators.flussonic.app import SimulatorState
    from devtools.simulators.flussonic.app import create_app as create_flussonic_sim
    from playlist_service.app import create_app
    from playlist_service.settings import Settings

    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    def watch_stdin() -> None:
        try:
            while sys.stdin.buffer.read(1024):
                pass
        except (OSError, ValueError):
            pass
        stop.set()

    data_dir = Path(tempfile.mkdtemp(prefix="playlist-e2e-pg-"))
    server = embedded_pg.start(data_dir, persistent=False)
    try:
        url = embedded_pg.ensure_database(server, "playlist_e2e")
        _migrate(url)
        asyncio.run(_create_admin(url))
        with ExitStack() as stack:
            flussonic_url = stack.enter_context(
                serve_in_thread(create_flussonic_sim(SimulatorState(token=FLUSSONIC_KEY)))
            )
            auth_url = stack.enter_context(serve_in_thread(create_auth_sim(AuthSimState(api_key=AUTH_SERVICE_KEY))))
            settings = Settings.from_env(
                {
                    "DATABASE_URL": url,
                    "SECRET_KEY": "e2e-secret-key-0123456789abcdef",
                    "FLUSSONIC_URL": flussonic_url,
                    "FLUSSONIC_API_KEY": FLUSSONIC_KEY,
                    "FLUSSONIC_TIMEOUT": "5",
                    "AUTH_SERVICE_URL": auth_url,
                    "AUTH_SERVICE_API_KEY": AUTH_SERVICE_KEY,
                    "AUTH_SYNC_INTERVAL": "0.5",
                    "OPERATOR_TIMEZONE": args.operator_timezone,
                    "LOG_LEVEL": "warning",
                }
            )
            site_url = stack.enter_context(serve_in_thread(SpaWithApi(create_app(settings), args.dist), port=args.port))
            info = {
                "url": site_url,
                "flussonic_url": flussonic_url,
                "flussonic_api_key": FLUSSONIC_KEY,
                "auth_service_url": auth_url,
                "username": ADMIN_USERNAME,
                "password": ADMIN_PASSWORD,
            }
            print("E2E_STACK " + json.dumps(info), flush=True)
            threading.Thread(target=watch_stdin, daemon=True).start()
            while not stop.wait(0.5):
                pass
            print("e2e_stack: stopping", file=sys.stderr, flush=True)
    finally:
        server.cleanup()
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
