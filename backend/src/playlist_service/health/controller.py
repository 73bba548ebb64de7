"""Liveness and readiness probes for compose health checks and load balancers (no auth)."""

from __future__ import annotations

import logging

import msgspec
from litestar import Controller, get
from litestar.di import NamedDependency
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Envelope, ok
from playlist_service.api.responses import error_responses
from playlist_service.errors import ServiceUnavailableError

log = logging.getLogger("playlist_service.health")


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

    @get("/ready", operation_id="getReadiness", cache=False, responses=error_responses(503))
    async def ready(self, db_session: NamedDependency[AsyncSession]) -> Envelope[HealthStatus]:
        """The database answers; 503 SERVICE_UNAVAILABLE otherwise."""
        try:
            await db_session.execute(text("SELECT 1"))
        except Exception as exc:  # any failure means "not ready"
            log.warning("Readiness: the database does not answer: %s", exc)
            raise ServiceUnavailableError("Not ready: the database does not answer") from exc
        return ok(HealthStatus(status="ok", database="ok"))
