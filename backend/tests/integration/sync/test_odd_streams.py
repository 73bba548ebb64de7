"""One odd stream from Flussonic must not fail the whole sync (nor with a status that blames the admin)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker

from devtools.simulators.flussonic.lineup import DAY, make_stream
from playlist_service.integrations.flussonic import MAX_CATCHUP_DAYS, FlussonicClient
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


async def test_nul_in_titles_is_dropped_and_a_nul_name_is_skipped(auth_client, db, flussonic_sim, app_log):
    flussonic_sim.streams = [
        make_stream("a", "A\x00B", 0),
        make_stream("bad\x00name", "Bad", 1),
        make_stream("c", "C", 2),
    ]
    result = data(await auth_client.post(SYNC))  # was 422 VALIDATION_ERROR although the admin sent nothing
    assert (result["total"], result["new"], result["skipped"]) == (2, 2, 1)
    assert result["skipped_streams"] == [{"name": "bad\\0name", "reason": "name contains a NUL character"}]
    assert "WARNING playlist_service.sync.flussonic_sync: Skipping Flussonic stream 'bad\\x00name'" in app_log.text
    rows = await channels(db)
    assert sorted(rows) == ["a", "c"]
    assert (rows["a"]["display_name"], rows["a"]["tvg_name"]) == ("AB", "AB")


async def test_labels_are_requested_only_when_configured_and_odd_values_are_ignored(
    auth_client, db, flussonic_sim, use_flussonic
):
    data(await auth_client.post(SYNC))
    selects = {dict(r["query"])["select"] for r in flussonic_sim.requests if r["path"].endswith("/streams")}
    assert selects == {"name,title,disabled,dvr.expiration"}

    use_flussonic(tvg_name_label="epg")
    flussonic_sim.requests.clear()
    flussonic_sim.streams = [make_stream(n, n.upper(), i) for i, n in enumerate(["num", "obj", "str", "list", "none"])]
    flussonic_sim.streams[0]["labels"] = {"epg": 5, "other": "x"}
    flussonic_sim.streams[1]["labels"] = {"epg": {"nested": "x"}}
    flussonic_sim.streams[2]["labels"] = {"epg": "epg-str\x00"}
    flussonic_sim.streams[3]["labels"] = ["not", "a", "map"]
    data(await auth_client.post(SYNC, params={"force": "true"}))
    selects = {dict(r["query"])["select"] for r in flussonic_sim.requests if r["path"].endswith("/streams")}
    assert selects == {"name,title,disabled,dvr.expiration,labels"}
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


async def runs(db: Any) -> list[Any]:
    rows = (await db.execute(text("SELECT * FROM flussonic_sync_runs ORDER BY id"))).mappings().all()
    await db.commit()
    return list(rows)


async def test_unusable_streams_are_skipped_counted_and_named_not_fatal(auth_client, db, flussonic_sim):
    long_name = "y" * 300
    flussonic_sim.streams = [make_stream(n, n.upper(), i) for i, n in enumerate(["a", "empty", "long", "str", "bad"])]
    flussonic_sim.streams[1]["name"] = ""
    flussonic_sim.streams[2]["name"] = long_name
    flussonic_sim.streams[3]["dvr"] = {"expiration": "604800"}  # a numeric string: accepted
    flussonic_sim.streams[4]["dvr"] = {"expiration": "a week"}

    result = data(await auth_client.post(SYNC))  # was 502 "unexpected response shape" for all of them

    assert (result["total"], result["new"], result["skipped"]) == (2, 2, 3)
    rows = await channels(db)
    assert sorted(rows) == ["a", "str"] and rows["str"]["catchup_days"] == 7
    by_name = {item["name"]: item["reason"] for item in result["skipped_streams"]}
    assert set(by_name) == {None, "y" * 119 + "…", "bad"}
    assert by_name[None].startswith("no usable name") and "$.name" in by_name[None]
    assert by_name["y" * 119 + "…"] == "name longer than 255 characters (300)"
    assert "dvr.expiration" in by_name["bad"]
    [run] = await runs(db)
    assert (run["status"], run["total"], run["skipped"]) == ("succeeded", 2, 3)
    assert run["skipped_streams"] == result["skipped_streams"]
    last = data(await auth_client.get("/api/v1/dashboard/stats"))["last_sync"]
    assert (last["skipped"], last["skipped_streams"]) == (3, result["skipped_streams"])


async def test_only_the_first_ten_skipped_streams_are_named_but_all_are_counted(auth_client, flussonic_sim):
    flussonic_sim.streams = [make_stream(f"s{i:02d}", "T", i) for i in range(15)] + [make_stream("ok", "OK", 15)]
    for stream in flussonic_sim.streams[:15]:
        stream["title"] = 5
    result = data(await auth_client.post(SYNC))
    assert (result["total"], result["skipped"]) == (1, 15)
    assert [item["name"] for item in result["skipped_streams"]] == [f"s{i:02d}" for i in range(10)]


async def test_a_skipped_stream_leaves_its_channel_as_it_was(auth_client, db, flussonic_sim):
    flussonic_sim.streams = [make_stream(n, n.upper(), i, dvr_days=3) for i, n in enumerate(["a", "b", "c"])]
    data(await auth_client.post(SYNC))
    before = (await channels(db))["b"]
    flussonic_sim.streams[1]["dvr"] = {"expiration": [1, 2]}
    flussonic_sim.streams[1]["title"] = "Renamed"

    result = data(await auth_client.post(SYNC))

    assert (result["total"], result["skipped"], result["orphaned"], result["unchanged"]) == (2, 1, 0, 2)
    after = (await channels(db))["b"]
    assert after == before  # not orphaned, not renamed, not even last_seen_at: this answer was unreadable


async def test_the_orphan_guard_counts_streams_that_lost_their_names(auth_client, db, flussonic_sim):
    flussonic_sim.streams = [make_stream(n, n.upper(), i) for i, n in enumerate(["a", "b", "c", "d"])]
    data(await auth_client.post(SYNC))
    for stream in flussonic_sim.streams:
        del stream["name"]

    error = assert_error(await auth_client.post(SYNC), 409, "CONFLICT", field="force")

    assert "listed 0 usable streams (4 more skipped as unusable)" in error["message"]
    assert "orphan 4 of the 4" in error["message"]
    assert {row["sync_status"] for row in (await channels(db)).values()} == {"synced"}


@pytest.mark.parametrize("body", [{"streams": {"oops": "not a list"}}, {"streams": None}, ["a", "b"], "streams"])
async def test_a_page_of_the_wrong_shape_still_fails_the_sync(auth_client, db, flussonic_sim, body, monkeypatch):
    flussonic_sim.streams = [make_stream("a", "A", 0)]
    data(await auth_client.post(SYNC))
    flussonic_sim.streams = []
    flussonic_sim.fault = "wrong_shape"
    flussonic_sim.wrong_shape_body = body

    error = assert_error(await auth_client.post(SYNC), 502, "FLUSSONIC_ERROR")

    assert "unexpected response shape" in error["message"]
    assert [row["sync_status"] for row in (await channels(db)).values()] == ["synced"]
    assert [run["status"] for run in await runs(db)] == ["succeeded", "failed"]


async def test_disabled_streams_stay_out_by_default_and_return_when_enabled(auth_client, db, flussonic_sim):
    flussonic_sim.streams = [make_stream(n, n.upper(), i) for i, n in enumerate(["a", "b", "c", "d"])]
    flussonic_sim.streams[3]["disabled"] = True
    assert data(await auth_client.post(SYNC))["total"] == 3
    assert sorted(await channels(db)) == ["a", "b", "c"]

    flussonic_sim.streams[0]["disabled"] = "true"  # as a string, too
    result = data(await auth_client.post(SYNC))
    assert (result["total"], result["orphaned"], result["skipped"]) == (2, 1, 0)
    assert (await channels(db))["a"]["sync_status"] == "orphaned"

    flussonic_sim.streams[0]["disabled"] = False
    result = data(await auth_client.post(SYNC))
    assert (result["restored"], result["total"]) == (1, 3)
    assert (await channels(db))["a"]["sync_status"] == "synced"


async def test_flussonic_include_disabled_keeps_disabled_streams(engine, flussonic_sim, paged_flussonic):
    flussonic_sim.streams = [make_stream("on", "On", 0), make_stream("off", "Off", 1, disabled=True)]
    makers = async_sessionmaker(engine, expire_on_commit=False)
    client: FlussonicClient = paged_flussonic
    async with makers() as session:
        result = await flussonic_sync.sync_channels(session, makers, client, include_disabled=True)
    assert (result.total, result.new, result.skipped) == (2, 2, 0)
