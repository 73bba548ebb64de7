"""Pushes of one subscriber are serialised by its advisory lock; nothing waits on it for long, and a
change made while a push runs is never lost (the seq guard)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from litestar import Litestar
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from devtools.simulators.auth_service import AuthSimState
from playlist_service.settings import Settings
from playlist_service.subscribers.service import SubscriberService
from playlist_service.sync.auth_sync import LOCK_CLASS, AuthSync, mark_pending
from tests.integration.subscribers.helpers import (
    Client,
    add_channel,
    assert_converged,
    create,
    local_user,
    user_body,
)


@pytest.fixture
def app_sync(app: Litestar, auth_client: Client) -> AuthSync:
    """The app's own engine (started with the client, on its loop), waiting briefly for a busy user."""
    sync: AuthSync = app.state.auth_sync
    sync.lock_wait = 0.2
    return sync


@asynccontextmanager
async def push_running(engine: AsyncEngine, user_id: int) -> AsyncIterator[None]:
    """Hold the user's push lock from another connection, as a push in progress would. The test
    client blocks this event loop during a request, so the server ends the hold after 10 s idle:
    a request that would wait for ever fails its test instead of hanging it."""
    async with engine.connect() as conn, conn.begin():
        await conn.execute(text("SET LOCAL idle_in_transaction_session_timeout = '10s'"))
        await conn.execute(text("SELECT pg_advisory_xact_lock(:c, :u)"), {"c": LOCK_CLASS, "u": user_id})
        yield


async def waits_for_push_lock(db: AsyncSession, user_id: int) -> bool:
    sql = text(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = :c AND objid = :u"
    )
    waiting = bool((await db.execute(sql, {"c": LOCK_CLASS, "u": user_id})).scalar_one())
    await db.commit()
    return waiting


async def until(condition: Callable[[], Awaitable[bool]], what: str) -> None:
    """Wait for an observable condition of another connection (bounded)."""
    for _ in range(500):
        if await condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting until {what}")


# -- the seq guard --------------------------------------------------------------------------------


