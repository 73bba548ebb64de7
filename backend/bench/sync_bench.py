"""Flussonic sync benchmark: first sync and unchanged re-sync of 1,000 and 10,000 streams.

End to end as the API runs it: the real client pages through the simulator over loopback HTTP
(1,000 streams a page), then the bulk upsert/orphan/last_seen statements run against an embedded
PostgreSQL migrated to head. Targets: first sync of 10,000 ≤ 1 s, unchanged re-sync ≤ 0.5 s.
``uv run python -m bench.sync_bench`` (from ``backend/``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from devtools.simulators._server import serve_in_thread
from devtools.simulators.flussonic import SimulatorState, create_app, synthetic_streams
from playlist_service.integrations.flussonic import FlussonicClient, FlussonicConfig
from playlist_service.sync.flussonic_sync import sync_channels

BACKEND = Path(__file__).resolve().parents[1]
SIZES = (1_000, 10_000)
TARGETS = {"first_10000": 1.0, "resync_10000": 0.5}


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


async def _measure(url: str, sim_url: str, state: SimulatorState) -> dict[str, Any]:
    engine = create_async_engine(url, pool_size=4)
    makers = async_sessionmaker(engine, expire_on_commit=False)
    flussonic = FlussonicClient(FlussonicConfig(url=sim_url, api_format="v3", page_size=1000))
    results: dict[str, Any] = {}
    try:
        # Warm the pool, the prepared-statement cache and the simulator once.
        state.streams = synthetic_streams(100)
        async with makers() as db:
            await sync_channels(db, makers, flussonic)
        for size in SIZES:
            async with engine.begin() as conn:
                await conn.execute(text("TRUNCATE channels, flussonic_sync_runs RESTART IDENTITY CASCADE"))
            state.streams = synthetic_streams(size)
            timings = []
            for _ in range(2):
                started = time.perf_counter()
                async with makers() as db:
                    outcome = await sync_channels(db, makers, flussonic)
                timings.append(time.perf_counter() - started)
            assert outcome.unchanged == size, outcome
            results[f"first_{size}"] = round(timings[0], 3)
            results[f"resync_{size}"] = round(timings[1], 3)
    finally:
        await flussonic.aclose()
        await engine.dispose()
    return results


def run() -> dict[str, Any]:
    """Start PostgreSQL + the simulator, measure, print a table, return the figures (seconds)."""
    from devtools import embedded_pg

    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("playlist_service").setLevel(logging.WARNING)

    data_dir = Path(tempfile.mkdtemp(prefix="playlist-bench-pg-"))
    server = embedded_pg.start(data_dir, persistent=False)
    try:
        url = embedded_pg.ensure_database(server, "playlist_bench")
        _migrate(url)
        state = SimulatorState()
        with serve_in_thread(create_app(state)) as sim_url:
            results = asyncio.run(_measure(url, sim_url, state))
    finally:
        server.cleanup()
        shutil.rmtree(data_dir, ignore_errors=True)
    print(f"{'streams':>8}  {'first sync':>11}  {'re-sync':>9}")
    for size in SIZES:
        print(f"{size:>8,}  {results[f'first_{size}']:>9.3f} s  {results[f'resync_{size}']:>7.3f} s")
    for key, limit in TARGETS.items():
        verdict = "ok" if results[key] <= limit else "OVER TARGET"
        print(f"target {key} <= {limit} s: {verdict}")
    return results


if __name__ == "__main__":
    run()
