"""The response envelope and the error map (spec §7.2, §7.4) — each code through a real request."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest
from litestar import Litestar, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from playlist_service import errors
from playlist_service.api.envelope import Envelope, ok, page_of
from playlist_service.api.errors import EXCEPTION_HANDLERS
from playlist_service.api.request_id import RequestIdMiddleware


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is False
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


async def test_success_envelope(auth_client):
    body = (await auth_client.get("/api/v1/auth/me")).json()
    assert set(body) == {"success", "data"}
    assert body["success"] is True


def test_page_shape():
    page = msgspec.to_builtins(page_of([1, 2], total=41, page=3, per_page=20))
    assert page == {"success": True, "data": {"items": [1, 2], "total": 41, "page": 3, "per_page": 20, "pages": 3}}
    assert msgspec.to_builtins(page_of([], total=0, page=1, per_page=20))["data"]["pages"] == 0


async def test_unknown_route_is_not_found(auth_client):
    assert_error(await auth_client.get("/api/v1/no-such-thing"), 404, "NOT_FOUND")


async def test_wrong_method_is_reported(auth_client):
    assert_error(await auth_client.delete("/api/v1/auth/me"), 405, "METHOD_NOT_ALLOWED")


async def test_missing_field_names_the_field(client):
    error = assert_error(await client.post("/api/v1/auth/login", json={"username": "a"}), 422, "VALIDATION_ERROR")
    assert any(d["field"] == "password" for d in error["details"])


async def test_wrong_type_names_the_field(client):
    response = await client.post("/api/v1/auth/login", json={"username": 5, "password": "x"})
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert error["details"][0]["field"] == "username"
    assert "username" in error["message"]


async def test_unknown_field_is_refused(client):
    response = await client.post("/api/v1/auth/login", json={"username": "a", "password": "b", "admin": True})
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert error["details"][0]["field"] == "admin"
    assert error["message"] == "Invalid value for: admin"


async def test_unknown_field_on_a_catalogue_write_is_named(auth_client):
    response = await auth_client.post("/api/v1/tariffs", json={"name": "T", "extra": {"x": 1}})
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert error["details"][0]["field"] == "extra"


async def test_empty_string_violates_the_length_limit(client):
    error = assert_error(
        await client.post("/api/v1/auth/login", json={"username": "", "password": "b"}), 422, "VALIDATION_ERROR"
    )
    assert error["details"][0]["field"] == "username"


@pytest.mark.parametrize("body", [b"{not json", b"", b"[1, 2]", b'"text"', b"\xff\xfe"])
async def test_malformed_body_is_a_clear_client_error(client, body):
    response = await client.post("/api/v1/auth/login", content=body, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500
    assert response.json()["success"] is False


@pytest.mark.parametrize("body", [b"{not json", b'{"username": "a", "password":', b"\xff\xfe"])
async def test_malformed_json_is_a_validation_error_of_the_body(client, body):
    response = await client.post("/api/v1/auth/login", content=body, headers={"content-type": "application/json"})
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert error["details"][0]["field"] == "body"
    assert "JSON" in error["message"]


async def test_missing_body_says_a_body_is_required(auth_client):
    error = assert_error(await auth_client.post("/api/v1/groups"), 422, "VALIDATION_ERROR")
    assert error["details"] == [{"field": "body", "message": "a JSON body is required"}]


async def test_optional_body_is_not_blamed_for_a_bad_query_parameter(auth_client):
    error = assert_error(await auth_client.post("/api/v1/channels/sync?force=maybe"), 422, "VALIDATION_ERROR")
    assert [d["field"] for d in error["details"]] == ["force"]


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("post", "/api/v1/groups", {"json": {"name": "News\u0000"}}),
        ("get", "/api/v1/channels", {"params": {"search": "a\u0000b"}}),
        ("get", "/api/v1/lookup/channels", {"params": {"search": "\u0000"}}),
    ],
)
async def test_nul_character_is_refused_not_a_server_error(auth_client, method, path, kwargs):
    response = await getattr(auth_client, method)(path, **kwargs)
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert "NUL" in str(error)


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("post", "/api/v1/groups", {"name": "News\u0000"}, "name"),
        ("post", "/api/v1/users", {"first_name": "A", "last_name": "B\u0000", "agreement_number": "1"}, "last_name"),
        ("post", "/api/v1/auth/login", {"username": "x", "password": "p\u0000"}, "password"),
    ],
)
async def test_nul_character_in_a_body_field_names_it(auth_client, method, path, body, field):
    error = assert_error(await getattr(auth_client, method)(path, json=body), 422, "VALIDATION_ERROR")
    assert error["details"] == [{"field": field, "message": "must not contain a NUL character"}]
    assert error["message"] == f"Invalid value for: {field}"


@pytest.mark.parametrize("path", ["/api/v1/users", "/api/v1/channels", "/api/v1/lookup/channels"])
async def test_nul_character_in_a_query_parameter_names_it(auth_client, path):
    error = assert_error(await auth_client.get(path, params={"search": "ab\u0000"}), 422, "VALIDATION_ERROR")
    assert error["details"] == [{"field": "search", "message": "must not contain a NUL character"}]


async def test_nul_character_in_login_is_refused_not_a_server_error(client):
    response = await client.post("/api/v1/auth/login", json={"username": "admin\u0000", "password": "x"})
    assert_error(response, 422, "VALIDATION_ERROR")


async def test_oversized_body_is_refused(client, settings):
    big = b'{"username": "' + b"a" * (settings.max_request_body_bytes + 10) + b'", "password": "x"}'
    response = await client.post("/api/v1/auth/login", content=big, headers={"content-type": "application/json"})
    assert_error(response, 413, "PAYLOAD_TOO_LARGE")


async def test_every_response_carries_a_request_id(client):
    response = await client.get("/health/live", headers={"X-Request-ID": "abcdef0123456789"})
    assert response.headers["x-request-id"] == "abcdef0123456789"
    generated = await client.get("/health/live", headers={"X-Request-ID": "bad id with spaces"})
    assert generated.headers["x-request-id"] != "bad id with spaces"
    assert len(generated.headers["x-request-id"]) == 32


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/no-such-thing", 404),
        ("GET", "/no-such-page", 404),
        ("DELETE", "/api/v1/auth/me", 405),
        ("GET", "/api/v1/auth/me", 401),
        ("POST", "/api/v1/auth/login", 422),
    ],
)
async def test_error_answers_carry_the_request_id_in_header_and_body(client, method, path, status):
    # 404s and 405s come from the router, before any middleware runs.
    response = await client.request(method, path, json={} if method == "POST" else None)
    assert response.status_code == status, response.text
    generated = response.headers["x-request-id"]
    assert response.json()["error"]["request_id"] == generated
    assert len(generated) == 32

    echoed = await client.request(method, path, headers={"X-Request-ID": "req-0123456789"})
    assert echoed.headers["x-request-id"] == "req-0123456789"
    assert echoed.json()["error"]["request_id"] == "req-0123456789"


# --- the map itself, each exception through a small app using the same handlers and a real database ---


class Item(msgspec.Struct):
    name: str


def _error_app(database_url: str) -> Litestar:
    engine = create_async_engine(database_url)
    maker = async_sessionmaker(engine)

    async def provide_db() -> Any:
        async with maker() as session:
            yield session

    @get("/app-error/{name:str}")
    async def app_error(name: FromPath[str]) -> None:
        raise getattr(errors, name)("Something specific", details=[{"field": "x", "message": "bad"}])

    @post("/duplicate")
    async def duplicate(db: NamedDependency[AsyncSession]) -> None:
        for _ in range(2):
            await db.execute(text("INSERT INTO admins (username, password_hash) VALUES ('dup', 'h')"))

    @post("/foreign-key")
    async def foreign_key(db: NamedDependency[AsyncSession]) -> None:
        await db.execute(text("INSERT INTO channels (stream_name, stream_base_url, group_id) VALUES ('s', 'u', 999)"))

    @get("/int-overflow")
    async def int_overflow(db: NamedDependency[AsyncSession]) -> None:
        # asyncpg refuses to encode the argument before the query is sent.
        await db.execute(text("SELECT id FROM channels WHERE id = :v"), {"v": 2**31})

    @get("/boom")
    async def boom() -> Envelope[Item]:
        raise RuntimeError("secret internals: password=hunter2")

    @get("/fine")
    async def fine() -> Envelope[Item]:
        return ok(Item(name="x"))

    from litestar.di import Provide

    return Litestar(
        [app_error, duplicate, foreign_key, int_overflow, boom, fine],
        exception_handlers=EXCEPTION_HANDLERS,
        middleware=[RequestIdMiddleware],
        dependencies={"db": Provide(provide_db)},
        on_shutdown=[engine.dispose],
    )


@pytest.fixture
async def error_client(database_url: str) -> Any:
    async with AsyncTestClient(app=_error_app(database_url)) as c:
        yield c


@pytest.mark.parametrize(
    ("name", "status", "code"),
    [
        ("InvalidCredentialsError", 401, "INVALID_CREDENTIALS"),
        ("UnauthorizedError", 401, "UNAUTHORIZED"),
        ("NotFoundError", 404, "NOT_FOUND"),
        ("ValidationError", 422, "VALIDATION_ERROR"),
        ("DuplicateEntryError", 409, "DUPLICATE_ENTRY"),
        ("ChannelNotOrphanedError", 400, "CHANNEL_NOT_ORPHANED"),
        ("FlussonicError", 502, "FLUSSONIC_ERROR"),
        ("AuthServiceError", 502, "AUTH_SERVICE_ERROR"),
        ("TooManyRequestsError", 429, "TOO_MANY_REQUESTS"),
        ("ConflictError", 409, "CONFLICT"),
    ],
)
async def test_domain_errors_map_to_spec_codes(error_client, name, status, code):
    error = assert_error(await error_client.get(f"/app-error/{name}"), status, code)
    assert error["message"] == "Something specific"
    assert error["details"] == [{"field": "x", "message": "bad"}]


@pytest.mark.parametrize("name", ["TooManyRequestsError", "ServiceUnavailableError"])
async def test_every_429_and_503_says_when_to_retry(error_client, name):
    response = await error_client.get(f"/app-error/{name}")
    assert int(response.headers["retry-after"]) > 0


async def test_unique_violation_from_the_database_is_duplicate_entry(error_client):
    error = assert_error(await error_client.post("/duplicate"), 409, "DUPLICATE_ENTRY")
    assert error["details"] == [{"field": "username", "message": "must be unique"}]


async def test_foreign_key_violation_is_a_validation_error(error_client):
    error = assert_error(await error_client.post("/foreign-key"), 422, "VALIDATION_ERROR")
    assert error["details"] == [{"field": "group_id", "message": "does not exist"}]


async def test_a_query_argument_the_driver_cannot_encode_is_a_validation_error(error_client, caplog):
    error = assert_error(await error_client.get("/int-overflow"), 422, "VALIDATION_ERROR")
    assert error["message"] == "A value is out of range"
    assert "2147483648" not in error["message"]
    assert any("out of int32 range" in record.getMessage() for record in caplog.records)


async def test_unexpected_error_is_generic_and_logged_with_request_id(error_client, caplog):
    response = await error_client.get("/boom")
    error = assert_error(response, 500, "INTERNAL_ERROR")
    assert "hunter2" not in response.text
    assert "secret internals" not in response.text
    assert error["request_id"] == response.headers["x-request-id"]
    assert any(error["request_id"] in record.getMessage() for record in caplog.records)


async def test_success_through_the_small_app(error_client):
    assert (await error_client.get("/fine")).json() == {"success": True, "data": {"name": "x"}}
