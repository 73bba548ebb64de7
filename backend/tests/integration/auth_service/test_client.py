"""AuthServiceClient against the simulator over real HTTP: CRUD, paging, ids, errors, retries."""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from devtools.simulators.auth_service import AuthSimState
from playlist_service.errors import AuthServiceError
from playlist_service.integrations.auth_service import (
    AuthServiceClient,
    AuthServiceConfig,
    AuthServiceRequestError,
    AuthTokenCreate,
    AuthTokenPatch,
    TokenMayExistError,
)

from .conftest import API_KEY, NOW, make_config


def new_token(value: str = "tok-1", user_id: str = "AG-1", **overrides: object) -> AuthTokenCreate:
    fields: dict[str, object] = {
        "token": value,
        "user_id": user_id,
        "status": "active",
        "max_sessions": 2,
        "valid_from": NOW - timedelta(days=1),
        "valid_until": NOW + timedelta(days=30),
        "allowed_streams": ["news", "sport"],
        "meta": {"first_name": "Ann", "last_name": "Lee"},
    }
    fields.update(overrides)
    return AuthTokenCreate(**fields)  # type: ignore[arg-type]


async def test_crud_round_trip(client: AuthServiceClient) -> None:
    created = await client.create_token(new_token())
    assert created.id == 1
    assert (created.token, created.user_id, created.status, created.max_sessions) == (
        "tok-1",
        "AG-1",
        "active",
        2,
    )
    assert created.valid_until == NOW + timedelta(days=30)
    assert created.valid_until is not None and created.valid_until.tzinfo is UTC
    assert created.created_at is not None and created.created_at.tzinfo is UTC
    assert created.allowed_streams == ["news", "sport"]
    assert created.meta == {"first_name": "Ann", "last_name": "Lee"}

    assert await client.get_token(created.id) == created

    patched = await client.patch_token(
        created.id, AuthTokenPatch(status="suspended", max_sessions=1, allowed_streams=["news"])
    )
    assert patched is not None
    assert (patched.status, patched.max_sessions, patched.allowed_streams) == ("suspended", 1, ["news"])
    assert patched.valid_until == created.valid_until  # not sent, not changed
    assert patched.meta == created.meta

    assert [t.id for t in await client.list_tokens()] == [created.id]
    assert await client.list_tokens(status="active") == []
    assert [t.id for t in await client.list_tokens(status="suspended")] == [created.id]

    assert await client.delete_token(created.id) is True
    assert await client.get_token(created.id) is None


async def test_missing_token_is_none_or_false(client: AuthServiceClient) -> None:
    assert await client.get_token(42) is None
    assert await client.patch_token(42, AuthTokenPatch(status="active")) is None
    assert await client.delete_token(42) is False


async def test_duplicate_token_raises_may_exist(client: AuthServiceClient) -> None:
    await client.create_token(new_token())
    with pytest.raises(TokenMayExistError) as info:
        await client.create_token(new_token(user_id="AG-2"))
    assert isinstance(info.value, AuthServiceError)
    assert info.value.transient is False
    assert info.value.upstream_status == 400


async def test_any_400_on_create_may_mean_the_token_exists(sim_url: str) -> None:
    # Another version words its duplicate answer differently: whatever the text, the caller looks.
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"detail": "UNIQUE constraint failed: tokens.token"})

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    client = AuthServiceClient(make_config(sim_url), http=http)
    try:
        with pytest.raises(TokenMayExistError, match="UNIQUE constraint failed"):
            await client.create_token(new_token())
    finally:
        await http.aclose()


async def test_find_by_token_pages_past_1000(client: AuthServiceClient, sim: AuthSimState) -> None:
    for n in range(2100):
        sim.add_token(token=f"t{n}", user_id=f"U{n}")
    sim.calls.clear()

    found = await client.find_by_token("t2050")
    assert found is not None and (found.id, found.user_id) == (2051, "U2050")
    assert sim.calls == [("GET", "/api/tokens")] * 3

    assert await client.find_by_token("nope") is None
    assert len([t async for t in client.iter_tokens()]) == 2100


