"""``/groups``: channel groups (spec §7.3 Groups)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import JSONBody, Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Deleted, Envelope, ok
from playlist_service.api.responses import error_responses
from playlist_service.catalog_rules import MAX_ID
from playlist_service.channels.schemas import ReorderRequest, ReorderResult
from playlist_service.groups import service
from playlist_service.groups.schemas import GroupCascadeInfo, GroupCreate, GroupRead, GroupUpdate

GroupId = Annotated[int, Parameter(ge=1, le=MAX_ID, description="Group id")]


class GroupController(Controller):
    path = "/groups"
    tags = ["Groups"]

    @get("/", operation_id="listGroups")
    async def list_groups(self, db_session: NamedDependency[AsyncSession]) -> Envelope[list[GroupRead]]:
        """List all groups in display order, with their channel counts."""
        return ok(await service.list_groups(db_session))

    @post("/", operation_id="createGroup", responses=error_responses(409))
    async def create_group(
        self, db_session: NamedDependency[AsyncSession], data: JSONBody[GroupCreate]
    ) -> Envelope[GroupRead]:
        """Create a group (appended to the end of the order)."""
        return ok(await service.create_group(db_session, data))

    @post("/reorder", operation_id="reorderGroups", status_code=200)
    async def reorder(
        self, db_session: NamedDependency[AsyncSession], data: JSONBody[ReorderRequest]
    ) -> Envelope[ReorderResult]:
        """Set sort_order for the listed groups in one statement (unknown or repeated ids: 422)."""
        return ok(ReorderResult(updated=await service.reorder(db_session, data.order)))

    @get("/{group_id:int}", operation_id="getGroup", responses=error_responses(404))
    async def get_group(self, db_session: NamedDependency[AsyncSession], group_id: GroupId) -> Envelope[GroupRead]:
        """Get one group."""
        return ok(await service.get_group(db_session, group_id))

    @patch("/{group_id:int}", operation_id="updateGroup", responses=error_responses(404, 409))
    async def update_group(
        self, db_session: NamedDependency[AsyncSession], group_id: GroupId, data: JSONBody[GroupUpdate]
    ) -> Envelope[GroupRead]:
        """Rename a group."""
        return ok(await service.update_group(db_session, group_id, data))

    @get("/{group_id:int}/cascade-info", operation_id="getGroupCascadeInfo", responses=error_responses(404))
    async def cascade_info(
        self, db_session: NamedDependency[AsyncSession], group_id: GroupId
    ) -> Envelope[GroupCascadeInfo]:
        """How many channels deleting the group would leave without a group."""
        return ok(await service.cascade_info(db_session, group_id))

    @delete("/{group_id:int}", operation_id="deleteGroup", status_code=200, responses=error_responses(404))
    async def delete_group(self, db_session: NamedDependency[AsyncSession], group_id: GroupId) -> Envelope[Deleted]:
        """Delete a group; its channels stay, without a group."""
        await service.delete_group(db_session, group_id)
        return ok(Deleted(id=group_id))
