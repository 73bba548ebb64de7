from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TariffCascadeInfo")


@_attrs_define
class TariffCascadeInfo:
    """
    Attributes:
        id (int):
        name (str):
        packages_count (int):
        users_count (int):
    """

    id: int
    name: str
    packages_count: int
    users_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        packages_count = self.packages_count

        users_count = self.users_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "packages_count": packages_count,
                "users_count": users_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        packages_count = d.pop("packages_count")

        users_count = d.pop("users_count")

        tariff_cascade_info = cls(
            id=id,
            name=name,
            packages_count=packages_count,
            users_count=users_count,
        )

        tariff_cascade_info.additional_properties = d
        return tariff_cascade_info

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
