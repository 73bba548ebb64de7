from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reconcile_run_read import ReconcileRunRead


T = TypeVar("T", bound="AuthSyncCounts")


@_attrs_define
class AuthSyncCounts:
    """
    Attributes:
        pending (int):
        failed (int):
        pending_deletions (int):
        queued_events (int):
        check_every (float | None):
        last_check (None | ReconcileRunRead):
    """

    pending: int
    failed: int
    pending_deletions: int
    queued_events: int
    check_every: float | None
    last_check: None | ReconcileRunRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reconcile_run_read import ReconcileRunRead  # noqa: PLC0415

        pending = self.pending

        failed = self.failed

        pending_deletions = self.pending_deletions

        queued_events = self.queued_events

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
                "pending_deletions": pending_deletions,
                "queued_events": queued_events,
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

        pending_deletions = d.pop("pending_deletions")

        queued_events = d.pop("queued_events")

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

        auth_sync_counts = cls(
            pending=pending,
            failed=failed,
            pending_deletions=pending_deletions,
            queued_events=queued_events,
            check_every=check_every,
            last_check=last_check,
        )

        auth_sync_counts.additional_properties = d
        return auth_sync_counts

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
