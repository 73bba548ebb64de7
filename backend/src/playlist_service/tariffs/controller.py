"""``/tariffs`` (spec §7.3 Tariffs)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import JSONBody, Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Deleted, Envelope, ok
from playlist_service.api.responses import error_responses
from playlist_service.catalog_rules import MAX_ID
from playlist_service.tariffs import service
from playlist_service.tariffs.schemas import TariffCascadeInfo, TariffCreate, TariffRead, TariffUpdate

TariffId = Annotated[int, Parameter(ge=1, le=MAX_ID, description="Tariff id")]


class TariffController(Controller):
    path = "/tariffs"
    tags = ["Tariffs"]

    @get("/", operation_id="listTariffs")
    async def list_tariffs(self, db_session: NamedDependency[AsyncSession]) -> Envelope[list[TariffRead]]:
        """List all tariffs with their packages."""
        return ok(await service.list_tariffs(db_session))

    @post("/", operation_id="createTariff", responses=error_responses(409))
    async def create_tariff(
        self, db_session: NamedDependency[AsyncSession], data: JSONBody[TariffCreate]
    ) -> Envelope[TariffRead]:
        """Create a tariff with its packages (unknown package ids: 422)."""
        return ok(await service.create_tariff(db_session, data))

    @get("/{tariff_id:int}", operation_id="getTariff", responses=error_responses(404))
    async def get_tariff(self, db_session: NamedDependency[AsyncSession], tariff_id: TariffId) -> Envelope[TariffRead]:
        """Get one tariff."""
        return ok(await service.get_tariff(db_session, tariff_id))

    @patch("/{tariff_id:int}", operation_id="updateTariff", responses=error_responses(404, 409))
    async def update_tariff(
        self, db_session: NamedDependency[AsyncSession], tariff_id: TariffId, data: JSONBody[TariffUpdate]
    ) -> Envelope[TariffRead]:
        """Update name, description and/or the package set (``package_ids`` replaces it)."""
        return ok(await service.update_tariff(db_session, tariff_id, data))

    @get("/{tariff_id:int}/cascade-info", operation_id="getTariffCascadeInfo", responses=error_responses(404))
    async def cascade_info(
        self, db_session: NamedDependency[AsyncSession], tariff_id: TariffId
    ) -> Envelope[TariffCascadeInfo]:
        """How many users deleting the tariff would affect."""
        return ok(await service.cascade_info(db_session, tariff_id))

    @delete("/{tariff_id:int}", operation_id="deleteTariff", status_code=200, responses=error_responses(404))
    async def delete_tariff(self, db_session: NamedDependency[AsyncSession], tariff_id: TariffId) -> Envelope[Deleted]:
        """Delete a tariff; it leaves every user."""
        await service.delete_tariff(db_session, tariff_id)
        return ok(Deleted(id=tariff_id))
