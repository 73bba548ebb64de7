"""Channel group DTOs (spec §7.3 Groups)."""

from __future__ import annotations

from datetime import datetime

import msgspec

from playlist_service.api.dto import Input, PatchInput
from playlist_service.catalog_rules import Name


class GroupRead(msgspec.Struct):
    id: int
    name: str
    sort_order: int
    channels_count: int
    created_at: datetime
    updated_at: datetime


class GroupCreate(Input):
    """A new group goes to the end of the order."""

    name: Name


class GroupUpdate(PatchInput):
    name: Name | msgspec.UnsetType = msgspec.UNSET


class GroupCascadeInfo(msgspec.Struct):
    """Deleting a group leaves its channels without a group (they are not deleted)."""

    id: int
    name: str
    channels_count: int


class GroupLookup(msgspec.Struct):
    id: int
    name: str
