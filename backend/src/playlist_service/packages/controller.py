"""``/packages`` (spec §7.3 Packages)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import JSONBody, Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Deleted, Envelope, ok
from playlist_service.api.responses import error_responses
from playlist_service.catalog_rules import MAX_ID
from playlist_service.packages import service
from playlist_service.packages.schemas import PackageCascadeInfo, PackageCreate, PackageRead, PackageUpdate

PackageId = Annotated[int, Parameter(ge=1, le=MAX_ID, description="Package id")]


class PackageController(Controller):
    path = "/packages"
    tags = ["Packages"]

    @get("/", operation_id="listPackages")
    async def list_packages(self, db_session: NamedDependency[AsyncSession]) -> Envelope[list[PackageRead]]:
        """List all packages with their channel and tariff counts."""
        return ok(await service.list_packages(db_session))

    @post("/", operation_id="createPackage", responses=error_responses(409))
    async def create_package(
        self, db_session: NamedDependency[AsyncSession], data: JSONBody[PackageCreate]
    ) -> Envelope[PackageRead]:
        """Create a package (channels are assigned from the channel side)."""
        return ok(await service.create_package(db_session, data))

    @get("/{package_id:int}", operation_id="getPackage", responses=error_responses(404))
    async def get_package(
        self, db_session: NamedDependency[AsyncSession], package_id: PackageId
    ) -> Envelope[PackageRead]:
        """Get one package."""
        return ok(await service.get_package(db_session, package_id))

    @patch("/{package_id:int}", operation_id="updatePackage", responses=error_responses(404, 409))
    async def update_package(
        self, db_session: NamedDependency[AsyncSession], package_id: PackageId, data: JSONBody[PackageUpdate]
    ) -> Envelope[PackageRead]:
        """Update a package's name and/or description."""
        return ok(await service.update_package(db_session, package_id, data))

    @get("/{package_id:int}/cascade-info", operation_id="getPackageCascadeInfo", responses=error_responses(404))
    async def cascade_info(
        self, db_session: NamedDependency[AsyncSession], package_id: PackageId
    ) -> Envelope[PackageCascadeInfo]:
        """What deleting the package would remove (tariff links, direct user assignments)."""
        return ok(await service.cascade_info(db_session, package_id))

    @delete("/{package_id:int}", operation_id="deletePackage", status_code=200, responses=error_responses(404))
    async def delete_package(
        self, db_session: NamedDependency[AsyncSession], package_id: PackageId
    ) -> Envelope[Deleted]:
        """Delete a package; it leaves every tariff and user."""
        await service.delete_package(db_session, package_id)
        return ok(Deleted(id=package_id))
