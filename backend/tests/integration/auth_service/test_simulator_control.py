"""The simulator's control API, as a dev or another test suite drives it over HTTP."""

from __future__ import annotations

import httpx
import pytest

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


async def test_faults_select_calls_by_kind(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    await raw.post("/api/tokens", json={"token": "t", "user_id": "u"})
    response = await raw.post("/_sim/faults", json={"mode": "error_500", "kinds": ["list", "delete"]})
    assert response.json()["kinds"] == ["delete", "list"]
    assert (await raw.get("/api/tokens")).status_code == 500
    assert (await raw.get("/api/tokens/1")).status_code == 200  # a read by id is another kind
    assert (await raw.patch("/api/tokens/1", json={"max_sessions": 2})).status_code == 200
    assert (await raw.delete("/api/tokens/1")).status_code == 500
    assert (await raw.post("/_sim/faults", json={"mode": "ok", "kinds": ["nope"]})).status_code == 422


@pytest.mark.parametrize("kind", ["create", "update", "delete"])
async def test_apply_error_makes_the_change_then_answers_500(
    raw: httpx.AsyncClient, sim: AuthSimState, kind: str
) -> None:
    if kind != "create":
        await raw.post("/api/tokens", json={"token": "t", "user_id": "u", "max_sessions": 1})
    await raw.post("/_sim/faults", json={"mode": "apply_error", "kinds": [kind], "count": 1})
    if kind == "create":
        response = await raw.post("/api/tokens", json={"token": "t", "user_id": "u"})
    elif kind == "update":
        response = await raw.patch("/api/tokens/1", json={"max_sessions": 4})
    else:
        response = await raw.delete("/api/tokens/1")
    assert (response.status_code, response.text) == (500, "Internal Server Error")
    tokens = (await raw.get("/_sim/tokens")).json()
    expected = {"create": [("t", 1)], "update": [("t", 4)], "delete": []}[kind]
    assert [(t["token"], t["max_sessions"]) for t in tokens] == expected


async def test_apply_drop_makes_the_change_then_hangs_up(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    sim.set_fault("apply_drop", kinds=["create"], count=1)
    with pytest.raises(httpx.RemoteProtocolError):
        await raw.post("/api/tokens", json={"token": "t", "user_id": "u"})
    assert [t.token for t in sim.tokens.values()] == ["t"]
    assert (await raw.get("/api/tokens")).status_code == 200  # the next call is answered again
