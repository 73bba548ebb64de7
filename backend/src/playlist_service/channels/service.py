"""Channel rules: listing with filters, UI-owned edits, package links, reorder, orphan-only delete."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import msgspec
from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    bindparam,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.pagination import offset
from playlist_service.catalog_rules import duplicates, id_list, refuse_control_characters, require_ids
from playlist_service.channels import logos
from playlist_service.channels.schemas import (
    ChannelCascadeInfo,
    ChannelLookup,
    ChannelRead,
    ChannelSummary,
    ChannelUpdate,
    GroupRef,
    OrderItem,
    PackageRef,
)
from playlist_service.db.models import Channel, Group, Package, SyncStatus, package_channels
from playlist_service.errors import ChannelNotOrphanedError, NotFoundError, ValidationError
from playlist_service.sync.impact import record_impact, record_packages, users_of_channels

ChannelSortField = Literal[
    "sort_order",
    "display_name",
    "stream_name",
    "tvg_name",
    "tvg_id",
    "catchup_days",
    "sync_status",
    "created_at",
    "updated_at",
    "last_seen_at",
    "id",
]
SORT_COLUMNS: dict[str, Any] = {name: getattr(Channel, name) for name in ChannelSortField.__args__}  # type: ignore[attr-defined]
NO_GROUP: Literal["none"] = "none"
LOGO_PATH = "/api/v1/channels/{id}/logo"

_package_refs = (
    select(
        func.coalesce(
            func.json_agg(
                aggregate_order_by(func.json_build_object("id", Package.id, "name", Package.name), Package.name)
            ),
            literal_column("'[]'::json"),
        )
    )
    .select_from(package_channels.join(Package, Package.id == package_channels.c.package_id))
    .where(package_channels.c.channel_id == Channel.id)
    .scalar_subquery()
)
_ROW_COLUMNS = (
    Channel.id,
    Channel.stream_name,
    Channel.display_name,
    Channel.tvg_name,
    Channel.tvg_id,
    Channel.stream_base_url,
    Channel.catchup_days,
    Channel.tvg_logo.is_not(None).label("has_logo"),
    Group.id.label("group_id"),
    Group.name.label("group_name"),
    _package_refs.label("packages"),
    Channel.sort_order,
    Channel.sync_status,
    Channel.last_seen_at,
    Channel.created_at,
    Channel.updated_at,
)
_package_list = msgspec.json.Decoder(list[PackageRef])


def _rows() -> Select[Any]:
    return select(*_ROW_COLUMNS).outerjoin(Group, Group.id == Channel.group_id)


def _packages(raw: Any) -> list[PackageRef]:
    if isinstance(raw, str | bytes):
        return _package_list.decode(raw)
    return msgspec.convert(raw or [], list[PackageRef])


def logo_url(channel_id: int, updated_at: datetime) -> str:
    return LOGO_PATH.format(id=channel_id) + f"?v={int(updated_at.timestamp() * 1000):x}"


def _summary_fields(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "stream_name": row.stream_name,
        "display_name": row.display_name,
        "tvg_name": row.tvg_name,
        "tvg_id": row.tvg_id,
        "stream_base_url": row.stream_base_url,
        "catchup_days": row.catchup_days,
        "has_logo": row.has_logo,
        "logo_url": logo_url(row.id, row.updated_at) if row.has_logo else None,
        "group": GroupRef(id=row.group_id, name=row.group_name) if row.group_id is not None else None,
        "packages": _packages(row.packages),
        "sort_order": row.sort_order,
        "sync_status": row.sync_status,
        "last_seen_at": row.last_seen_at,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filters(
    search: str | None, group_id: int | Literal["none"] | None, sync_status: SyncStatus | None
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    term = (search or "").strip()
    if term:
        pattern = _like(term)
        where.append(
            or_(
                Channel.stream_name.ilike(pattern, escape="\\"),
                Channel.display_name.ilike(pattern, escape="\\"),
                Channel.tvg_name.ilike(pattern, escape="\\"),
                Channel.tvg_id.ilike(pattern, escape="\\"),
            )
        )
    if group_id == NO_GROUP:
        where.append(Channel.group_id.is_(None))
    elif group_id is not None:
        where.append(Channel.group_id == group_id)
    if sync_status is not None:
        where.append(Channel.sync_status == sync_status)
    return where


async def list_channels(
    db: AsyncSession,
    *,
    page: int,
    per_page: int,
    search: str | None = None,
    group_id: int | Literal["none"] | None = None,
    sync_status: SyncStatus | None = None,
    sort_by: str = "sort_order",
    sort_dir: Literal["asc", "desc"] = "asc",
) -> tuple[list[ChannelSummary], int]:
    """One page plus the total; two statements whatever the page size (groups/packages inlined).

    A deferred join: the page's ids are found first on the bare table (filter, sort, offset), and only
    those ≤ 200 rows are joined to their group and get their package list. Otherwise PostgreSQL builds
    the package JSON for every row before the offset (page 20 of 5,000 by display_name: ~5x slower).
    """
    where = _filters(search, group_id, sync_status)
    total = (await db.execute(select(func.count()).select_from(Channel).where(*where))).scalar_one()
    column = SORT_COLUMNS[sort_by]

    def ordered(value: Any) -> Any:
        return value.desc() if sort_dir == "desc" else value.asc()

    ids = (
        select(Channel.id.label("page_id"), column.label("sort_key"))
        .where(*where)
        .order_by(ordered(column), ordered(Channel.id))
        .limit(per_page)
        .offset(offset(page, per_page))
        .subquery("page")
    )
    stmt = _rows().join(ids, ids.c.page_id == Channel.id).order_by(ordered(ids.c.sort_key), ordered(ids.c.page_id))
    rows = (await db.execute(stmt)).all()
    return [ChannelSummary(**_summary_fields(r)) for r in rows], total


async def get_summary(db: AsyncSession, channel_id: int) -> ChannelSummary:
    """The list-row shape (no logo, which may be 256 KiB): what group/package edits answer."""
    row = (await db.execute(_rows().where(Channel.id == channel_id))).one_or_none()
    if row is None:
        raise NotFoundError(f"Channel {channel_id} not found")
    return ChannelSummary(**_summary_fields(row))


async def get_channel(db: AsyncSession, channel_id: int) -> ChannelRead:
    row = (await db.execute(_rows().add_columns(Channel.tvg_logo).where(Channel.id == channel_id))).one_or_none()
    if row is None:
        raise NotFoundError(f"Channel {channel_id} not found")
    return ChannelRead(**_summary_fields(row), tvg_logo=row.tvg_logo)


async def _lock_channel(db: AsyncSession, channel_id: int) -> Any:
    row = (
        await db.execute(
            select(Channel.id, Channel.stream_name, Channel.display_name, Channel.sync_status)
            .where(Channel.id == channel_id)
            .with_for_update()
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"Channel {channel_id} not found")
    return row


async def update_channel(db: AsyncSession, channel_id: int, data: ChannelUpdate, *, logo_max_bytes: int) -> ChannelRead:
    """PATCH: ``tvg_id`` and ``tvg_logo`` only (a sync never touches them)."""
    values: dict[str, Any] = {}
    if data.tvg_id is not msgspec.UNSET:
        values["tvg_id"] = (data.tvg_id or "").strip() or None
        if values["tvg_id"]:
            refuse_control_characters(values["tvg_id"], "tvg_id")
    if data.tvg_logo is not msgspec.UNSET:
        values["tvg_logo"] = (
            None if data.tvg_logo is None else logos.parse_logo(data.tvg_logo, max_bytes=logo_max_bytes).data_uri
        )
    if values:
        result = await db.execute(update(Channel).where(Channel.id == channel_id).values(**values))
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFoundError(f"Channel {channel_id} not found")
    return await get_channel(db, channel_id)


async def set_group(db: AsyncSession, channel_id: int, group_id: int | None) -> ChannelSummary:
    if group_id is not None:
        await require_ids(db, Group.id, [group_id], "group_id")
    result = await db.execute(update(Channel).where(Channel.id == channel_id).values(group_id=group_id))
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(f"Channel {channel_id} not found")
    return await get_summary(db, channel_id)


async def set_packages(db: AsyncSession, channel_id: int, package_ids: Sequence[int]) -> ChannelSummary:
    """Replace the channel's packages; subscribers of every added or removed package are recorded."""
    await _lock_channel(db, channel_id)
    wanted = set(await require_ids(db, Package.id, package_ids, "package_ids"))
    current = set(
        (
            await db.execute(select(package_channels.c.package_id).where(package_channels.c.channel_id == channel_id))
        ).scalars()
    )
    added, removed = sorted(wanted - current), sorted(current - wanted)
    if removed:
        arr = bindparam("removed", removed, type_=ARRAY(Integer))
        await db.execute(
            delete(package_channels).where(
                package_channels.c.channel_id == channel_id, package_channels.c.package_id == func.any(arr)
            )
        )
    if added:
        await db.execute(insert(package_channels), [{"package_id": p, "channel_id": channel_id} for p in added])
    if added or removed:
        await db.execute(update(Channel).where(Channel.id == channel_id).values(updated_at=func.now()))
        await record_packages(db, f"channel {channel_id} packages changed", added + removed)
    return await get_summary(db, channel_id)


