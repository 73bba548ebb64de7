"""API keys: created by a signed-in admin, shown once, stored hashed, scoped, revocable."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.admins.service import digest
from playlist_service.app import create_app
from playlist_service.settings import Settings
from tests.conftest import make_settings

Client = AsyncTestClient[Litestar]


async def create_key(auth_client: Client, name: str = "billing", scope: str = "read_write") -> dict[str, Any]:
    response = await auth_client.post("/api/v1/api-keys", json={"name": name, "scope": scope})
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@asynccontextmanager
async def machine(auth_client: Client) -> AsyncIterator[Client]:
    """The same client without the admin's cookie and CSRF header: a third-party system."""
    cookies, csrf = dict(auth_client.cookies), auth_client.headers.pop("X-CSRF-Token")
    auth_client.cookies.clear()
    try:
        yield auth_client
    finally:
        for name, value in cookies.items():
            auth_client.cookies.set(name, value, domain="testserver.local")
        auth_client.headers["X-CSRF-Token"] = csrf


async def test_created_key_is_shown_once_with_a_recognisable_prefix(auth_client: Client) -> None:
    created = await create_key(auth_client)
    assert created["key"].startswith("pls_")
    assert len(created["key"]) >= 4 + 43  # 256 bits, URL-safe base64
    assert created["key"].startswith(created["prefix"])
    assert created["scope"] == "read_write"
    assert created["created_by"] == "admin"
    assert created["revoked_at"] is None

    listed = (await auth_client.get("/api/v1/api-keys")).json()["data"]
    assert listed["total"] == 1
    assert "key" not in listed["items"][0]
    assert created["key"] not in (await auth_client.get("/api/v1/api-keys")).text


async def test_key_is_stored_only_as_its_hmac_under_the_secret_key(
    auth_client: Client, db: AsyncSession, settings: Settings
) -> None:
    created = await create_key(auth_client)
    row = (await db.execute(text("SELECT key_hash, prefix FROM api_keys"))).one()
    expected = hmac.new(settings.secret_key.encode(), created["key"].encode(), hashlib.sha256).hexdigest()
    assert row.key_hash == expected
    assert row.key_hash != hashlib.sha256(created["key"].encode()).hexdigest()
    assert created["key"] not in row.key_hash
    assert row.prefix == created["prefix"] and len(row.prefix) < len(created["key"]) // 2


async def test_key_authenticates_without_cookie_or_csrf_and_records_last_use(auth_client: Client) -> None:
    created = await create_key(auth_client)
    async with machine(auth_client) as third_party:
        me = await third_party.get("/api/v1/auth/me", headers=bearer(created["key"]))
        assert me.status_code == 200, me.text
        assert me.json()["data"]["auth_method"] == "api_key"
    listed = (await auth_client.get("/api/v1/api-keys")).json()["data"]["items"]
    assert listed[0]["last_used_at"] is not None


async def test_read_write_key_can_write_without_csrf(auth_client: Client) -> None:
    created = await create_key(auth_client)
    async with machine(auth_client) as third_party:
        response = await third_party.post("/api/v1/auth/logout", headers=bearer(created["key"]))
    assert response.status_code == 200, response.text


async def test_read_only_key_cannot_write(auth_client: Client) -> None:
    created = await create_key(auth_client, scope="read_only")
    async with machine(auth_client) as third_party:
        assert (await third_party.get("/api/v1/auth/me", headers=bearer(created["key"]))).status_code == 200
        response = await third_party.post("/api/v1/auth/logout", headers=bearer(created["key"]))
    assert response.status_code == 403
    assert response.json()["success"] is False
    assert response.json()["error"]["code"] == "FORBIDDEN"


async def test_scope_defaults_to_read_only(auth_client: Client) -> None:
    response = await auth_client.post("/api/v1/api-keys", json={"name": "reports"})
    assert response.status_code == 201
    assert response.json()["data"]["scope"] == "read_only"


