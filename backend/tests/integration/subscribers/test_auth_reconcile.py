"""Drift made at the Auth Service itself, found and repaired by the reconcile (sync/auth_reconcile.py):
periodically, one instance at a time, page by page, and never touching tokens that are not ours."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import event, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from devtools.simulators.auth_service import AuthSimState
from playlist_service.app import create_app
from playlist_service.db.models import user_channels
from playlist_service.integrations.auth_service import AuthServiceClient
from playlist_service.integrations.factory import auth_service_config
from playlist_service.playlists.resolution import allowed_streams_for_users
from playlist_service.settings import Settings
from playlist_service.sync.auth_reconcile import RECONCILE_LOCK_KEY, ReconcileScheduler, reconcile
from playlist_service.sync.auth_sync import SNAPSHOT_COLUMNS, AuthSync, Deletions, desired_state
from tests.factories import UserFactory, link
from tests.integration.subscribers.helpers import (
    OURS,
    add_channel,
    assert_converged,
    auth_allows,
    create,
    local_user,
)

Client = AsyncTestClient[Litestar]
EVERY = 900.0


@pytest.fixture
async def instances(engine: AsyncEngine, settings: Settings) -> AsyncIterator[tuple[AuthSync, AuthSync]]:
    """Two app instances, each with its own pool and Auth Service client. Their timeout (2 s) is well
    above the simulator's 0.3 s slow answers, so a listing outlasts the other's look without failing."""
    patient = dataclasses.replace(settings, auth_service_timeout=2.0)
    clients = [AuthServiceClient(auth_service_config(patient)) for _ in range(2)]
    one, two = (
        AuthSync(async_sessionmaker(engine, expire_on_commit=False), c, patient, backoff_base=0.0) for c in clients
    )
    yield one, two
    for client in clients:
        await client.aclose()


async def runs(db: AsyncSession) -> list[dict[str, Any]]:
    rows = (await db.execute(text("SELECT * FROM auth_reconcile_runs ORDER BY id"))).mappings().all()
    await db.commit()
    return [dict(r) for r in rows]


# -- finding drift nobody told us about -----------------------------------------------------------


async def test_tokens_the_auth_service_lost_are_found_and_repaired_by_the_periodic_check(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int, sim_url: str
) -> None:
    users = [await create(auth_client, f"AG-{i}", channel_ids=[channel]) for i in range(3)]
    auth_sim.tokens.clear()  # restarted with an empty store: everyone still "synced", nobody can play
    assert not await auth_allows(sim_url, users[0]["token"], "OTR")
    assert {(await local_user(db, u["id"]))["auth_sync_status"] for u in users} == {"synced"}

    scheduler = ReconcileScheduler(sync, EVERY)
    scheduler.start()  # looks at once, then every minute
    try:
        await asyncio.wait_for(scheduler.looked.wait(), timeout=20)
    finally:
        await scheduler.stop()

    await assert_converged(db, auth_sim)
    assert all([await auth_allows(sim_url, u["token"], "OTR") for u in users])
    (run,) = await runs(db)
    assert (run["status"], run["scheduled"], run["repair"]) == ("succeeded", True, True)
    assert (run["users"], run["remote_tokens"], run["missing"], run["fixed"], run["repair_failures"]) == (3, 0, 3, 3, 0)
    assert run["finished_at"] >= run["started_at"]
    # What the dashboard and the status endpoint show.
    check = (await auth_client.get("/api/v1/auth-sync/status")).json()["data"]["last_check"]
    assert (check["differences"], check["fixed"], check["scheduled"]) == (3, 3, True)
    assert (await auth_client.get("/api/v1/dashboard/stats")).json()["data"]["auth_sync"]["last_check"] == check


async def test_the_app_runs_the_periodic_check_with_its_worker_unless_turned_off(
    db: AsyncSession, auth_sim: AuthSimState, settings: Settings
) -> None:
    app = create_app(dataclasses.replace(settings, auth_sync_worker=True, auth_reconcile_interval=EVERY))

    async def first_look() -> None:  # in the app's event loop, where the scheduler's event lives
        await asyncio.wait_for(app.state.reconcile_checks.looked.wait(), timeout=20)

    async with AsyncTestClient(app=app) as client:
        await asyncio.to_thread(client.blocking_portal.call, first_look)
    assert [(r["scheduled"], r["status"]) for r in await runs(db)] == [(True, "succeeded")]
    for off in ({"auth_reconcile_interval": 0.0}, {"auth_sync_worker": False}):
        quiet = create_app(dataclasses.replace(settings, **off))
        async with AsyncTestClient(app=quiet):
            assert quiet.state.reconcile_checks is None


async def test_the_periodic_check_runs_once_per_interval_whichever_instance_looks(
    auth_client: Client,
    db: AsyncSession,
    auth_sim: AuthSimState,
    instances: tuple[AuthSync, AuthSync],
    channel: int,
) -> None:
    sync, other_instance = instances
    await create(auth_client, channel_ids=[channel])
    auth_sim.set_fault("slow", delay=0.3, kinds=["list"])  # both look while the first is still listing
    reports = await asyncio.gather(
        reconcile(sync, repair=True, scheduled=True, due_every=EVERY),
        reconcile(other_instance, repair=True, scheduled=True, due_every=EVERY),
    )
    auth_sim.set_fault("ok")
    assert sum(r is not None for r in reports) == 1
    assert len(await runs(db)) == 1
    # Done less than an interval ago: nobody runs it again, however often they look.
    assert await reconcile(other_instance, repair=True, scheduled=True, due_every=EVERY) is None
    await db.execute(text("UPDATE auth_reconcile_runs SET started_at = now() - interval '16 minutes'"))
    await db.commit()
    assert await reconcile(other_instance, repair=True, scheduled=True, due_every=EVERY) is not None
    assert len(await runs(db)) == 2


async def test_while_a_check_holds_the_lock_another_is_skipped_or_refused(
    auth_client: Client, db: AsyncSession, engine: AsyncEngine, sync: AuthSync
) -> None:
    async with engine.connect() as elsewhere:  # another instance's check, running
        await elsewhere.execute(text("SELECT pg_advisory_lock(:k)"), {"k": RECONCILE_LOCK_KEY})
        assert await reconcile(sync, repair=True, scheduled=True, due_every=EVERY) is None
        response = await auth_client.post("/api/v1/auth-sync/reconcile", params={"repair": "true"})
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "CONFLICT"
        assert "already running" in response.json()["error"]["message"]
        await elsewhere.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": RECONCILE_LOCK_KEY})
    assert await runs(db) == []
    assert (await auth_client.post("/api/v1/auth-sync/reconcile")).status_code == 200
    locks = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
    assert (await db.execute(text(locks))).scalar_one() == 0  # released after the run


async def test_a_failed_check_is_recorded_and_retried_at_the_next_look(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    await create(auth_client, channel_ids=[channel])
    auth_sim.tokens.clear()
    auth_sim.set_fault("error_500", kinds=["list"])
    scheduler = ReconcileScheduler(sync, EVERY)
    assert await scheduler.look() is None  # logged, not raised
    (failed,) = await runs(db)
    assert failed["status"] == "failed" and "server error 500" in failed["error"]
    auth_sim.set_fault("ok")
    report = await scheduler.look()  # a failed run does not count as the interval's check
    assert report is not None and report.fixed == 1
    await assert_converged(db, auth_sim)


async def test_the_periodic_check_leaves_pending_users_to_the_worker(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    synced = await create(auth_client, "AG-1", channel_ids=[channel])
    pending = await create(auth_client, "AG-2", channel_ids=[channel])
    auth_sim.tokens.clear()
    # A change of AG-2 is on its way (a push in flight, or waiting for its backoff).
    await db.execute(
        text("UPDATE users SET auth_sync_status = 'failed', auth_sync_attempts = 3 WHERE id = :i"), {"i": pending["id"]}
    )
    await db.commit()
    before = await local_user(db, pending["id"])

    report = await reconcile(sync, repair=True, scheduled=True, due_every=EVERY)
    assert report is not None and (report.missing, report.fixed) == (2, 1)
    after = await local_user(db, pending["id"])
    # Not re-marked (that would reset its backoff and void a push in flight), not pushed here.
    assert (after["auth_sync_seq"], after["auth_sync_attempts"]) == (before["auth_sync_seq"], 3)
    assert [t.user_id for t in auth_sim.tokens.values()] == ["AG-1"]
    assert (await local_user(db, synced["id"]))["auth_sync_status"] == "synced"
    # An admin's repair pushes everyone at once.
    manual = (await auth_client.post("/api/v1/auth-sync/reconcile", params={"repair": "true"})).json()["data"]
    assert (manual["missing"], manual["fixed"]) == (1, 1)
    await assert_converged(db, auth_sim)


# -- tokens that are not ours -----------------------------------------------------------------------


@pytest.mark.parametrize("scheduled", [False, True])
async def test_repair_deletes_only_our_tokens_and_reports_foreign_ones(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int, scheduled: bool
) -> None:
    await create(auth_client, "AG-1", channel_ids=[channel])
    orphan = auth_sim.add_token(token="orphan", user_id="AG-GONE", meta=OURS)  # ours, its subscriber deleted
    duplicate = auth_sim.add_token(token="dup", user_id="AG-1")  # another token for our subscriber's user_id
    billing = auth_sim.add_token(token="billing-1", user_id="someone-else", meta={"managed_by": "billing"})
    manual = auth_sim.add_token(token="by-hand", user_id="tester")

    dry = (await auth_client.post("/api/v1/auth-sync/reconcile")).json()["data"]
    assert (dry["unknown"], dry["foreign"]) == (2, 2)
    assert {d["token_id"] for d in dry["differences"] if d["kind"] == "unknown"} == {orphan.id, duplicate.id}
    assert dry["foreign_tokens"] == [
        {"token_id": billing.id, "user_id": "someone-else"},
        {"token_id": manual.id, "user_id": "tester"},
    ]

    if scheduled:
        report = await reconcile(sync, repair=True, scheduled=True, due_every=EVERY)
        assert report is not None
        unknown, foreign, fixed = report.unknown, report.foreign, report.fixed
    else:
        data = (await auth_client.post("/api/v1/auth-sync/reconcile", params={"repair": "true"})).json()["data"]
        unknown, foreign, fixed = data["unknown"], data["foreign"], data["fixed"]
    assert (unknown, foreign, fixed) == (2, 2, 2)
    assert sorted(t.token for t in auth_sim.tokens.values() if t.user_id != "AG-1") == ["billing-1", "by-hand"]
    assert [t.token for t in auth_sim.tokens.values() if t.user_id == "AG-1"] == [(await local_user(db, 1))["token"]]
    again = (await auth_client.post("/api/v1/auth-sync/reconcile")).json()["data"]
    assert (again["unknown"], again["foreign"], again["differences"]) == (0, 2, [])


async def test_a_leftover_token_a_subscriber_holds_by_its_turn_is_left_and_not_counted_as_repaired(
    auth_client: Client,
    db: AsyncSession,
    auth_sim: AuthSimState,
    sync: AuthSync,
    channel: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await create(auth_client, "AG-1", channel_ids=[channel])
    auth_sim.add_token(token="orphan", user_id="AG-GONE", meta=OURS)
    auth_sim.add_token(token="taken", user_id="AG-2", meta=OURS)
    real_delete_tombstones = sync.delete_tombstones

    async def taken_after_the_scan(tombstone_ids: Sequence[int] | None = None) -> Deletions:
        # Unknown when its page was read; by the deletions a live subscriber holds that token value.
        await UserFactory.add(db, agreement_number="AG-2", token="taken")
        await db.commit()
        return await real_delete_tombstones(tombstone_ids)

    monkeypatch.setattr(sync, "delete_tombstones", taken_after_the_scan)
    report = await reconcile(sync, repair=True)
    assert report is not None
    assert (report.unknown, report.fixed, report.repair_failures) == (2, 1, 0)  # only "orphan" was deleted
    assert (await runs(db))[-1]["fixed"] == 1  # what the dashboard shows as repaired
    assert sorted(t.token for t in auth_sim.tokens.values() if t.user_id != "AG-1") == ["taken"]
    # Its tombstone is cleared all the same: there is nothing to retry.
    assert (await db.execute(text("SELECT count(*) FROM auth_token_deletions"))).scalar_one() == 0


async def test_tokens_pushed_before_the_marker_existed_are_marked_once(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int
) -> None:
    await create(auth_client, channel_ids=[channel])
    with auth_sim.lock:
        (token,) = auth_sim.tokens.values()
        token.meta = {"first_name": "Ivan", "last_name": "Ivanov"}
    report = (await auth_client.post("/api/v1/auth-sync/reconcile", params={"repair": "true"})).json()["data"]
    assert [(d["kind"], d["fields"]) for d in report["differences"]] == [("stale", ["meta"])]
    assert token.meta == {"first_name": "Ivan", "last_name": "Ivanov", **OURS}


# -- cost -----------------------------------------------------------------------------------------


@contextmanager
def statements(engine: AsyncEngine) -> Iterator[list[str]]:
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", before)


async def seed_in_sync(db: AsyncSession, sim: AuthSimState, count: int, channel: int) -> None:
    """``count`` subscribers whose tokens the Auth Service holds exactly (seeded, not pushed: fast)."""
    users = await UserFactory.add_batch(db, count)
    await link(db, user_channels, [(u.id, channel) for u in users])
    rows = (await db.execute(select(*SNAPSHOT_COLUMNS).order_by(SNAPSHOT_COLUMNS[0]))).all()
    streams = await allowed_streams_for_users(db, [r.id for r in rows])
    pointers = []
    for row in rows:
        want = desired_state(row, streams[row.id])
        remote = sim.add_token(
            token=want.token,
            user_id=want.user_id,
            status=want.status,
            max_sessions=want.max_sessions,
            allowed_streams=want.allowed_streams,
            meta=want.meta,
        )
        pointers.append({"i": row.id, "t": remote.id, "v": remote.token, "u": remote.user_id})
    pointed = "UPDATE users SET auth_token_id = :t, auth_token = :v, auth_user_id = :u, auth_sync_status = 'synced'"
    await db.execute(text(f"{pointed} WHERE id = :i"), pointers)
    await db.commit()


async def test_a_check_reads_the_list_in_pages_with_a_few_statements_each(
    db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, engine: AsyncEngine
) -> None:
    channel = await add_channel(db, "A")
    await seed_in_sync(db, auth_sim, 2500, channel)
    auth_sim.calls.clear()
    with statements(engine) as seen:
        report = await reconcile(sync, repair=True)
    assert report is not None
    assert (report.users, report.remote_tokens, report.missing + report.stale + report.pointer) == (2500, 2500, 0)
    # Three pages of 1000, no per-token reads; per page: subscribers by token value and their streams.
    assert list(auth_sim.calls) == [("GET", "/api/tokens")] * 3
    assert len(seen) <= 2 * 3 + 8, seen  # + the lock, the run's record, the subscribers by id

    # Tokens lost in the middle of the list are found across the page boundaries.
    with auth_sim.lock:
        lost = sorted(auth_sim.tokens)[995:1005]
        for token_id in lost:
            del auth_sim.tokens[token_id]
    report = await reconcile(sync, repair=True)
    assert report is not None and (report.missing, report.fixed, report.repair_failures) == (10, 10, 0)
    assert len(auth_sim.tokens) == 2500


async def test_leftover_tokens_of_ours_cost_the_same_statements_however_many_a_page_holds(
    db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, engine: AsyncEngine
) -> None:
    assert await reconcile(sync, repair=True) is not None  # warm: the pool's connections are open
    per_run = []
    for leftovers in (2, 100):
        assert leftovers <= sync.batch_size  # one page, one batch of deletions
        for n in range(leftovers):
            auth_sim.add_token(token=f"left-{leftovers}-{n}", user_id=f"AG-GONE-{n}", meta=OURS)
        with statements(engine) as seen:
            report = await reconcile(sync, repair=True)
        assert report is not None
        assert (report.unknown, report.fixed, report.repair_failures) == (leftovers, leftovers, 0)
        assert auth_sim.tokens == {}
        per_run.append(seen)
    # Held as tombstones in one INSERT, checked against live subscribers in one query.
    assert len(per_run[0]) == len(per_run[1]), per_run
