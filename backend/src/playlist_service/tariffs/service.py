"""Tariffs: CRUD with their package sets; package changes and deletion record affected subscribers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec
from sqlalchemy import Integer, Select, bindparam, delete, func, insert, literal_column, select, update
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.catalog_rules import clean_name, clean_optional, require_ids
from playlist_service.channels.schemas import PackageRef
from playlist_service.db.models import Package, Tariff, tariff_packages
from playlist_service.errors import NotFoundError
from playlist_service.sync.impact import record_impact, record_tariffs, users_of_tariffs
from playlist_service.tariffs.schemas import TariffCascadeInfo, TariffCreate, TariffLookup, TariffRead, TariffUpdate

_packages = (
    select(
        func.coalesce(
            func.json_agg(
                aggregate_order_by(func.json_build_object("id", Package.id, "name", Package.name), Package.name)
            ),
            literal_column("'[]'::json"),
        )
    )
    .select_from(tariff_packages.join(Package, Package.id == tariff_packages.c.package_id))
    .where(tariff_packages.c.tariff_id == Tariff.id)
    .scalar_subquery()
)
_decoder = msgspec.json.Decoder(list[PackageRef])


def _rows() -> Select[Any]:
    return select(
        Tariff.id, Tariff.name, Tariff.description, _packages.label("packages"), Tariff.created_at, Tariff.updated_at
    )


def _read(row: Any) -> TariffRead:
    raw = row.packages
    packages = _decoder.decode(raw) if isinstance(raw, str | bytes) else msgspec.convert(raw or [], list[PackageRef])
    return TariffRead(
        id=row.id,
        name=row.name,
        description=row.description,
        packages_count=len(packages),
        package_ids=[p.id for p in packages],
        packages=packages,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def list_tariffs(db: AsyncSession) -> list[TariffRead]:
    return [_read(r) for r in (await db.execute(_rows().order_by(Tariff.name, Tariff.id))).all()]


async def get_tariff(db: AsyncSession, tariff_id: int) -> TariffRead:
    row = (await db.execute(_rows().where(Tariff.id == tariff_id))).one_or_none()
    if row is None:
        raise NotFoundError(f"Tariff {tariff_id} not found")
    return _read(row)


async def _replace_packages(db: AsyncSession, tariff_id: int, package_ids: Sequence[int]) -> bool:
    """Make the tariff's package set exactly ``package_ids``; True when it changed."""
    wanted = set(await require_ids(db, Package.id, package_ids, "package_ids"))
    current = set(
        (
            await db.execute(select(tariff_packages.c.package_id).where(tariff_packages.c.tariff_id == tariff_id))
        ).scalars()
    )
    added, removed = sorted(wanted - current), sorted(current - wanted)
    if removed:
        arr = bindparam("removed", removed, type_=ARRAY(Integer))
        await db.execute(
            delete(tariff_packages).where(
                tariff_packages.c.tariff_id == tariff_id, tariff_packages.c.package_id == func.any(arr)
            )
        )
    if added:
        await db.execute(insert(tariff_packages), [{"tariff_id": tariff_id, "package_id": p} for p in added])
    return bool(added or removed)


async def create_tariff(db: AsyncSession, data: TariffCreate) -> TariffRead:
    values = {"name": clean_name(data.name), "description": clean_optional(data.description)}
    await require_ids(db, Package.id, data.package_ids, "package_ids")
    tariff_id = (await db.execute(insert(Tariff).values(**values).returning(Tariff.id))).scalar_one()
    await _replace_packages(db, tariff_id, data.package_ids)
    return await get_tariff(db, tariff_id)


async def update_tariff(db: AsyncSession, tariff_id: int, data: TariffUpdate) -> TariffRead:
    values: dict[str, Any] = {}
    if data.name is not msgspec.UNSET:
        values["name"] = clean_name(data.name)
    if data.description is not msgspec.UNSET:
        values["description"] = clean_optional(data.description)
    # Lock the row: concurrent package edits of one tariff apply one after the other.
    stmt = update(Tariff).where(Tariff.id == tariff_id).values(**values, updated_at=func.now()).returning(Tariff.id)
    if (await db.execute(stmt)).scalar_one_or_none() is None:
        raise NotFoundError(f"Tariff {tariff_id} not found")
    if data.package_ids is not msgspec.UNSET and await _replace_packages(db, tariff_id, data.package_ids):
        await record_tariffs(db, f"tariff {tariff_id} packages changed", [tariff_id])
    return await get_tariff(db, tariff_id)


async def cascade_info(db: AsyncSession, tariff_id: int) -> TariffCascadeInfo:
    """The counts the delete dialog shows; ``users_count`` is what ``delete_tariff`` records."""
    packages = select(func.count()).select_from(tariff_packages).where(tariff_packages.c.tariff_id == Tariff.id)
    users = select(func.count()).select_from(users_of_tariffs([tariff_id]).subquery())
    row = (
        await db.execute(
            select(
                Tariff.id,
                Tariff.name,
                packages.scalar_subquery().label("packages_count"),
                users.scalar_subquery().label("users_count"),
            ).where(Tariff.id == tariff_id)
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"Tariff {tariff_id} not found")
    return TariffCascadeInfo(id=row.id, name=row.name, packages_count=row.packages_count, users_count=row.users_count)


async def delete_tariff(db: AsyncSession, tariff_id: int) -> None:
    """Spec §6.5: the tariff leaves every user (ON DELETE CASCADE); subscribers recorded first."""
    found = (await db.execute(select(Tariff.id).where(Tariff.id == tariff_id).with_for_update())).scalar_one_or_none()
    if found is None:
        raise NotFoundError(f"Tariff {tariff_id} not found")
    await record_impact(db, f"tariff {tariff_id} deleted", users_of_tariffs([tariff_id]))
    await db.execute(delete(Tariff).where(Tariff.id == tariff_id))


async def lookup(db: AsyncSession) -> list[TariffLookup]:
    rows = (await db.execute(select(Tariff.id, Tariff.name).order_by(Tariff.name, Tariff.id))).all()
    return [TariffLookup(id=r.id, name=r.name) for r in rows]
