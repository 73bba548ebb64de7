from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChannelUpdate")


@_attrs_define
class ChannelUpdate:
    """
    Attributes:
        tvg_id (None | str | Unset): EPG id; trimmed, blank = null; no control characters
        tvg_logo (None | str | Unset): A data URI (data:image/png;base64,...) or bare base64 of a PNG, JPEG, GIF or WebP
            image (checked by content; SVG refused; at most LOGO_MAX_BYTES decoded, default 256 KiB; line breaks in the
            base64 are ignored). null removes it.
    """

    tvg_id: None | str | Unset = UNSET
    tvg_logo: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tvg_id: None | str | Unset
        if isinstance(self.tvg_id, Unset):
            tvg_id = UNSET
        else:
            tvg_id = self.tvg_id

        tvg_logo: None | str | Unset
        if isinstance(self.tvg_logo, Unset):
            tvg_logo = UNSET
        else:
            tvg_logo = self.tvg_logo

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tvg_id is not UNSET:
            field_dict["tvg_id"] = tvg_id
        if tvg_logo is not UNSET:
            field_dict["tvg_logo"] = tvg_logo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_tvg_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tvg_id = _parse_tvg_id(d.pop("tvg_id", UNSET))

        def _parse_tvg_logo(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tvg_logo = _parse_tvg_logo(d.pop("tvg_logo", UNSET))

        channel_update = cls(
            tvg_id=tvg_id,
            tvg_logo=tvg_logo,
        )

        channel_update.additional_properties = d
        return channel_update

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
