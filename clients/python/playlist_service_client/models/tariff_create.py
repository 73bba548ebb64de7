from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TariffCreate")


@_attrs_define
class TariffCreate:
    """
    Attributes:
        name (str): Trimmed, then 1-100 characters; unique ignoring case; invisible-only (e.g. U+200B) counts as blank;
            no control characters or line breaks (U+2028), no bidi controls (U+202A-U+202E, U+2066-U+2069)
        description (None | str | Unset): Trimmed; blank is stored as null
        package_ids (list[int] | Unset): Replaces the set; duplicates ignored
    """

    name: str
    description: None | str | Unset = UNSET
    package_ids: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        package_ids: list[int] | Unset = UNSET
        if not isinstance(self.package_ids, Unset):
            package_ids = self.package_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if package_ids is not UNSET:
            field_dict["package_ids"] = package_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        package_ids = cast(list[int], d.pop("package_ids", UNSET))

        tariff_create = cls(
            name=name,
            description=description,
            package_ids=package_ids,
        )

        tariff_create.additional_properties = d
        return tariff_create

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
