"""Dashboard counts in one statement plus the last sync run."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.dashboard.schemas import AuthSyncCounts, ChannelCounts, DashboardStats, UserCounts
from playlist_service.db.models import (
    AuthSyncEvent,
    AuthSyncStatus,
    AuthTokenDeletion,
    Channel,
    FlussonicSyncRun,
    Group,
    Package,
    SyncRunStatus,
    SyncStatus,
    Tariff,
    User,
    UserStatus,
)
from playlist_service.sync.auth_reconcile import last_run
from playlist_service.sync.runs import NEWEST_FIRST, run_read


def _count(entity: Any, *where: Any) -> Any:
    return select(func.count()).select_from(entity).where(*where).scalar_subquery()


async def stats(db: AsyncSession, *, check_every: float | None) -> DashboardStats:
    row = (
        await db.execute(
            select(
                _count(Channel).label("channels"),
                _count(Channel, Channel.sync_status == SyncStatus.SYNCED).label("synced"),
                _count(Channel, Channel.sync_status == SyncStatus.ORPHANED).label("orphaned"),
                _count(Group).label("groups"),
                _count(Package).label("packages"),
                _count(Tariff).label("tariffs"),
                _count(User).label("users"),
                _count(User, User.status == UserStatus.ENABLED).label("enabled"),
                _count(User, User.auth_sync_status == AuthSyncStatus.PENDING).label("pending"),
                _count(User, User.auth_sync_status == AuthSyncStatus.FAILED).label("failed"),
                _count(AuthTokenDeletion).label("deletions"),
                _count(AuthSyncEvent).label("events"),
                select(func.max(FlussonicSyncRun.finished_at))
                .where(FlussonicSyncRun.status == SyncRunStatus.SUCCEEDED)
                .scalar_subquery()
                .label("last_ok"),
            )
        )
    ).one()
    last = (await db.execute(select(FlussonicSyncRun).order_by(*NEWEST_FIRST).limit(1))).scalar_one_or_none()
    return DashboardStats(
        channels=ChannelCounts(total=row.channels, synced=row.synced, orphaned=row.orphaned),
        groups=row.groups,
        packages=row.packages,
        tariffs=row.tariffs,
        users=UserCounts(total=row.users, enabled=row.enabled),
        auth_sync=AuthSyncCounts(
            pending=row.pending,
            failed=row.failed,
            pending_deletions=row.deletions,
            queued_events=row.events,
            check_every=check_every,
            last_check=await last_run(db),
        ),
        last_sync=run_read(last) if last is not None else None,
        last_successful_sync_at=row.last_ok,
    )
