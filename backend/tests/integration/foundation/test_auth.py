"""Admin login, sessions, throttling and CSRF (issue: foundation, spec §7.3 Authentication)."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher
from litestar.testing import AsyncTestClient
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.admins.service import digest
from playlist_service.app import create_app
from playlist_service.db.models import Admin, AdminSession, LoginAttempt
from tests.conftest import make_settings
from tests.factories import AdminFactory


async def login(client: AsyncTestClient[Any], username: str, password: str) -> Any:
    return await client.post("/api/v1/auth/login", json={"username": username, "password": password})


async def test_login_sets_http_only_session_cookie_and_returns_csrf_token(client, admin, settings):
    response = await login(client, "admin", admin["password"])

    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    assert body["data"]["admin"]["username"] == "admin"
    assert len(body["data"]["csrf_token"]) >= 32
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("session_id=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # off by default; SESSION_COOKIE_SECURE turns it on
    assert f"Max-Age={settings.session_timeout}" in cookie


async def test_session_is_stored_as_an_hmac_under_the_secret_key(client, admin, db: AsyncSession, settings):
    response = await login(client, "admin", admin["password"])
    token = response.cookies["session_id"]

    stored = (await db.execute(select(AdminSession))).scalar_one()
    assert stored.id_hash == hmac.new(settings.secret_key.encode(), token.encode(), hashlib.sha256).hexdigest()
    assert stored.id_hash == digest(token, settings.secret_key)
    assert stored.id_hash != hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored.id_hash
    lifetime = stored.expires_at - stored.created_at
    assert abs(lifetime.total_seconds() - settings.session_timeout) < 5


async def test_secure_cookie_when_configured(database_url, admin):
    app = create_app(make_settings(database_url, SESSION_COOKIE_SECURE="true", SESSION_COOKIE_SAMESITE="strict"))
    async with AsyncTestClient(app=app) as client:
        response = await login(client, "admin", admin["password"])
    assert "Secure" in response.headers["set-cookie"]
    assert "SameSite=strict" in response.headers["set-cookie"].replace("Strict", "strict")


async def test_me_returns_the_admin_and_csrf_token(client, admin):
    csrf = (await login(client, "admin", admin["password"])).json()["data"]["csrf_token"]
    response = await client.get("/api/v1/auth/me")
    assert response.status_code == 200
    assert response.json()["data"]["admin"]["username"] == "admin"
    assert response.json()["data"]["csrf_token"] == csrf
    assert response.json()["data"]["auth_method"] == "session"


async def test_wrong_password_and_unknown_user_get_the_same_answer(client, admin):
    wrong = await login(client, "admin", "nope")
    unknown = await login(client, "nobody", "nope")

    for response in (wrong, unknown):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "INVALID_CREDENTIALS"
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]
    assert "set-cookie" not in wrong.headers


async def test_username_is_case_insensitive(client, admin):
    assert (await login(client, "ADMIN", admin["password"])).status_code == 200


async def test_logout_revokes_the_session_on_the_server(client, admin, db: AsyncSession):
    response = await login(client, "admin", admin["password"])
    token, csrf = response.cookies["session_id"], response.json()["data"]["csrf_token"]

    out = await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})
    assert out.status_code == 200
    assert (await db.execute(select(AdminSession))).first() is None

    # Replaying the old cookie does not work.
    client.cookies.set("session_id", token)
    again = await client.get("/api/v1/auth/me")
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "UNAUTHORIZED"


async def test_expired_session_is_refused(auth_client, db: AsyncSession):
    assert (await auth_client.get("/api/v1/auth/me")).status_code == 200
    await db.execute(update(AdminSession).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    await db.commit()

    response = await auth_client.get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHORIZED"


async def test_activity_slides_the_expiry_forward(auth_client, db: AsyncSession, settings):
    old = datetime.now(UTC) - timedelta(minutes=10)
    await db.execute(update(AdminSession).values(last_seen_at=old, expires_at=old + timedelta(hours=1)))
    await db.commit()

    assert (await auth_client.get("/api/v1/auth/me")).status_code == 200
    db.expire_all()
    session = (await db.execute(select(AdminSession))).scalar_one()
    assert session.expires_at > datetime.now(UTC) + timedelta(seconds=settings.session_timeout - 60)


async def test_sessions_survive_a_restart(client, admin, settings):
    token = (await login(client, "admin", admin["password"])).cookies["session_id"]
    restarted = create_app(settings)
    async with AsyncTestClient(app=restarted) as other:
        other.cookies.set("session_id", token)
        assert (await other.get("/api/v1/auth/me")).status_code == 200


async def test_deactivated_admin_loses_access(auth_client, db: AsyncSession):
    await db.execute(update(Admin).values(is_active=False))
    await db.commit()
    assert (await auth_client.get("/api/v1/auth/me")).status_code == 401


async def test_repeated_failures_for_a_username_are_throttled(client, admin, settings):
    for _ in range(settings.login_max_failures):
        assert (await login(client, "admin", "wrong")).status_code == 401

    response = await login(client, "admin", admin["password"])  # even the right password waits
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "TOO_MANY_REQUESTS"
    assert "Try again" in response.json()["error"]["message"]
    # Seconds until the oldest failure leaves the window: just under the window, never zero.
    wait = int(response.headers["retry-after"])
    assert settings.login_window_seconds - 60 < wait <= settings.login_window_seconds


async def test_retry_after_counts_down_with_the_window(client, admin, db: AsyncSession, settings):
    for _ in range(settings.login_max_failures):
        await login(client, "admin", "wrong")
    # The failures happened most of a window ago: the next attempt goes through in about 100 s.
    await db.execute(
        update(LoginAttempt).values(
            attempted_at=datetime.now(UTC) - timedelta(seconds=settings.login_window_seconds - 100)
        )
    )
    await db.commit()
    response = await login(client, "admin", admin["password"])
    assert response.status_code == 429
    assert 90 <= int(response.headers["retry-after"]) <= 101


async def test_throttling_does_not_reveal_whether_a_username_exists(client, admin, settings):
    for _ in range(settings.login_max_failures):
        await login(client, "ghost", "wrong")
    assert (await login(client, "ghost", "wrong")).status_code == 429


async def test_one_client_guessing_many_usernames_is_throttled(client, admin, settings):
    attempts = settings.login_max_failures_per_client
    for i in range(attempts):
        assert (await login(client, f"user{i}", "wrong")).status_code == 401
    assert (await login(client, "admin", admin["password"])).status_code == 429


async def test_failures_expire_after_the_window(client, admin, db: AsyncSession, settings):
    for _ in range(settings.login_max_failures):
        await login(client, "admin", "wrong")
    await db.execute(
        update(LoginAttempt).values(
            attempted_at=datetime.now(UTC) - timedelta(seconds=settings.login_window_seconds + 1)
        )
    )
    await db.commit()
    assert (await login(client, "admin", admin["password"])).status_code == 200


async def test_success_clears_the_failure_count(client, admin, db: AsyncSession, settings):
    for _ in range(settings.login_max_failures - 1):
        await login(client, "admin", "wrong")
    assert (await login(client, "admin", admin["password"])).status_code == 200
    assert (await db.execute(text("SELECT count(*) FROM login_attempts WHERE username = 'admin'"))).scalar() == 0


async def test_password_is_rehashed_when_parameters_change(client, db: AsyncSession):
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("s3cret-pass")
    await AdminFactory.add(db, username="old", password_hash=weak)

    assert (await login(client, "old", "s3cret-pass")).status_code == 200
    db.expire_all()
    new_hash = (await db.execute(select(Admin.password_hash).where(Admin.username == "old"))).scalar_one()
    assert new_hash != weak
    assert new_hash.startswith("$argon2id$")
    assert not PasswordHasher().check_needs_rehash(new_hash)


async def test_unsafe_request_without_csrf_token_is_refused(client, admin):
    await login(client, "admin", admin["password"])
    response = await client.post("/api/v1/auth/logout")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "FORBIDDEN"
    assert "CSRF" in response.json()["error"]["message"]


async def test_unsafe_request_with_wrong_csrf_token_is_refused(client, admin):
    await login(client, "admin", admin["password"])
    response = await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": "forged"})
    assert response.status_code == 403


async def test_csrf_token_of_another_session_is_refused(client, admin, app):
    other_csrf = (await login(client, "admin", admin["password"])).json()["data"]["csrf_token"]
    client.cookies.clear()
    await login(client, "admin", admin["password"])
    assert (await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": other_csrf})).status_code == 403


async def test_safe_requests_need_no_csrf_token(auth_client):
    del auth_client.headers["X-CSRF-Token"]
    assert (await auth_client.get("/api/v1/auth/me")).status_code == 200


async def record_failures(db: AsyncSession, username: str, clients: list[str]) -> None:
    db.add_all(LoginAttempt(username=username, client_ip=ip) for ip in clients)
    await db.commit()


async def test_failures_from_another_client_do_not_lock_the_admin_out(client, admin, db: AsyncSession, settings):
    # Someone elsewhere who knows the username exhausted *their* attempts for it.
    await record_failures(db, "admin", ["198.51.100.7"] * settings.login_max_failures)
    assert (await login(client, "admin", admin["password"])).status_code == 200


async def test_a_username_failing_from_everywhere_is_throttled_at_its_higher_ceiling(
    client, admin, db: AsyncSession, settings
):
    assert settings.login_max_failures_per_username >= 10 * settings.login_max_failures
    spread = [f"198.51.{i // 250}.{i % 250}" for i in range(settings.login_max_failures_per_username - 1)]
    await record_failures(db, "admin", spread)
    assert (await login(client, "admin", admin["password"])).status_code == 200

    await record_failures(db, "admin", [f"203.0.113.{i}" for i in range(settings.login_max_failures)])
    response = await login(client, "admin", admin["password"])
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "TOO_MANY_REQUESTS"


async def test_success_clears_only_this_clients_failures(client, admin, db: AsyncSession, settings):
    await record_failures(db, "admin", ["198.51.100.7"] * 3)
    for _ in range(settings.login_max_failures - 1):
        await login(client, "admin", "wrong")
    assert (await login(client, "admin", admin["password"])).status_code == 200
    rows = (await db.execute(text("SELECT client_ip FROM login_attempts WHERE username = 'admin'"))).scalars().all()
    assert rows == ["198.51.100.7"] * 3


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None]
)
async def test_login_refuses_a_body_not_sent_as_json(client, admin, db: AsyncSession, content_type):
    # What a cross-site <form> can send without a preflight: this must not sign the browser in.
    body = json.dumps({"username": "admin", "password": admin["password"]})
    headers = {"Content-Type": content_type} if content_type else {}
    response = await client.post("/api/v1/auth/login", content=body, headers=headers)
    assert response.status_code == 415, response.text
    error = response.json()["error"]
    assert error["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert "application/json" in error["message"]
    assert "set-cookie" not in response.headers
    assert (await db.execute(select(AdminSession))).first() is None


async def test_login_accepts_json_with_a_charset(client, admin):
    body = json.dumps({"username": "admin", "password": admin["password"]})
    response = await client.post(
        "/api/v1/auth/login", content=body, headers={"Content-Type": "application/json; charset=utf-8"}
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("charset", ["latin-1", "utf-16"])
async def test_json_in_another_charset_is_refused_not_misread(auth_client, charset):
    response = await auth_client.post(
        "/api/v1/groups", content='{"name": "Caf\u00e9"}'.encode("latin-1"),
        headers={"Content-Type": f"application/json; charset={charset}"},
    )  # fmt: skip
    assert response.status_code == 415, response.text
    assert response.json()["error"]["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert "UTF-8" in response.json()["error"]["message"]


async def test_json_endpoints_refuse_other_content_types(auth_client):
    response = await auth_client.post(
        "/api/v1/groups", content='{"name": "News"}', headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "UNSUPPORTED_MEDIA_TYPE"
    created = await auth_client.post("/api/v1/groups", json={"name": "News"})
    assert created.status_code == 201, created.text


async def test_login_ends_the_session_the_browser_already_had(client, admin, db: AsyncSession, settings):
    first = (await login(client, "admin", admin["password"])).cookies["session_id"]
    second = (await login(client, "admin", admin["password"])).cookies["session_id"]  # sent with the first cookie
    assert first != second
    stored = (await db.execute(select(AdminSession.id_hash))).scalars().all()
    assert stored == [digest(second, settings.secret_key)]
