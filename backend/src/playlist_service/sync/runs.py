"""The recorded Flussonic sync runs (written by ``flussonic_sync``), newest first."""

from __future__ import annotations

import msgspec
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.pagination import offset
from playlist_service.channels.schemas import SkippedStreamRead, SyncRunRead
from playlist_service.db.models import FlussonicSyncRun

NEWEST_FIRST = (FlussonicSyncRun.started_at.desc(), FlussonicSyncRun.id.desc())


def run_read(run: FlussonicSyncRun) -> SyncRunRead:
    return SyncRunRead(
        id=run.id,
        status=run.status,
        started_at=run.started_at,
        finished_at=run.finished_at,
        forced=run.forced,
        triggered_by_id=run.triggered_by_id,
        total=run.total,
        new=run.new,
        updated=run.updated,
        unchanged=run.unchanged,
        orphaned=run.orphaned,
        restored=run.restored,
        skipped=run.skipped,
        skipped_streams=msgspec.convert(run.skipped_streams, list[SkippedStreamRead]),
        error=run.error,
    )


async def list_runs(db: AsyncSession, *, page: int, per_page: int) -> tuple[list[SyncRunRead], int]:
    total = (await db.execute(select(func.count()).select_from(FlussonicSyncRun))).scalar_one()
    stmt = select(FlussonicSyncRun).order_by(*NEWEST_FIRST).limit(per_page).offset(offset(page, per_page))
    return [run_read(r) for r in (await db.execute(stmt)).scalars()], total
