"""Health probes: HEAD as well as GET (load balancers), and a readiness failure says why in the log."""

from __future__ import annotations

import logging

import pytest
from litestar.testing import AsyncTestClient

from playlist_service.app import create_app
from tests.conftest import make_settings


@pytest.mark.parametrize("path", ["/health/live", "/health/ready"])
async def test_head_is_answered_like_get_without_a_body(client, path):
    response = await client.head(path)
    assert response.status_code == 200
    assert response.content == b""


async def test_readiness_fails_with_the_reason_in_the_log(app_log):
    # Nothing listens on port 9 of the loopback: the connection is refused at once.
    app = create_app(make_settings("postgresql+asyncpg://nobody:secret@127.0.0.1:9/nothing"))
    async with AsyncTestClient(app=app) as client:
        response = await client.get("/health/ready")
        head = await client.head("/health/ready")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "SERVICE_UNAVAILABLE"
    assert head.status_code == 503
    failures = [r for r in app_log.records if "Readiness check failed" in r.getMessage()]
    assert len(failures) == 2
    assert failures[0].levelno == logging.WARNING
    assert "ConnectionRefusedError" in failures[0].getMessage()
    assert "secret" not in app_log.text
