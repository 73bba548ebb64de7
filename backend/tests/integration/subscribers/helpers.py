"""Catalogue seeding (model factories) and Auth Service assertions for the users, sync and playlist tests."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import httpx
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from devtools.simulators.auth_service import AuthSimState
from playlist_service.db.models import SyncStatus, package_channels, tariff_packages
from playlist_service.sync.auth_sync import NO_STREAMS_SENTINEL, AuthSync
from tests.factories import ChannelFactory, GroupFactory, PackageFactory, TariffFactory, link

Client = AsyncTestClient[Litestar]

BASE_URL = "http://stream.example.test:8085"
OURS = {"managed_by": "playlist-service"}
"""The marker in the meta of every token we push."""


async def add_group(db: AsyncSession, name: str, sort_order: int) -> int:
    return int((await GroupFactory.add(db, name=name, sort_order=sort_order)).id)


async def add_channel(
    db: AsyncSession,
    stream_name: str,
    *,
    display_name: str | None = None,
    group_id: int | None = None,
    sort_order: int = 0,
    status: str = "synced",
    tvg_id: str | None = None,
    tvg_logo: str | None = None,
    catchup_days: int | None = None,
) -> int:
    channel = await ChannelFactory.add(
        db,
        stream_name=stream_name,
        display_name=display_name or stream_name,
        tvg_name=display_name or stream_name,
        tvg_id=tvg_id,
        tvg_logo=tvg_logo,
        stream_base_url=BASE_URL,
        catchup_days=catchup_days,
        group_id=group_id,
        sort_order=sort_order,
        sync_status=SyncStatus(status),
    )
    return int(channel.id)


async def add_package(db: AsyncSession, name: str, channel_ids: Sequence[int] = ()) -> int:
    package = await PackageFactory.add(db, name=name)
    await link(db, package_channels, [(package.id, cid) for cid in channel_ids])
    return int(package.id)


async def add_tariff(db: AsyncSession, name: str, package_ids: Sequence[int] = ()) -> int:
    tariff = await TariffFactory.add(db, name=name)
    await link(db, tariff_packages, [(tariff.id, pid) for pid in package_ids])
    return int(tariff.id)


def user_body(number: str = "AG-001", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"first_name": "Ivan", "last_name": "Ivanov", "agreement_number": number, "max_sessions": 2}
    body.update(overrides)
    return body


async def local_user(db: AsyncSession, user_id: int) -> dict[str, Any]:
    row = (await db.execute(text("SELECT * FROM users WHERE id = :i"), {"i": user_id})).mappings().one_or_none()
    await db.commit()
    assert row is not None, f"user {user_id} is not in the database"
    return dict(row)


async def local_streams(db: AsyncSession, user_id: int) -> list[str]:
    from playlist_service.playlists.resolution import allowed_streams_for_users

    streams = (await allowed_streams_for_users(db, [user_id]))[user_id]
    await db.commit()
    return streams


def remote_tokens_of(sim: AuthSimState, agreement_number: str) -> list[Any]:
    with sim.lock:
        return [t for t in sim.tokens.values() if t.user_id == agreement_number]


async def assert_converged(db: AsyncSession, sim: AuthSimState) -> None:
    """Local == remote: every user exactly one token with its fields, and no other tokens."""
    users = (await db.execute(text("SELECT * FROM users ORDER BY id"))).mappings().all()
    await db.commit()
    with sim.lock:
        tokens = {t.token: t for t in sim.tokens.values()}
        assert len(tokens) == len(sim.tokens), "two remote tokens share a value"
        assert len(sim.tokens) == len(users), f"{len(sim.tokens)} remote tokens for {len(users)} users"
    for user in users:
        assert user["auth_sync_status"] == "synced", (user["agreement_number"], user["auth_sync_error"])
        remote = tokens.get(user["token"])
        assert remote is not None, f"no remote token for {user['agreement_number']}"
        assert user["auth_token_id"] == remote.id
        assert remote.user_id == user["agreement_number"]
        assert remote.max_sessions == user["max_sessions"]
        streams = await local_streams(db, user["id"])
        expected_status = "active" if user["status"] == "enabled" and streams else "suspended"
        assert remote.status == expected_status
        assert sorted(remote.allowed_streams or []) == (streams or [NO_STREAMS_SENTINEL])
        assert remote.meta == {"first_name": user["first_name"], "last_name": user["last_name"], **OURS}


async def auth_allows(sim_url: str, token: str, stream: str, ip: str = "10.0.0.1") -> bool:
    async with httpx.AsyncClient(base_url=sim_url, timeout=2) as http:
        response = await http.get("/auth", params={"name": stream, "ip": ip, "token": token, "proto": "hls"})
    return response.status_code == 200


async def create(client: Client, number: str = "AG-001", **overrides: Any) -> dict[str, Any]:
    response = await client.post("/api/v1/users", json=user_body(number, **overrides))
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def assert_saved_but_not_synced(response: Any) -> None:
    assert response.status_code == 502, response.text
    error = response.json()["error"]
    assert error["code"] == "AUTH_SERVICE_ERROR"
    assert "retried" in error["message"]
    # The quoted Auth Service error ends its sentence: "... Internal Server Error. The change will ..."
    assert re.search(r"[^.!?] (The change|It) will be retried", error["message"]) is None, error["message"]


async def recover(db: AsyncSession, sim: AuthSimState, sync: AuthSync) -> None:
    """The Auth Service is back and the backoff has passed: one worker round."""
    sim.set_fault("ok")
    await db.execute(text("UPDATE users SET auth_sync_next_at = now() WHERE auth_sync_status <> 'synced'"))
    await db.execute(text("UPDATE auth_token_deletions SET next_attempt_at = now()"))
    await db.commit()
    await sync.run_once()
