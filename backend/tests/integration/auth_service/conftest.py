"""One Auth Service simulator per module on a real loopback port; state reset for every test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime

import httpx
import pytest

from devtools.simulators._server import serve_in_thread
from devtools.simulators.auth_service import AuthSimState, create_app
from playlist_service.integrations.auth_service import AuthServiceClient, AuthServiceConfig

API_KEY = "sim-key"
NOW = datetime(2030, 6, 1, 12, 0, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def sim_server() -> Iterator[tuple[AuthSimState, str]]:
    state = AuthSimState(api_key=API_KEY)
    with serve_in_thread(create_app(state)) as url:
        yield state, url
        state.reset()  # lets any request still hanging on a fault finish quickly


@pytest.fixture
def sim(sim_server: tuple[AuthSimState, str]) -> Iterator[AuthSimState]:
    state = sim_server[0]
    state.reset()
    state.api_key = API_KEY
    state.time_mode = "naive"
    state.auth_duration = 180
    state.set_now(NOW)
    yield state
    state.reset()


@pytest.fixture
def sim_url(sim_server: tuple[AuthSimState, str]) -> str:
    return sim_server[1]


def make_config(url: str, **overrides: object) -> AuthServiceConfig:
    options: dict[str, object] = {"timeout": 0.5, "retries": 1, "retry_backoff": 0.01}
    options.update(overrides)
    return AuthServiceConfig(url=url, api_key=API_KEY, **options)  # type: ignore[arg-type]


@pytest.fixture
async def client(sim: AuthSimState, sim_url: str) -> AsyncIterator[AuthServiceClient]:
    auth = AuthServiceClient(make_config(sim_url))
    yield auth
    await auth.aclose()


@pytest.fixture
async def raw(sim: AuthSimState, sim_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """Plain HTTP to the simulator, for /auth and for what the typed client cannot send."""
    async with httpx.AsyncClient(base_url=sim_url, headers={"X-API-Key": API_KEY}, timeout=2) as http:
        yield http
