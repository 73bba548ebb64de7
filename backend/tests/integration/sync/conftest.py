"""Sync tests run the app's real sync against the simulator with small pages and no retries."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import pytest
from litestar import Litestar

from playlist_service.integrations.factory import flussonic_config
from playlist_service.integrations.flussonic import FlussonicClient
from playlist_service.settings import Settings

PAGE_SIZE = 40


@pytest.fixture
async def paged_flussonic(app: Litestar, auth_client: object, settings: Settings) -> AsyncIterator[FlussonicClient]:
    """Swap the app's Flussonic client for one with 40-stream pages (the seed has 160: 4 pages)."""
    config = dataclasses.replace(flussonic_config(settings), page_size=PAGE_SIZE, retries=0)
    client = FlussonicClient(config)
    original = app.state.flussonic
    app.state.flussonic = client
    yield client
    app.state.flussonic = original
    await client.aclose()
