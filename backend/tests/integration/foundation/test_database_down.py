"""A database that cannot be reached is a 503 SERVICE_UNAVAILABLE with Retry-After, not a 500 (api/errors.py)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from playlist_service.api.errors import EXCEPTION_HANDLERS
from playlist_service.api.request_id import RequestIdMiddleware
from tests.conftest import LogCapture

UNREACHABLE = "The database is not reachable; try again shortly"


def assert_unavailable(response: Any) -> dict[str, Any]:
    assert response.status_code == 503, response.text
    error: dict[str, Any] = response.json()["error"]
    assert (error["code"], error["message"]) == ("SERVICE_UNAVAILABLE", UNREACHABLE)
    assert int(response.headers["retry-after"]) > 0
    assert error["request_id"] == response.headers["x-request-id"]
    return error


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/v1/dashboard/stats", None),  # the session lookup in the auth middleware fails
        ("POST", "/api/v1/auth/login", {"username": "admin", "password": "whatever"}),
        ("GET", "/api/v1/users", None),
    ],
)
async def test_every_endpoint_says_the_database_is_unreachable(
    down_client: AsyncTestClient[Litestar], app_log: LogCapture, method: str, path: str, body: Any
) -> None:
    down_client.cookies.set("session_id", "some-session")
    response = await down_client.request(method, path, json=body)
    error = assert_unavailable(response)
    # Logged once, as a warning naming the request and the cause: no traceback, no parameters.
    logged = [r for r in app_log.records if error["request_id"] in r.getMessage()]
    assert len(logged) == 1
    assert logged[0].levelno == logging.WARNING and logged[0].exc_info is None
    assert "ConnectionRefusedError" in logged[0].getMessage()
    assert "secret" not in app_log.text and "whatever" not in app_log.text


# -- the other ways a connection fails, through a small app with the same handlers -------------


def _app(database_url: str) -> Litestar:
    engine = create_async_engine(database_url, pool_size=1, max_overflow=0, pool_timeout=0.2)
    maker = async_sessionmaker(engine)

    async def provide_db() -> AsyncIterator[AsyncSession]:
        async with maker() as session:
            yield session

    @get("/broken")
    async def broken(db: NamedDependency[AsyncSession]) -> None:
        # The server ends this connection mid-session (a restart, a failover, an admin's kill).
        pid = (await db.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        killer = await asyncpg.connect(database_url.replace("postgresql+asyncpg", "postgresql"))
        try:
            await killer.execute("SELECT pg_terminate_backend($1)", pid)
        finally:
            await killer.close()
        await db.execute(text("SELECT 1"))

    @get("/pool-exhausted")
    async def pool_exhausted() -> None:
        async with engine.connect() as held:
            await held.execute(text("SELECT 1"))
            async with engine.connect() as second:  # waits pool_timeout for the only connection
                await second.execute(text("SELECT 1"))

    @get("/starting-up")
    async def starting_up() -> None:
        raise OperationalError(
            "SELECT 1", None, asyncpg.exceptions.CannotConnectNowError("the database is starting up")
        )

    @get("/too-many")
    async def too_many() -> None:
        raise OperationalError("SELECT 1", None, asyncpg.exceptions.TooManyConnectionsError("too many clients"))

    @get("/closed")
    async def closed() -> None:
        raise InterfaceError("SELECT 1", None, asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed"))

    @get("/statement-timeout")
    async def statement_timeout(db: NamedDependency[AsyncSession]) -> None:
        await db.execute(text("SET statement_timeout = 1"))
        await db.execute(text("SELECT pg_sleep(1)"))

    @get("/file-missing")
    async def file_missing() -> None:
        raise FileNotFoundError("not a database problem")

    return Litestar(
        [broken, pool_exhausted, starting_up, too_many, closed, statement_timeout, file_missing],
        exception_handlers=EXCEPTION_HANDLERS,
        middleware=[RequestIdMiddleware],
        dependencies={"db": Provide(provide_db)},
        on_shutdown=[engine.dispose],
    )


@pytest.fixture
async def small_client(database_url: str) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with AsyncTestClient(app=_app(database_url)) as client:
        yield client


@pytest.mark.parametrize("path", ["/broken", "/pool-exhausted", "/starting-up", "/too-many", "/closed"])
async def test_a_lost_refused_or_exhausted_connection_is_503(
    small_client: AsyncTestClient[Litestar], path: str
) -> None:
    assert_unavailable(await asyncio.wait_for(small_client.get(path), timeout=10))


@pytest.mark.parametrize("path", ["/statement-timeout", "/file-missing"])
async def test_other_failures_stay_internal_errors(small_client: AsyncTestClient[Litestar], path: str) -> None:
    response = await small_client.get(path)
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "INTERNAL_ERROR"
