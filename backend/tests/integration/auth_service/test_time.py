"""Datetimes on the wire: to_wire, and both Auth Service time behaviours with both client formats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from devtools.simulators.auth_service import AuthSimState
from playlist_service.integrations.auth_service import (
    AuthServiceClient,
    AuthServiceRequestError,
    AuthTokenCreate,
    AuthTokenPatch,
    to_wire,
)

from .conftest import make_config

PLUS_TWO = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("value", "time_format", "expected"),
    [
        (datetime(2024, 1, 1, tzinfo=UTC), "z", "2024-01-01T00:00:00Z"),
        (datetime(2024, 1, 1, tzinfo=UTC), "naive", "2024-01-01T00:00:00"),
        (datetime(2024, 12, 31, 23, 59, 59, 999999, tzinfo=UTC), "z", "2024-12-31T23:59:59Z"),
        (datetime(2025, 1, 1, 1, 30, tzinfo=PLUS_TWO), "z", "2024-12-31T23:30:00Z"),
        (datetime(2025, 1, 1, 1, 30, tzinfo=PLUS_TWO), "naive", "2024-12-31T23:30:00"),
        (datetime(2024, 6, 1, 8, 0, 0, 500), "z", "2024-06-01T08:00:00Z"),  # naive taken as UTC
    ],
)
def test_to_wire(value: datetime, time_format: str, expected: str) -> None:
    assert to_wire(value, time_format) == expected  # type: ignore[arg-type]


def create(until: datetime) -> AuthTokenCreate:
    return AuthTokenCreate(
        token="t",
        user_id="u",
        status="active",
        max_sessions=1,
        valid_from=datetime(2024, 1, 1, tzinfo=UTC),
        valid_until=until,
        allowed_streams=["news"],
        meta=None,
    )


@pytest.mark.parametrize("time_format", ["z", "naive"])
async def test_naive_service_keeps_utc_wall_clock(sim: AuthSimState, sim_url: str, time_format: str) -> None:
    client = AuthServiceClient(make_config(sim_url, time_format=time_format))
    try:
        until = datetime(2031, 1, 1, 1, 0, tzinfo=PLUS_TWO)  # 2030-12-31T23:00Z
        created = await client.create_token(create(until))
        assert sim.tokens[created.id].valid_until == datetime(2030, 12, 31, 23, 0)
        assert created.valid_until == until
        patched = await client.patch_token(created.id, AuthTokenPatch(valid_until=until + timedelta(hours=1)))
        assert patched is not None and patched.valid_until == datetime(2031, 1, 1, tzinfo=UTC)
    finally:
        await client.aclose()


async def test_naive_service_drops_an_offset_it_is_sent(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    # Why the client converts to UTC first: the offset itself is thrown away.
    response = await raw.post(
        "/api/tokens", json={"token": "t", "user_id": "u", "valid_until": "2031-01-01T01:00:00+02:00"}
    )
    assert response.status_code == 201
    assert response.json()["valid_until"] == "2031-01-01T01:00:00"


async def test_offset_rejecting_service_needs_the_naive_format(sim: AuthSimState, sim_url: str) -> None:
    sim.time_mode = "reject_offset"
    with_z = AuthServiceClient(make_config(sim_url, time_format="z", retries=0))
    naive = AuthServiceClient(make_config(sim_url, time_format="naive", retries=0))
    try:
        with pytest.raises(AuthServiceRequestError) as info:
            await with_z.create_token(create(datetime(2031, 1, 1, tzinfo=UTC)))
        assert info.value.upstream_status == 500
        assert "Internal Server Error" in info.value.message

        created = await naive.create_token(create(datetime(2031, 1, 1, tzinfo=UTC)))
        assert created.valid_until == datetime(2031, 1, 1, tzinfo=UTC)
        with pytest.raises(AuthServiceRequestError):
            await with_z.patch_token(created.id, AuthTokenPatch(valid_until=datetime(2032, 1, 1, tzinfo=UTC)))
        patched = await naive.patch_token(created.id, AuthTokenPatch(valid_until=datetime(2032, 1, 1, tzinfo=UTC)))
        assert patched is not None and patched.valid_until == datetime(2032, 1, 1, tzinfo=UTC)
    finally:
        await with_z.aclose()
        await naive.aclose()


async def test_expiry_is_compared_in_utc(raw: httpx.AsyncClient, sim: AuthSimState, sim_url: str) -> None:
    client = AuthServiceClient(make_config(sim_url))
    try:
        await client.create_token(create(datetime(2031, 1, 1, 1, 0, tzinfo=PLUS_TWO)))
    finally:
        await client.aclose()
    params = {"name": "news", "ip": "1.2.3.4", "token": "t"}
    sim.set_now(datetime(2030, 12, 31, 22, 59, 59, tzinfo=UTC))
    assert (await raw.get("/auth", params=params)).status_code == 200
    sim.set_now(datetime(2030, 12, 31, 23, 0, 1, tzinfo=UTC))
    assert (await raw.get("/auth", params=params)).status_code == 403


async def test_control_clock_endpoint(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    response = await raw.post("/_sim/clock", json={"now": "2035-01-01T00:00:00Z"})
    assert response.json() == {"now": "2035-01-01T00:00:00"}
    response = await raw.post("/_sim/clock", json={"advance": 60})
    assert response.json() == {"now": "2035-01-01T00:01:00"}
    await raw.post("/_sim/clock", json={"now": None})
    assert abs(sim.now() - datetime.now(UTC).replace(tzinfo=None)) < timedelta(seconds=5)
