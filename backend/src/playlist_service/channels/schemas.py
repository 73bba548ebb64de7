"""Channel DTOs, plus the Flussonic sync result and run record (spec §6.1, §7.3 Channels)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from playlist_service.api.dto import Input, PatchInput
from playlist_service.catalog_rules import Id, SortOrder
from playlist_service.db.models import SyncRunStatus, SyncStatus


class GroupRef(msgspec.Struct):
    id: int
    name: str


class PackageRef(msgspec.Struct):
    id: int
    name: str


class ChannelSummary(msgspec.Struct):
    """A list row. The logo itself is not included (up to 256 KiB each): use ``logo_url``."""

    id: int
    stream_name: str
    display_name: str | None
    tvg_name: str | None
    tvg_id: str | None
    stream_base_url: str
    catchup_days: int | None
    has_logo: bool
    # ``/api/v1/channels/{id}/logo?v=<version>``: usable as an <img src>; the version changes with the channel.
    logo_url: str | None
    group: GroupRef | None
    packages: list[PackageRef]
    sort_order: int
    sync_status: SyncStatus
    last_seen_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ChannelRead(ChannelSummary):
    """One channel, with its logo as a ``data:image/...;base64,...`` URI (or null)."""

    tvg_logo: str | None


TvgId = Annotated[str, msgspec.Meta(max_length=100, description="EPG id; trimmed, blank = null; no control characters")]
# No max_length here: the limit is LOGO_MAX_BYTES, known only at run time, and ``logos.parse_logo``
# checks the encoded length against it before decoding (MAX_REQUEST_BODY_BYTES bounds the raw body).
LogoInput = Annotated[
    str,
    msgspec.Meta(
        description=(
            "A data URI (data:image/png;base64,...) or bare base64 of a PNG, JPEG, GIF or WebP image "
            "(checked by content; SVG refused; at most LOGO_MAX_BYTES decoded, default 256 KiB; line breaks "
            "in the base64 are ignored). null removes it."
        ),
    ),
]


class ChannelUpdate(PatchInput):
    """Only the UI-owned text fields; everything else comes from Flussonic or has its own endpoint."""

    tvg_id: TvgId | msgspec.UnsetType | None = msgspec.UNSET
    tvg_logo: LogoInput | msgspec.UnsetType | None = msgspec.UNSET


class ChannelGroupUpdate(Input):
    group_id: Id | None


class ChannelPackagesUpdate(Input):
    """Replaces the channel's package set (duplicates are ignored)."""

    package_ids: Annotated[list[Id], msgspec.Meta(max_length=10_000)]


class OrderItem(Input):
    id: Id
    sort_order: SortOrder


class ReorderRequest(Input):
    order: Annotated[list[OrderItem], msgspec.Meta(min_length=1, max_length=50_000)]


class ReorderResult(msgspec.Struct):
    updated: int


class ChannelCascadeInfo(msgspec.Struct):
    """What deleting the channel removes: its package links and its subscribers' access."""

    id: int
    name: str
    sync_status: SyncStatus
    can_delete: bool
    packages_count: int
    users_count: int  # users who have it directly, through a package or through a tariff


class ChannelLookup(msgspec.Struct):
    id: int
    name: str
    stream_name: str
    sync_status: SyncStatus


class SyncRequest(Input):
    force: bool = False


class SkippedStreamRead(msgspec.Struct):
    """A listed Flussonic stream the sync could not use; ``name`` is null when it had no usable name."""

    name: str | None
    reason: str


class SyncResult(msgspec.Struct):
    """``new + updated + unchanged == total``; ``restored`` counts the updated ones that were orphaned.

    ``skipped``: listed streams that could not be used (left out, and an existing channel of that
    name is left as it was); ``skipped_streams`` names the first few (at most 10) and why.
    """

    run_id: int
    total: int
    new: int
    updated: int
    unchanged: int
    orphaned: int
    restored: int
    skipped: int
    skipped_streams: list[SkippedStreamRead]
    forced: bool
    started_at: datetime
    finished_at: datetime


class SyncRunRead(msgspec.Struct):
    id: int
    status: SyncRunStatus
    started_at: datetime
    finished_at: datetime | None
    forced: bool
    triggered_by_id: int | None
    total: int
    new: int
    updated: int
    unchanged: int
    orphaned: int
    restored: int
    skipped: int
    skipped_streams: list[SkippedStreamRead]
    error: str | None


class FlussonicStatus(msgspec.Struct):
    """A successful connection test (a failure is a 502 FLUSSONIC_ERROR saying what went wrong)."""

    url: str
    configured_format: Literal["auto", "v3", "legacy"]  # FLUSSONIC_API_FORMAT
    api_format: Literal["v3", "legacy"]  # the API that answered
    server_version: str | None
