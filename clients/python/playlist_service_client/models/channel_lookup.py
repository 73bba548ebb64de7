from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_status import SyncStatus

T = TypeVar("T", bound="ChannelLookup")


@_attrs_define
class ChannelLookup:
    """
    Attributes:
        id (int):
        name (str):
        stream_name (str):
        sync_status (SyncStatus):
    """

    id: int
    name: str
    stream_name: str
    sync_status: SyncStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        stream_name = self.stream_name

        sync_status = self.sync_status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "stream_name": stream_name,
                "sync_status": sync_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        stream_name = d.pop("stream_name")

        sync_status = SyncStatus(d.pop("sync_status"))

        channel_lookup = cls(
            id=id,
            name=name,
            stream_name=stream_name,
            sync_status=sync_status,
        )

        channel_lookup.additional_properties = d
        return channel_lookup

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
