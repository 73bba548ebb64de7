from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reconcile_difference import ReconcileDifference


T = TypeVar("T", bound="ReconcileReportRead")


@_attrs_define
class ReconcileReportRead:
    """
    Attributes:
        users (int):
        remote_tokens (int):
        missing (int):
        stale (int):
        pointer (int):
        unknown (int):
        differences (list[ReconcileDifference]):
        truncated (bool):
        repaired (bool):
        repair_failures (int):
    """

    users: int
    remote_tokens: int
    missing: int
    stale: int
    pointer: int
    unknown: int
    differences: list[ReconcileDifference]
    truncated: bool
    repaired: bool
    repair_failures: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        users = self.users

        remote_tokens = self.remote_tokens

        missing = self.missing

        stale = self.stale

        pointer = self.pointer

        unknown = self.unknown

        differences = []
        for differences_item_data in self.differences:
            differences_item = differences_item_data.to_dict()
            differences.append(differences_item)

        truncated = self.truncated

        repaired = self.repaired

        repair_failures = self.repair_failures

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "users": users,
                "remote_tokens": remote_tokens,
                "missing": missing,
                "stale": stale,
                "pointer": pointer,
                "unknown": unknown,
                "differences": differences,
                "truncated": truncated,
                "repaired": repaired,
                "repair_failures": repair_failures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reconcile_difference import ReconcileDifference  # noqa: PLC0415

        d = dict(src_dict)
        users = d.pop("users")

        remote_tokens = d.pop("remote_tokens")

        missing = d.pop("missing")

        stale = d.pop("stale")

        pointer = d.pop("pointer")

        unknown = d.pop("unknown")

        differences = []
        _differences = d.pop("differences")
        for differences_item_data in _differences:
            differences_item = ReconcileDifference.from_dict(differences_item_data)

            differences.append(differences_item)

        truncated = d.pop("truncated")

        repaired = d.pop("repaired")

        repair_failures = d.pop("repair_failures")

        reconcile_report_read = cls(
            users=users,
            remote_tokens=remote_tokens,
            missing=missing,
            stale=stale,
            pointer=pointer,
            unknown=unknown,
            differences=differences,
            truncated=truncated,
            repaired=repaired,
            repair_failures=repair_failures,
        )

        reconcile_report_read.additional_properties = d
        return reconcile_report_read

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
