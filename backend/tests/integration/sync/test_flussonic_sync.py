"""``POST /channels/sync`` against the Flussonic simulator (spec §6.1)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker

from devtools.simulators.flussonic.lineup import make_stream, seed_lineup
from playlist_service.db.models import SyncRunStatus
from playlist_service.errors import ConflictError
from playlist_service.sync import flussonic_sync
from playlist_service.sync.flussonic_sync import SYNC_LOCK_KEY
from tests.factories import FlussonicSyncRunFactory
from tests.integration.catalog_helpers import add_named, add_user, assert_error, data, events, link, scalar

pytestmark = pytest.mark.usefixtures("paged_flussonic")
SYNC = "/api/v1/channels/sync"
# The simulator lists 160 streams; 2 of them are disabled, which the sync leaves out by default.
SEED = sum(1 for s in seed_lineup() if not s["disabled"])


async def snapshot(db: Any) -> list[tuple[Any, ...]]:
    rows = await db.execute(
        text(
            "SELECT id, stream_name, tvg_name, display_name, stream_base_url, catchup_days, tvg_id, tvg_logo, "
            "group_id, sort_order, sync_status, last_seen_at, updated_at FROM channels ORDER BY id"
        )
    )
    result = [tuple(r) for r in rows]
    await db.commit()
    return result


async def runs(db: Any) -> list[Any]:
    rows = (await db.execute(text("SELECT * FROM flussonic_sync_runs ORDER BY id"))).mappings().all()
    await db.commit()
    return list(rows)


async def test_first_sync_adds_every_stream_in_flussonic_order(auth_client, db, flussonic_sim, admin):
    result = data(await auth_client.post(SYNC))
    assert (result["total"], result["new"], result["updated"], result["unchanged"]) == (SEED, SEED, 0, 0)
    assert (result["orphaned"], result["restored"], result["forced"]) == (0, 0, False)
    rows = (await db.execute(text("SELECT * FROM channels ORDER BY sort_order"))).mappings().all()
    assert [r["stream_name"] for r in rows] == [s["name"] for s in flussonic_sim.streams if not s["disabled"]]
    assert [r["sort_order"] for r in rows] == list(range(1, SEED + 1))
    assert all(r["last_seen_at"] is not None and r["sync_status"] == "synced" for r in rows)
    by_name = {r["stream_name"]: r for r in rows}
    assert by_name["perviy"]["display_name"] == "Первый канал"
    assert by_name["no-title"]["display_name"] == "no-title"
    assert by_name["dvr-no-expiration"]["catchup_days"] is None
    assert by_name["russia24"]["catchup_days"] == 2  # position 1: dvr 2 days
    assert by_name["perviy"]["catchup_days"] is None  # position 0: no dvr
    [run] = await runs(db)
    assert run["status"] == "succeeded" and run["new"] == SEED and run["triggered_by_id"] == admin["id"]
    assert run["finished_at"] >= run["started_at"] and run["error"] is None
    assert result["run_id"] == run["id"]


async def test_unchanged_resync_writes_nothing_but_last_seen(auth_client, db, flussonic_sim):
    data(await auth_client.post(SYNC))
    before = await snapshot(db)
    result = data(await auth_client.post(SYNC))
    assert (result["new"], result["updated"], result["unchanged"], result["orphaned"]) == (0, 0, SEED, 0)
    after = await snapshot(db)
    assert [r[:-2] for r in before] == [r[:-2] for r in after]  # all but last_seen_at, updated_at
    assert [r[-1] for r in before] == [r[-1] for r in after]  # updated_at untouched
    assert all(b[-2] < a[-2] for b, a in zip(before, after, strict=True))  # last_seen_at advanced


async def test_changed_flussonic_fields_update_and_ui_fields_survive(auth_client, db, flussonic_sim):
    data(await auth_client.post(SYNC))
    group = await add_named(db, "groups", "News")
    await db.execute(
        text(
            "UPDATE channels SET tvg_id = 'epg1', tvg_logo = 'data:image/png;base64,AAAA', group_id = :g, "
            "sort_order = 999 WHERE stream_name = 'perviy'"
        ),
        {"g": group},
    )
    await db.commit()
    flussonic_sim.streams[0]["title"] = "Первый HD"
    flussonic_sim.streams[0]["dvr"] = {"expiration": 3 * 86400 + 3600}
    flussonic_sim.streams[1]["title"] = "Russia 24"
    result = data(await auth_client.post(SYNC))
    assert (result["updated"], result["unchanged"], result["new"]) == (2, SEED - 2, 0)
    row = (await db.execute(text("SELECT * FROM channels WHERE stream_name = 'perviy'"))).mappings().one()
    assert (row["display_name"], row["tvg_name"], row["catchup_days"]) == ("Первый HD", "Первый HD", 3)
    assert (row["tvg_id"], row["tvg_logo"], row["group_id"], row["sort_order"]) == (
        "epg1",
        "data:image/png;base64,AAAA",
        group,
        999,
    )


async def test_missing_streams_are_orphaned_and_come_back_restored(auth_client, db, flussonic_sim):
    data(await auth_client.post(SYNC))
    removed = flussonic_sim.streams[10:13]
    del flussonic_sim.streams[10:13]
    result = data(await auth_client.post(SYNC))
    assert (result["total"], result["orphaned"], result["unchanged"]) == (SEED - 3, 3, SEED - 3)
    statuses = dict((await db.execute(text("SELECT stream_name, sync_status FROM channels"))).all())
    assert {n for n, s in statuses.items() if s == "orphaned"} == {s["name"] for s in removed}
    await db.commit()

    flussonic_sim.streams[10:10] = removed
    result = data(await auth_client.post(SYNC))
    assert (result["restored"], result["updated"], result["orphaned"], result["new"]) == (3, 3, 0, 0)
    assert await scalar(db, "SELECT count(*) FROM channels WHERE sync_status = 'orphaned'") == 0


async def test_new_streams_go_to_the_end_in_flussonic_order(auth_client, db, flussonic_sim):
    data(await auth_client.post(SYNC))
    await db.execute(text("UPDATE channels SET sort_order = 500 WHERE stream_name = 'kultura'"))
    await db.commit()
    flussonic_sim.streams.insert(0, make_stream("zz-first", "First new", -2))
    flussonic_sim.streams.insert(5, make_stream("aa-second", "Second new", -1))
    result = data(await auth_client.post(SYNC))
    assert result["new"] == 2
    rows = dict((await db.execute(text("SELECT stream_name, sort_order FROM channels"))).all())
    assert (rows["zz-first"], rows["aa-second"]) == (501, 502)
    assert rows["perviy"] == 1


async def test_failure_in_the_middle_of_pagination_changes_nothing(auth_client, db, flussonic_sim):
    data(await auth_client.post(SYNC))
    before = await snapshot(db)
    del flussonic_sim.streams[:50]
    flussonic_sim.streams[60]["title"] = "renamed"
    flussonic_sim.fault, flussonic_sim.fault_page = "non_json", 3
    error = assert_error(await auth_client.post(SYNC), 502, "FLUSSONIC_ERROR")
    assert "page 3" in error["message"]
    assert await snapshot(db) == before
    _, failed = await runs(db)
    assert failed["status"] == "failed" and "page 3" in failed["error"] and failed["finished_at"] is not None
    stats = data(await auth_client.get("/api/v1/dashboard/stats"))
    assert stats["last_sync"]["status"] == "failed" and stats["last_sync"]["error"] == failed["error"]
    assert stats["last_successful_sync_at"] is not None


async def test_database_failure_mid_write_rolls_everything_back(auth_client, db, flussonic_sim, monkeypatch):
    data(await auth_client.post(SYNC))
    before = await snapshot(db)
    del flussonic_sim.streams[:3]
    flussonic_sim.streams.append(make_stream("brand-new", "Brand new", 999))

    async def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(flussonic_sync, "record_channels", broken)
    assert_error(await auth_client.post(SYNC), 500, "INTERNAL_ERROR")
    assert await snapshot(db) == before
    recorded = (await runs(db))[-1]["error"]
    assert recorded.startswith("Internal error during the sync (RuntimeError); nothing was changed.")


async def test_second_sync_while_one_runs_is_refused(auth_client, db, engine, flussonic_sim):
    async with engine.connect() as other_instance:
        await other_instance.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SYNC_LOCK_KEY})
        error = assert_error(await auth_client.post(SYNC), 409, "CONFLICT")
        assert "already running" in error["message"]
        await other_instance.rollback()
    assert await runs(db) == []
    data(await auth_client.post(SYNC))


async def test_two_simultaneous_syncs_one_wins(engine, flussonic_sim, paged_flussonic, settings):
    """Two app instances (two sessions) at once: exactly one runs, the other is refused."""
    flussonic_sim.delay = 0.05
    makers = async_sessionmaker(engine, expire_on_commit=False)

    async def attempt() -> str:
        async with makers() as session:
            try:
                await flussonic_sync.sync_channels(session, makers, paged_flussonic)
            except ConflictError as exc:
                return exc.message
            return "ok"

    outcomes = await asyncio.gather(attempt(), attempt())
    assert sorted(outcomes)[1] == "ok" and "already running" in sorted(outcomes)[0]


async def test_near_total_orphaning_is_refused_unless_forced(auth_client, db, flussonic_sim):
    data(await auth_client.post(SYNC))
    before = await snapshot(db)
    del flussonic_sim.streams[80:]  # would orphan exactly half
    error = assert_error(await auth_client.post(SYNC), 409, "CONFLICT", field="force")
    assert f"80 of the {SEED}" in error["message"]
    assert await snapshot(db) == before
    refused = (await runs(db))[-1]
    assert refused["status"] == "failed" and "Refused" in refused["error"]

    result = data(await auth_client.post(SYNC, params={"force": "true"}))
    assert (result["orphaned"], result["forced"]) == (80, True)
    assert (await runs(db))[-1]["forced"] is True


async def test_force_in_the_body_works_too(auth_client, flussonic_sim):
    data(await auth_client.post(SYNC))
    flussonic_sim.streams = []
    assert_error(await auth_client.post(SYNC, json={}), 409, "CONFLICT")
    result = data(await auth_client.post(SYNC, json={"force": True}))
    assert (result["total"], result["orphaned"]) == (0, SEED)


async def test_small_orphaning_passes_the_guard(auth_client, flussonic_sim):
    data(await auth_client.post(SYNC))
    del flussonic_sim.streams[:80]  # 2 of them disabled (never synced): 78 of 158, just under half
    assert data(await auth_client.post(SYNC))["orphaned"] == SEED // 2 - 1


async def test_empty_flussonic_on_an_empty_catalogue_is_fine(auth_client, db, flussonic_sim):
    flussonic_sim.streams = []
    result = data(await auth_client.post(SYNC))
    assert (result["total"], result["new"], result["orphaned"]) == (0, 0, 0)


async def test_bad_force_value_and_unknown_body_fields_are_refused(auth_client, flussonic_sim):
    assert_error(await auth_client.post(SYNC, params={"force": "maybe"}), 422, "VALIDATION_ERROR", field="force")
    assert_error(await auth_client.post(SYNC, json={"forse": True}), 422, "VALIDATION_ERROR")


async def test_stale_running_run_is_closed_by_the_next_sync(auth_client, db, flussonic_sim):
    await FlussonicSyncRunFactory.add(db, status=SyncRunStatus.RUNNING)
    data(await auth_client.post(SYNC))
    stale, done = await runs(db)
    assert stale["status"] == "failed" and "Interrupted" in stale["error"]
    assert done["status"] == "succeeded"


async def test_orphaning_and_restoring_record_affected_subscribers(auth_client, db, flussonic_sim):
    data(await auth_client.post(SYNC))
    ids = dict((await db.execute(text("SELECT stream_name, id FROM channels"))).all())
    await db.commit()
    direct, via_package, via_tariff, bystander = [await add_user(db, f"AG-{i}") for i in range(4)]
    package = await add_named(db, "packages", "Basic")
    tariff = await add_named(db, "tariffs", "Start")
    await link(db, "user_channels", [(direct, ids["perviy"]), (bystander, ids["kultura"])])
    await link(db, "package_channels", [(package, ids["russia24"])])
    await link(db, "user_packages", [(via_package, package)])
    await link(db, "tariff_packages", [(tariff, package)])
    await link(db, "user_tariffs", [(via_tariff, tariff)])

    removed = [s for s in flussonic_sim.streams if s["name"] in ("perviy", "russia24")]
    flussonic_sim.streams = [s for s in flussonic_sim.streams if s not in removed]
    data(await auth_client.post(SYNC))
    assert await events(db) == [("flussonic sync", sorted([direct, via_package, via_tariff]))]

    await db.execute(text("DELETE FROM auth_sync_events"))
    await db.commit()
    flussonic_sim.streams.extend(removed)
    assert data(await auth_client.post(SYNC))["restored"] == 2
    assert await events(db) == [("flussonic sync", sorted([direct, via_package, via_tariff]))]

    await db.execute(text("DELETE FROM auth_sync_events"))
    await db.commit()
    data(await auth_client.post(SYNC))  # nothing orphaned or restored: no event
    assert await events(db) == []


FAULTS: list[tuple[dict[str, Any], str]] = [
    ({"fault": "status", "fault_page": 2}, "failed on page 2 "),
    ({"fault": "status", "fault_status": 404, "fault_page": 3}, "HTTP 404"),
    ({"fault": "wrong_shape", "fault_page": 2}, "unexpected response shape"),
    ({"fault": "jsonapi_error", "fault_message": "limit is too large"}, "limit is too large"),
    ({"fault": "legacy_error", "fault_status": 200, "fault_page": 4}, "reported an error"),
    ({"delay": 3.0, "delay_page": 3}, "failed on page 3 (http"),  # a timeout mid-pagination
    ({"stuck_cursor": True}, "cursor it had already returned"),
    ({"token": "another-key"}, "credentials rejected"),
]


@pytest.mark.parametrize(("knobs", "expected"), FAULTS)
async def test_every_flussonic_failure_is_a_502_and_changes_nothing(auth_client, db, flussonic_sim, knobs, expected):
    data(await auth_client.post(SYNC))
    before = await snapshot(db)
    flussonic_sim.streams[5]["title"] = "renamed"
    flussonic_sim.configure(knobs)
    error = assert_error(await auth_client.post(SYNC), 502, "FLUSSONIC_ERROR")
    assert expected in error["message"]
    assert await snapshot(db) == before
    assert (await runs(db))[-1]["error"] == error["message"]


async def test_an_unreachable_flussonic_is_a_502(auth_client, db, use_flussonic):
    use_flussonic(url="http://127.0.0.1:9")  # discard port: nothing listens
    error = assert_error(await auth_client.post(SYNC), 502, "FLUSSONIC_ERROR")
    assert "cannot connect" in error["message"] and "FLUSSONIC_URL" in error["message"]
    assert (await runs(db))[-1]["status"] == "failed"
