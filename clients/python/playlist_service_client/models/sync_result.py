from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.skipped_stream_read import SkippedStreamRead


T = TypeVar("T", bound="SyncResult")


@_attrs_define
class SyncResult:
    """
    Attributes:
        run_id (int):
        total (int):
        new (int):
        updated (int):
        unchanged (int):
        orphaned (int):
        restored (int):
        skipped (int):
        skipped_streams (list[SkippedStreamRead]):
        forced (bool):
        started_at (datetime.datetime):
        finished_at (datetime.datetime):
    """

    run_id: int
    total: int
    new: int
    updated: int
    unchanged: int
    orphaned: int
    restored: int
    skipped: int
    skipped_streams: list[SkippedStreamRead]
    forced: bool
    started_at: datetime.datetime
    finished_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = self.run_id

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

        forced = self.forced

        started_at = self.started_at.isoformat()

        finished_at = self.finished_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
                "total": total,
                "new": new,
                "updated": updated,
                "unchanged": unchanged,
                "orphaned": orphaned,
                "restored": restored,
                "skipped": skipped,
                "skipped_streams": skipped_streams,
                "forced": forced,
                "started_at": started_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.skipped_stream_read import SkippedStreamRead  # noqa: PLC0415

        d = dict(src_dict)
        run_id = d.pop("run_id")

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

        forced = d.pop("forced")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        finished_at = datetime.datetime.fromisoformat(d.pop("finished_at"))

        sync_result = cls(
            run_id=run_id,
            total=total,
            new=new,
            updated=updated,
            unchanged=unchanged,
            orphaned=orphaned,
            restored=restored,
            skipped=skipped,
            skipped_streams=skipped_streams,
            forced=forced,
            started_at=started_at,
            finished_at=finished_at,
        )

        sync_result.additional_properties = d
        return sync_result

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
