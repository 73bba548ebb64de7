"""Packages: CRUD with channel and tariff counts; deletion records the affected subscribers first."""

from __future__ import annotations

from typing import Any

import msgspec
from sqlalchemy import Select, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.catalog_rules import clean_name, clean_optional
from playlist_service.db.models import Package, package_channels, tariff_packages, user_packages
from playlist_service.errors import NotFoundError
from playlist_service.packages.schemas import (
    PackageCascadeInfo,
    PackageCreate,
    PackageLookup,
    PackageRead,
    PackageUpdate,
)
from playlist_service.sync.impact import record_impact, users_of_packages


def _count(table: Any) -> Any:
    return select(func.count()).select_from(table).where(table.c.package_id == Package.id).scalar_subquery()


def _rows() -> Select[Any]:
    return select(
        Package.id,
        Package.name,
        Package.description,
        _count(package_channels).label("channels_count"),
        _count(tariff_packages).label("tariffs_count"),
        Package.created_at,
        Package.updated_at,
    )


def _read(row: Any) -> PackageRead:
    return PackageRead(
        id=row.id,
        name=row.name,
        description=row.description,
        channels_count=row.channels_count,
        tariffs_count=row.tariffs_count,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def list_packages(db: AsyncSession) -> list[PackageRead]:
    return [_read(r) for r in (await db.execute(_rows().order_by(Package.name, Package.id))).all()]


async def get_package(db: AsyncSession, package_id: int) -> PackageRead:
    row = (await db.execute(_rows().where(Package.id == package_id))).one_or_none()
    if row is None:
        raise NotFoundError(f"Package {package_id} not found")
    return _read(row)


async def create_package(db: AsyncSession, data: PackageCreate) -> PackageRead:
    values = {"name": clean_name(data.name), "description": clean_optional(data.description)}
    package_id = (await db.execute(insert(Package).values(**values).returning(Package.id))).scalar_one()
    return await get_package(db, package_id)


async def update_package(db: AsyncSession, package_id: int, data: PackageUpdate) -> PackageRead:
    values: dict[str, Any] = {}
    if data.name is not msgspec.UNSET:
        values["name"] = clean_name(data.name)
    if data.description is not msgspec.UNSET:
        values["description"] = clean_optional(data.description)
    if values:
        result = await db.execute(update(Package).where(Package.id == package_id).values(**values))
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFoundError(f"Package {package_id} not found")
    return await get_package(db, package_id)


def _count_of(users: Select[tuple[int]]) -> Any:
    return select(func.count()).select_from(users.subquery()).scalar_subquery()


async def cascade_info(db: AsyncSession, package_id: int) -> PackageCascadeInfo:
    """The counts the delete dialog shows; ``users_count`` is what ``delete_package`` records."""
    row = (
        await db.execute(
            select(
                Package.id,
                Package.name,
                _count(tariff_packages).label("tariffs_count"),
                _count(package_channels).label("channels_count"),
                _count(user_packages).label("direct_users_count"),
                _count_of(users_of_packages([package_id])).label("users_count"),
            ).where(Package.id == package_id)
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"Package {package_id} not found")
    return PackageCascadeInfo(
        id=row.id,
        name=row.name,
        tariffs_count=row.tariffs_count,
        channels_count=row.channels_count,
        direct_users_count=row.direct_users_count,
        users_count=row.users_count,
    )


async def delete_package(db: AsyncSession, package_id: int) -> None:
    """Spec §6.5: the package leaves every tariff and user (ON DELETE CASCADE); subscribers recorded first."""
    found = (
        await db.execute(select(Package.id).where(Package.id == package_id).with_for_update())
    ).scalar_one_or_none()
    if found is None:
        raise NotFoundError(f"Package {package_id} not found")
    await record_impact(db, f"package {package_id} deleted", users_of_packages([package_id]))
    await db.execute(delete(Package).where(Package.id == package_id))


async def lookup(db: AsyncSession) -> list[PackageLookup]:
    rows = (await db.execute(select(Package.id, Package.name).order_by(Package.name, Package.id))).all()
    return [PackageLookup(id=r.id, name=r.name) for r in rows]
