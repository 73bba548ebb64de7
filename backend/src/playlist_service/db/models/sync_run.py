"""Records of each Flussonic sync and each Auth Service reconcile, for the dashboard and for diagnosing failures."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from playlist_service.db.base import Base, IdMixin
from playlist_service.db.models.enums import SyncRunStatus, pg_enum


class FlussonicSyncRun(IdMixin, Base):
    __tablename__ = "flussonic_sync_runs"

    started_at: Mapped[datetime] = mapped_column(server_default=text("now()"), index=True)
    finished_at: Mapped[datetime | None]
    status: Mapped[SyncRunStatus] = mapped_column(pg_enum(SyncRunStatus, "sync_run_status"))
    forced: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    triggered_by_id: Mapped[int | None] = mapped_column(ForeignKey("admins.id", ondelete="SET NULL"))
    total: Mapped[int] = mapped_column(default=0, server_default="0")
    new: Mapped[int] = mapped_column(default=0, server_default="0")
    updated: Mapped[int] = mapped_column(default=0, server_default="0")
    unchanged: Mapped[int] = mapped_column(default=0, server_default="0")
    orphaned: Mapped[int] = mapped_column(default=0, server_default="0")
    restored: Mapped[int] = mapped_column(default=0, server_default="0")
    # Listed streams the catalogue could not use (sync/flussonic_sync.py): how many, and the first
    # few as [{"name": str | null, "reason": str}] for the dashboard.
    skipped: Mapped[int] = mapped_column(default=0, server_default="0")
    skipped_streams: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, default=list, server_default=text("'[]'::jsonb")
    )
    error: Mapped[str | None] = mapped_column(Text)


class AuthReconcileRun(IdMixin, Base):
    """A record of each reconcile of the Auth Service's tokens with the subscribers (sync/auth_reconcile.py):
    when it ran, what it found and what it repaired, for the dashboard and ``/auth-sync/status``."""

    __tablename__ = "auth_reconcile_runs"

    started_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    finished_at: Mapped[datetime | None]
    status: Mapped[SyncRunStatus] = mapped_column(pg_enum(SyncRunStatus, "sync_run_status"))
    scheduled: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    repair: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    users: Mapped[int] = mapped_column(default=0, server_default="0")
    remote_tokens: Mapped[int] = mapped_column(default=0, server_default="0")
    missing: Mapped[int] = mapped_column(default=0, server_default="0")
    stale: Mapped[int] = mapped_column(default=0, server_default="0")
    pointer: Mapped[int] = mapped_column(default=0, server_default="0")
    unknown: Mapped[int] = mapped_column(default=0, server_default="0")
    foreign: Mapped[int] = mapped_column(default=0, server_default="0")
    fixed: Mapped[int] = mapped_column(default=0, server_default="0")
    repair_failures: Mapped[int] = mapped_column(default=0, server_default="0")
    error: Mapped[str | None] = mapped_column(Text)
