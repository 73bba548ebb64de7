"""A catalogue change racing another change still reaches every affected user (sync/impact.py).

Each test holds one catalogue change uncommitted in its own session (as a concurrent admin request
would be, mid-transaction) while another change commits and is pushed, then commits it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from devtools.simulators.auth_service import AuthSimState
from playlist_service.channels.service import set_packages
from playlist_service.sync.auth_sync import AuthSync
from tests.integration.subscribers.helpers import (
    Client,
    add_channel,
    add_package,
    add_tariff,
    assert_converged,
    auth_allows,
    create,
)


@pytest.fixture
async def other_admin(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with async_sessionmaker(engine, expire_on_commit=False)() as session:
        yield session


async def test_channel_added_while_a_user_is_given_the_package_reaches_the_user(
    auth_client: Client,
    db: AsyncSession,
    auth_sim: AuthSimState,
    sync: AuthSync,
    other_admin: AsyncSession,
    sim_url: str,
) -> None:
    a, b = await add_channel(db, "A"), await add_channel(db, "B")
    basic = await add_package(db, "Basic", [a])
    user = await create(auth_client)
    # Admin 1 adds B to Basic; their transaction has not committed yet.
    await set_packages(other_admin, b, [basic])
    # Admin 2 gives the user Basic: committed and pushed now, before B is visible.
    response = await auth_client.patch(f"/api/v1/users/{user['id']}", json={"package_ids": [basic]})
    assert response.status_code == 200, response.text
    assert not await auth_allows(sim_url, user["token"], "B")
    await other_admin.commit()

    await sync.run_once()
    assert await auth_allows(sim_url, user["token"], "B")
    await assert_converged(db, auth_sim)


async def test_channel_added_while_its_package_joins_a_tariff_reaches_the_tariffs_users(
    auth_client: Client,
    db: AsyncSession,
    auth_sim: AuthSimState,
    sync: AuthSync,
    other_admin: AsyncSession,
    sim_url: str,
) -> None:
    a, b, c = await add_channel(db, "A"), await add_channel(db, "B"), await add_channel(db, "C")
    sports = await add_package(db, "Sports", [a])
    basic = await add_package(db, "Basic", [c])
    tariff = await add_tariff(db, "Standard", [basic])
    user = await create(auth_client, tariff_ids=[tariff])
    # Admin 1 adds B to Sports (not committed yet) while admin 2 puts Sports into the tariff.
    await set_packages(other_admin, b, [sports])
    response = await auth_client.patch(f"/api/v1/tariffs/{tariff}", json={"package_ids": [basic, sports]})
    assert response.status_code == 200, response.text
    await sync.run_once()  # the tariff's users get Sports, as it is without B so far
    assert await auth_allows(sim_url, user["token"], "A")
    await other_admin.commit()

    await sync.run_once()
    assert await auth_allows(sim_url, user["token"], "B")
    await assert_converged(db, auth_sim)
