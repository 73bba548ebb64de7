"""Liveness and readiness probes for compose health checks and load balancers (no auth).

Both answer HEAD too (no body, same status): load balancers often probe with HEAD.
"""

from __future__ import annotations

import logging

import msgspec
from litestar import Controller, Response, get, head
from litestar.di import NamedDependency
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Envelope, ok
from playlist_service.api.responses import error_responses
from playlist_service.errors import ServiceUnavailableError

log = logging.getLogger(__name__)


class HealthStatus(msgspec.Struct):
    status: str
    database: str | None = None


async def database_answers(db: AsyncSession) -> bool:
    try:
        await db.execute(text("SELECT 1"))
    except Exception as exc:  # any failure means "not ready"; say which in the log
        log.warning("Readiness check failed: the database did not answer (%s: %s)", type(exc).__name__, exc)
        return False
    return True


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
        if not await database_answers(db_session):
            raise ServiceUnavailableError("Not ready: the database does not answer")
        return ok(HealthStatus(status="ok", database="ok"))

    @head("/live", include_in_schema=False)
    async def live_head(self) -> None:
        return None

    @head("/ready", include_in_schema=False)
    async def ready_head(self, db_session: NamedDependency[AsyncSession]) -> Response[None]:
        return Response(None, status_code=200 if await database_answers(db_session) else 503)
