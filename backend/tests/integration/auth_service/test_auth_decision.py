"""The simulator's /auth decision, rule by rule and in the documented order (auth-service.md)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from devtools.simulators.auth_service import AuthSimState
from playlist_service.integrations.auth_service import AuthServiceClient, AuthTokenCreate, AuthTokenPatch

from .conftest import NOW

NAIVE_NOW = NOW.replace(tzinfo=None)


async def play(raw: httpx.AsyncClient, token: str, stream: str = "news", ip: str = "10.0.0.1") -> httpx.Response:
    return await raw.get("/auth", params={"name": stream, "ip": ip, "token": token, "proto": "hls"})


def reason(response: httpx.Response) -> str:
    assert response.status_code == 403
    value = response.json()["reason"]
    assert isinstance(value, str)
    return value


async def test_allowed_answers_with_user_and_limits(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    sim.add_token(token="t", user_id="AG-1", max_sessions=3, allowed_streams=["news"])
    response = await play(raw, "t")
    assert response.status_code == 200
    assert response.headers["X-UserId"] == "AG-1"
    assert response.headers["X-Max-Sessions"] == "3"
    assert response.headers["X-AuthDuration"] == "180"


async def test_unknown_token_is_denied(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    assert reason(await play(raw, "nope")) == "unknown token"
    assert reason(await raw.get("/auth", params={"name": "news"})) == "unknown token"


@pytest.mark.parametrize("status", ["suspended", "expired"])
async def test_inactive_status_is_denied(raw: httpx.AsyncClient, sim: AuthSimState, status: str) -> None:
    # Also before valid_from: the status rule comes first.
    sim.add_token(token="t", user_id="u", status=status, valid_from=NAIVE_NOW + timedelta(days=1))
    assert reason(await play(raw, "t")) == f"token {status}"


async def test_any_other_status_counts_as_active(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    sim.add_token(token="t", user_id="u", status="whatever")
    assert (await play(raw, "t")).status_code == 200


async def test_before_valid_from_is_denied(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    sim.add_token(
        token="t",
        user_id="u",
        valid_from=NAIVE_NOW + timedelta(seconds=1),
        valid_until=NAIVE_NOW - timedelta(days=1),  # would also be expired: valid_from wins
        allowed_ips=["1.1.1.1"],
    )
    assert reason(await play(raw, "t")) == "token not yet valid"
    assert sim.tokens[1].status == "active"
    sim.advance(1)
    assert reason(await play(raw, "t")) == "token expired"


async def test_after_valid_until_is_denied_and_expires_for_good(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    sim.add_token(token="t", user_id="u", valid_until=NAIVE_NOW + timedelta(hours=1), allowed_ips=["1.1.1.1"])
    assert reason(await play(raw, "t")) == "ip not allowed"
    sim.advance(3601)
    assert reason(await play(raw, "t")) == "token expired"  # before the ip rule
    assert sim.tokens[1].status == "expired"
    sim.set_now(NOW)  # back inside the window: still expired
    assert reason(await play(raw, "t", ip="1.1.1.1")) == "token expired"


async def test_ip_not_allowed_is_denied_before_streams(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    sim.add_token(token="t", user_id="u", allowed_ips=["10.0.0.2"], allowed_streams=["sport"])
    assert reason(await play(raw, "t", stream="news", ip="10.0.0.1")) == "ip not allowed"
    assert reason(await play(raw, "t", stream="news", ip="10.0.0.2")) == "stream not allowed"
    assert (await play(raw, "t", stream="sport", ip="10.0.0.2")).status_code == 200


async def test_streams_are_matched_exactly(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    sim.add_token(token="t", user_id="u", max_sessions=5, allowed_streams=["News"])
    assert reason(await play(raw, "t", stream="news")) == "stream not allowed"
    assert reason(await play(raw, "t", stream="News ")) == "stream not allowed"
    assert (await play(raw, "t", stream="News")).status_code == 200


@pytest.mark.parametrize("streams", [[], None])
async def test_empty_or_missing_streams_allow_everything(
    raw: httpx.AsyncClient, sim: AuthSimState, streams: list[str] | None
) -> None:
    sim.add_token(token="t", user_id="u", allowed_streams=streams)
    assert (await play(raw, "t", stream="anything-at-all")).status_code == 200


async def test_sessions_are_counted_per_user_across_tokens(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    sim.add_token(token="a", user_id="AG-1", max_sessions=2)
    sim.add_token(token="b", user_id="AG-1", max_sessions=2)
    sim.add_token(token="c", user_id="AG-2", max_sessions=1)
    assert (await play(raw, "a", stream="news")).status_code == 200
    assert (await play(raw, "a", stream="news")).status_code == 200  # same session, refreshed
    assert (await play(raw, "b", stream="news")).status_code == 200  # another token: new session
    assert reason(await play(raw, "a", stream="sport")) == "too many sessions"  # zapping uses one
    assert reason(await play(raw, "a", stream="news", ip="10.0.0.9")) == "too many sessions"
    assert (await play(raw, "c", stream="sport")).status_code == 200  # other user, own budget
    sim.advance(181)
    assert (await play(raw, "a", stream="sport")).status_code == 200


async def test_auth_duration_is_configurable(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    assert (await raw.post("/_sim/config", json={"auth_duration": 30})).status_code == 200
    sim.add_token(token="t", user_id="u", max_sessions=1)
    response = await play(raw, "t", stream="one")
    assert response.headers["X-AuthDuration"] == "30"
    assert reason(await play(raw, "t", stream="two")) == "too many sessions"
    sim.advance(31)
    assert (await play(raw, "t", stream="two")).status_code == 200


async def test_extending_an_expired_token_needs_the_status(
    client: AuthServiceClient, raw: httpx.AsyncClient, sim: AuthSimState
) -> None:
    created = await client.create_token(
        AuthTokenCreate(
            token="t",
            user_id="u",
            status="active",
            max_sessions=1,
            valid_from=None,
            valid_until=NOW + timedelta(days=1),
            allowed_streams=[],
            meta=None,
        )
    )
    sim.advance(86401)
    assert reason(await play(raw, "t")) == "token expired"
    fetched = await client.get_token(created.id)
    assert fetched is not None and fetched.status == "expired"

    later = NOW + timedelta(days=30)
    await client.patch_token(created.id, AuthTokenPatch(valid_until=later))
    assert reason(await play(raw, "t")) == "token expired"

    await client.patch_token(created.id, AuthTokenPatch(valid_until=later, status="active"))
    assert (await play(raw, "t")).status_code == 200


async def test_health_does_not_need_the_api_key(raw: httpx.AsyncClient, sim: AuthSimState) -> None:
    response = await raw.get("/health", headers={"X-API-Key": ""})
    assert response.status_code == 200
    assert (await raw.get("/api/tokens", headers={"X-API-Key": ""})).status_code == 401
