"""``/lookup``: small id/name lists for dropdowns (spec §7.3 Lookups)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Envelope, ok
from playlist_service.api.pagination import SearchParam
from playlist_service.channels import service as channels
from playlist_service.channels.schemas import ChannelLookup
from playlist_service.groups import service as groups
from playlist_service.groups.schemas import GroupLookup
from playlist_service.packages import service as packages
from playlist_service.packages.schemas import PackageLookup
from playlist_service.tariffs import service as tariffs
from playlist_service.tariffs.schemas import TariffLookup


class LookupController(Controller):
    path = "/lookup"
    tags = ["Lookups"]

    @get("/groups", operation_id="lookupGroups")
    async def lookup_groups(self, db_session: NamedDependency[AsyncSession]) -> Envelope[list[GroupLookup]]:
        """All groups (id, name) in display order."""
        return ok(await groups.lookup(db_session))

    @get("/packages", operation_id="lookupPackages")
    async def lookup_packages(self, db_session: NamedDependency[AsyncSession]) -> Envelope[list[PackageLookup]]:
        """All packages (id, name) by name."""
        return ok(await packages.lookup(db_session))

    @get("/tariffs", operation_id="lookupTariffs")
    async def lookup_tariffs(self, db_session: NamedDependency[AsyncSession]) -> Envelope[list[TariffLookup]]:
        """All tariffs (id, name) by name."""
        return ok(await tariffs.lookup(db_session))

    @get("/channels", operation_id="lookupChannels")
    async def lookup_channels(
        self,
        db_session: NamedDependency[AsyncSession],
        search: SearchParam = None,
        limit: Annotated[int, Parameter(ge=1, le=200, description="At most this many channels (≤ 200)")] = 50,
    ) -> Envelope[list[ChannelLookup]]:
        """Channels (id, name, stream_name, sync_status) matching ``search``, in channel order."""
        return ok(await channels.lookup_channels(db_session, search=search, limit=limit))
