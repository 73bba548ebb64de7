"""Playlist benchmark: one subscriber holding 2,000 channels (through tariffs, packages and direct
channels, overlapping), served by ``GET /api/v1/users/{id}/playlist``.

* server-side time per request: in-process, calling the ASGI app directly (no client, no network):
  session check, resolution query, rendering, response body; sequential requests. (Litestar's test
  client would add its own httpx work on the 0.7 MB body, in the same process, to the figure.)
  Measured with the channels' lines already kept (``playlists/lines.py``: any later request once a
  channel has been rendered) and, separately, with none kept (the first request after a sync that
  rewrote every channel).
* throughput: the app under uvicorn in its own process(es), 8 concurrent keep-alive clients over
  real loopback HTTP (a minimal client, so the measuring process takes little of the CPU it shares
  with the server); once with one worker process and once with one per core (``BENCH_WORKERS``).

Targets: ≤ 10 ms per request, ≥ 100 requests/s. Logos are 120-character data URIs (a real line-up
with large inline logos moves more bytes; the time then grows with the document).
``uv run python -m bench.playlist_bench`` (from ``backend/``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bench._stack import (
    WORKERS,
    admin_session,
    app_env,
    app_server,
    auth_simulator,
    database,
    keep_alive_gets,
    summary_ms,
)
from playlist_service.app import create_app
from playlist_service.playlists import lines
from playlist_service.settings import Settings

CHANNELS = 2_000
TARGETS = {"server_ms_median": 10.0, "requests_per_second": 100.0}
SEQUENTIAL = 200
COLD = 50
CONCURRENCY = 8
DURATION = 5.0


async def _seed(url: str) -> tuple[int, tuple[str, str]]:
    engine = create_async_engine(url)
    logo = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" + "A" * 38
    async with engine.begin() as conn:
        await conn.execute(
            text("INSERT INTO groups (name, sort_order) SELECT 'Группа ' || g, g FROM generate_series(1, 20) g")
        )
        await conn.execute(
            text(
                "INSERT INTO channels (stream_name, display_name, tvg_name, tvg_id, tvg_logo, stream_base_url, "
                "catchup_days, group_id, sort_order) "
                "SELECT 'stream' || i, 'Канал ' || i || ' HD', 'Канал ' || i, 'tvg' || i, :logo, "
                "'http://stream.example.com:8085', i % 15, 1 + i % 20, i FROM generate_series(1, :n) i"
            ),
            {"logo": logo, "n": CHANNELS},
        )
        # Ten packages of 250 channels, overlapping by 50 with the next one.
        await conn.execute(text("INSERT INTO packages (name) SELECT 'P' || p FROM generate_series(1, 10) p"))
        await conn.execute(
            text(
                "INSERT INTO package_channels SELECT p, c FROM generate_series(1, 10) p, "
                "generate_series(1 + (p - 1) * 200, LEAST(:n, p * 200 + 50)) c"
            ),
            {"n": CHANNELS},
        )
        await conn.execute(text("INSERT INTO tariffs (name) VALUES ('T1'), ('T2')"))
        await conn.execute(text("INSERT INTO tariff_packages VALUES (1, 1), (1, 2), (1, 3), (2, 3), (2, 4)"))
        user_id = (
            await conn.execute(
                text(
                    "INSERT INTO users (first_name, last_name, agreement_number, token, max_sessions) "
                    "VALUES ('Иван', 'Иванов', 'AG-0001', 'QeHUZDtsuc56bX69kLWk9Q-bench-token', 2) RETURNING id"
                )
            )
        ).scalar_one()
        await conn.execute(text("INSERT INTO user_tariffs VALUES (:u, 1), (:u, 2)"), {"u": user_id})
        await conn.execute(text("INSERT INTO user_packages VALUES (:u, 5), (:u, 6), (:u, 7)"), {"u": user_id})
        await conn.execute(
            text("INSERT INTO user_channels SELECT :u, c FROM generate_series(1301, :n) c"),
            {"u": user_id, "n": CHANNELS},
        )
        await conn.execute(text("ANALYZE"))
    session = await admin_session(engine)
    await engine.dispose()
    return int(user_id), session


async def _asgi_get(app: Any, path: str, cookie: str) -> tuple[int, bytes]:
    """One GET straight through the ASGI app: what the server does, without any client's work."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"bench.local"), (b"cookie", cookie.encode())],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    messages: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    await app(scope, receive, send)
    return messages[0]["status"], b"".join(m.get("body", b"") for m in messages[1:])


