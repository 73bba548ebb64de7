"""The generated Python client (clients/python) against a live backend: what a billing system sees."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from devtools.simulators.auth_service import AuthSimState
from tests.integration.subscribers.helpers import add_channel, add_group, user_body
from tests.live_backend import backend_env, live_backend
from tests.scripts.test_subscriber_scripts import make_key

CLIENT_DIR = Path(__file__).resolve().parents[3] / "clients" / "python"
if str(CLIENT_DIR) not in sys.path:
    sys.path.insert(0, str(CLIENT_DIR))

from playlist_service_client import AuthenticatedClient  # noqa: E402
from playlist_service_client.api.users import download_user_playlist  # noqa: E402
from playlist_service_client.types import File  # noqa: E402

Client = AsyncTestClient[Litestar]


@pytest.fixture(scope="module")
def live_url(database_url: str, flussonic_server: tuple[str, Any], auth_server: tuple[str, Any]) -> Iterator[str]:
    with live_backend(backend_env(database_url, flussonic_server[0], auth_server[0])) as url:
        yield url


async def test_playlist_download_comes_back_as_the_file(
    live_url: str, auth_client: Client, db: AsyncSession, auth_sim: AuthSimState
) -> None:
    group = await add_group(db, "Кино", 1)
    channel = await add_channel(db, "kino1", display_name="Кино 1", group_id=group)
    created = await auth_client.post("/api/v1/users", json=user_body(channel_ids=[channel]))
    assert created.status_code == 201, created.text
    user = created.json()["data"]
    key = await make_key(auth_client, "read_only")

    with AuthenticatedClient(base_url=live_url, token=key) as api:
        response = download_user_playlist.sync_detailed(user["id"], client=api)
        missing = download_user_playlist.sync_detailed(user["id"] + 1000, client=api)

    assert response.status_code == 200
    assert isinstance(response.parsed, File)
    text = response.parsed.payload.read().decode("utf-8")
    assert text.startswith("#EXTM3U\n")
    assert f"/kino1/video.m3u8?token={user['token']}" in text
    assert ",Кино 1\n" in text
    assert missing.status_code == 404
    assert missing.parsed is not None and not isinstance(missing.parsed, File)
    assert missing.parsed.error.code == "NOT_FOUND"