async def test_change_made_during_a_push_stays_pending(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    await create(auth_client, channel_ids=[channel])
    await db.execute(text("UPDATE users SET max_sessions = 3 WHERE id = 1"))
    await mark_pending(db, [1])
    await db.commit()
    real_patch = sync.client.patch_token

    async def patch_while_admin_edits(token_id: int, data: Any) -> Any:
        # The push has read max_sessions = 3; the admin sets 4 before its PATCH is answered.
        await db.execute(text("UPDATE users SET max_sessions = 4 WHERE id = 1"))
        await mark_pending(db, [1])
        await db.commit()
        return await real_patch(token_id, data)

    sync.client.patch_token = patch_while_admin_edits  # type: ignore[method-assign]
    try:
        (outcome,) = await sync.push_users([1])
    finally:
        del sync.client.patch_token
    assert outcome.ok and next(iter(auth_sim.tokens.values())).max_sessions == 3
    assert (await local_user(db, 1))["auth_sync_status"] == "pending"  # not "synced" with 3
    await sync.run_once()
    await assert_converged(db, auth_sim)


# -- how long locks are held, and by whom --------------------------------------------------------


async def test_a_batch_holds_each_users_lock_only_for_its_own_push(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, engine: AsyncEngine, channel: int
) -> None:
    for n in range(4):
        await create(auth_client, f"AG-{n}", channel_ids=[channel])
    await db.execute(text("UPDATE users SET max_sessions = 5"))
    await db.commit()
    sync.group_size = 2
    free_while_first_pushes: list[bool] = []
    real_get = sync.client.get_token

    async def get_and_look(token_id: int) -> Any:
        if token_id == 1:  # user 1's push: is user 4 (in a later group) free meanwhile?
            async with engine.connect() as conn, conn.begin():
                got = await conn.execute(text("SELECT pg_try_advisory_xact_lock(:c, 4)"), {"c": LOCK_CLASS})
                free_while_first_pushes.append(bool(got.scalar_one()))
        return await real_get(token_id)

    sync.client.get_token = get_and_look  # type: ignore[method-assign]
    try:
        outcomes = await sync.push_users([1, 2, 3, 4])
    finally:
        del sync.client.get_token
    assert free_while_first_pushes == [True]
    assert [o.ok for o in outcomes] == [True] * 4
    await assert_converged(db, auth_sim)


async def test_delete_waits_for_a_running_push_then_removes_what_it_created(
    db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, engine: AsyncEngine, settings: Settings
) -> None:
    await add_channel(db, "OTR")
    await db.execute(
        text("INSERT INTO users (first_name, last_name, agreement_number, token) VALUES ('I', 'I', 'AG-1', 'tok-1')")
    )
    await db.execute(text("INSERT INTO user_channels VALUES (1, 1)"))
    await db.commit()
    real_create = sync.client.create_token
    deleting: list[asyncio.Task[None]] = []

    async def delete_user() -> None:
        # What DELETE /users/1 runs (the test client would block this event loop while it waits).
        async with async_sessionmaker(engine, expire_on_commit=False)() as session:
            await SubscriberService(session, settings, sync).delete(1)

    async def create_while_admin_deletes(data: Any) -> Any:
        # The worker's push is about to POST; the admin deletes the user now.
        deleting.append(asyncio.create_task(delete_user()))

        async def delete_blocked_or_done() -> bool:
            return deleting[0].done() or await waits_for_push_lock(db, 1)

        await until(delete_blocked_or_done, "the delete waits for the push")
        return await real_create(data)

    sync.client.create_token = create_while_admin_deletes  # type: ignore[method-assign]
    try:
        await sync.push_users([1])
    finally:
        del sync.client.create_token
    await deleting[0]
    assert (await db.execute(text("SELECT count(*) FROM users"))).scalar_one() == 0
    assert auth_sim.tokens == {}  # the token the push created went with the user


async def test_delete_while_a_push_runs_on_is_refused_unchanged(
    auth_client: Client, db: AsyncSession, app_sync: AuthSync, engine: AsyncEngine, channel: int
) -> None:
    await create(auth_client, channel_ids=[channel])
    async with push_running(engine, 1):
        response = await auth_client.delete("/api/v1/users/1")
    assert response.status_code == 409, response.text
    assert response.json()["error"]["code"] == "CONFLICT"
    assert (await local_user(db, 1))["agreement_number"] == "AG-001"


async def test_update_while_a_push_runs_is_saved_and_answered_as_queued(
    auth_client: Client,
    db: AsyncSession,
    auth_sim: AuthSimState,
    app_sync: AuthSync,
    sync: AuthSync,
    engine: AsyncEngine,
    channel: int,
) -> None:
    await create(auth_client, channel_ids=[channel])
    async with push_running(engine, 1):
        response = await auth_client.patch("/api/v1/users/1", json={"max_sessions": 4})
    assert response.status_code == 502, response.text
    error = response.json()["error"]
    assert error["code"] == "AUTH_SERVICE_ERROR" and "queued" in error["message"]
    row = await local_user(db, 1)
    assert (row["max_sessions"], row["auth_sync_status"]) == (4, "pending")
    await sync.run_once()  # the worker, once that push is over
    await assert_converged(db, auth_sim)


async def test_regenerate_while_a_push_runs_is_refused_and_keeps_the_token(
    auth_client: Client, db: AsyncSession, app_sync: AuthSync, engine: AsyncEngine, channel: int, sim_url: str
) -> None:
    user = await create(auth_client, channel_ids=[channel])
    async with push_running(engine, 1):
        response = await auth_client.post("/api/v1/users/1/regenerate-token")
    assert response.status_code == 409, response.text
    assert (await local_user(db, 1))["token"] == user["token"]


async def test_create_answers_with_the_user_when_pushed(auth_client: Client, auth_sim: AuthSimState) -> None:
    response = await auth_client.post("/api/v1/users", json=user_body())
    assert response.status_code == 201
    assert response.json()["data"]["auth_sync"]["status"] == "synced"
