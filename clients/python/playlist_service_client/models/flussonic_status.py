from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.flussonic_status_api_format import FlussonicStatusApiFormat
from ..models.flussonic_status_configured_format import FlussonicStatusConfiguredFormat

T = TypeVar("T", bound="FlussonicStatus")


@_attrs_define
class FlussonicStatus:
    """
    Attributes:
        url (str):
        configured_format (FlussonicStatusConfiguredFormat):
        api_format (FlussonicStatusApiFormat):
        server_version (None | str):
    """

    url: str
    configured_format: FlussonicStatusConfiguredFormat
    api_format: FlussonicStatusApiFormat
    server_version: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        configured_format = self.configured_format.value

        api_format = self.api_format.value

        server_version: None | str
        server_version = self.server_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "configured_format": configured_format,
                "api_format": api_format,
                "server_version": server_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        configured_format = FlussonicStatusConfiguredFormat(d.pop("configured_format"))

        api_format = FlussonicStatusApiFormat(d.pop("api_format"))

        def _parse_server_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        server_version = _parse_server_version(d.pop("server_version"))

        flussonic_status = cls(
            url=url,
            configured_format=configured_format,
            api_format=api_format,
            server_version=server_version,
        )

        flussonic_status.additional_properties = d
        return flussonic_status

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
