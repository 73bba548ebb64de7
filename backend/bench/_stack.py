"""Shared set-up for the subscriber benchmarks: embedded PostgreSQL migrated to head, the Auth Service
simulator and the app as separate processes (so neither steals the measuring process's GIL), and a
signed-in admin session.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

BACKEND = Path(__file__).resolve().parents[1]
AUTH_KEY = "bench-auth-key"
SECRET = "bench-secret-key-0123456789abcdef"


def migrate(url: str) -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)  # the figures, not "Running upgrade"
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


@contextlib.contextmanager
def database(name: str) -> Iterator[str]:
    """An embedded PostgreSQL with database ``name`` migrated to head; yields its asyncpg URL."""
    from devtools import embedded_pg

    data_dir = Path(tempfile.mkdtemp(prefix="playlist-bench-pg-"))
    server = embedded_pg.start(data_dir, persistent=False)
    try:
        url = embedded_pg.ensure_database(server, name)
        migrate(url)
        yield url
    finally:
        server.cleanup()
        shutil.rmtree(data_dir, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def process(args: list[str], url: str, ready_path: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run ``python args...`` until the block ends; waits for ``url + ready_path`` to answer."""
    proc = subprocess.Popen(
        [sys.executable, *args],
        cwd=BACKEND,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{args} exited with {proc.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + ready_path, timeout=1).status_code < 500:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{args} did not start")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def auth_simulator() -> contextlib.AbstractContextManager[str]:
    port = free_port()
    args = ["-m", "devtools.simulators.auth_service", "--port", str(port), "--api-key", AUTH_KEY]
    return process(args, f"http://127.0.0.1:{port}", "/health")


def app_env(database_url: str, auth_url: str, **extra: str) -> dict[str, str]:
    env = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": SECRET,
        "FLUSSONIC_URL": "http://127.0.0.1:9",
        "FLUSSONIC_API_KEY": "unused",
        "AUTH_SERVICE_URL": auth_url,
        "AUTH_SERVICE_API_KEY": AUTH_KEY,
        "AUTH_SYNC_WORKER": "false",
        "LOG_LEVEL": "warning",
    }
    env.update(extra)
    return env


WORKERS = int(os.environ.get("BENCH_WORKERS") or os.cpu_count() or 1)
"""uvicorn worker processes for the throughput figures: one per core, as a deployment would run."""


def app_server(env: dict[str, str], *, workers: int = 1) -> contextlib.AbstractContextManager[str]:
    port = free_port()
    args = ["-m", "uvicorn", "playlist_service.asgi:app", "--port", str(port), "--log-level", "warning"]
    args += ["--no-access-log", "--workers", str(workers)]
    return process(args, f"http://127.0.0.1:{port}", "/health", env)


async def admin_session(engine: AsyncEngine) -> tuple[str, str]:
    """(session cookie value, CSRF token) of a fresh admin session, made directly in the database."""
    from playlist_service.admins.service import digest, new_secret

    token, csrf = new_secret(), new_secret()
    async with engine.begin() as conn:
        admin_id = (
            await conn.execute(
                text(
                    "INSERT INTO admins (username, password_hash) "
                    "VALUES ('bench-' || gen_random_uuid(), 'x') RETURNING id"
                )
            )
        ).scalar_one()
        await conn.execute(
            text(
                "INSERT INTO admin_sessions (id_hash, admin_id, csrf_token, expires_at) "
                "VALUES (:h, :a, :c, now() + interval '1 day')"
            ),
            {"h": digest(token, SECRET), "a": admin_id, "c": csrf},
        )
    return token, csrf


def signed_in(base_url: str, session: tuple[str, str], **kwargs: Any) -> httpx.AsyncClient:
    token, csrf = session
    return httpx.AsyncClient(base_url=base_url, cookies={"session_id": token}, headers={"X-CSRF-Token": csrf}, **kwargs)


async def keep_alive_gets(
    base_url: str, path: str, cookie: str, *, clients: int, seconds: float
) -> tuple[list[float], float]:
    """``clients`` connections each sending ``GET path`` back to back for ``seconds``; returns the
    latencies and the elapsed time. A minimal HTTP/1.1 client on asyncio streams: on a machine
    this small, httpx's own parsing of 0.7 MB answers took a fifth of a core from the server
    being measured (wrk does the same job; it is not on every machine)."""
    parts = urlsplit(base_url)
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nCookie: {cookie}\r\nConnection: keep-alive\r\n\r\n"
    ).encode()
    latencies: list[float] = []
    stop = time.perf_counter() + seconds

    async def one_client() -> None:
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        try:
            while time.perf_counter() < stop:
                started = time.perf_counter()
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                await reader.readexactly(length)
                if status != 200:
                    raise RuntimeError(f"GET {path} answered {status}")
                latencies.append(time.perf_counter() - started)
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies, time.perf_counter() - started


def summary_ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
    }
