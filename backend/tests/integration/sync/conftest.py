"""Sync tests run the app's real sync against the simulator with small pages and no retries."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from litestar import Litestar

from playlist_service.integrations.factory import flussonic_config
from playlist_service.integrations.flussonic import FlussonicClient
from playlist_service.settings import Settings

PAGE_SIZE = 40


@pytest.fixture
async def use_flussonic(
    app: Litestar, auth_client: object, settings: Settings
) -> AsyncIterator[Callable[..., FlussonicClient]]:
    """``use_flussonic(**config_overrides)`` swaps the app's Flussonic client for one built from the
    test settings with 40-stream pages (the seed has 160: 4 pages), no retries, and the overrides."""
    original = app.state.flussonic
    clients: list[FlussonicClient] = []

    def use(**overrides: Any) -> FlussonicClient:
        config = dataclasses.replace(flussonic_config(settings), page_size=PAGE_SIZE, retries=0)
        client = FlussonicClient(dataclasses.replace(config, **overrides))
        clients.append(client)
        app.state.flussonic = client
        return client

    yield use
    app.state.flussonic = original
    for client in clients:
        await client.aclose()


@pytest.fixture
def paged_flussonic(use_flussonic: Callable[..., FlussonicClient]) -> FlussonicClient:
    return use_flussonic()
