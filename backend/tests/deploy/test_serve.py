"""``playlist-service serve`` as deployed: several workers, trusted proxies from the settings, and
login throttling that holds under parallel requests (a real server: the in-process test client
serialises requests)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
import yaml
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from devtools.stack import free_port
from playlist_service import cli
from playlist_service.settings import Settings
from tests.deploy.test_compose import DEPLOY, healthchecks
from tests.live_backend import backend_env, live_backend
from tests.unit.test_settings import BASE

ATTEMPTS = 40


@pytest.fixture(scope="module")
def backend_url(database_url: str, flussonic_server: tuple[str, Any], auth_server: tuple[str, Any]) -> Iterator[str]:
    env = backend_env(database_url, flussonic_server[0], auth_server[0])
    # Two workers, and a proxy list without the loopback: this test is not a trusted proxy.
    env.update(API_WORKERS="2", TRUSTED_PROXIES="192.0.2.10,2001:db8::/32")
    with live_backend(env) as url:
        yield url


async def test_x_forwarded_for_from_a_peer_that_is_not_a_trusted_proxy_is_ignored(
    backend_url: str, admin: dict[str, Any], db: AsyncSession
) -> None:
    async with httpx.AsyncClient(base_url=backend_url) as http:
        response = await http.post(
            "/api/v1/auth/login",
            json={"username": "admin", "password": "wrong"},
            headers={"X-Forwarded-For": "203.0.113.7"},
        )
    assert response.status_code == 401
    assert (await db.execute(text("SELECT client_ip FROM login_attempts"))).scalars().all() == ["127.0.0.1"]


@pytest.mark.parametrize("same_username", [True, False], ids=["one-username", "many-usernames"])
async def test_parallel_wrong_passwords_do_not_get_past_the_limit(
    backend_url: str, admin: dict[str, Any], db: AsyncSession, settings: Settings, same_username: bool
) -> None:
    limit = settings.login_max_failures if same_username else settings.login_max_failures_per_client
    assert limit < ATTEMPTS
    limits = httpx.Limits(max_connections=ATTEMPTS)
    async with httpx.AsyncClient(base_url=backend_url, timeout=60, limits=limits) as http:
        responses = await asyncio.gather(
            *(
                http.post(
                    "/api/v1/auth/login",
                    json={"username": "admin" if same_username else f"user{i}", "password": "wrong"},
                )
                for i in range(ATTEMPTS)
            )
        )
    statuses = [r.status_code for r in responses]
    assert set(statuses) == {401, 429}, statuses
    assert statuses.count(401) <= limit, statuses
    # Every password check that ran is on record; refused attempts are not.
    recorded = (await db.execute(text("SELECT count(*) FROM login_attempts"))).scalar_one()
    assert recorded == statuses.count(401)


def test_the_containers_health_check_passes_only_when_the_backend_is_ready(backend_url: str) -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())
    for argv in healthchecks(compose):
        assert argv[0] == "python"
        command = [sys.executable, *argv[1:]]
        port = backend_url.rsplit(":", 1)[1]
        ready = subprocess.run(command, env={**os.environ, "API_PORT": port}, capture_output=True, timeout=20)
        assert ready.returncode == 0, ready.stderr
        down = subprocess.run(
            command, env={**os.environ, "API_PORT": str(free_port())}, capture_output=True, timeout=20
        )
        assert down.returncode != 0


def test_serve_runs_uvicorn_as_the_settings_say(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    env = {**BASE, "API_HOST": "127.0.0.2", "API_PORT": "9123", "API_WORKERS": "3"}
    env["TRUSTED_PROXIES"] = "10.1.2.3, 172.30.57.0/24"
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cli.main(["serve"]) == 0
    (call,) = calls
    assert call["app"] == "playlist_service.asgi:app"  # an import string: required for several workers
    assert (call["host"], call["port"], call["workers"]) == ("127.0.0.2", 9123, 3)
    assert call["proxy_headers"] is True
    assert call["forwarded_allow_ips"] == ["10.1.2.3", "172.30.57.0/24"]
    assert call["server_header"] is False


def test_serve_defaults_trust_only_the_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append(kwargs))
    for name, value in BASE.items():
        monkeypatch.setenv(name, value)
    for name in ("API_HOST", "API_PORT", "API_WORKERS", "TRUSTED_PROXIES"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main(["serve"]) == 0
    assert calls[0]["forwarded_allow_ips"] == ["127.0.0.1", "::1"]
    assert (calls[0]["host"], calls[0]["port"], calls[0]["workers"]) == ("0.0.0.0", 8080, 1)


def test_serve_stops_on_a_configuration_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("uvicorn must not start"))
    for name, value in BASE.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("TRUSTED_PROXIES", "*")
    assert cli.main(["serve"]) == 2
    assert "TRUSTED_PROXIES" in capsys.readouterr().err
