from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_run_status import SyncRunStatus

T = TypeVar("T", bound="ReconcileRunRead")


@_attrs_define
class ReconcileRunRead:
    """
    Attributes:
        id (int):
        status (SyncRunStatus):
        started_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        scheduled (bool):
        repair (bool):
        users (int):
        remote_tokens (int):
        missing (int):
        stale (int):
        pointer (int):
        unknown (int):
        foreign (int):
        differences (int):
        fixed (int):
        repair_failures (int):
        error (None | str):
    """

    id: int
    status: SyncRunStatus
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    scheduled: bool
    repair: bool
    users: int
    remote_tokens: int
    missing: int
    stale: int
    pointer: int
    unknown: int
    foreign: int
    differences: int
    fixed: int
    repair_failures: int
    error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        started_at = self.started_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        scheduled = self.scheduled

        repair = self.repair

        users = self.users

        remote_tokens = self.remote_tokens

        missing = self.missing

        stale = self.stale

        pointer = self.pointer

        unknown = self.unknown

        foreign = self.foreign

        differences = self.differences

        fixed = self.fixed

        repair_failures = self.repair_failures

        error: None | str
        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "started_at": started_at,
                "finished_at": finished_at,
                "scheduled": scheduled,
                "repair": repair,
                "users": users,
                "remote_tokens": remote_tokens,
                "missing": missing,
                "stale": stale,
                "pointer": pointer,
                "unknown": unknown,
                "foreign": foreign,
                "differences": differences,
                "fixed": fixed,
                "repair_failures": repair_failures,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = SyncRunStatus(d.pop("status"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        scheduled = d.pop("scheduled")

        repair = d.pop("repair")

        users = d.pop("users")

        remote_tokens = d.pop("remote_tokens")

        missing = d.pop("missing")

        stale = d.pop("stale")

        pointer = d.pop("pointer")

        unknown = d.pop("unknown")

        foreign = d.pop("foreign")

        differences = d.pop("differences")

        fixed = d.pop("fixed")

        repair_failures = d.pop("repair_failures")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        reconcile_run_read = cls(
            id=id,
            status=status,
            started_at=started_at,
            finished_at=finished_at,
            scheduled=scheduled,
            repair=repair,
            users=users,
            remote_tokens=remote_tokens,
            missing=missing,
            stale=stale,
            pointer=pointer,
            unknown=unknown,
            foreign=foreign,
            differences=differences,
            fixed=fixed,
            repair_failures=repair_failures,
            error=error,
        )

        reconcile_run_read.additional_properties = d
        return reconcile_run_read

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
