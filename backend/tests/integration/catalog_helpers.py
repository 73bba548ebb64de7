"""Direct-SQL builders for catalogue tests (fast, and independent of the users API being built elsewhere)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


async def add_channels(
    db: AsyncSession,
    count: int,
    *,
    prefix: str = "ch",
    status: str = "synced",
    group_id: int | None = None,
    start: int = 1,
) -> list[int]:
    rows = await db.execute(
        text(
            "INSERT INTO channels (stream_name, display_name, tvg_name, stream_base_url, catchup_days, "
            "group_id, sort_order, sync_status) "
            "SELECT :p || lpad(i::text, 4, '0'), 'Channel ' || i, 'tvg ' || i, 'http://fl', i % 8, :g, i, "
            "CAST(:s AS sync_status) FROM generate_series(CAST(:a AS int), CAST(:b AS int)) AS i RETURNING id"
        ),
        {"p": prefix, "g": group_id, "s": status, "a": start, "b": start + count - 1},
    )
    ids = list(rows.scalars())
    await db.commit()
    return ids


async def add_named(db: AsyncSession, table: str, name: str, **extra: Any) -> int:
    cols = ["name", *extra]
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)}) RETURNING id"
    new_id = int((await db.execute(text(sql), {"name": name, **extra})).scalar_one())
    await db.commit()
    return new_id


async def link(db: AsyncSession, table: str, pairs: Sequence[tuple[int, int]]) -> None:
    left, right = {
        "package_channels": ("package_id", "channel_id"),
        "tariff_packages": ("tariff_id", "package_id"),
        "user_tariffs": ("user_id", "tariff_id"),
        "user_packages": ("user_id", "package_id"),
        "user_channels": ("user_id", "channel_id"),
    }[table]
    for a, b in pairs:
        await db.execute(text(f"INSERT INTO {table} ({left}, {right}) VALUES (:a, :b)"), {"a": a, "b": b})
    await db.commit()


async def add_user(db: AsyncSession, number: str, *, status: str = "enabled", auth_sync: str = "synced") -> int:
    user_id = (
        await db.execute(
            text(
                "INSERT INTO users (first_name, last_name, agreement_number, token, status, auth_sync_status) "
                "VALUES ('Ivan', 'Ivanov', :n, :t, CAST(:s AS user_status), CAST(:a AS auth_sync_status)) "
                "RETURNING id"
            ),
            {"n": number, "t": f"token-{number}", "s": status, "a": auth_sync},
        )
    ).scalar_one()
    await db.commit()
    return int(user_id)


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
