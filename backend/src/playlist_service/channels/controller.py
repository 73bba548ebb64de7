"""``/channels``: the synced line-up and its UI-owned fields (spec §7.3 Channels, §6.1 sync)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import Body, JSONBody, Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.auth import principal_of
from playlist_service.api.envelope import Deleted, Envelope, Page, ok, page_of
from playlist_service.api.pagination import DEFAULT_PER_PAGE, PageParam, PerPageParam, SearchParam, SortDir
from playlist_service.api.responses import error_responses
from playlist_service.catalog_rules import MAX_ID
from playlist_service.channels import service
from playlist_service.channels.schemas import (
    ChannelCascadeInfo,
    ChannelGroupUpdate,
    ChannelPackagesUpdate,
    ChannelRead,
    ChannelSummary,
    ChannelUpdate,
    ReorderRequest,
    ReorderResult,
    SyncRequest,
    SyncResult,
    SyncRunRead,
)
from playlist_service.channels.service import ChannelSortField
from playlist_service.db.models import SyncStatus
from playlist_service.errors import ValidationError
from playlist_service.integrations.flussonic import FlussonicClient
from playlist_service.settings import Settings
from playlist_service.sync import runs
from playlist_service.sync.flussonic_sync import sync_channels

ChannelId = Annotated[int, Parameter(ge=1, le=MAX_ID, description="Channel id")]
GroupFilter = Annotated[
    str | None,
    Parameter(
        pattern=r"^(none|[1-9][0-9]{0,9})$",
        description=f"Only channels of this group id (1..{MAX_ID}); `none` = channels without a group",
    ),
]


class ChannelController(Controller):
    path = "/channels"
    tags = ["Channels"]

    @get("/", operation_id="listChannels")
    async def list_channels(
        self,
        db_session: NamedDependency[AsyncSession],
        page: PageParam = 1,
        per_page: PerPageParam = DEFAULT_PER_PAGE,
        search: SearchParam = None,
        group_id: GroupFilter = None,
        sync_status: Annotated[SyncStatus | None, Parameter(description="synced or orphaned")] = None,
        sort_by: Annotated[
            ChannelSortField, Parameter(description="Sort field; `id` breaks ties in the same direction")
        ] = "sort_order",
        sort_dir: Annotated[SortDir, Parameter(description="asc (default) or desc")] = "asc",
    ) -> Envelope[Page[ChannelSummary]]:
        """List channels (search in stream_name, display_name, tvg_name, tvg_id; case-insensitive substring).

        Rows carry ``has_logo`` and ``logo_url`` instead of the logo itself; ``GET /channels/{id}`` has it.
        """
        group: int | str | None = group_id
        if group_id is not None and group_id != service.NO_GROUP:
            group = int(group_id)
            if group > MAX_ID:  # the pattern allows 10 digits; asyncpg would overflow int4 (a 500)
                raise ValidationError(
                    "Invalid value for: group_id",
                    details=[{"field": "group_id", "message": f"must be at most {MAX_ID}"}],
                )
        items, total = await service.list_channels(
            db_session,
            page=page,
            per_page=per_page,
            search=search,
            group_id=group,  # type: ignore[arg-type]
            sync_status=sync_status,
            sort_by=sort_by,
            sort_dir=sort_dir,
        )
        return page_of(items, total=total, page=page, per_page=per_page)

    @post("/sync", operation_id="syncChannels", status_code=200, responses=error_responses(409, 502))
    async def sync(
        self,
        request: Request[Any, Any, Any],
        db_session: NamedDependency[AsyncSession],
        flussonic: NamedDependency[FlussonicClient],
        settings: NamedDependency[Settings],
        data: Annotated[SyncRequest | None, Body(description="Optional; `{force: true}` = `?force=true`")] = None,
        force: Annotated[bool, Parameter(description="Orphan channels even past the safety guard")] = False,
    ) -> Envelope[SyncResult]:
        """Sync the line-up from Flussonic now (all or nothing).

        409 CONFLICT when another sync is running (any instance), or when the answer would orphan at least
        SYNC_ORPHAN_GUARD_RATIO of the synced channels and ``force`` is not set (details name ``force``).
        502 FLUSSONIC_ERROR when Flussonic fails; nothing is changed and the failed run is recorded.
        """
        result = await sync_channels(
            db_session,
            request.app.state.session_maker,
            flussonic,
            force=force or bool(data and data.force),
            triggered_by_id=principal_of(request).admin_id,
            guard_ratio=settings.sync_orphan_guard_ratio,
            include_disabled=settings.flussonic_include_disabled,
        )
        return ok(result)

    @get("/sync-runs", operation_id="listSyncRuns")
    async def list_sync_runs(
        self,
        db_session: NamedDependency[AsyncSession],
        page: PageParam = 1,
        per_page: PerPageParam = DEFAULT_PER_PAGE,
    ) -> Envelope[Page[SyncRunRead]]:
        """List the recorded Flussonic syncs, newest first (start, end, outcome, counts, error)."""
        items, total = await runs.list_runs(db_session, page=page, per_page=per_page)
        return page_of(items, total=total, page=page, per_page=per_page)

    @post("/reorder", operation_id="reorderChannels", status_code=200)
    async def reorder(
        self, db_session: NamedDependency[AsyncSession], data: JSONBody[ReorderRequest]
    ) -> Envelope[ReorderResult]:
        """Set sort_order for the listed channels in one statement (unknown or repeated ids: 422)."""
        return ok(ReorderResult(updated=await service.reorder(db_session, data.order)))

    @get("/{channel_id:int}", operation_id="getChannel", responses=error_responses(404))
    async def get_channel(
        self, db_session: NamedDependency[AsyncSession], channel_id: ChannelId
    ) -> Envelope[ChannelRead]:
        """Get one channel, including its logo data URI."""
        return ok(await service.get_channel(db_session, channel_id))

    @patch("/{channel_id:int}", operation_id="updateChannel", responses=error_responses(404))
    async def update_channel(
        self,
        db_session: NamedDependency[AsyncSession],
        settings: NamedDependency[Settings],
        channel_id: ChannelId,
        data: JSONBody[ChannelUpdate],
    ) -> Envelope[ChannelRead]:
        """Update tvg_id and/or tvg_logo (the only UI-editable text fields)."""
        return ok(await service.update_channel(db_session, channel_id, data, logo_max_bytes=settings.logo_max_bytes))

    @patch("/{channel_id:int}/group", operation_id="setChannelGroup", responses=error_responses(404))
    async def set_group(
        self, db_session: NamedDependency[AsyncSession], channel_id: ChannelId, data: JSONBody[ChannelGroupUpdate]
    ) -> Envelope[ChannelSummary]:
        """Assign the channel to a group, or to none with ``group_id: null``; answers the list row (no logo)."""
        return ok(await service.set_group(db_session, channel_id, data.group_id))

    @patch("/{channel_id:int}/packages", operation_id="setChannelPackages", responses=error_responses(404))
    async def set_packages(
        self,
        db_session: NamedDependency[AsyncSession],
        channel_id: ChannelId,
        data: JSONBody[ChannelPackagesUpdate],
    ) -> Envelope[ChannelSummary]:
        """Replace the channel's packages with ``package_ids``; answers the list row (no logo)."""
        return ok(await service.set_packages(db_session, channel_id, data.package_ids))

    @get("/{channel_id:int}/cascade-info", operation_id="getChannelCascadeInfo", responses=error_responses(404))
    async def cascade_info(
        self, db_session: NamedDependency[AsyncSession], channel_id: ChannelId
    ) -> Envelope[ChannelCascadeInfo]:
        """What deleting the channel would remove (packages, subscribers)."""
        return ok(await service.cascade_info(db_session, channel_id))

    @delete("/{channel_id:int}", operation_id="deleteChannel", status_code=200, responses=error_responses(400, 404))
    async def delete_channel(
        self, db_session: NamedDependency[AsyncSession], channel_id: ChannelId
    ) -> Envelope[Deleted]:
        """Delete an orphaned channel (400 CHANNEL_NOT_ORPHANED otherwise)."""
        await service.delete_channel(db_session, channel_id)
        return ok(Deleted(id=channel_id))

    @get(
        "/{channel_id:int}/logo",
        operation_id="getChannelLogo",
        media_type="application/octet-stream",
        responses=error_responses(404),
    )
    async def get_logo(
        self, request: Request[Any, Any, Any], db_session: NamedDependency[AsyncSession], channel_id: ChannelId
    ) -> Response[bytes]:
        """The channel's logo as an image (PNG, JPEG, GIF or WebP), for ``<img src>``.

        Cached privately: a day when requested with ``?v=`` (the ``logo_url`` of a list row, which changes
        with the channel), otherwise revalidated each time with the ETag.
        """
        logo = await service.get_logo(db_session, channel_id)
        cache = "private, max-age=86400" if request.query_params.get("v") else "private, no-cache"
        headers = {"ETag": logo.etag, "Cache-Control": cache, "X-Content-Type-Options": "nosniff"}
        if logo.etag in request.headers.get("if-none-match", ""):
            return Response(b"", status_code=304, headers=headers, media_type=logo.mime)
        return Response(logo.data, media_type=logo.mime, headers=headers)
