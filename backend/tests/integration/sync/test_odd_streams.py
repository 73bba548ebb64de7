"""One odd stream from Flussonic must not fail the whole sync (nor with a status that blames the admin)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from devtools.simulators.flussonic.lineup import DAY, make_stream
from playlist_service.integrations.flussonic import MAX_CATCHUP_DAYS
from playlist_service.sync import flussonic_sync
from tests.integration.catalog_helpers import assert_error, data

pytestmark = pytest.mark.usefixtures("paged_flussonic")
SYNC = "/api/v1/channels/sync"


async def channels(db: Any) -> dict[str, Any]:
    rows = (await db.execute(text("SELECT * FROM channels"))).mappings().all()
    await db.commit()
    return {r["stream_name"]: r for r in rows}


async def test_absurd_dvr_depths_are_clamped(auth_client, db, flussonic_sim):
    flussonic_sim.streams = [make_stream(n, n.upper(), i) for i, n in enumerate(["huge", "float", "edge", "ok"])]
    flussonic_sim.streams[0]["dvr"] = {"expiration": 864_000_000_000_000}  # int4 overflow before: 500
    flussonic_sim.streams[1]["dvr"] = {"expiration": 1e300}  # a 300-digit int before
    flussonic_sim.streams[2]["dvr"] = {"expiration": MAX_CATCHUP_DAYS * DAY}
    flussonic_sim.streams[3]["dvr"] = {"expiration": 7 * DAY}
    assert data(await auth_client.post(SYNC))["new"] == 4
    days = {name: row["catchup_days"] for name, row in (await channels(db)).items()}
    assert days == {"huge": MAX_CATCHUP_DAYS, "float": MAX_CATCHUP_DAYS, "edge": MAX_CATCHUP_DAYS, "ok": 7}


async def test_nul_in_titles_is_dropped_and_a_nul_name_is_skipped(auth_client, db, flussonic_sim):
    flussonic_sim.streams = [
        make_stream("a", "A\x00B", 0),
        make_stream("bad\x00name", "Bad", 1),
        make_stream("c", "C", 2),
    ]
    result = data(await auth_client.post(SYNC))  # was 422 VALIDATION_ERROR although the admin sent nothing
    assert (result["total"], result["new"]) == (2, 2)
    rows = await channels(db)
    assert sorted(rows) == ["a", "c"]
    assert (rows["a"]["display_name"], rows["a"]["tvg_name"]) == ("AB", "AB")


async def test_labels_are_requested_only_when_configured_and_odd_values_are_ignored(
    auth_client, db, flussonic_sim, use_flussonic
):
    data(await auth_client.post(SYNC))
    selects = {dict(r["query"])["select"] for r in flussonic_sim.requests if r["path"].endswith("/streams")}
    assert selects == {"name,title,dvr.expiration"}

    use_flussonic(tvg_name_label="epg")
    flussonic_sim.requests.clear()
    flussonic_sim.streams = [make_stream(n, n.upper(), i) for i, n in enumerate(["num", "obj", "str", "list", "none"])]
    flussonic_sim.streams[0]["labels"] = {"epg": 5, "other": "x"}
    flussonic_sim.streams[1]["labels"] = {"epg": {"nested": "x"}}
    flussonic_sim.streams[2]["labels"] = {"epg": "epg-str\x00"}
    flussonic_sim.streams[3]["labels"] = ["not", "a", "map"]
    data(await auth_client.post(SYNC, params={"force": "true"}))
    selects = {dict(r["query"])["select"] for r in flussonic_sim.requests if r["path"].endswith("/streams")}
    assert selects == {"name,title,dvr.expiration,labels"}
    tvg = {name: row["tvg_name"] for name, row in (await channels(db)).items() if row["sync_status"] == "synced"}
    assert tvg == {"num": "NUM", "obj": "OBJ", "str": "epg-str", "list": "LIST", "none": "NONE"}


async def test_a_database_error_is_recorded_as_a_short_message_without_sql(auth_client, db, flussonic_sim, monkeypatch):
    # Let a too-long title reach the varchar(255) column: a real DBAPIError (22001) mid-sync.
    monkeypatch.setattr(flussonic_sync, "_MAX_TEXT", 10_000)
    flussonic_sim.streams = [make_stream(f"s{i}", "T" * (300 if i == 7 else 5), i) for i in range(50)]
    error = assert_error(await auth_client.post(SYNC), 500, "INTERNAL_ERROR")  # was 422: the admin sent nothing
    run = (await db.execute(text("SELECT * FROM flussonic_sync_runs"))).mappings().one()
    await db.commit()
    assert run["status"] == "failed"
    recorded = run["error"]
    assert "DBAPIError" in recorded and "nothing was changed" in recorded and f"sync run {run['id']}" in recorded
    assert len(recorded) < 200 and "INSERT" not in recorded and "s49" not in recorded
    assert error["message"] == recorded
    assert await channels(db) == {}
