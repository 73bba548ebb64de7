"""The simulator's control API, as a dev or another test suite drives it over HTTP."""

from __future__ import annotations

import httpx

from devtools.simulators.auth_service import AuthSimState


async def test_fault_count_fails_then_recovers(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    response = await raw.post(
        "/_sim/faults", json={"mode": "error_500", "methods": ["get"], "paths": ["/api/tokens"], "count": 2}
    )
    assert response.json()["count"] == 2
    assert (await raw.post("/api/tokens", json={"token": "t", "user_id": "u"})).status_code == 201
    assert (await raw.get("/health")).status_code == 200  # path not matched
    assert (await raw.get("/api/tokens")).status_code == 500
    assert (await raw.get("/api/tokens/1")).text == "Internal Server Error"
    assert (await raw.get("/api/tokens")).status_code == 200
    assert (await raw.get("/_sim/faults")).json()["mode"] == "ok"


async def test_slow_answers_after_the_delay(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    await raw.post("/_sim/faults", json={"mode": "slow", "delay": 0.2})
    response = await raw.get("/health")
    assert response.status_code == 200
    assert response.elapsed.total_seconds() >= 0.2


async def test_dump_and_reset(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    await raw.post("/api/tokens", json={"token": "t", "user_id": "u", "max_sessions": 1})
    await raw.get("/auth", params={"name": "news", "ip": "1.2.3.4", "token": "t"})
    tokens = (await raw.get("/_sim/tokens")).json()
    assert [(t["id"], t["token"], t["status"]) for t in tokens] == [(1, "t", "active")]
    sessions = (await raw.get("/_sim/sessions")).json()
    assert [s["stream"] for s in sessions["u"]] == ["news"]
    await raw.post("/_sim/faults", json={"mode": "error_500"})
    assert (await raw.post("/_sim/reset")).status_code == 200
    assert (await raw.get("/_sim/tokens")).json() == []
    assert (await raw.get("/api/tokens")).status_code == 200


async def test_unknown_ids_and_bad_input(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    assert (await raw.get("/api/tokens/abc")).status_code == 422
    assert (await raw.get("/api/tokens", params={"limit": 0})).status_code == 422
    assert (await raw.post("/api/tokens", json={"user_id": "u"})).status_code == 422
    assert (await raw.post("/api/tokens", content=b"not json")).status_code == 422
    assert (await raw.delete("/api/tokens/7")).json() == {"detail": "Token not found"}
    await raw.post("/api/tokens", json={"token": "t", "user_id": "u"})
    duplicate = await raw.post("/api/tokens", json={"token": "t", "user_id": "v"})
    assert (duplicate.status_code, duplicate.json()) == (400, {"detail": "Token already exists"})