async def test_revoked_key_is_refused_and_stays_listed(auth_client: Client) -> None:
    created = await create_key(auth_client)
    revoked = await auth_client.delete(f"/api/v1/api-keys/{created['id']}")
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["data"]["revoked_at"] is not None

    async with machine(auth_client) as third_party:
        response = await third_party.get("/api/v1/auth/me", headers=bearer(created["key"]))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHORIZED"

    items = (await auth_client.get("/api/v1/api-keys")).json()["data"]["items"]
    assert [(i["id"], i["revoked_at"] is not None) for i in items] == [(created["id"], True)]
    again = await auth_client.delete(f"/api/v1/api-keys/{created['id']}")
    assert again.status_code == 200
    assert again.json()["data"]["revoked_at"] == revoked.json()["data"]["revoked_at"]


async def test_revoking_unknown_key_is_not_found(auth_client: Client) -> None:
    response = await auth_client.delete("/api/v1/api-keys/999999")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"


async def test_api_keys_cannot_manage_api_keys(auth_client: Client) -> None:
    created = await create_key(auth_client, scope="read_write")
    async with machine(auth_client) as third_party:
        headers = bearer(created["key"])
        listing = await third_party.get("/api/v1/api-keys", headers=headers)
        minting = await third_party.post("/api/v1/api-keys", json={"name": "more"}, headers=headers)
        revoking = await third_party.delete(f"/api/v1/api-keys/{created['id']}", headers=headers)
    for response in (listing, minting, revoking):
        assert response.status_code == 403, response.text
        assert response.json()["error"]["code"] == "FORBIDDEN"
    items = (await auth_client.get("/api/v1/api-keys")).json()["data"]["items"]
    assert len(items) == 1 and items[0]["revoked_at"] is None


async def test_duplicate_name_is_a_duplicate_entry(auth_client: Client) -> None:
    await create_key(auth_client, name="billing")
    response = await auth_client.post("/api/v1/api-keys", json={"name": "billing"})
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "DUPLICATE_ENTRY"


async def test_names_differing_only_in_case_are_duplicates(auth_client: Client) -> None:
    await create_key(auth_client, name="billing")
    for name in ("BILLING", "Billing", " bIlLiNg "):
        response = await auth_client.post("/api/v1/api-keys", json={"name": name})
        assert response.status_code == 409, response.text
        assert response.json()["error"]["details"] == [{"field": "name", "message": "must be unique"}]
    assert (await auth_client.get("/api/v1/api-keys")).json()["data"]["total"] == 1


async def test_a_revoked_keys_name_can_be_reused(auth_client: Client, db: AsyncSession) -> None:
    first = await create_key(auth_client, name="billing")
    assert (await auth_client.delete(f"/api/v1/api-keys/{first['id']}")).status_code == 200
    second = await create_key(auth_client, name="Billing")
    assert second["name"] == "Billing"
    # Among the keys in use the name is still unique, and revoked ones may share it.
    assert (await auth_client.post("/api/v1/api-keys", json={"name": "billing"})).status_code == 409
    assert (await auth_client.delete(f"/api/v1/api-keys/{second['id']}")).status_code == 200
    await create_key(auth_client, name="billing")
    names = (await db.execute(text("SELECT name, revoked_at IS NULL AS active FROM api_keys ORDER BY id"))).all()
    assert [tuple(r) for r in names] == [("billing", False), ("Billing", False), ("billing", True)]


@pytest.mark.parametrize("name", ["bill\r\ning", "bill\ning", "bill\ting", "a\x1bb", "bill\u202eing"])
async def test_control_characters_in_a_name_are_refused(auth_client: Client, name: str) -> None:
    response = await auth_client.post("/api/v1/api-keys", json={"name": name})
    assert response.status_code == 422, response.text
    assert [d["field"] for d in response.json()["error"]["details"]] == ["name"]
    assert (await auth_client.get("/api/v1/api-keys")).json()["data"]["total"] == 0


async def test_name_is_trimmed_before_it_is_stored_and_compared(auth_client: Client) -> None:
    created = await create_key(auth_client, name="  billing  ")
    assert created["name"] == "billing"
    again = await auth_client.post("/api/v1/api-keys", json={"name": "billing "})
    assert again.status_code == 409, again.text


@pytest.mark.parametrize("name", ["   ", "\t\n", "\u200b", "\u3000\ufeff"])
async def test_blank_name_is_refused_naming_the_field(auth_client: Client, name: str) -> None:
    response = await auth_client.post("/api/v1/api-keys", json={"name": name})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["details"] == [{"field": "name", "message": "must not be blank"}]
    assert (await auth_client.get("/api/v1/api-keys")).json()["data"]["total"] == 0


