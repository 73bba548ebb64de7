"""Enumerations of spec §5.3 and the ones the sync machinery adds."""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa


class SyncStatus(StrEnum):
    SYNCED = "synced"
    ORPHANED = "orphaned"


class UserStatus(StrEnum):
    ENABLED = "enabled"
    DISABLED = "disabled"


class AuthSyncStatus(StrEnum):
    """Whether a subscriber's token at the Auth Service matches the local record."""

    SYNCED = "synced"
    PENDING = "pending"
    FAILED = "failed"


class SyncRunStatus(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class ApiKeyScope(StrEnum):
    READ_ONLY = "read_only"
    READ_WRITE = "read_write"


def pg_enum(enum: type[StrEnum], name: str) -> sa.Enum:
    return sa.Enum(enum, name=name, values_callable=lambda e: [m.value for m in e], validate_strings=True)
