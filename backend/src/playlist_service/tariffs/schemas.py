"""Tariff DTOs (spec §7.3 Tariffs)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from playlist_service.api.dto import Input, PatchInput
from playlist_service.catalog_rules import Description, Id, Name
from playlist_service.channels.schemas import PackageRef

PackageIds = Annotated[list[Id], msgspec.Meta(max_length=10_000, description="Replaces the set; duplicates ignored")]


class TariffRead(msgspec.Struct):
    id: int
    name: str
    description: str | None
    packages_count: int
    package_ids: list[int]
    packages: list[PackageRef]
    created_at: datetime
    updated_at: datetime


class TariffCreate(Input):
    name: Name
    description: Description | None = None
    package_ids: PackageIds = msgspec.field(default_factory=list)


class TariffUpdate(PatchInput):
    name: Name | msgspec.UnsetType = msgspec.UNSET
    description: Description | msgspec.UnsetType | None = msgspec.UNSET
    package_ids: PackageIds | msgspec.UnsetType = msgspec.UNSET


class TariffCascadeInfo(msgspec.Struct):
    """Deleting a tariff removes it from these users (its package links go with it; packages stay)."""

    id: int
    name: str
    packages_count: int  # packages in the tariff
    users_count: int  # every subscriber affected: those holding the tariff (what the deletion records)


class TariffLookup(msgspec.Struct):
    id: int
    name: str
