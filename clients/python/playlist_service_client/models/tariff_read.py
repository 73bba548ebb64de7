from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.package_ref import PackageRef


T = TypeVar("T", bound="TariffRead")


@_attrs_define
class TariffRead:
    """
    Attributes:
        id (int):
        name (str):
        description (None | str):
        packages_count (int):
        package_ids (list[int]):
        packages (list[PackageRef]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    name: str
    description: None | str
    packages_count: int
    package_ids: list[int]
    packages: list[PackageRef]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description: None | str
        description = self.description

        packages_count = self.packages_count

        package_ids = self.package_ids

        packages = []
        for packages_item_data in self.packages:
            packages_item = packages_item_data.to_dict()
            packages.append(packages_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "packages_count": packages_count,
                "package_ids": package_ids,
                "packages": packages,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.package_ref import PackageRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        packages_count = d.pop("packages_count")

        package_ids = cast(list[int], d.pop("package_ids"))

        packages = []
        _packages = d.pop("packages")
        for packages_item_data in _packages:
            packages_item = PackageRef.from_dict(packages_item_data)

            packages.append(packages_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        tariff_read = cls(
            id=id,
            name=name,
            description=description,
            packages_count=packages_count,
            package_ids=package_ids,
            packages=packages,
            created_at=created_at,
            updated_at=updated_at,
        )

        tariff_read.additional_properties = d
        return tariff_read

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
