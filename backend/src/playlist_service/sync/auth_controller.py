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
from playlist_service.sync.auth_reconcile import last_run, reconcile
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
        """Counts of users synced, pending and failed, queued deletions and events, the last error, the last check."""
        overview = await auth_sync.overview(db_session)
        return ok(
            AuthSyncOverview(
                **overview,
                worker_enabled=settings.auth_sync_worker,
                check_every=settings.auth_check_every,
                last_check=await last_run(db_session),
            )
        )

    @post("/reconcile", operation_id="reconcileAuthService", status_code=200, responses=error_responses(409, 502))
    async def reconcile(
        self,
        db_session: NamedDependency[AsyncSession],
        auth_sync: NamedDependency[AuthSync],
        repair: bool = Parameter(default=False, description="Also repair every difference found"),
    ) -> Envelope[ReconcileReportRead]:
        """Compare the Auth Service's tokens with the users and report (and optionally repair) differences.

        Kinds: ``missing`` (no token), ``stale`` (fields differ), ``pointer`` (stored token id is
        wrong), ``unknown`` (a token of ours that belongs to no user; repair deletes it). Ours means
        its ``meta.managed_by`` is ``playlist-service`` (every token we push carries it) or its
        user_id is one of our agreement numbers (a duplicate). Any other token matching no user is
        counted as ``foreign`` and never deleted: the Auth Service may be shared with other systems.

        One check runs at a time (409 CONFLICT meanwhile, also while the periodic check of
        ``AUTH_RECONCILE_INTERVAL`` runs); each is recorded (``last_check`` of the status).
        """
        await db_session.commit()  # the auth lookup's transaction must not stay open during the check
        report = await reconcile(auth_sync, repair=repair)
        assert report is not None  # only a scheduled run is skipped
        return ok(msgspec.convert(report, ReconcileReportRead, from_attributes=True))
