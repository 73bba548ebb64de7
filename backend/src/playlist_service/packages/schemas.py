"""Package DTOs (spec §7.3 Packages). Channels are assigned from the channel side (spec §8.6)."""

from __future__ import annotations

from datetime import datetime

import msgspec

from playlist_service.api.dto import Input, PatchInput
from playlist_service.catalog_rules import Description, Name


class PackageRead(msgspec.Struct):
    id: int
    name: str
    description: str | None
    channels_count: int
    tariffs_count: int
    created_at: datetime
    updated_at: datetime


class PackageCreate(Input):
    name: Name
    description: Description | None = None


class PackageUpdate(PatchInput):
    name: Name | msgspec.UnsetType = msgspec.UNSET
    description: Description | msgspec.UnsetType | None = msgspec.UNSET


class PackageCascadeInfo(msgspec.Struct):
    """Deleting a package removes it from these tariffs and these users' direct assignments; its channel
    links go with it (the channels stay)."""

    id: int
    name: str
    tariffs_count: int  # tariffs containing the package
    channels_count: int  # channels in the package
    direct_users_count: int  # users holding the package directly
    users_count: int  # every subscriber affected: directly or through a tariff (whose streams are re-sent)


class PackageLookup(msgspec.Struct):
    id: int
    name: str