async def reorder(db: AsyncSession, items: Sequence[OrderItem]) -> int:
    """Apply a new order in one statement; unknown or repeated ids are refused (nothing changes)."""
    ids = [i.id for i in items]
    repeated = duplicates(ids)
    if repeated:
        raise ValidationError(
            f"order: duplicate ids {id_list(repeated)}",
            details=[{"field": "order", "message": f"duplicate ids {id_list(repeated)}"}],
        )
    return await apply_order(db, "channels", ids, [i.sort_order for i in items])


async def apply_order(db: AsyncSession, table: Literal["channels", "groups"], ids: list[int], orders: list[int]) -> int:
    """``UPDATE ... FROM unnest(ids, orders)``; raises (so the transaction rolls back) if any id is unknown."""
    stmt = text(
        f"UPDATE {table} AS t SET sort_order = v.sort_order "  # noqa: S608 - table from a Literal
        "FROM unnest(CAST(:ids AS integer[]), CAST(:orders AS integer[])) AS v(id, sort_order) "
        "WHERE t.id = v.id RETURNING t.id"
    )
    found = set((await db.execute(stmt, {"ids": ids, "orders": orders})).scalars())
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValidationError(
            f"order: unknown ids {id_list(missing)}",
            details=[{"field": "order", "message": f"unknown ids {id_list(missing)}"}],
        )
    return len(found)


