"""The sync lock and the fetch: no transaction open while Flussonic answers, one sync at a time, the
lock always released, and a listing that cannot end (deadline, empty page with ``next``) fails clearly."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from playlist_service.errors import ConflictError
from playlist_service.integrations.flussonic import FlussonicClient, FlussonicConfig, FlussonicListing, FlussonicStream
from playlist_service.sync import flussonic_sync
from playlist_service.sync.flussonic_sync import SYNC_LOCK_KEY
from tests.integration.catalog_helpers import assert_error, data, scalar

SYNC = "/api/v1/channels/sync"
_IDLE_IN_TRANSACTION = text(
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()"
)
_ADVISORY_LOCKS = text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")


class ProbingFlussonic(FlussonicClient):
    """A stand-in client: while "fetching", it looks at the database and tries a second sync."""

    def __init__(self, database_url: str) -> None:
        super().__init__(FlussonicConfig(url="http://unused"))
        self.database_url = database_url
        self.seen: dict[str, Any] = {}

    async def fetch_streams(self) -> FlussonicListing:
        # An engine of its own: the app runs in the test client's event loop, not the test's.
        engine = create_async_engine(self.database_url)
        try:
            async with engine.connect() as conn:
                self.seen["idle_in_transaction"] = (await conn.execute(_IDLE_IN_TRANSACTION)).scalar()
                self.seen["advisory_locks"] = (await conn.execute(_ADVISORY_LOCKS)).scalar()
            makers = async_sessionmaker(engine, expire_on_commit=False)
            async with makers() as other:
                try:
                    await flussonic_sync.sync_channels(other, makers, self)
                except ConflictError as exc:
                    self.seen["second_sync"] = exc.message
        finally:
            await engine.dispose()
        return FlussonicListing(streams=[FlussonicStream("a", "A", "A", None, "http://fl")], skipped=[])


async def test_no_transaction_is_open_while_flussonic_is_fetched_and_the_lock_is_held(
    app, auth_client, db, database_url
):
    probe = ProbingFlussonic(database_url)
    original, app.state.flussonic = app.state.flussonic, probe
    try:
        assert data(await auth_client.post(SYNC))["new"] == 1
    finally:
        app.state.flussonic = original
        await probe.aclose()
    assert probe.seen["idle_in_transaction"] == 0  # was 1: the xact lock's transaction, open during the fetch
    assert probe.seen["advisory_locks"] == 1
    assert "already running" in probe.seen["second_sync"]
    assert await scalar(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'") == 0  # released


@pytest.mark.usefixtures("paged_flussonic")
async def test_the_lock_is_released_after_a_failed_sync(auth_client, db, flussonic_sim):
    flussonic_sim.fault, flussonic_sim.fault_page = "status", 2
    assert_error(await auth_client.post(SYNC), 502, "FLUSSONIC_ERROR")
    assert await scalar(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'") == 0
    flussonic_sim.fault = None
    assert data(await auth_client.post(SYNC))["new"] == 158  # 160 seed streams, 2 disabled


@pytest.mark.usefixtures("paged_flussonic")
async def test_a_lock_held_by_an_instance_that_dies_is_freed_with_its_connection(
    auth_client, db, engine, flussonic_sim
):
    other_instance = await engine.connect()
    await other_instance.execution_options(isolation_level="AUTOCOMMIT")
    await other_instance.execute(text("SELECT pg_advisory_lock(:k)"), {"k": SYNC_LOCK_KEY})
    assert_error(await auth_client.post(SYNC), 409, "CONFLICT")
    await other_instance.invalidate()  # its connection is gone, as when the process dies
    await other_instance.close()
    assert data(await auth_client.post(SYNC))["new"] == 158


async def test_the_listing_deadline_fails_the_sync_clearly_and_changes_nothing(
    auth_client, db, flussonic_sim, use_flussonic
):
    use_flussonic(deadline=0.3, timeout=5)
    flussonic_sim.delay, flussonic_sim.delay_page = 2.0, 2
    error = assert_error(await auth_client.post(SYNC), 502, "FLUSSONIC_ERROR")
    assert "did not finish within 0.3 s (FLUSSONIC_SYNC_DEADLINE); stopped on page 2" in error["message"]
    assert await scalar(db, "SELECT count(*) FROM channels") == 0
    assert await scalar(db, "SELECT error FROM flussonic_sync_runs") == error["message"]
