"""Liveness and readiness probes for compose health checks and load balancers (no auth)."""

from __future__ import annotations

import msgspec
from litestar import Controller, Response, get
from litestar.di import NamedDependency
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Envelope, ok


class HealthStatus(msgspec.Struct):
    status: str
    database: str | None = None


class HealthController(Controller):
    path = "/health"
    tags = ["Health"]
    security = []
    include_in_schema = True

    @get("/live", operation_id="getLiveness", cache=False)
    async def live(self) -> Envelope[HealthStatus]:
        """The process is up."""
        return ok(HealthStatus(status="ok"))

    @get("/ready", operation_id="getReadiness", cache=False)
    async def ready(self, db_session: NamedDependency[AsyncSession]) -> Response[Envelope[HealthStatus]]:
        """The database answers; 503 otherwise."""
        try:
            await db_session.execute(text("SELECT 1"))
        except Exception:  # any failure means "not ready"; the reason is in the server log
            return Response(ok(HealthStatus(status="unavailable", database="unreachable")), status_code=503)
        return Response(ok(HealthStatus(status="ok", database="ok")))
