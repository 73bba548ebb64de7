"""Keeping the Auth Service in step (spec §6.4, shared/reference/auth-service.md), against the simulator."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from devtools.simulators.auth_service import AuthSimState
from playlist_service.db.models import user_channels
from playlist_service.sync.auth_sync import NO_STREAMS_SENTINEL, AuthSync, AuthSyncWorker
from playlist_service.sync.impact import record_channels, record_packages
from tests.factories import UserFactory, link
from tests.integration.subscribers.helpers import (
    OURS,
    add_channel,
    add_package,
    add_tariff,
    assert_converged,
    assert_saved_but_not_synced,
    auth_allows,
    create,
    local_user,
    recover,
    remote_tokens_of,
    user_body,
)

Client = AsyncTestClient[Litestar]


# -- outages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["error_500", "timeout"])
async def test_create_during_outage_is_saved_then_converges(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int, fault: str
) -> None:
    auth_sim.set_fault(fault, delay=5)
    response = await auth_client.post("/api/v1/users", json=user_body(channel_ids=[channel]))
    assert_saved_but_not_synced(response)
    (user_id,) = (await db.execute(text("SELECT id FROM users"))).scalars()
    row = await local_user(db, user_id)
    assert row["auth_sync_status"] == "failed"
    assert row["auth_sync_error"] and row["auth_sync_error_at"] is not None
    assert row["auth_sync_attempts"] == 1 and row["auth_sync_next_at"] is not None
    detail = (await auth_client.get(f"/api/v1/users/{user_id}")).json()["data"]["auth_sync"]
    assert detail["status"] == "failed" and detail["error"]
    overview = (await auth_client.get("/api/v1/auth-sync/status")).json()["data"]
    assert overview["failed"] == 1 and overview["last_error"]

    await recover(db, auth_sim, sync)
    await assert_converged(db, auth_sim)


async def test_create_whose_answer_was_lost_adopts_the_existing_token(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    auth_sim.set_fault("error_500", methods=["POST"])
    response = await auth_client.post("/api/v1/users", json=user_body(channel_ids=[channel]))
    assert_saved_but_not_synced(response)
    row = await local_user(db, 1)
    # The create did go through (only its answer was lost): same token, somebody else's id before it.
    auth_sim.add_token(token="someone-else", user_id="AG-999")
    auth_sim.add_token(token=row["token"], user_id="AG-001", max_sessions=9, allowed_streams=["stale"])
    await recover(db, auth_sim, sync)
    await assert_converged_for(db, auth_sim, "AG-001")
    assert len(remote_tokens_of(auth_sim, "AG-001")) == 1
    assert (await local_user(db, 1))["auth_token_id"] == 2


async def assert_converged_for(db: AsyncSession, sim: AuthSimState, number: str) -> None:
    row = (await db.execute(text("SELECT * FROM users WHERE agreement_number = :n"), {"n": number})).mappings().one()
    await db.commit()
    (remote,) = remote_tokens_of(sim, number)
    assert row["auth_sync_status"] == "synced", row["auth_sync_error"]
    assert (remote.id, remote.token, remote.max_sessions) == (row["auth_token_id"], row["token"], row["max_sessions"])


async def test_rejected_api_key_is_surfaced_and_waits_the_longest_backoff(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    await create(auth_client, channel_ids=[channel])
    await db.execute(text("UPDATE users SET max_sessions = 3, auth_sync_status = 'pending'"))
    await db.commit()
    sync.backoff_base = 1.0
    key, auth_sim.api_key = auth_sim.api_key, "rotated"  # a configuration error: waiting will not fix it
    try:
        stats = await sync.run_once()
    finally:
        auth_sim.api_key = key
    assert stats.failed == 1
    row = await local_user(db, 1)
    assert row["auth_sync_status"] == "failed"
    assert "AUTH_SERVICE_API_KEY" in row["auth_sync_error"] and "Waiting will not fix this" in row["auth_sync_error"]
    wait = (row["auth_sync_next_at"] - row["auth_sync_error_at"]).total_seconds()
    assert wait == pytest.approx(sync.backoff_max, abs=5)  # not the short backoff of a passing fault
    # A passing fault keeps the short, growing backoff.
    auth_sim.set_fault("error_500")
    await db.execute(text("UPDATE users SET auth_sync_next_at = now()"))
    await db.commit()
    assert (await sync.run_once()).failed == 1
    row = await local_user(db, 1)
    assert (row["auth_sync_next_at"] - row["auth_sync_error_at"]).total_seconds() == pytest.approx(2, abs=1)


async def test_duplicate_token_with_wrong_user_id_is_rebuilt(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    auth_sim.set_fault("error_500", methods=["POST"])
    assert_saved_but_not_synced(await auth_client.post("/api/v1/users", json=user_body(channel_ids=[channel])))
    row = await local_user(db, 1)
    auth_sim.add_token(token=row["token"], user_id="WRONG")
    await recover(db, auth_sim, sync)
    await assert_converged(db, auth_sim)
    assert remote_tokens_of(auth_sim, "WRONG") == []


@pytest.mark.parametrize("fault", ["error_500", "timeout"])
async def test_update_during_outage_is_saved_then_converges(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int, fault: str
) -> None:
    user = await create(auth_client, channel_ids=[channel])
    auth_sim.set_fault(fault, delay=5)
    response = await auth_client.patch(f"/api/v1/users/{user['id']}", json={"max_sessions": 5, "status": "disabled"})
    assert_saved_but_not_synced(response)
    row = await local_user(db, user["id"])
    assert (row["max_sessions"], row["status"], row["auth_sync_status"]) == (5, "disabled", "failed")
    await recover(db, auth_sim, sync)
    await assert_converged(db, auth_sim)
    (remote,) = auth_sim.tokens.values()
    assert (remote.max_sessions, remote.status) == (5, "suspended")


async def test_delete_during_outage_keeps_a_tombstone_until_the_token_is_gone(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    user = await create(auth_client, channel_ids=[channel])
    auth_sim.set_fault("error_500")
    response = await auth_client.delete(f"/api/v1/users/{user['id']}")
    assert response.status_code == 502
    assert "deleted here" in response.json()["error"]["message"]
    assert (await auth_client.get(f"/api/v1/users/{user['id']}")).status_code == 404
    assert len(auth_sim.tokens) == 1
    overview = (await auth_client.get("/api/v1/auth-sync/status")).json()["data"]
    assert overview["pending_deletions"] == 1
    await recover(db, auth_sim, sync)
    assert auth_sim.tokens == {}
    assert (await db.execute(text("SELECT count(*) FROM auth_token_deletions"))).scalar_one() == 0


async def test_delete_of_a_never_synced_user_finds_its_token_by_value(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    auth_sim.set_fault("error_500", methods=["POST"])
    assert_saved_but_not_synced(await auth_client.post("/api/v1/users", json=user_body(channel_ids=[channel])))
    row = await local_user(db, 1)
    auth_sim.add_token(token=row["token"], user_id="AG-001")  # the lost create
    auth_sim.set_fault("ok")
    assert (await auth_client.delete("/api/v1/users/1")).status_code == 200
    assert auth_sim.tokens == {}


async def test_regenerate_during_outage_then_recovery_switches_tokens(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int, sim_url: str
) -> None:
    user = await create(auth_client, channel_ids=[channel])
    old = user["token"]
    auth_sim.set_fault("error_500")
    response = await auth_client.post(f"/api/v1/users/{user['id']}/regenerate-token")
    assert_saved_but_not_synced(response)
    new = (await local_user(db, user["id"]))["token"]
    assert new != old
    await recover(db, auth_sim, sync)
    await assert_converged(db, auth_sim)
    assert not await auth_allows(sim_url, old, "OTR")
    assert await auth_allows(sim_url, new, "OTR")


async def test_regenerate_stops_the_old_token_at_once(
    auth_client: Client, auth_sim: AuthSimState, db: AsyncSession, channel: int, sim_url: str
) -> None:
    user = await create(auth_client, channel_ids=[channel])
    assert await auth_allows(sim_url, user["token"], "OTR")
    response = await auth_client.post(f"/api/v1/users/{user['id']}/regenerate-token")
    assert response.status_code == 200
    new = response.json()["data"]["token"]
    assert new != user["token"]
    assert not await auth_allows(sim_url, user["token"], "OTR")
    assert await auth_allows(sim_url, new, "OTR")
    await assert_converged(db, auth_sim)


async def test_crash_between_delete_and_create_is_resumed(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    user = await create(auth_client, channel_ids=[channel])
    auth_sim.set_fault("error_500", methods=["POST"])  # the delete goes through, the create does not
    response = await auth_client.patch(f"/api/v1/users/{user['id']}", json={"agreement_number": "AG-NEW"})
    assert_saved_but_not_synced(response)
    assert auth_sim.tokens == {}  # the subscriber has no token right now ...
    await recover(db, auth_sim, sync)  # ... until the worker resumes
    await assert_converged(db, auth_sim)
    assert [t.user_id for t in auth_sim.tokens.values()] == ["AG-NEW"]


# -- rules of the Auth Service -------------------------------------------------------------------


async def test_agreement_number_change_recreates_the_token(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int, sim_url: str
) -> None:
    user = await create(auth_client, channel_ids=[channel])
    response = await auth_client.patch(f"/api/v1/users/{user['id']}", json={"agreement_number": "AG-777"})
    assert response.status_code == 200
    assert remote_tokens_of(auth_sim, "AG-001") == []
    (remote,) = remote_tokens_of(auth_sim, "AG-777")
    assert remote.token == user["token"]
    await assert_converged(db, auth_sim)
    assert await auth_allows(sim_url, user["token"], "OTR")


async def test_valid_from_change_recreates_the_token(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int
) -> None:
    user = await create(auth_client, channel_ids=[channel], valid_from="2020-01-01T00:00:00Z")
    response = await auth_client.patch(f"/api/v1/users/{user['id']}", json={"valid_from": "2021-01-01T00:00:00Z"})
    assert response.status_code == 200
    (remote,) = auth_sim.tokens.values()
    assert remote.valid_from == datetime(2021, 1, 1)
    await assert_converged(db, auth_sim)


async def test_user_with_no_playable_channel_is_denied_every_stream(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sim_url: str
) -> None:
    orphan = await add_channel(db, "GONE", status="orphaned")
    await add_channel(db, "OTR")
    user = await create(auth_client, channel_ids=[orphan])
    (remote,) = auth_sim.tokens.values()
    assert remote.status == "suspended"
    assert remote.allowed_streams == [NO_STREAMS_SENTINEL]
    for stream in ("OTR", "GONE", "anything", ""):
        assert not await auth_allows(sim_url, user["token"], stream)
    # Given a channel, the same user plays it (and only it).
    ch = await add_channel(db, "NEW")
    response = await auth_client.patch(f"/api/v1/users/{user['id']}", json={"channel_ids": [orphan, ch]})
    assert response.status_code == 200
    assert await auth_allows(sim_url, user["token"], "NEW")
    assert not await auth_allows(sim_url, user["token"], "OTR")


async def test_disabled_user_is_denied(auth_client: Client, auth_sim: AuthSimState, channel: int, sim_url: str) -> None:
    user = await create(auth_client, channel_ids=[channel], status="disabled")
    assert next(iter(auth_sim.tokens.values())).status == "suspended"
    assert not await auth_allows(sim_url, user["token"], "OTR")
    await auth_client.patch(f"/api/v1/users/{user['id']}", json={"status": "enabled"})
    assert await auth_allows(sim_url, user["token"], "OTR")


async def test_extended_subscription_after_expiry_plays_again(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int, sim_url: str
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    user = await create(auth_client, channel_ids=[channel], valid_until=(now + timedelta(hours=1)).isoformat())
    assert await auth_allows(sim_url, user["token"], "OTR")
    auth_sim.set_now(now + timedelta(hours=2))
    assert not await auth_allows(sim_url, user["token"], "OTR")
    assert next(iter(auth_sim.tokens.values())).status == "expired"  # sticky
    new_end = (now + timedelta(days=30)).isoformat()
    response = await auth_client.patch(f"/api/v1/users/{user['id']}", json={"valid_until": new_end})
    assert response.status_code == 200
    assert await auth_allows(sim_url, user["token"], "OTR")


async def test_removing_the_end_date_recreates_the_token(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int, sim_url: str
) -> None:
    user = await create(auth_client, channel_ids=[channel], valid_until="2031-01-01T00:00:00Z")
    await auth_client.patch(f"/api/v1/users/{user['id']}", json={"valid_until": None})
    (remote,) = auth_sim.tokens.values()
    assert remote.valid_until is None
    await assert_converged(db, auth_sim)


async def test_reused_token_id_is_never_patched_or_deleted(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int
) -> None:
    user = await create(auth_client, channel_ids=[channel])
    mine = (await local_user(db, user["id"]))["auth_token_id"]
    # Someone deleted our token at the Auth Service; its id is handed to another token.
    with auth_sim.lock:
        auth_sim.tokens.clear()
    stranger = auth_sim.add_token(token="stranger", user_id="OTHER", max_sessions=7)
    assert stranger.id == mine
    response = await auth_client.patch(f"/api/v1/users/{user['id']}", json={"max_sessions": 3})
    assert response.status_code == 200
    assert (stranger.max_sessions, stranger.token, stranger.user_id) == (7, "stranger", "OTHER")
    (ours,) = remote_tokens_of(auth_sim, "AG-001")
    assert ours.id != mine and ours.max_sessions == 3
    assert (await local_user(db, user["id"]))["auth_token_id"] == ours.id
    # Deleting the user must not delete the stranger's token either.
    with auth_sim.lock:
        auth_sim.tokens.pop(ours.id)
    auth_sim.add_token(token="stranger-2", user_id="OTHER2")
    assert (await auth_client.delete(f"/api/v1/users/{user['id']}")).status_code == 200
    assert {t.token for t in auth_sim.tokens.values()} == {"stranger", "stranger-2"}


async def test_times_are_sent_in_utc(auth_client: Client, auth_sim: AuthSimState, channel: int) -> None:
    await create(auth_client, channel_ids=[channel], valid_until="2030-07-01T02:00:00+05:00")
    (remote,) = auth_sim.tokens.values()
    assert remote.valid_until == datetime(2030, 6, 30, 21, 0, 0)


# -- catalogue changes through the outbox --------------------------------------------------------


async def test_package_change_updates_every_affected_user(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, sim_url: str
) -> None:
    a, b, c = [await add_channel(db, name) for name in ("A", "B", "C")]
    pkg = await add_package(db, "Basic", [a])
    other = await add_package(db, "Other", [c])
    tariff = await add_tariff(db, "Starter", [pkg])
    via_tariff = [await create(auth_client, f"T-{i}", tariff_ids=[tariff]) for i in range(3)]
    via_package = [await create(auth_client, f"P-{i}", package_ids=[pkg]) for i in range(2)]
    bystander = await create(auth_client, "X-1", package_ids=[other])
    calls_before = len(auth_sim.calls)

    # What the catalogue code does when a channel joins a package: link + outbox, one transaction.
    await db.execute(text("INSERT INTO package_channels VALUES (:p, :c)"), {"p": pkg, "c": b})
    await record_packages(db, "channel B added to Basic", [pkg])
    await db.commit()
    stats = await sync.run_once()
    assert (stats.events, stats.pushed, stats.failed) == (1, 5, 0)
    await assert_converged(db, auth_sim)
    for user in via_tariff + via_package:
        assert await auth_allows(sim_url, user["token"], "B", ip=user["agreement_number"])
    assert not await auth_allows(sim_url, bystander["token"], "B")
    assert len(auth_sim.calls) - calls_before == 5 * 2 + 6  # GET + PATCH per affected user, 6 /auth calls
    assert (await db.execute(text("SELECT count(*) FROM auth_sync_events"))).scalar_one() == 0


async def test_orphaned_channel_is_withdrawn_and_restored(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, sim_url: str
) -> None:
    a = await add_channel(db, "A")
    b = await add_channel(db, "B")
    user = await create(auth_client, channel_ids=[a, b])
    await db.execute(text("UPDATE channels SET sync_status = 'orphaned' WHERE id = :b"), {"b": b})
    await record_channels(db, "flussonic sync", [b])
    await db.commit()
    await sync.run_once()
    assert not await auth_allows(sim_url, user["token"], "B")
    assert await auth_allows(sim_url, user["token"], "A")
    await assert_converged(db, auth_sim)


# -- workers, concurrency, reconcile -------------------------------------------------------------


async def test_two_workers_never_lose_or_duplicate_a_user(
    db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, engine: Any, settings: Any
) -> None:
    from sqlalchemy.ext.asyncio import async_sessionmaker

    from playlist_service.integrations.auth_service import AuthServiceClient
    from playlist_service.integrations.factory import auth_service_config

    channel = await add_channel(db, "A")
    users = await UserFactory.add_batch(db, 120)
    await link(db, user_channels, [(user.id, channel) for user in users])
    client = AuthServiceClient(auth_service_config(settings))
    other = AuthSync(async_sessionmaker(engine, expire_on_commit=False), client, settings, backoff_base=0.0)
    other.batch_size = sync.batch_size = 16
    auth_sim.set_fault("error_500", count=10)  # a few failures on the way
    try:
        for _ in range(5):
            await asyncio.gather(sync.run_once(), other.run_once())
    finally:
        await client.aclose()
    await assert_converged(db, auth_sim)


async def test_background_worker_retries_until_converged(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    auth_sim.set_fault("error_500", count=3)
    response = await auth_client.post("/api/v1/users", json=user_body(channel_ids=[channel]))
    assert_saved_but_not_synced(response)
    await db.execute(text("UPDATE users SET auth_sync_next_at = now()"))  # skip the app's first backoff
    await db.commit()
    worker = AuthSyncWorker(sync, interval=0.02)
    worker.start()
    try:
        for _ in range(200):
            row = await local_user(db, 1)
            if row["auth_sync_status"] == "synced":
                break
            await asyncio.sleep(0.02)
    finally:
        await worker.stop()
    await assert_converged(db, auth_sim)


async def test_sync_one_user_endpoint_repairs_it(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int
) -> None:
    user = await create(auth_client, channel_ids=[channel])
    with auth_sim.lock:
        next(iter(auth_sim.tokens.values())).allowed_streams = ["tampered"]
    response = await auth_client.post(f"/api/v1/users/{user['id']}/auth-sync")
    assert response.status_code == 200
    assert response.json()["data"]["status"] == "synced"
    await assert_converged(db, auth_sim)
    auth_sim.set_fault("error_500")
    assert_saved_but_not_synced(await auth_client.post(f"/api/v1/users/{user['id']}/auth-sync"))
    assert (await auth_client.post("/api/v1/users/999999/auth-sync")).status_code == 404


async def test_reconcile_finds_and_repairs_every_kind_of_difference(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int
) -> None:
    users = [await create(auth_client, f"AG-{i}", channel_ids=[channel]) for i in range(4)]
    with auth_sim.lock:
        by_user = {t.user_id: t for t in auth_sim.tokens.values()}
        del auth_sim.tokens[by_user["AG-0"].id]  # missing
        by_user["AG-1"].max_sessions = 9  # stale
        by_user["AG-1"].allowed_streams = []
    auth_sim.add_token(token="leftover", user_id="AG-GONE", meta=OURS)  # unknown: ours, its subscriber gone
    # pointer: the local row points at another id than the one holding its token
    await db.execute(text("UPDATE users SET auth_token_id = 999 WHERE id = :i"), {"i": users[2]["id"]})
    await db.commit()

    report = (await auth_client.post("/api/v1/auth-sync/reconcile")).json()["data"]
    assert (report["missing"], report["stale"], report["pointer"], report["unknown"]) == (1, 1, 1, 1)
    assert report["repaired"] is False
    kinds = {(d["kind"], d["agreement_number"]) for d in report["differences"]}
    assert kinds == {("missing", "AG-0"), ("stale", "AG-1"), ("pointer", "AG-2"), ("unknown", "AG-GONE")}
    stale = next(d for d in report["differences"] if d["kind"] == "stale")
    assert set(stale["fields"]) == {"max_sessions", "allowed_streams"}
    assert len(auth_sim.tokens) == 4  # a dry run changes nothing

    response = await auth_client.post("/api/v1/auth-sync/reconcile", params={"repair": "true"})
    assert response.status_code == 200
    assert response.json()["data"]["repaired"] is True
    assert response.json()["data"]["repair_failures"] == 0
    assert response.json()["data"]["fixed"] == 4
    await assert_converged(db, auth_sim)
    again = (await auth_client.post("/api/v1/auth-sync/reconcile")).json()["data"]
    assert (again["missing"], again["stale"], again["pointer"], again["unknown"]) == (0, 0, 0, 0)
    assert (again["users"], again["remote_tokens"]) == (4, 4)


async def test_token_the_auth_service_marked_expired_is_not_a_reconcile_difference(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int, sim_url: str
) -> None:
    lapsed = (datetime.now(UTC) - timedelta(minutes=5)).replace(microsecond=0)
    await create(auth_client, channel_ids=[channel], valid_until=lapsed.isoformat())
    token = (await local_user(db, 1))["token"]
    assert not await auth_allows(sim_url, token, "OTR")
    assert next(iter(auth_sim.tokens.values())).status == "expired"  # rewritten by the Auth Service
    report = (await auth_client.post("/api/v1/auth-sync/reconcile")).json()["data"]
    assert (report["stale"], report["differences"]) == (0, [])
    # Extended again, the same token is a difference until pushed (the status must be sent).
    await db.execute(text("UPDATE users SET valid_until = now() + interval '30 days'"))
    await db.commit()
    report = (await auth_client.post("/api/v1/auth-sync/reconcile")).json()["data"]
    assert [set(d["fields"]) for d in report["differences"]] == [{"status", "valid_until"}]


async def test_large_batch_reads_tokens_from_the_list_and_still_checks_ownership(
    auth_client: Client,
    db: AsyncSession,
    auth_sim: AuthSimState,
    sync: AuthSync,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("playlist_service.sync.auth_sync.LIST_MIN_POINTERS", 3)
    a, b = await add_channel(db, "A"), await add_channel(db, "B")
    pkg = await add_package(db, "Basic", [a])
    users = [await create(auth_client, f"L-{i}", package_ids=[pkg]) for i in range(4)]
    # One token was deleted remotely and its id handed to a stranger's token.
    victim = await local_user(db, users[-1]["id"])  # the highest id: the one handed out next
    with auth_sim.lock:
        auth_sim.tokens.pop(victim["auth_token_id"])
    stranger = auth_sim.add_token(token="stranger", user_id="OTHER", max_sessions=7)
    assert stranger.id == victim["auth_token_id"]
    calls_before = len(auth_sim.calls)

    await db.execute(text("INSERT INTO package_channels VALUES (:p, :c)"), {"p": pkg, "c": b})
    await record_packages(db, "channel B added to Basic", [pkg])
    await db.commit()
    stats = await sync.run_once()

    assert (stats.pushed, stats.failed) == (4, 0)
    assert (stranger.token, stranger.user_id, stranger.max_sessions) == ("stranger", "OTHER", 7)
    for user in users:  # the victim's token was re-created, under a new id
        (remote,) = remote_tokens_of(auth_sim, user["agreement_number"])
        assert remote.allowed_streams == ["A", "B"]
        assert (await local_user(db, user["id"]))["auth_token_id"] == remote.id != stranger.id
    calls = auth_sim.calls[calls_before:]
    assert ("GET", "/api/tokens") in calls
    # No GET per user: only the victim, whose listed id now holds somebody else's token, is read again.
    assert [c for c in calls if c[0] == "GET" and c[1].startswith("/api/tokens/")] == [
        ("GET", f"/api/tokens/{stranger.id}")
    ]


async def test_patch_that_hit_a_reused_id_re_pushes_its_owner(
    auth_client: Client,
    db: AsyncSession,
    auth_sim: AuthSimState,
    sync: AuthSync,
    channel: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = await create(auth_client, "AG-001", channel_ids=[channel])
    second = await create(auth_client, "AG-002", channel_ids=[channel], max_sessions=5)
    one, two = await local_user(db, first["id"]), await local_user(db, second["id"])
    # The batch read AG-001's token; then it was deleted and AG-002's token took its id.
    read = {t.id: t for t in await sync.client.list_tokens() if t.id == one["auth_token_id"]}
    with auth_sim.lock:
        auth_sim.tokens.pop(one["auth_token_id"])
        theirs = auth_sim.tokens.pop(two["auth_token_id"])
        theirs.id = one["auth_token_id"]
        auth_sim.tokens[theirs.id] = theirs

    async def stale_listing(user_ids: Any) -> Any:
        return read

    monkeypatch.setattr(sync, "_list_tokens_for", stale_listing)
    await db.execute(text("UPDATE users SET max_sessions = 3 WHERE id = :u"), {"u": first["id"]})
    await db.commit()
    (outcome,) = await sync.push_users([first["id"]])

    assert not outcome.ok and outcome.overwritten == second["token"]
    assert theirs.max_sessions == 3  # written over: so AG-002 is pending again
    assert (await local_user(db, second["id"]))["auth_sync_status"] == "pending"
    monkeypatch.undo()
    await recover(db, auth_sim, sync)
    await assert_converged(db, auth_sim)
    assert {t.user_id: t.max_sessions for t in auth_sim.tokens.values()} == {"AG-001": 3, "AG-002": 5}
