"""An internal error is logged with its request id, never with the values the failing statement carried."""

from __future__ import annotations

import logging
import secrets

import pytest
from litestar import get
from litestar.di import NamedDependency
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.app import create_app
from playlist_service.settings import Settings

TOKEN = "tok_" + secrets.token_urlsafe(16)


@get("/test-only/division-by-zero")
async def failing_select(db_session: NamedDependency[AsyncSession]) -> None:
    # Division by zero is not in the error map: a 500 whose exception names the statement's parameters.
    await db_session.execute(text("SELECT 1 / 0 WHERE CAST(:token AS text) <> ''"), {"token": TOKEN})


@get("/test-only/not-null")
async def failing_insert(db_session: NamedDependency[AsyncSession]) -> None:
    # PostgreSQL's DETAIL quotes the whole failing row: "Failing row contains (…, tok_…, null, …)".
    await db_session.execute(
        text("INSERT INTO login_attempts (username, client_ip) VALUES (:token, NULL)"), {"token": TOKEN}
    )


@pytest.mark.parametrize("path", ["/test-only/division-by-zero", "/test-only/not-null"])
async def test_an_internal_error_never_logs_the_values_of_the_statement(settings: Settings, app_log, path):
    app = create_app(settings)
    app.register(failing_select)
    app.register(failing_insert)
    async with AsyncTestClient(app=app) as client:
        response = await client.get(path)
    assert response.status_code == 500
    request_id = response.json()["error"]["request_id"]
    assert TOKEN not in response.text
    errors = [r for r in app_log.records if r.levelno >= logging.ERROR]
    assert errors, "the error was not logged"
    assert request_id in app_log.text  # still traceable
    assert "login_attempts" in app_log.text or "SELECT 1 / 0" in app_log.text  # the statement is still there
    assert TOKEN not in app_log.text
