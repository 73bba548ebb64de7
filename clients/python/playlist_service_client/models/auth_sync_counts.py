from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuthSyncCounts")


@_attrs_define
class AuthSyncCounts:
    """
    Attributes:
        pending (int):
        failed (int):
        pending_deletions (int):
        queued_events (int):
    """

    pending: int
    failed: int
    pending_deletions: int
    queued_events: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pending = self.pending

        failed = self.failed

        pending_deletions = self.pending_deletions

        queued_events = self.queued_events

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pending": pending,
                "failed": failed,
                "pending_deletions": pending_deletions,
                "queued_events": queued_events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pending = d.pop("pending")

        failed = d.pop("failed")

        pending_deletions = d.pop("pending_deletions")

        queued_events = d.pop("queued_events")

        auth_sync_counts = cls(
            pending=pending,
            failed=failed,
            pending_deletions=pending_deletions,
            queued_events=queued_events,
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
