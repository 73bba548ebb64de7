from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UiSettings")


@_attrs_define
class UiSettings:
    """
    Attributes:
        operator_timezone (str):
        logo_max_bytes (int):
        logo_types (list[str]):
    """

    operator_timezone: str
    logo_max_bytes: int
    logo_types: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        operator_timezone = self.operator_timezone

        logo_max_bytes = self.logo_max_bytes

        logo_types = self.logo_types

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "operator_timezone": operator_timezone,
                "logo_max_bytes": logo_max_bytes,
                "logo_types": logo_types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        operator_timezone = d.pop("operator_timezone")

        logo_max_bytes = d.pop("logo_max_bytes")

        logo_types = cast(list[str], d.pop("logo_types"))

        ui_settings = cls(
            operator_timezone=operator_timezone,
            logo_max_bytes=logo_max_bytes,
            logo_types=logo_types,
        )

        ui_settings.additional_properties = d
        return ui_settings

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
