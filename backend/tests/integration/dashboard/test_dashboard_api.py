"""``GET /dashboard/stats`` (spec §7.3 Dashboard, §8.3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from playlist_service.db.models import AuthReconcileRun, SyncRunStatus
from tests.factories import AuthSyncEventFactory, AuthTokenDeletionFactory, FlussonicSyncRunFactory
from tests.integration.catalog_helpers import add_channels, add_named, add_user, data


async def test_empty_dashboard(auth_client):
    stats = data(await auth_client.get("/api/v1/dashboard/stats"))
    assert stats == {
        "channels": {"total": 0, "synced": 0, "orphaned": 0},
        "groups": 0,
        "packages": 0,
        "tariffs": 0,
        "users": {"total": 0, "enabled": 0},
        "auth_sync": {
            "pending": 0,
            "failed": 0,
            "pending_deletions": 0,
            "queued_events": 0,
            "check_every": None,
            "last_check": None,
        },
        "last_sync": None,
        "last_successful_sync_at": None,
    }


async def test_counts_and_last_sync(auth_client, db):
    await add_channels(db, 3)
    await add_channels(db, 2, prefix="o", status="orphaned")
    await add_named(db, "groups", "G")
    for name in ("P1", "P2"):
        await add_named(db, "packages", name)
    await add_named(db, "tariffs", "T")
    await add_user(db, "A1")
    await add_user(db, "A2", status="disabled", auth_sync="pending")
    await add_user(db, "A3", auth_sync="failed")
    two_hours_ago, an_hour_ago = datetime.now(UTC) - timedelta(hours=2), datetime.now(UTC) - timedelta(hours=1)
    await FlussonicSyncRunFactory.add(db, started_at=two_hours_ago, finished_at=two_hours_ago, total=5, new=5)
    await FlussonicSyncRunFactory.add(
        db, status=SyncRunStatus.FAILED, started_at=an_hour_ago, finished_at=an_hour_ago, error="Flussonic down"
    )
    await AuthTokenDeletionFactory.add(db, auth_token_id=7, token="gone-1")
    await AuthTokenDeletionFactory.add(db, auth_token_id=0, token="gone-2")
    await AuthSyncEventFactory.add(db, reason="package 1 changed", package_ids=[1])
    db.add(AuthReconcileRun(status=SyncRunStatus.SUCCEEDED, started_at=two_hours_ago, repair=True, missing=9))
    db.add(
        AuthReconcileRun(
            status=SyncRunStatus.SUCCEEDED,
            started_at=an_hour_ago,
            finished_at=an_hour_ago,
            scheduled=True,
            repair=True,
            users=3,
            remote_tokens=4,
            missing=1,
            stale=2,
            unknown=1,
            foreign=5,
            fixed=3,
            repair_failures=1,
        )
    )
    await db.commit()
    stats = data(await auth_client.get("/api/v1/dashboard/stats"))
    assert stats["channels"] == {"total": 5, "synced": 3, "orphaned": 2}
    assert (stats["groups"], stats["packages"], stats["tariffs"]) == (1, 2, 1)
    assert stats["users"] == {"total": 3, "enabled": 2}
    check = stats["auth_sync"].pop("last_check")
    assert stats["auth_sync"] == {
        "pending": 1,
        "failed": 1,
        "pending_deletions": 2,
        "queued_events": 1,
        "check_every": None,  # the test app runs no worker
    }
    # The newest check, its differences summed (missing + stale + pointer + unknown; foreign apart).
    assert (check["scheduled"], check["differences"], check["fixed"], check["repair_failures"]) == (True, 4, 3, 1)
    assert (check["foreign"], check["users"], check["status"]) == (5, 3, "succeeded")
    assert stats["last_sync"]["status"] == "failed" and stats["last_sync"]["error"] == "Flussonic down"
    assert stats["last_successful_sync_at"] is not None
