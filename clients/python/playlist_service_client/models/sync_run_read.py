from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_run_status import SyncRunStatus

if TYPE_CHECKING:
    from ..models.skipped_stream_read import SkippedStreamRead


T = TypeVar("T", bound="SyncRunRead")


@_attrs_define
class SyncRunRead:
    """
    Attributes:
        id (int):
        status (SyncRunStatus):
        started_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        forced (bool):
        triggered_by_id (int | None):
        total (int):
        new (int):
        updated (int):
        unchanged (int):
        orphaned (int):
        restored (int):
        skipped (int):
        skipped_streams (list[SkippedStreamRead]):
        error (None | str):
    """

    id: int
    status: SyncRunStatus
    started_at: datetime.datetime
    finished_at: datetime.datetime | None
    forced: bool
    triggered_by_id: int | None
    total: int
    new: int
    updated: int
    unchanged: int
    orphaned: int
    restored: int
    skipped: int
    skipped_streams: list[SkippedStreamRead]
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

        forced = self.forced

        triggered_by_id: int | None
        triggered_by_id = self.triggered_by_id

        total = self.total

        new = self.new

        updated = self.updated

        unchanged = self.unchanged

        orphaned = self.orphaned

        restored = self.restored

        skipped = self.skipped

        skipped_streams = []
        for skipped_streams_item_data in self.skipped_streams:
            skipped_streams_item = skipped_streams_item_data.to_dict()
            skipped_streams.append(skipped_streams_item)

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
                "forced": forced,
                "triggered_by_id": triggered_by_id,
                "total": total,
                "new": new,
                "updated": updated,
                "unchanged": unchanged,
                "orphaned": orphaned,
                "restored": restored,
                "skipped": skipped,
                "skipped_streams": skipped_streams,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.skipped_stream_read import SkippedStreamRead  # noqa: PLC0415

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

        forced = d.pop("forced")

        def _parse_triggered_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        triggered_by_id = _parse_triggered_by_id(d.pop("triggered_by_id"))

        total = d.pop("total")

        new = d.pop("new")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        orphaned = d.pop("orphaned")

        restored = d.pop("restored")

        skipped = d.pop("skipped")

        skipped_streams = []
        _skipped_streams = d.pop("skipped_streams")
        for skipped_streams_item_data in _skipped_streams:
            skipped_streams_item = SkippedStreamRead.from_dict(skipped_streams_item_data)

            skipped_streams.append(skipped_streams_item)

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        sync_run_read = cls(
            id=id,
            status=status,
            started_at=started_at,
            finished_at=finished_at,
            forced=forced,
            triggered_by_id=triggered_by_id,
            total=total,
            new=new,
            updated=updated,
            unchanged=unchanged,
            orphaned=orphaned,
            restored=restored,
            skipped=skipped,
            skipped_streams=skipped_streams,
            error=error,
        )

        sync_run_read.additional_properties = d
        return sync_run_read

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
