"""An app whose database cannot be reached, for the readiness and 503 tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from playlist_service.app import create_app
from tests.conftest import make_settings


@pytest.fixture
async def down_client() -> AsyncIterator[AsyncTestClient[Litestar]]:
    # Nothing listens on port 9 of the loopback: every connection is refused at once.
    app = create_app(make_settings("postgresql+asyncpg://nobody:secret@127.0.0.1:9/nothing"))
    async with AsyncTestClient(app=app) as client:
        yield client
