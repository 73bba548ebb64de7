"""``/auth-sync``: the Auth Service sync overview and the reconcile check (spec §6.4)."""

from __future__ import annotations

import msgspec
from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Envelope, ok
from playlist_service.api.responses import error_responses
from playlist_service.settings import Settings
from playlist_service.subscribers.schemas import AuthSyncOverview, ReconcileReportRead
from playlist_service.sync.auth_sync import AuthSync


class AuthSyncController(Controller):
    path = "/auth-sync"
    tags = ["Auth Service sync"]

    @get("/status", operation_id="getAuthSyncStatus")
    async def status(
        self,
        db_session: NamedDependency[AsyncSession],
        auth_sync: NamedDependency[AuthSync],
        settings: NamedDependency[Settings],
    ) -> Envelope[AuthSyncOverview]:
        """Counts of users synced, pending and failed, queued deletions and events, the last error."""
        overview = await auth_sync.overview(db_session)
        return ok(AuthSyncOverview(**overview, worker_enabled=settings.auth_sync_worker))

    @post("/reconcile", operation_id="reconcileAuthService", status_code=200, responses=error_responses(502))
    async def reconcile(
        self,
        auth_sync: NamedDependency[AuthSync],
        repair: bool = Parameter(default=False, description="Also repair every difference found"),
    ) -> Envelope[ReconcileReportRead]:
        """Compare the Auth Service's tokens with the users and report (and optionally repair) differences.

        Kinds: ``missing`` (no token), ``stale`` (fields differ), ``pointer`` (stored token id is
        wrong), ``unknown`` (a token that belongs to no user; repair deletes it).
        """
        report = await auth_sync.reconcile(repair=repair)
        return ok(msgspec.convert(report, ReconcileReportRead, from_attributes=True))
