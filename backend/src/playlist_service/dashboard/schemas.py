"""Dashboard DTOs (spec §7.3 Dashboard, §8.3)."""

from __future__ import annotations

from datetime import datetime

import msgspec

from playlist_service.channels.schemas import SyncRunRead
from playlist_service.subscribers.schemas import ReconcileRunRead


class ChannelCounts(msgspec.Struct):
    total: int
    synced: int
    orphaned: int


class UserCounts(msgspec.Struct):
    total: int
    enabled: int


class AuthSyncCounts(msgspec.Struct):
    """Auth Service work not done yet: subscribers whose token is not yet (pending) or could not be
    (failed) updated, tokens of deleted or re-tokened subscribers still to remove (pending_deletions),
    and catalogue changes whose subscribers are still to be found (queued_events)."""

    pending: int
    failed: int
    pending_deletions: int
    queued_events: int
    check_every: float | None
    """Seconds between the periodic checks of the Auth Service's tokens; null: none run."""
    last_check: ReconcileRunRead | None
    """The newest check (drift found at the Auth Service, and what was repaired)."""


class DashboardStats(msgspec.Struct):
    channels: ChannelCounts
    groups: int
    packages: int
    tariffs: int
    users: UserCounts
    auth_sync: AuthSyncCounts
    last_sync: SyncRunRead | None
    last_successful_sync_at: datetime | None
