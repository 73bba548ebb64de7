"""Auth push benchmark: a package change that alters 10,000 subscribers' allowed streams.

The app runs under uvicorn in its own process with the background worker on; the Auth Service
simulator runs in another process (loopback HTTP). 10,000 subscribers hold the package (half through
a tariff, half directly) and are first registered by the worker. Then the admin adds a channel to
the package through ``PATCH /api/v1/channels/{id}/packages``: that request only writes the outbox
event; the worker marks the users pending and pushes them (read by id to check ownership, then
PATCH) with ``AUTH_SYNC_CONCURRENCY`` requests in flight.

Targets: the admin's request ≤ 200 ms; all 10,000 pushed ≤ 30 s.
``uv run python -m bench.auth_push_bench`` (from ``backend/``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bench._stack import admin_session, app_env, app_server, auth_simulator, database, signed_in

USERS = 10_000
CONCURRENCY = "32"
TARGETS = {"request_ms": 200.0, "push_seconds": 30.0}


async def _seed(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO channels (stream_name, display_name, stream_base_url, sort_order) "
                "SELECT 'ch' || i, 'Channel ' || i, 'http://fl.example.com', i FROM generate_series(1, 51) i"
            )
        )
        await conn.execute(text("INSERT INTO packages (name) VALUES ('Basic')"))
        await conn.execute(text("INSERT INTO package_channels SELECT 1, i FROM generate_series(1, 50) i"))
        await conn.execute(text("INSERT INTO tariffs (name) VALUES ('Standard')"))
        await conn.execute(text("INSERT INTO tariff_packages VALUES (1, 1)"))
        await conn.execute(
            text(
                "INSERT INTO users (first_name, last_name, agreement_number, token, max_sessions) "
                "SELECT 'Имя' || i, 'Фамилия' || i, 'AG-' || lpad(i::text, 6, '0'), "
                "md5(random()::text) || md5(i::text), 2 FROM generate_series(1, :n) i"
            ),
            {"n": USERS},
        )
        await conn.execute(text("INSERT INTO user_tariffs SELECT id, 1 FROM users WHERE id % 2 = 0"))
        await conn.execute(text("INSERT INTO user_packages SELECT id, 1 FROM users WHERE id % 2 = 1"))
        await conn.execute(text("ANALYZE"))


async def _wait_synced(engine: AsyncEngine, since: float, limit: float) -> float:
    while time.perf_counter() - since < limit:
        async with engine.connect() as conn:
            left = (
                await conn.execute(text("SELECT count(*) FROM users WHERE auth_sync_status <> 'synced'"))
            ).scalar_one()
            events = (await conn.execute(text("SELECT count(*) FROM auth_sync_events"))).scalar_one()
        if left == 0 and events == 0:
            return time.perf_counter() - since
        await asyncio.sleep(0.1)
    raise RuntimeError(f"not converged within {limit} s")


async def _measure(url: str, auth_url: str, base_url: str, engine: AsyncEngine) -> dict[str, Any]:
    session = await admin_session(engine)
    started = time.perf_counter()
    initial = await _wait_synced(engine, started, 300)
    async with signed_in(base_url, session, timeout=30) as http:
        await http.get("/api/v1/users", params={"per_page": 1})  # warm
        started = time.perf_counter()
        response = await http.patch("/api/v1/channels/51/packages", json={"package_ids": [1]})
        request_ms = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.text
    pushed = await _wait_synced(engine, started, 120)
    async with httpx.AsyncClient(base_url=auth_url, timeout=60) as sim:
        tokens = (await sim.get("/_sim/tokens")).json()
    with_new = sum("ch51" in (t["allowed_streams"] or []) for t in tokens)
    return {
        "users": USERS,
        "initial_create_seconds": round(initial, 2),
        "request_ms": round(request_ms, 1),
        "push_seconds": round(pushed, 2),
        "pushes_per_second": round(USERS / pushed, 1),
        "remote_tokens": len(tokens),
        "tokens_with_new_stream": with_new,
    }


def run() -> dict[str, Any]:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with database("auth_push_bench") as url, auth_simulator() as auth_url:
        engine = create_async_engine(url)
        asyncio.run(_seed(engine))
        env = app_env(
            url,
            auth_url,
            AUTH_SYNC_WORKER="true",
            AUTH_SYNC_CONCURRENCY=CONCURRENCY,
            AUTH_SYNC_INTERVAL="0.2",
            DB_POOL_SIZE="10",
        )
        with app_server(env) as base_url:

            async def measure() -> dict[str, Any]:
                local = create_async_engine(url)
                try:
                    return await _measure(url, auth_url, base_url, local)
                finally:
                    await local.dispose()

            results = asyncio.run(measure())
    print(f"{results['users']:,} subscribers; first registration took {results['initial_create_seconds']} s")
    print(f"  package change request: {results['request_ms']} ms (target <= 200 ms)")
    print(
        f"  all pushed in {results['push_seconds']} s ({results['pushes_per_second']}/s, target <= 30 s); "
        f"{results['tokens_with_new_stream']:,} of {results['remote_tokens']:,} tokens carry the new stream"
    )
    return results


if __name__ == "__main__":
    run()
