"""``GET /channels/sync-runs`` (every recorded run, newest first) and ``GET /flussonic/status``."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.integration.catalog_helpers import assert_error, data

RUNS = "/api/v1/channels/sync-runs"
STATUS = "/api/v1/flussonic/status"


async def test_sync_runs_are_listed_newest_first_with_every_recorded_field(auth_client, db, admin):
    await db.execute(
        text(
            "INSERT INTO flussonic_sync_runs (status, started_at, finished_at, forced, triggered_by_id, total, new, "
            "updated, unchanged, orphaned, restored, error) VALUES "
            "('succeeded', now() - interval '3 hours', now() - interval '3 hours', false, :a, 5, 5, 0, 0, 0, 0, NULL),"
            "('failed', now() - interval '2 hours', now() - interval '2 hours', true, NULL, 0, 0, 0, 0, 0, 0, 'down'),"
            "('running', now() - interval '1 hour', NULL, false, :a, 0, 0, 0, 0, 0, 0, NULL)"
        ),
        {"a": admin["id"]},
    )
    await db.commit()
    first = data(await auth_client.get(RUNS, params={"per_page": 2}))
    assert (first["total"], first["pages"], first["page"]) == (3, 2, 1)
    assert [r["id"] for r in first["items"]] == [3, 2]
    running, failed = first["items"]
    assert (running["status"], running["finished_at"], running["triggered_by_id"]) == ("running", None, admin["id"])
    assert (failed["status"], failed["forced"], failed["error"]) == ("failed", True, "down")
    [oldest] = data(await auth_client.get(RUNS, params={"per_page": 2, "page": 2}))["items"]
    assert oldest["id"] == 1 and (oldest["total"], oldest["new"], oldest["status"]) == (5, 5, "succeeded")
    assert set(oldest) == {
        "id", "status", "started_at", "finished_at", "forced", "triggered_by_id",
        "total", "new", "updated", "unchanged", "orphaned", "restored", "skipped", "skipped_streams", "error",
    }  # fmt: skip
    assert (oldest["skipped"], oldest["skipped_streams"]) == (0, [])


async def test_a_real_sync_appears_in_the_history(auth_client, flussonic_sim, paged_flussonic):
    run_id = data(await auth_client.post("/api/v1/channels/sync"))["run_id"]
    [run] = data(await auth_client.get(RUNS))["items"]
    # The seed's 160 streams less the 2 disabled ones.
    assert (run["id"], run["status"], run["new"]) == (run_id, "succeeded", 158)


async def test_sync_runs_bad_parameters(auth_client):
    assert data(await auth_client.get(RUNS))["items"] == []
    for params, field in [({"page": 0}, "page"), ({"per_page": 201}, "per_page"), ({"per_page": "x"}, "per_page")]:
        assert_error(await auth_client.get(RUNS, params=params), 422, "VALIDATION_ERROR", field=field)


async def test_sync_runs_need_a_session(client):
    assert_error(await client.get(RUNS), 401, "UNAUTHORIZED")


@pytest.mark.parametrize(("formats", "api_format"), [("both", "v3"), ("legacy", "legacy")])
async def test_flussonic_status_reports_the_api_and_version(auth_client, flussonic_sim, settings, formats, api_format):
    flussonic_sim.formats = formats
    flussonic_sim.server_version = "25.01"
    status = data(await auth_client.get(STATUS))
    assert status == {
        "url": settings.flussonic_url,
        "configured_format": "auto",
        "api_format": api_format,
        "server_version": "25.01",
    }


async def test_flussonic_status_failure_is_a_flussonic_error(auth_client, flussonic_sim):
    flussonic_sim.token = "another-key"
    error = assert_error(await auth_client.get(STATUS), 502, "FLUSSONIC_ERROR")
    assert "credentials rejected" in error["message"] and "config/stats" in error["message"]
