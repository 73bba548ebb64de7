"""Subscribers benchmark: 100,000 subscribers created through the API, then list and search.

* Creation: every subscriber through ``POST /api/v1/users`` (8 concurrent clients over loopback
  HTTP; each create commits, then registers the token with the Auth Service simulator inline), the
  app under uvicorn with one worker per core. The rate is reported for each block of 10,000, so a
  slowdown as the tables and the Auth Service grow shows. ``BENCH_USERS_VIA_API`` lowers the number
  made through the API for a quick run; the rest are then bulk-inserted with SQL.
* ``VACUUM ANALYZE``, then list and search: ``GET /api/v1/users`` (page 1, a later page, name
  prefix, agreement-number prefix, two terms, a tariff filter), sequential requests over HTTP; the
  figure is the time per request seen by the client (network included).

Targets: ≥ 150 creates/s; list and search ≤ 10 ms at 100,000 subscribers.
``uv run python -m bench.subscribers_bench`` (from ``backend/``).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import time
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bench._stack import (
    WORKERS,
    admin_session,
    app_env,
    app_server,
    auth_simulator,
    database,
    signed_in,
    summary_ms,
)

TOTAL = 100_000
VIA_API = min(int(os.environ.get("BENCH_USERS_VIA_API") or TOTAL), TOTAL)
BLOCK = 10_000
CONCURRENCY = 8
SAMPLES = 60
QUERIES: dict[str, dict[str, Any]] = {
    "list_page_1": {},
    "list_page_50": {"page": 50},
    "search_last_name": {"search": "иванов12"},  # noqa: RUF001
    "search_agreement": {"search": "ag-0012"},
    "search_two_terms": {"search": "пётр иванов1"},  # noqa: RUF001
    "filter_tariff": {"tariff_id": 1},
}
FIRST_NAMES = ["Пётр", "Иван", "Anna", "משה", "John"]


async def _create_via_api(base_url: str, session: tuple[str, str], first: int, last: int) -> float:
    """Create users ``first..last`` through the API; returns creates per second."""
    counter = itertools.count(first)

    async def worker() -> None:
        async with signed_in(base_url, session, timeout=30) as http:
            while (i := next(counter)) <= last:
                body = {
                    "first_name": FIRST_NAMES[i % 5],
                    "last_name": f"Иванов{i}",
                    "agreement_number": f"AG-{i:07d}",
                    "max_sessions": 2,
                    "tariff_ids": [1 + i % 3],
                    "valid_until_date": "2031-12-31",
                }
                response = await http.post("/api/v1/users", json=body)
                assert response.status_code == 201, response.text

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return (last - first + 1) / (time.perf_counter() - started)


async def _bulk_insert(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO users (first_name, last_name, agreement_number, token, auth_sync_status) "
                "SELECT (CAST(:first_names AS text[]))[1 + i % 5], 'Иванов' || i, "
                "'AG-' || lpad(i::text, 7, '0'), md5(i::text) || md5(random()::text), 'synced' "
                "FROM generate_series(CAST(:a AS int), CAST(:b AS int)) i"
            ),
            # The same names as the API-made users, so a quick run's searches match as many.
            {"a": VIA_API + 1, "b": TOTAL, "first_names": FIRST_NAMES},
        )
        await conn.execute(
            text("INSERT INTO user_tariffs SELECT id, 1 + id % 3 FROM users WHERE id > :a"), {"a": VIA_API}
        )
    async with engine.connect() as conn:
        await (await conn.execution_options(isolation_level="AUTOCOMMIT")).execute(text("VACUUM ANALYZE"))


async def _measure_reads(base_url: str, session: tuple[str, str]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    async with signed_in(base_url, session, timeout=30) as http:
        for name, params in QUERIES.items():
            samples = []
            for _ in range(SAMPLES):
                started = time.perf_counter()
                response = await http.get("/api/v1/users", params=params)
                samples.append(time.perf_counter() - started)
                assert response.status_code == 200, response.text
            data = response.json()["data"]
            results[name] = {"total": data["total"], "rows": len(data["items"]), **summary_ms(samples)}
    return results


def run() -> dict[str, Any]:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with database("subscribers_bench") as url, auth_simulator() as auth_url:

        async def prepare() -> tuple[str, str]:
            engine = create_async_engine(url)
            async with engine.begin() as conn:
                await conn.execute(text("INSERT INTO tariffs (name) VALUES ('Starter'), ('Standard'), ('Premium')"))
                await conn.execute(
                    text("INSERT INTO channels (stream_name, stream_base_url) VALUES ('ch1', 'http://fl')")
                )
                await conn.execute(text("INSERT INTO packages (name) VALUES ('Basic')"))
                await conn.execute(text("INSERT INTO package_channels VALUES (1, 1)"))
                await conn.execute(text("INSERT INTO tariff_packages VALUES (1, 1)"))
            session = await admin_session(engine)
            await engine.dispose()
            return session

        session = asyncio.run(prepare())
        with app_server(app_env(url, auth_url), workers=WORKERS) as base_url:
            blocks: list[float] = []
            started = time.perf_counter()
            for first in range(1, VIA_API + 1, BLOCK):
                last = min(first + BLOCK - 1, VIA_API)
                blocks.append(round(asyncio.run(_create_via_api(base_url, session, first, last)), 1))
                print(f"  users {first:,}-{last:,} through the API: {blocks[-1]}/s", flush=True)
            rate = VIA_API / (time.perf_counter() - started)

            async def fill() -> None:
                engine = create_async_engine(url)
                await _bulk_insert(engine)
                await engine.dispose()

            asyncio.run(fill())
            reads = asyncio.run(_measure_reads(base_url, session))
    results: dict[str, Any] = {
        "creates_per_second": round(rate, 1),
        "created_via_api": VIA_API,
        "creates_per_second_by_block": blocks,
        "workers": WORKERS,
        "users": TOTAL,
        **reads,
    }
    print(
        f"created {VIA_API:,} through the API ({WORKERS} workers): "
        f"{results['creates_per_second']}/s overall (target >= 150/s)"
    )
    print(f"{'at 100,000 users':<20} {'total':>8} {'median':>9} {'p95':>9}")
    for name in QUERIES:
        r = reads[name]
        print(f"{name:<20} {r['total']:>8,} {r['median_ms']:>7} ms {r['p95_ms']:>7} ms")
    return results


if __name__ == "__main__":
    run()
