"""Session lifetime as the browser sees it (the cookie), the absolute maximum, and keyed session digests."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from typing import Any

from litestar.testing import AsyncTestClient
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.admins.service import digest
from playlist_service.app import create_app
from playlist_service.db.models import AdminSession
from tests.conftest import make_settings


def session_cookies(response: Any) -> list[Any]:
    """The ``session_id`` Set-Cookie headers of a response, parsed."""
    morsels = []
    for header in response.headers.get_list("set-cookie"):
        jar: SimpleCookie = SimpleCookie()
        jar.load(header)
        if "session_id" in jar:
            morsels.append(jar["session_id"])
    return morsels


async def sign_in(client: AsyncTestClient[Any], password: str) -> Any:
    response = await client.post("/api/v1/auth/login", json={"username": "admin", "password": password})
    assert response.status_code == 200, response.text
    return response


async def age_session(db: AsyncSession, *, since_login: timedelta, idle: timedelta, left: timedelta) -> None:
    """Pretend the session was opened ``since_login`` ago, last used ``idle`` ago, and has ``left`` to live."""
    now = datetime.now(UTC)
    await db.execute(
        update(AdminSession).values(created_at=now - since_login, last_seen_at=now - idle, expires_at=now + left)
    )
    await db.commit()


async def test_an_active_admin_keeps_a_valid_cookie_past_the_original_max_age(client, admin, db, settings):
    login = await sign_in(client, admin["password"])
    (original,) = session_cookies(login)
    original_max_age = int(original["max-age"])
    assert original_max_age == settings.session_timeout
    # Signed in almost Max-Age ago, active two minutes ago: the login cookie has 30 s left in the browser.
    await age_session(
        db, since_login=timedelta(seconds=original_max_age - 30), idle=timedelta(minutes=2), left=timedelta(seconds=30)
    )

    response = await client.get("/api/v1/auth/me")
    assert response.status_code == 200
    (renewed,) = session_cookies(response)
    assert renewed.value == original.value  # the same session, sent again
    assert int(renewed["max-age"]) >= settings.session_timeout - 5  # far past the login cookie's 30 s
    for attribute in ("httponly", "samesite", "path", "secure"):
        assert renewed[attribute] == original[attribute], attribute
    db.expire_all()
    stored = (await db.execute(select(AdminSession))).scalar_one()
    assert abs((stored.expires_at - datetime.now(UTC)).total_seconds() - int(renewed["max-age"])) < 5
    assert response.json()["data"]["expires_at"] is not None


async def test_a_request_that_does_not_move_the_expiry_sends_no_cookie(auth_client):
    response = await auth_client.get("/api/v1/auth/me")
    assert response.status_code == 200
    assert session_cookies(response) == []


async def test_renewal_does_not_undo_a_logout(client, admin, db):
    csrf = (await sign_in(client, admin["password"])).json()["data"]["csrf_token"]
    await age_session(db, since_login=timedelta(hours=1), idle=timedelta(minutes=5), left=timedelta(hours=1))
    response = await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})
    assert response.status_code == 200
    (cleared,) = session_cookies(response)
    assert cleared.value == "" and cleared["max-age"] == "0"


async def test_activity_cannot_extend_a_session_past_its_maximum_lifetime(client, admin, db, settings):
    await sign_in(client, admin["password"])
    maximum = timedelta(seconds=settings.session_max_lifetime)
    await age_session(
        db, since_login=maximum - timedelta(seconds=40), idle=timedelta(minutes=2), left=timedelta(hours=1)
    )

    response = await client.get("/api/v1/auth/me")
    assert response.status_code == 200
    (renewed,) = session_cookies(response)
    assert 0 < int(renewed["max-age"]) <= 40
    db.expire_all()
    stored = (await db.execute(select(AdminSession))).scalar_one()
    assert stored.expires_at <= stored.created_at + maximum

    await age_session(
        db, since_login=maximum + timedelta(seconds=1), idle=timedelta(seconds=0), left=timedelta(hours=1)
    )
    assert (await client.get("/api/v1/auth/me")).status_code == 401


async def test_the_maximum_lifetime_is_configurable(database_url, admin, db):
    app = create_app(make_settings(database_url, SESSION_TIMEOUT="600", SESSION_MAX_LIFETIME="900"))
    async with AsyncTestClient(app=app) as client:
        await sign_in(client, admin["password"])
        await age_session(db, since_login=timedelta(seconds=800), idle=timedelta(minutes=2), left=timedelta(minutes=5))
        (renewed,) = session_cookies(await client.get("/api/v1/auth/me"))
    assert int(renewed["max-age"]) <= 100


async def test_a_session_planted_without_the_secret_key_is_refused(client, admin, db):
    # A database writer who does not know SECRET_KEY stores the plain SHA-256 of a value they chose.
    token = "planted-session-id-0123456789abcdefghijkl"
    await db.execute(
        text(
            "INSERT INTO admin_sessions (id_hash, admin_id, csrf_token, expires_at) "
            "VALUES (:h, :a, 'csrf', now() + interval '1 hour')"
        ),
        {"h": hashlib.sha256(token.encode()).hexdigest(), "a": admin["id"]},
    )
    await db.commit()
    client.cookies.set("session_id", token)
    assert (await client.get("/api/v1/auth/me")).status_code == 401


async def test_sessions_survive_a_secret_key_rotation_only_with_the_previous_key(
    client, admin, db, database_url, settings
):
    token = (await sign_in(client, admin["password"])).cookies["session_id"]
    new_secret = "rotated-secret-key-fedcba9876543210"

    signed_out = create_app(make_settings(database_url, SECRET_KEY=new_secret))
    async with AsyncTestClient(app=signed_out) as other:
        other.cookies.set("session_id", token)
        assert (await other.get("/api/v1/auth/me")).status_code == 401

    rotating = create_app(make_settings(database_url, SECRET_KEY=new_secret, SECRET_KEY_PREVIOUS=settings.secret_key))
    async with AsyncTestClient(app=rotating) as other:
        other.cookies.set("session_id", token)
        assert (await other.get("/api/v1/auth/me")).status_code == 200
    db.expire_all()
    assert (await db.execute(select(AdminSession.id_hash))).scalar_one() == digest(token, new_secret)
