"""A sync engine for tests that play the background worker (or another app instance), and the
channel most of them assign."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from devtools.simulators.auth_service import AuthSimState
from playlist_service.integrations.auth_service import AuthServiceClient
from playlist_service.integrations.factory import auth_service_config
from playlist_service.settings import Settings
from playlist_service.sync.auth_sync import AuthSync
from tests.integration.subscribers.helpers import add_channel


@pytest.fixture
def sim_url(auth_server: tuple[str, AuthSimState]) -> str:
    return auth_server[0]


@pytest.fixture
async def sync(engine: AsyncEngine, settings: Settings) -> AsyncIterator[AuthSync]:
    """Its own pool and client (as another instance would have), short timeouts, retrying at once."""
    fast = dataclasses.replace(settings, auth_service_timeout=0.3)
    client = AuthServiceClient(auth_service_config(fast))
    yield AuthSync(async_sessionmaker(engine, expire_on_commit=False), client, fast, backoff_base=0.0)
    await client.aclose()


@pytest.fixture
async def channel(db: AsyncSession) -> int:
    return await add_channel(db, "OTR")
