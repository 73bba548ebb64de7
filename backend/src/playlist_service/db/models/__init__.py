"""Every table, importable from one place so Alembic sees them all."""

from playlist_service.db.models.admin import Admin, AdminSession, ApiKey, LoginAttempt
from playlist_service.db.models.associations import (
    package_channels,
    tariff_packages,
    user_channels,
    user_packages,
    user_tariffs,
)
from playlist_service.db.models.catalog import Channel, Group, Package, Tariff
from playlist_service.db.models.enums import (
    ApiKeyScope,
    AuthSyncStatus,
    SyncRunStatus,
    SyncStatus,
    UserStatus,
)
from playlist_service.db.models.subscriber import AuthSyncEvent, AuthTokenDeletion, User
from playlist_service.db.models.sync_run import AuthReconcileRun, FlussonicSyncRun

__all__ = [
    "Admin",
    "AdminSession",
    "ApiKey",
    "ApiKeyScope",
    "AuthReconcileRun",
    "AuthSyncEvent",
    "AuthSyncStatus",
    "AuthTokenDeletion",
    "Channel",
    "FlussonicSyncRun",
    "Group",
    "LoginAttempt",
    "Package",
    "SyncRunStatus",
    "SyncStatus",
    "Tariff",
    "User",
    "UserStatus",
    "package_channels",
    "tariff_packages",
    "user_channels",
    "user_packages",
    "user_tariffs",
]