async def _in_process(env: dict[str, str], user_id: int, session: tuple[str, str]) -> dict[str, Any]:
    app = create_app(Settings.from_env(env))
    cookie = f"session_id={session[0]}"
    path = f"/api/v1/users/{user_id}/playlist"
    async with app.lifespan():
        status, body = await _asgi_get(app, path, cookie)
        assert status == 200, body[:500]
        channels = body.count(b"#EXTINF")
        samples, cold = [], []
        for _ in range(SEQUENTIAL):
            started = time.perf_counter()
            status, _ = await _asgi_get(app, path, cookie)
            samples.append(time.perf_counter() - started)
            assert status == 200
        for _ in range(COLD):  # as after a sync that rewrote every channel: all lines rendered again
            lines._LINES.clear()
            started = time.perf_counter()
            status, _ = await _asgi_get(app, path, cookie)
            cold.append(time.perf_counter() - started)
    cold_ms = summary_ms(cold)
    return {
        "channels": channels,
        "bytes": len(body),
        **summary_ms(samples),
        "cold_median_ms": cold_ms["median_ms"],
        "cold_p95_ms": cold_ms["p95_ms"],
    }


async def _over_http(base_url: str, user_id: int, session: tuple[str, str]) -> dict[str, Any]:
    path = f"/api/v1/users/{user_id}/playlist"
    cookie = f"session_id={session[0]}"
    await keep_alive_gets(base_url, path, cookie, clients=CONCURRENCY, seconds=0.5)  # warm every worker
    latencies, elapsed = await keep_alive_gets(base_url, path, cookie, clients=CONCURRENCY, seconds=DURATION)
    return {
        "requests_per_second": round(len(latencies) / elapsed, 1),
        **{f"http_{k}": v for k, v in summary_ms(latencies).items()},
    }


def run() -> dict[str, Any]:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with database("playlist_bench") as url, auth_simulator() as auth_url:
        user_id, session = asyncio.run(_seed(url))
        env = app_env(url, auth_url)
        server = asyncio.run(_in_process(env, user_id, session))
        with app_server(env) as base_url:
            single = asyncio.run(_over_http(base_url, user_id, session))
        with app_server(env, workers=WORKERS) as base_url:
            http = asyncio.run(_over_http(base_url, user_id, session))
    results = {
        "channels": server["channels"],
        "playlist_bytes": server["bytes"],
        "server_ms_median": server["median_ms"],
        "server_ms_p95": server["p95_ms"],
        "server_cold_ms_median": server["cold_median_ms"],
        "server_cold_ms_p95": server["cold_p95_ms"],
        "workers": WORKERS,
        **http,
        "one_worker_requests_per_second": single["requests_per_second"],
    }
    print(f"playlist of {results['channels']:,} channels ({results['playlist_bytes']:,} bytes)")
    print(
        f"  server-side (direct ASGI call): median {results['server_ms_median']} ms, p95 {results['server_ms_p95']} ms"
    )
    print(
        f"  server-side, every line rendered anew: median {results['server_cold_ms_median']} ms, "
        f"p95 {results['server_cold_ms_p95']} ms"
    )
    print(
        f"  {CONCURRENCY} clients over HTTP, {WORKERS} workers: {results['requests_per_second']} req/s, "
        f"median {results['http_median_ms']} ms, p95 {results['http_p95_ms']} ms"
    )
    print(f"  {CONCURRENCY} clients over HTTP, 1 worker: {results['one_worker_requests_per_second']} req/s")
    ok_ms = results["server_ms_median"] <= TARGETS["server_ms_median"]
    ok_rps = results["requests_per_second"] >= TARGETS["requests_per_second"]
    print(f"target <= 10 ms: {'ok' if ok_ms else 'OVER TARGET'}")
    print(f"target >= 100 req/s: {'ok' if ok_rps else 'UNDER TARGET'}")
    return results


if __name__ == "__main__":
    run()
