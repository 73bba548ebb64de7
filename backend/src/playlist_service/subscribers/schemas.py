"""Subscriber DTOs (spec §7.3 Users).

Validity instants: ``valid_from`` / ``valid_until`` are ISO 8601 date-times; one without an offset
is UTC. For a date picked in the UI, send ``valid_from_date`` / ``valid_until_date`` (``YYYY-MM-DD``)
instead: they mean the start (00:00:00) and the end (23:59:59) of that day in the operator's time
zone (``GET /settings/ui``). Sending both forms of the same bound is refused.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec
from msgspec import UNSET, UnsetType

from playlist_service.api.dto import Input, PatchInput
from playlist_service.catalog_rules import MAX_NAME, Id
from playlist_service.db.models import AuthSyncStatus, SyncRunStatus, SyncStatus, UserStatus

MAX_SESSIONS_LIMIT = 100

# The types bound the raw input; catalog_rules.clean_name / clean_identifier trim (and normalise)
# first, then check MAX_NAME, the columns' length.
Name = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=2 * MAX_NAME,
        description=(
            f"Trimmed, then 1-{MAX_NAME} characters; invisible-only (e.g. U+200B) counts as blank; no control "
            "characters or line breaks (TAB, CR/LF, U+2028, ...), no bidi controls (U+202A-U+202E, U+2066-U+2069)"
        ),
    ),
]
AgreementNumber = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=2 * MAX_NAME,
        description=(
            "The Auth Service's user_id. Unicode NFKC-normalised (fullwidth letters and digits are stored "
            f"as ASCII), trimmed, then 1-{MAX_NAME} characters; unique ignoring case; no control, format "
            "(zero-width, bidi, BOM) or line separator characters"
        ),
    ),
]
MaxSessions = Annotated[int, msgspec.Meta(ge=1, le=MAX_SESSIONS_LIMIT)]
TariffIds = Annotated[list[Id], msgspec.Meta(max_length=1000)]
PackageIds = Annotated[list[Id], msgspec.Meta(max_length=1000)]
ChannelIds = Annotated[list[Id], msgspec.Meta(max_length=10_000)]
Instant = Annotated[datetime, msgspec.Meta(description="ISO 8601; without an offset it is UTC")]
Day = Annotated[date, msgspec.Meta(description="YYYY-MM-DD in the operator's time zone")]


class UserCreate(Input):
    first_name: Name
    last_name: Name
    agreement_number: AgreementNumber
    status: UserStatus = UserStatus.ENABLED
    max_sessions: MaxSessions = 1
    valid_from: Instant | None = None
    valid_until: Instant | None = None
    valid_from_date: Day | None = None
    valid_until_date: Day | None = None
    tariff_ids: TariffIds = msgspec.field(default_factory=list)
    package_ids: PackageIds = msgspec.field(default_factory=list)
    channel_ids: ChannelIds = msgspec.field(default_factory=list)


class UserUpdate(PatchInput):
    """Only the fields sent change; ``null`` clears ``valid_from`` / ``valid_until``."""

    first_name: Name | UnsetType = UNSET
    last_name: Name | UnsetType = UNSET
    agreement_number: AgreementNumber | UnsetType = UNSET
    status: UserStatus | UnsetType = UNSET
    max_sessions: MaxSessions | UnsetType = UNSET
    valid_from: Instant | UnsetType | None = UNSET
    valid_until: Instant | UnsetType | None = UNSET
    valid_from_date: Day | UnsetType | None = UNSET
    valid_until_date: Day | UnsetType | None = UNSET
    tariff_ids: TariffIds | UnsetType = UNSET
    package_ids: PackageIds | UnsetType = UNSET
    channel_ids: ChannelIds | UnsetType = UNSET


class Ref(msgspec.Struct):
    id: int
    name: str


class AuthSyncState(msgspec.Struct):
    """Whether the Auth Service holds this subscriber's current token and settings."""

    status: AuthSyncStatus
    auth_token_id: int | None
    error: str | None
    error_at: datetime | None
    attempts: int
    next_attempt_at: datetime | None
    synced_at: datetime | None