async def _counts(db: AsyncSession, channel_id: int) -> tuple[int, int]:
    packages = (
        select(func.count()).select_from(package_channels).where(package_channels.c.channel_id == channel_id)
    ).scalar_subquery()
    users = select(func.count()).select_from(users_of_channels([channel_id]).subquery()).scalar_subquery()
    row = (await db.execute(select(packages, users))).one()
    return int(row[0]), int(row[1])


async def cascade_info(db: AsyncSession, channel_id: int) -> ChannelCascadeInfo:
    row = (
        await db.execute(
            select(Channel.id, Channel.stream_name, Channel.display_name, Channel.sync_status).where(
                Channel.id == channel_id
            )
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"Channel {channel_id} not found")
    packages, users = await _counts(db, channel_id)
    return ChannelCascadeInfo(
        id=row.id,
        name=row.display_name or row.stream_name,
        sync_status=row.sync_status,
        can_delete=row.sync_status == SyncStatus.ORPHANED,
        packages_count=packages,
        users_count=users,
    )


async def delete_channel(db: AsyncSession, channel_id: int) -> None:
    """Spec §6.5: orphaned channels only; package and user links go with it (ON DELETE CASCADE)."""
    row = await _lock_channel(db, channel_id)
    if row.sync_status != SyncStatus.ORPHANED:
        raise ChannelNotOrphanedError(
            f"Channel {row.display_name or row.stream_name!r} is still in Flussonic; only orphaned channels "
            "can be deleted"
        )
    await record_impact(db, f"channel {channel_id} deleted", users_of_channels([channel_id]))
    await db.execute(delete(Channel).where(Channel.id == channel_id))


@dataclass(frozen=True, slots=True)
class LogoFile:
    data: bytes
    mime: str
    etag: str


async def get_logo(db: AsyncSession, channel_id: int) -> LogoFile:
    row = (await db.execute(select(Channel.id, Channel.tvg_logo).where(Channel.id == channel_id))).one_or_none()
    if row is None:
        raise NotFoundError(f"Channel {channel_id} not found")
    logo = logos.decode_stored(row.tvg_logo) if row.tvg_logo else None
    if logo is None:
        raise NotFoundError(f"Channel {channel_id} has no logo")
    etag = '"' + hashlib.sha256(logo.data).hexdigest()[:32] + '"'
    return LogoFile(data=logo.data, mime=logo.mime, etag=etag)


async def lookup_channels(db: AsyncSession, *, search: str | None, limit: int) -> list[ChannelLookup]:
    stmt = (
        select(Channel.id, Channel.display_name, Channel.stream_name, Channel.sync_status)
        .where(*_filters(search, None, None))
        .order_by(Channel.sort_order, Channel.id)
        .limit(limit)
    )
    return [
        ChannelLookup(
            id=r.id, name=r.display_name or r.stream_name, stream_name=r.stream_name, sync_status=r.sync_status
        )
        for r in (await db.execute(stmt)).all()
    ]
