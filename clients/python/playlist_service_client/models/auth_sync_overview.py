from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reconcile_run_read import ReconcileRunRead


T = TypeVar("T", bound="AuthSyncOverview")


@_attrs_define
class AuthSyncOverview:
    """
    Attributes:
        pending (int):
        failed (int):
        synced (int):
        pending_deletions (int):
        queued_events (int):
        last_error (None | str):
        last_error_at (datetime.datetime | None):
        worker_enabled (bool):
        check_every (float | None):
        last_check (None | ReconcileRunRead):
    """

    pending: int
    failed: int
    synced: int
    pending_deletions: int
    queued_events: int
    last_error: None | str
    last_error_at: datetime.datetime | None
    worker_enabled: bool
    check_every: float | None
    last_check: None | ReconcileRunRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reconcile_run_read import ReconcileRunRead  # noqa: PLC0415

        pending = self.pending

        failed = self.failed

        synced = self.synced

        pending_deletions = self.pending_deletions

        queued_events = self.queued_events

        last_error: None | str
        last_error = self.last_error

        last_error_at: None | str
        if isinstance(self.last_error_at, datetime.datetime):
            last_error_at = self.last_error_at.isoformat()
        else:
            last_error_at = self.last_error_at

        worker_enabled = self.worker_enabled

        check_every: float | None
        check_every = self.check_every

        last_check: dict[str, Any] | None
        if isinstance(self.last_check, ReconcileRunRead):
            last_check = self.last_check.to_dict()
        else:
            last_check = self.last_check

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pending": pending,
                "failed": failed,
                "synced": synced,
                "pending_deletions": pending_deletions,
                "queued_events": queued_events,
                "last_error": last_error,
                "last_error_at": last_error_at,
                "worker_enabled": worker_enabled,
                "check_every": check_every,
                "last_check": last_check,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reconcile_run_read import ReconcileRunRead  # noqa: PLC0415

        d = dict(src_dict)
        pending = d.pop("pending")

        failed = d.pop("failed")

        synced = d.pop("synced")

        pending_deletions = d.pop("pending_deletions")

        queued_events = d.pop("queued_events")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_last_error_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_error_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_error_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_error_at = _parse_last_error_at(d.pop("last_error_at"))

        worker_enabled = d.pop("worker_enabled")

        def _parse_check_every(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        check_every = _parse_check_every(d.pop("check_every"))

        def _parse_last_check(data: object) -> None | ReconcileRunRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_check_type_0 = ReconcileRunRead.from_dict(data)

                return last_check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReconcileRunRead, data)

        last_check = _parse_last_check(d.pop("last_check"))

        auth_sync_overview = cls(
            pending=pending,
            failed=failed,
            synced=synced,
            pending_deletions=pending_deletions,
            queued_events=queued_events,
            last_error=last_error,
            last_error_at=last_error_at,
            worker_enabled=worker_enabled,
            check_every=check_every,
            last_check=last_check,
        )

        auth_sync_overview.additional_properties = d
        return auth_sync_overview

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
