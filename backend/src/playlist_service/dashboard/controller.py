"""``/dashboard`` (spec §7.3 Dashboard)."""

from __future__ import annotations

from litestar import Controller, get
from litestar.di import NamedDependency
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Envelope, ok
from playlist_service.dashboard import service
from playlist_service.dashboard.schemas import DashboardStats
from playlist_service.settings import Settings


class DashboardController(Controller):
    path = "/dashboard"
    tags = ["Dashboard"]

    @get("/stats", operation_id="getDashboardStats")
    async def get_stats(
        self, db_session: NamedDependency[AsyncSession], settings: NamedDependency[Settings]
    ) -> Envelope[DashboardStats]:
        """Catalogue and subscriber counts, Auth Service sync backlog and last check, and the last Flussonic sync."""
        return ok(await service.stats(db_session, check_every=settings.auth_check_every))