async def test_list_limit_is_capped_at_1000(
    client: AuthServiceClient, raw: httpx.AsyncClient, sim: AuthSimState
) -> None:
    for n in range(1005):
        sim.add_token(token=f"t{n}", user_id="U")
    assert len(await client.list_tokens(limit=5000)) == 1000
    assert len(await client.list_tokens(skip=1000)) == 5
    assert (await raw.get("/api/tokens", params={"limit": 1001})).status_code == 422


async def test_patch_ignores_identity_fields_and_null_keeps(client: AuthServiceClient, raw: httpx.AsyncClient) -> None:
    created = await client.create_token(new_token())
    response = await raw.patch(
        f"/api/tokens/{created.id}",
        json={
            "token": "other",
            "user_id": "AG-9",
            "valid_from": "2020-01-01T00:00:00",
            "valid_until": None,
            "status": None,
            "allowed_streams": None,
            "max_sessions": 5,
        },
    )
    assert response.status_code == 200
    after = await client.get_token(created.id)
    assert after is not None
    assert (after.token, after.user_id, after.valid_from) == ("tok-1", "AG-1", created.valid_from)
    assert (after.valid_until, after.status, after.allowed_streams) == (
        created.valid_until,
        "active",
        ["news", "sport"],
    )
    assert after.max_sessions == 5


async def test_ids_are_reused_after_deleting_the_highest(client: AuthServiceClient) -> None:
    first = await client.create_token(new_token("a", "AG-1"))
    second = await client.create_token(new_token("b", "AG-2"))
    assert await client.delete_token(second.id)
    third = await client.create_token(new_token("c", "AG-3"))
    assert third.id == second.id
    # A stored id can now point at somebody else's token: callers compare token and user_id.
    reread = await client.get_token(second.id)
    assert reread is not None and (reread.token, reread.user_id) == ("c", "AG-3")
    assert first.id == 1


async def test_wrong_api_key_is_clear_and_not_retried(sim: AuthSimState, sim_url: str) -> None:
    config = AuthServiceConfig(url=sim_url, api_key="wrong", timeout=0.5, retries=3, retry_backoff=0.01)
    client = AuthServiceClient(config)
    try:
        with pytest.raises(AuthServiceRequestError) as info:
            await client.get_token(1)
        assert info.value.message == "Auth Service rejected the API key (check AUTH_SERVICE_API_KEY)"
        assert info.value.transient is False
        assert sim.calls == [("GET", "/api/tokens/1")]
        with pytest.raises(AuthServiceRequestError, match="AUTH_SERVICE_API_KEY"):
            await client.check()
    finally:
        await client.aclose()
    assert "wrong" not in repr(config) and API_KEY not in repr(make_config(sim_url))


async def test_server_error_is_transient_and_retried(client: AuthServiceClient, sim: AuthSimState) -> None:
    sim.set_fault("error_500")
    with pytest.raises(AuthServiceRequestError) as info:
        await client.get_token(1)
    assert info.value.transient is True
    assert info.value.upstream_status == 500
    assert "get token 1" in info.value.message and "500" in info.value.message
    assert sim.calls == [("GET", "/api/tokens/1")] * 2  # retries=1


async def test_reads_and_patches_recover_after_one_failure(client: AuthServiceClient, sim: AuthSimState) -> None:
    created = await client.create_token(new_token())
    for method in ("GET", "PATCH"):
        sim.set_fault("error_500", methods=[method], count=1)
        sim.calls.clear()
        if method == "GET":
            assert await client.get_token(created.id) is not None
        else:
            assert await client.patch_token(created.id, AuthTokenPatch(max_sessions=3)) is not None
        assert sim.calls == [(method, f"/api/tokens/{created.id}")] * 2


async def test_delete_is_not_retried_so_a_reused_id_survives(client: AuthServiceClient, sim: AuthSimState) -> None:
    sim.add_token(token="a", user_id="A")
    mine = sim.add_token(token="mine", user_id="ME")
    # The DELETE goes through but its answer is lost; the freed id is handed to a new token at once.
    sim.set_fault("apply_error", kinds=["delete"], count=1)
    with pytest.raises(AuthServiceRequestError) as info:
        await client.delete_token(mine.id)
    assert info.value.transient is True
    stranger = sim.add_token(token="stranger", user_id="OTHER")
    assert stranger.id == mine.id
    assert sim.calls == [("DELETE", f"/api/tokens/{mine.id}")]  # a blind retry would delete the stranger
    assert {t.token for t in sim.tokens.values()} == {"a", "stranger"}


