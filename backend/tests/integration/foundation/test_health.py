"""Health probes: HEAD as well as GET (load balancers), and a readiness failure says why in the log."""

from __future__ import annotations

import logging

import pytest


@pytest.mark.parametrize("path", ["/health/live", "/health/ready"])
async def test_head_is_answered_like_get_without_a_body(client, path):
    response = await client.head(path)
    assert response.status_code == 200
    assert response.content == b""


async def test_readiness_fails_with_the_reason_in_the_log(down_client, app_log):
    assert (await down_client.get("/health/live")).status_code == 200  # the process itself is alive
    response = await down_client.get("/health/ready")
    head = await down_client.head("/health/ready")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "SERVICE_UNAVAILABLE"
    assert response.json()["error"]["request_id"] == response.headers["x-request-id"]
    assert head.status_code == 503
    failures = [r for r in app_log.records if "Readiness check failed" in r.getMessage()]
    assert len(failures) == 2
    assert failures[0].levelno == logging.WARNING
    assert "ConnectionRefusedError" in failures[0].getMessage()
    assert "secret" not in app_log.text
