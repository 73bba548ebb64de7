from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PackageCascadeInfo")


@_attrs_define
class PackageCascadeInfo:
    """
    Attributes:
        id (int):
        name (str):
        tariffs_count (int):
        channels_count (int):
        direct_users_count (int):
        users_count (int):
    """

    id: int
    name: str
    tariffs_count: int
    channels_count: int
    direct_users_count: int
    users_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        tariffs_count = self.tariffs_count

        channels_count = self.channels_count

        direct_users_count = self.direct_users_count

        users_count = self.users_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "tariffs_count": tariffs_count,
                "channels_count": channels_count,
                "direct_users_count": direct_users_count,
                "users_count": users_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        tariffs_count = d.pop("tariffs_count")

        channels_count = d.pop("channels_count")

        direct_users_count = d.pop("direct_users_count")

        users_count = d.pop("users_count")

        package_cascade_info = cls(
            id=id,
            name=name,
            tariffs_count=tariffs_count,
            channels_count=channels_count,
            direct_users_count=direct_users_count,
            users_count=users_count,
        )

        package_cascade_info.additional_properties = d
        return package_cascade_info

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