async def test_invalid_scope_and_unknown_fields_are_validation_errors(auth_client: Client) -> None:
    bad_scope = await auth_client.post("/api/v1/api-keys", json={"name": "x", "scope": "admin"})
    unknown = await auth_client.post("/api/v1/api-keys", json={"name": "x", "key": "pls_mine"})
    empty = await auth_client.post("/api/v1/api-keys", json={"name": ""})
    for response in (bad_scope, unknown, empty):
        assert response.status_code == 422, response.text
        assert response.json()["error"]["code"] == "VALIDATION_ERROR"


async def test_api_keys_need_authentication(client: Client) -> None:
    response = await client.get("/api/v1/api-keys")
    assert response.status_code == 401


async def test_a_key_planted_in_the_database_without_the_secret_key_is_refused(
    auth_client: Client, db: AsyncSession, admin: dict[str, Any]
) -> None:
    # Someone who can write to the database but does not know SECRET_KEY.
    planted = "pls_planted-by-a-database-writer-0123456789abcdef"
    await db.execute(
        text(
            "INSERT INTO api_keys (name, prefix, key_hash, scope, created_by_id) "
            "VALUES ('planted', 'pls_planted', :h, 'read_write', :a)"
        ),
        {"h": hashlib.sha256(planted.encode()).hexdigest(), "a": admin["id"]},
    )
    await db.commit()
    async with machine(auth_client) as third_party:
        response = await third_party.get("/api/v1/auth/me", headers=bearer(planted))
    assert response.status_code == 401


async def test_keys_stop_working_while_their_creator_is_deactivated(
    auth_client: Client, db: AsyncSession, admin: dict[str, Any]
) -> None:
    created = await create_key(auth_client, scope="read_only")
    await db.execute(text("UPDATE admins SET is_active = false WHERE id = :a"), {"a": admin["id"]})
    await db.commit()
    async with machine(auth_client) as third_party:
        refused = await third_party.get("/api/v1/auth/me", headers=bearer(created["key"]))
        assert refused.status_code == 401
        assert refused.json()["error"]["code"] == "UNAUTHORIZED"

        await db.execute(text("UPDATE admins SET is_active = true WHERE id = :a"), {"a": admin["id"]})
        await db.commit()
        assert (await third_party.get("/api/v1/auth/me", headers=bearer(created["key"]))).status_code == 200


async def test_keys_of_a_deleted_admin_stop_working(
    auth_client: Client, db: AsyncSession, admin: dict[str, Any]
) -> None:
    created = await create_key(auth_client, scope="read_only")
    await db.execute(text("DELETE FROM admins WHERE id = :a"), {"a": admin["id"]})
    await db.commit()
    async with machine(auth_client) as third_party:
        assert (await third_party.get("/api/v1/auth/me", headers=bearer(created["key"]))).status_code == 401


async def test_a_key_keeps_working_through_a_secret_key_rotation(
    auth_client: Client, db: AsyncSession, database_url: str, settings: Settings
) -> None:
    created = await create_key(auth_client, scope="read_only")
    new_secret = "rotated-secret-key-fedcba9876543210"
    rotating = create_app(make_settings(database_url, SECRET_KEY=new_secret, SECRET_KEY_PREVIOUS=settings.secret_key))
    async with AsyncTestClient(app=rotating) as other:
        assert (await other.get("/api/v1/auth/me", headers=bearer(created["key"]))).status_code == 200
    stored = (await db.execute(text("SELECT key_hash FROM api_keys"))).scalar_one()
    assert stored == digest(created["key"], new_secret)  # re-keyed on first use

    rotated = create_app(make_settings(database_url, SECRET_KEY=new_secret))
    async with AsyncTestClient(app=rotated) as other:
        assert (await other.get("/api/v1/auth/me", headers=bearer(created["key"]))).status_code == 200
    # Without SECRET_KEY_PREVIOUS, a new SECRET_KEY invalidates keys stored under the old one.
    async with AsyncTestClient(app=create_app(make_settings(database_url, SECRET_KEY="x" * 32))) as other:
        assert (await other.get("/api/v1/auth/me", headers=bearer(created["key"]))).status_code == 401
