"""``GET /flussonic/status`` against a real server process: what its database connection does while
Flussonic is slow to answer (the in-process test client cannot serve a request concurrently)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from tests.live_backend import backend_env, live_backend

IDLE_IN_TRANSACTION = text(
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND state = 'idle in transaction' AND pid <> pg_backend_pid()"
)


@pytest.fixture(scope="module")
def live_url(database_url: str, flussonic_server: tuple[str, Any], auth_server: tuple[str, Any]) -> Iterator[str]:
    with live_backend(backend_env(database_url, flussonic_server[0], auth_server[0])) as url:
        yield url


async def test_no_transaction_stays_open_while_flussonic_answers(
    live_url: str, auth_client: AsyncTestClient[Litestar], flussonic_sim: Any, db: AsyncSession
) -> None:
    """A slow or unreachable Flussonic (10 s timeout, retries) must not keep the request's pooled
    connection idle in a transaction: a few status checks would empty the pool."""
    cookie = auth_client.cookies.get("session_id")
    flussonic_sim.delay = 1.5  # under the test settings' 2 s Flussonic timeout
    async with httpx.AsyncClient(base_url=live_url, cookies={"session_id": cookie or ""}, timeout=30) as http:
        check = asyncio.create_task(http.get("/api/v1/flussonic/status"))
        seen = looks = 0
        while not check.done():  # look while the request waits for Flussonic (its auth lookup takes ms)
            await asyncio.sleep(0.1)
            seen = max(seen, (await db.execute(IDLE_IN_TRANSACTION)).scalar_one())
            await db.commit()
            looks += 1
        response = await check
    assert looks >= 5  # the looks fell inside the wait
    assert response.status_code == 200, response.text
    assert seen == 0
