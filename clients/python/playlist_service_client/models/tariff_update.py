from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TariffUpdate")


@_attrs_define
class TariffUpdate:
    """
    Attributes:
        name (str | Unset): Trimmed, then 1-100 characters; unique ignoring case; invisible-only (e.g. U+200B) counts as
            blank; no control characters or line breaks (U+2028), no bidi controls (U+202A-U+202E, U+2066-U+2069)
        description (None | str | Unset): Trimmed; blank is stored as null
        package_ids (list[int] | Unset): Replaces the set; duplicates ignored
    """

    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    package_ids: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        package_ids: list[int] | Unset
        if isinstance(self.package_ids, Unset):
            package_ids = UNSET
        else:
            package_ids = self.package_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if package_ids is not UNSET:
            field_dict["package_ids"] = package_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_package_ids(data: object) -> list[int] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            package_ids_type_0 = cast(list[int], data)

            return package_ids_type_0

        package_ids = _parse_package_ids(d.pop("package_ids", UNSET))

        tariff_update = cls(
            name=name,
            description=description,
            package_ids=package_ids,
        )

        tariff_update.additional_properties = d
        return tariff_update

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
