from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_status import SyncStatus

T = TypeVar("T", bound="ResolvedChannelRead")


@_attrs_define
class ResolvedChannelRead:
    """
    Attributes:
        id (int):
        stream_name (str):
        display_name (None | str):
        tvg_name (None | str):
        tvg_id (None | str):
        catchup_days (int | None):
        sort_order (int):
        group_id (int | None):
        group_name (None | str):
        sync_status (SyncStatus):
        playable (bool):
    """

    id: int
    stream_name: str
    display_name: None | str
    tvg_name: None | str
    tvg_id: None | str
    catchup_days: int | None
    sort_order: int
    group_id: int | None
    group_name: None | str
    sync_status: SyncStatus
    playable: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        stream_name = self.stream_name

        display_name: None | str
        display_name = self.display_name

        tvg_name: None | str
        tvg_name = self.tvg_name

        tvg_id: None | str
        tvg_id = self.tvg_id

        catchup_days: int | None
        catchup_days = self.catchup_days

        sort_order = self.sort_order

        group_id: int | None
        group_id = self.group_id

        group_name: None | str
        group_name = self.group_name

        sync_status = self.sync_status.value

        playable = self.playable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "stream_name": stream_name,
                "display_name": display_name,
                "tvg_name": tvg_name,
                "tvg_id": tvg_id,
                "catchup_days": catchup_days,
                "sort_order": sort_order,
                "group_id": group_id,
                "group_name": group_name,
                "sync_status": sync_status,
                "playable": playable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        stream_name = d.pop("stream_name")

        def _parse_display_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        display_name = _parse_display_name(d.pop("display_name"))

        def _parse_tvg_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tvg_name = _parse_tvg_name(d.pop("tvg_name"))

        def _parse_tvg_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tvg_id = _parse_tvg_id(d.pop("tvg_id"))

        def _parse_catchup_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        catchup_days = _parse_catchup_days(d.pop("catchup_days"))

        sort_order = d.pop("sort_order")

        def _parse_group_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        group_id = _parse_group_id(d.pop("group_id"))

        def _parse_group_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        group_name = _parse_group_name(d.pop("group_name"))

        sync_status = SyncStatus(d.pop("sync_status"))

        playable = d.pop("playable")

        resolved_channel_read = cls(
            id=id,
            stream_name=stream_name,
            display_name=display_name,
            tvg_name=tvg_name,
            tvg_id=tvg_id,
            catchup_days=catchup_days,
            sort_order=sort_order,
            group_id=group_id,
            group_name=group_name,
            sync_status=sync_status,
            playable=playable,
        )

        resolved_channel_read.additional_properties = d
        return resolved_channel_read

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