async def test_create_is_never_retried(client: AuthServiceClient, sim: AuthSimState) -> None:
    sim.set_fault("error_500", methods=["POST"], count=1)
    with pytest.raises(AuthServiceRequestError) as info:
        await client.create_token(new_token())
    assert info.value.transient is True
    assert sim.calls == [("POST", "/api/tokens")]
    assert await client.find_by_token("tok-1") is None


async def test_create_timeout_may_have_succeeded(sim: AuthSimState, sim_url: str) -> None:
    sim.set_fault("slow", delay=0.4, methods=["POST"], count=1)
    client = AuthServiceClient(make_config(sim_url, timeout=0.1))
    try:
        with pytest.raises(AuthServiceRequestError) as info:
            await client.create_token(new_token())
        assert info.value.transient is True
        assert "within 0.1s" in info.value.message
        await asyncio.sleep(0.5)
        recovered = await client.find_by_token("tok-1")
        assert recovered is not None and recovered.user_id == "AG-1"
    finally:
        await client.aclose()


async def test_timeout_is_transient(sim: AuthSimState, sim_url: str) -> None:
    sim.set_fault("timeout", delay=5)
    client = AuthServiceClient(make_config(sim_url, timeout=0.1, retries=1))
    try:
        with pytest.raises(AuthServiceRequestError) as info:
            await client.list_tokens()
        assert info.value.transient is True
        assert info.value.upstream_status is None
        assert sim.calls == [("GET", "/api/tokens")] * 2
    finally:
        await client.aclose()


async def test_connection_refused_is_transient_and_clear() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    client = AuthServiceClient(make_config(url, retries=0))
    try:
        with pytest.raises(AuthServiceRequestError) as info:
            await client.check()
        assert info.value.transient is True
        assert info.value.message == f"Auth Service unreachable at {url} (list tokens): connection refused"
    finally:
        await client.aclose()


async def test_validation_error_carries_the_server_detail(client: AuthServiceClient) -> None:
    with pytest.raises(AuthServiceRequestError) as info:
        await client.create_token(new_token(max_sessions="two"))
    assert info.value.transient is False
    assert info.value.upstream_status == 422
    assert "max_sessions" in info.value.message


async def test_check_uses_a_real_call_not_health(
    client: AuthServiceClient, sim: AuthSimState, raw: httpx.AsyncClient
) -> None:
    await client.check()
    sim.set_fault("error_500", paths=["/api/"])
    assert (await raw.get("/health")).status_code == 200
    with pytest.raises(AuthServiceRequestError):
        await client.check()


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (200, b"<html>proxy login</html>", "text/html"),
        (200, b'{"id": "x"}', "application/json"),
        (200, b"[1, 2]", "application/json"),
    ],
)
async def test_unexpected_answer_is_an_auth_service_error(status: int, body: bytes, content_type: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"content-type": content_type})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = AuthServiceClient(make_config("http://auth.test"), http=http)
        with pytest.raises(AuthServiceRequestError, match="unexpected answer") as info:
            await client.get_token(1)
        assert info.value.transient is False


async def test_sends_api_key_and_wire_datetimes() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200,
            json={
                "id": 1,
                "token": "t",
                "user_id": "u",
                "status": "active",
                "max_sessions": 1,
                "valid_until": "2031-01-01T00:00:00",
            },
        )

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = AuthServiceClient(make_config("http://auth.test/"), http=http)
        until = datetime(2031, 1, 1, 2, 0, 0, 123456, tzinfo=UTC) + timedelta(hours=0)
        token = await client.patch_token(1, AuthTokenPatch(valid_until=until, status="active"))
    assert token is not None and token.valid_until == datetime(2031, 1, 1, tzinfo=UTC)
    assert seen[0].headers["X-API-Key"] == API_KEY
    assert str(seen[0].url) == "http://auth.test/api/tokens/1"
    assert seen[0].content == b'{"status":"active","valid_until":"2031-01-01T02:00:00Z"}'
