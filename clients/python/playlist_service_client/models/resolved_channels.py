from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.resolved_channel_read import ResolvedChannelRead


T = TypeVar("T", bound="ResolvedChannels")


@_attrs_define
class ResolvedChannels:
    """
    Attributes:
        items (list[ResolvedChannelRead]):
        total (int):
        playable (int):
    """

    items: list[ResolvedChannelRead]
    total: int
    playable: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        total = self.total

        playable = self.playable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "total": total,
                "playable": playable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolved_channel_read import ResolvedChannelRead  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ResolvedChannelRead.from_dict(items_item_data)

            items.append(items_item)

        total = d.pop("total")

        playable = d.pop("playable")

        resolved_channels = cls(
            items=items,
            total=total,
            playable=playable,
        )

        resolved_channels.additional_properties = d
        return resolved_channels

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