class UserRead(msgspec.Struct):
    id: int
    first_name: str
    last_name: str
    agreement_number: str
    status: UserStatus
    max_sessions: int
    token: str
    valid_from: datetime | None
    valid_until: datetime | None
    tariffs: list[Ref]
    packages: list[Ref]
    channels: list[Ref]
    auth_sync: AuthSyncState
    created_at: datetime
    updated_at: datetime


class UserListItem(msgspec.Struct, omit_defaults=True):
    id: int
    first_name: str
    last_name: str
    agreement_number: str
    tariffs: list[Ref]
    max_sessions: int
    status: UserStatus
    valid_from: datetime | None
    valid_until: datetime | None
    auth_sync_status: AuthSyncStatus
    auth_sync_error: str | None
    packages: list[Ref] | UnsetType = UNSET
    """Only with ``include_assignments=true``."""
    channels: list[Ref] | UnsetType = UNSET
    """Only with ``include_assignments=true``: the directly assigned channels."""


class ResolvedChannelRead(msgspec.Struct):
    id: int
    stream_name: str
    display_name: str | None
    tvg_name: str | None
    tvg_id: str | None
    catchup_days: int | None
    sort_order: int
    group_id: int | None
    group_name: str | None
    sync_status: SyncStatus
    playable: bool
    """False for orphaned channels: left out of the playlist and the Auth Service's allowed streams."""


class ResolvedChannels(msgspec.Struct):
    items: list[ResolvedChannelRead]
    total: int
    playable: int


class PlaylistPreview(msgspec.Struct):
    filename: str
    content: str
    channel_count: int


class UiSettings(msgspec.Struct):
    operator_timezone: str
    """IANA zone in which a picked date means 00:00:00 (valid_from) or 23:59:59 (valid_until)."""
    logo_max_bytes: int
    """Largest channel logo accepted (decoded bytes), so the SPA can refuse a file before uploading it."""
    logo_types: list[str]
    """MIME types a channel logo may be (checked by content on upload)."""


class ResyncQueued(msgspec.Struct):
    marked: int


class ReconcileRunRead(msgspec.Struct):
    """A recorded reconcile (check of the Auth Service's tokens against the subscribers)."""

    id: int
    status: SyncRunStatus
    started_at: datetime
    finished_at: datetime | None
    scheduled: bool
    """Run by the periodic check (AUTH_RECONCILE_INTERVAL), not by an admin."""
    repair: bool
    users: int
    remote_tokens: int
    missing: int
    stale: int
    pointer: int
    unknown: int
    foreign: int
    """Tokens of other systems (or made by hand), left alone."""
    differences: int
    """missing + stale + pointer + unknown."""
    fixed: int
    """Differences repaired."""
    repair_failures: int
    """Differences a repair could not fix (the users stay pending or failed and are retried)."""
    error: str | None


class AuthSyncOverview(msgspec.Struct):
    pending: int
    failed: int
    synced: int
    pending_deletions: int
    queued_events: int
    last_error: str | None
    last_error_at: datetime | None
    worker_enabled: bool
    check_every: float | None
    """Seconds between the periodic repairing checks (AUTH_RECONCILE_INTERVAL); null: none run."""
    last_check: ReconcileRunRead | None
    """The newest check, scheduled or not (``status`` running while one is under way)."""


class ReconcileDifference(msgspec.Struct):
    kind: Literal["missing", "stale", "pointer", "unknown"]
    """missing: no token at the Auth Service; stale: fields differ; pointer: the stored token id is
    wrong; unknown: a token of ours that belongs to no subscriber (a repair deletes it)."""
    user_id: int | None
    agreement_number: str | None
    token_id: int | None
    fields: list[str]


class ForeignToken(msgspec.Struct):
    token_id: int
    user_id: str


class ReconcileReportRead(msgspec.Struct):
    users: int
    remote_tokens: int
    missing: int
    stale: int
    pointer: int
    unknown: int
    foreign: int
    """Tokens matching no subscriber that are not ours (no ``managed_by`` marker, a user_id that is
    none of our agreement numbers): never deleted."""
    differences: list[ReconcileDifference]
    foreign_tokens: list[ForeignToken]
    """The first 100 foreign tokens."""
    truncated: bool
    repaired: bool
    """Whether a repair was asked for."""
    fixed: int
    """Differences repaired."""
    repair_failures: int
    run_id: int | None
    """The recorded run (see ``last_check`` of ``GET /auth-sync/status``)."""
