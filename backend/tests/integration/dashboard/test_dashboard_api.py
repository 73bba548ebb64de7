"""``GET /dashboard/stats`` (spec §7.3 Dashboard, §8.3)."""

from __future__ import annotations

from sqlalchemy import text

from tests.integration.catalog_helpers import add_channels, add_named, add_user, data


async def test_empty_dashboard(auth_client):
    stats = data(await auth_client.get("/api/v1/dashboard/stats"))
    assert stats == {
        "channels": {"total": 0, "synced": 0, "orphaned": 0},
        "groups": 0,
        "packages": 0,
        "tariffs": 0,
        "users": {"total": 0, "enabled": 0},
        "auth_sync": {"pending": 0, "failed": 0, "pending_deletions": 0, "queued_events": 0},
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
    await db.execute(
        text(
            "INSERT INTO flussonic_sync_runs (status, started_at, finished_at, total, new) VALUES "
            "('succeeded', now() - interval '2 hours', now() - interval '2 hours', 5, 5), "
            "('failed', now() - interval '1 hour', now() - interval '1 hour', 0, 0)"
        )
    )
    await db.execute(text("UPDATE flussonic_sync_runs SET error = 'Flussonic down' WHERE status = 'failed'"))
    await db.execute(
        text("INSERT INTO auth_token_deletions (auth_token_id, token) VALUES (7, 'gone-1'), (0, 'gone-2')")
    )
    await db.execute(text("INSERT INTO auth_sync_events (reason, package_ids) VALUES ('package 1 changed', '{1}')"))
    await db.commit()
    stats = data(await auth_client.get("/api/v1/dashboard/stats"))
    assert stats["channels"] == {"total": 5, "synced": 3, "orphaned": 2}
    assert (stats["groups"], stats["packages"], stats["tariffs"]) == (1, 2, 1)
    assert stats["users"] == {"total": 3, "enabled": 2}
    assert stats["auth_sync"] == {"pending": 1, "failed": 1, "pending_deletions": 2, "queued_events": 1}
    assert stats["last_sync"]["status"] == "failed" and stats["last_sync"]["error"] == "Flussonic down"
    assert stats["last_successful_sync_at"] is not None
