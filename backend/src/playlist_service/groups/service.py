"""Channel groups: CRUD, order, channel counts. Deleting a group only ungroups its channels (§6.5)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec
from sqlalchemy import Select, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.catalog_rules import clean_name, duplicates, id_list
from playlist_service.channels.schemas import OrderItem
from playlist_service.channels.service import apply_order
from playlist_service.db.models import Channel, Group
from playlist_service.errors import NotFoundError, ValidationError
from playlist_service.groups.schemas import GroupCascadeInfo, GroupCreate, GroupLookup, GroupRead, GroupUpdate

_channels_count = (
    select(func.count()).select_from(Channel).where(Channel.group_id == Group.id).scalar_subquery().label("n")
)


def _rows() -> Select[Any]:
    return select(Group.id, Group.name, Group.sort_order, _channels_count, Group.created_at, Group.updated_at)


def _read(row: Any) -> GroupRead:
    return GroupRead(
        id=row.id,
        name=row.name,
        sort_order=row.sort_order,
        channels_count=row.n,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def list_groups(db: AsyncSession) -> list[GroupRead]:
    rows = (await db.execute(_rows().order_by(Group.sort_order, Group.id))).all()
    return [_read(r) for r in rows]


async def get_group(db: AsyncSession, group_id: int) -> GroupRead:
    row = (await db.execute(_rows().where(Group.id == group_id))).one_or_none()
    if row is None:
        raise NotFoundError(f"Group {group_id} not found")
    return _read(row)


async def create_group(db: AsyncSession, data: GroupCreate) -> GroupRead:
    name = clean_name(data.name)
    next_order = select(func.coalesce(func.max(Group.sort_order), 0) + 1).scalar_subquery()
    group_id = (
        await db.execute(insert(Group).values(name=name, sort_order=next_order).returning(Group.id))
    ).scalar_one()
    return await get_group(db, group_id)


async def update_group(db: AsyncSession, group_id: int, data: GroupUpdate) -> GroupRead:
    if data.name is not msgspec.UNSET:
        result = await db.execute(update(Group).where(Group.id == group_id).values(name=clean_name(data.name)))
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFoundError(f"Group {group_id} not found")
    return await get_group(db, group_id)


async def cascade_info(db: AsyncSession, group_id: int) -> GroupCascadeInfo:
    group = await get_group(db, group_id)
    return GroupCascadeInfo(id=group.id, name=group.name, channels_count=group.channels_count)


async def delete_group(db: AsyncSession, group_id: int) -> None:
    """Channels keep existing with ``group_id = NULL`` (ON DELETE SET NULL); allowed streams do not change."""
    result = await db.execute(delete(Group).where(Group.id == group_id))
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(f"Group {group_id} not found")


async def reorder(db: AsyncSession, items: Sequence[OrderItem]) -> int:
    ids = [i.id for i in items]
    repeated = duplicates(ids)
    if repeated:
        raise ValidationError(
            f"order: duplicate ids {id_list(repeated)}",
            details=[{"field": "order", "message": f"duplicate ids {id_list(repeated)}"}],
        )
    return await apply_order(db, "groups", ids, [i.sort_order for i in items])


async def lookup(db: AsyncSession) -> list[GroupLookup]:
    rows = (await db.execute(select(Group.id, Group.name).order_by(Group.sort_order, Group.id))).all()
    return [GroupLookup(id=r.id, name=r.name) for r in rows]
