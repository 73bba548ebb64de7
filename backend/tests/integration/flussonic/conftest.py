"""One Flussonic simulator on a real loopback port per module; its state is reset before each test."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest

from devtools.simulators._server import serve_in_thread
from devtools.simulators.flussonic import SimulatorState, create_app
from playlist_service.integrations.flussonic import FlussonicClient, FlussonicConfig

LOGIN = "admin"
PASSWORD = "s3cret-pass"
TOKEN = "named-api-token"

MakeClient = Callable[..., FlussonicClient]


@pytest.fixture(autouse=True)
def clean_database() -> None:
    """These tests touch no database: override the root conftest's per-test TRUNCATE."""


@pytest.fixture(scope="module")
def _server() -> Iterator[tuple[SimulatorState, str]]:
    state = SimulatorState(login=LOGIN, password=PASSWORD, token=TOKEN)
    with serve_in_thread(create_app(state)) as url:
        yield state, url


@pytest.fixture
def sim(_server: tuple[SimulatorState, str]) -> SimulatorState:
    state, _ = _server
    state.reset()
    return state


@pytest.fixture
def sim_url(_server: tuple[SimulatorState, str], sim: SimulatorState) -> str:
    return _server[1]


@pytest.fixture
async def make_client(sim_url: str) -> AsyncIterator[MakeClient]:
    """Build clients against the simulator (Basic auth, tiny backoff); all closed after the test."""
    clients: list[FlussonicClient] = []

    def make(**overrides: Any) -> FlussonicClient:
        config = FlussonicConfig(url=sim_url, login=LOGIN, password=PASSWORD, timeout=2.0, retry_backoff=0.001)
        client = FlussonicClient(dataclasses.replace(config, **overrides))
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()
