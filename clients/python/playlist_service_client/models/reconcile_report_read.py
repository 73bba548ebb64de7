from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.foreign_token import ForeignToken
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
        foreign (int):
        differences (list[ReconcileDifference]):
        foreign_tokens (list[ForeignToken]):
        truncated (bool):
        repaired (bool):
        fixed (int):
        repair_failures (int):
        run_id (int | None):
    """

    users: int
    remote_tokens: int
    missing: int
    stale: int
    pointer: int
    unknown: int
    foreign: int
    differences: list[ReconcileDifference]
    foreign_tokens: list[ForeignToken]
    truncated: bool
    repaired: bool
    fixed: int
    repair_failures: int
    run_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        users = self.users

        remote_tokens = self.remote_tokens

        missing = self.missing

        stale = self.stale

        pointer = self.pointer

        unknown = self.unknown

        foreign = self.foreign

        differences = []
        for differences_item_data in self.differences:
            differences_item = differences_item_data.to_dict()
            differences.append(differences_item)

        foreign_tokens = []
        for foreign_tokens_item_data in self.foreign_tokens:
            foreign_tokens_item = foreign_tokens_item_data.to_dict()
            foreign_tokens.append(foreign_tokens_item)

        truncated = self.truncated

        repaired = self.repaired

        fixed = self.fixed

        repair_failures = self.repair_failures

        run_id: int | None
        run_id = self.run_id

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
                "foreign": foreign,
                "differences": differences,
                "foreign_tokens": foreign_tokens,
                "truncated": truncated,
                "repaired": repaired,
                "fixed": fixed,
                "repair_failures": repair_failures,
                "run_id": run_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.foreign_token import ForeignToken  # noqa: PLC0415
        from ..models.reconcile_difference import ReconcileDifference  # noqa: PLC0415

        d = dict(src_dict)
        users = d.pop("users")

        remote_tokens = d.pop("remote_tokens")

        missing = d.pop("missing")

        stale = d.pop("stale")

        pointer = d.pop("pointer")

        unknown = d.pop("unknown")

        foreign = d.pop("foreign")

        differences = []
        _differences = d.pop("differences")
        for differences_item_data in _differences:
            differences_item = ReconcileDifference.from_dict(differences_item_data)

            differences.append(differences_item)

        foreign_tokens = []
        _foreign_tokens = d.pop("foreign_tokens")
        for foreign_tokens_item_data in _foreign_tokens:
            foreign_tokens_item = ForeignToken.from_dict(foreign_tokens_item_data)

            foreign_tokens.append(foreign_tokens_item)

        truncated = d.pop("truncated")

        repaired = d.pop("repaired")

        fixed = d.pop("fixed")

        repair_failures = d.pop("repair_failures")

        def _parse_run_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        run_id = _parse_run_id(d.pop("run_id"))

        reconcile_report_read = cls(
            users=users,
            remote_tokens=remote_tokens,
            missing=missing,
            stale=stale,
            pointer=pointer,
            unknown=unknown,
            foreign=foreign,
            differences=differences,
            foreign_tokens=foreign_tokens,
            truncated=truncated,
            repaired=repaired,
            fixed=fixed,
            repair_failures=repair_failures,
            run_id=run_id,
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
