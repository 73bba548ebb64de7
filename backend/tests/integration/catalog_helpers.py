"""Builders for catalogue tests on the model factories (fast, and independent of the users API)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from PIL import Image
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.db.base import Base
from playlist_service.db.models import AuthSyncStatus, SyncStatus, UserStatus
from tests import factories
from tests.factories import ChannelFactory, GroupFactory, PackageFactory, TariffFactory, UserFactory


def image(fmt: str, size: tuple[int, int] = (4, 4)) -> bytes:
    """A real, tiny image file (logos are decoded, not just sniffed)."""
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


PNG = image("PNG")
JPEG = image("JPEG")
GIF = image("GIF")
WEBP = image("WEBP")
_NAMED = {"groups": GroupFactory, "packages": PackageFactory, "tariffs": TariffFactory}


async def add_channels(
    db: AsyncSession,
    count: int,
    *,
    prefix: str = "ch",
    status: str = "synced",
    group_id: int | None = None,
    start: int = 1,
) -> list[int]:
    """``count`` channels ``<prefix>0001``..., in that order, with a catch-up depth of ``i % 8`` days."""
    rows = [
        ChannelFactory.build(
            stream_name=f"{prefix}{i:04d}",
            display_name=f"Channel {i}",
            tvg_name=f"tvg {i}",
            stream_base_url="http://fl",
            catchup_days=i % 8,
            group_id=group_id,
            sort_order=i,
            sync_status=SyncStatus(status),
        )
        for i in range(start, start + count)
    ]
    return [channel.id for channel in await factories.save(db, rows)]


async def add_named(db: AsyncSession, table: str, name: str, **extra: Any) -> int:
    row = await _NAMED[table].add(db, name=name, **extra)
    return int(row.id)


async def link(db: AsyncSession, table: str, pairs: Sequence[tuple[int, int]]) -> None:
    await factories.link(db, Base.metadata.tables[table], pairs)


async def add_user(db: AsyncSession, number: str, *, status: str = "enabled", auth_sync: str = "synced") -> int:
    user = await UserFactory.add(
        db,
        agreement_number=number,
        token=f"token-{number}",
        status=UserStatus(status),
        auth_sync_status=AuthSyncStatus(auth_sync),
    )
    return int(user.id)


async def events(db: AsyncSession) -> list[tuple[str, list[int]]]:
    """Each outbox event's reason and the users it names, resolved as the worker will."""
    from playlist_service.sync.impact import EVENT_USERS_SQL

    resolve = text(
        "WITH ev AS (SELECT user_ids, package_ids, tariff_ids, channel_ids FROM auth_sync_events WHERE id = :id), "
        + EVENT_USERS_SQL
        + " SELECT id FROM affected"
    )
    rows = (await db.execute(text("SELECT id, reason FROM auth_sync_events ORDER BY id"))).all()
    return [(r.reason, sorted((await db.execute(resolve, {"id": r.id})).scalars())) for r in rows]


async def scalar(db: AsyncSession, sql: str, **params: Any) -> Any:
    value = (await db.execute(text(sql), params)).scalar()
    await db.commit()
    return value


def assert_error(response: Any, status: int, code: str, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is False, body
    assert body["error"]["code"] == code, body
    if field is not None:
        # A field the body may not carry at all is named in the detail's message (field "body").
        fields = [d.get("field") for d in body["error"].get("details") or []]
        assert field in fields or f"`{field}`" in str(body["error"]), body
    return dict(body["error"])


def data(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is True
    return body["data"]
