from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_status import SyncStatus

if TYPE_CHECKING:
    from ..models.group_ref import GroupRef
    from ..models.package_ref import PackageRef


T = TypeVar("T", bound="ChannelSummary")


@_attrs_define
class ChannelSummary:
    """
    Attributes:
        id (int):
        stream_name (str):
        display_name (None | str):
        tvg_name (None | str):
        tvg_id (None | str):
        stream_base_url (str):
        catchup_days (int | None):
        has_logo (bool):
        logo_url (None | str):
        group (GroupRef | None):
        packages (list[PackageRef]):
        sort_order (int):
        sync_status (SyncStatus):
        last_seen_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    stream_name: str
    display_name: None | str
    tvg_name: None | str
    tvg_id: None | str
    stream_base_url: str
    catchup_days: int | None
    has_logo: bool
    logo_url: None | str
    group: GroupRef | None
    packages: list[PackageRef]
    sort_order: int
    sync_status: SyncStatus
    last_seen_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.group_ref import GroupRef  # noqa: PLC0415

        id = self.id

        stream_name = self.stream_name

        display_name: None | str
        display_name = self.display_name

        tvg_name: None | str
        tvg_name = self.tvg_name

        tvg_id: None | str
        tvg_id = self.tvg_id

        stream_base_url = self.stream_base_url

        catchup_days: int | None
        catchup_days = self.catchup_days

        has_logo = self.has_logo

        logo_url: None | str
        logo_url = self.logo_url

        group: dict[str, Any] | None
        if isinstance(self.group, GroupRef):
            group = self.group.to_dict()
        else:
            group = self.group

        packages = []
        for packages_item_data in self.packages:
            packages_item = packages_item_data.to_dict()
            packages.append(packages_item)

        sort_order = self.sort_order

        sync_status = self.sync_status.value

        last_seen_at: None | str
        if isinstance(self.last_seen_at, datetime.datetime):
            last_seen_at = self.last_seen_at.isoformat()
        else:
            last_seen_at = self.last_seen_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "stream_name": stream_name,
                "display_name": display_name,
                "tvg_name": tvg_name,
                "tvg_id": tvg_id,
                "stream_base_url": stream_base_url,
                "catchup_days": catchup_days,
                "has_logo": has_logo,
                "logo_url": logo_url,
                "group": group,
                "packages": packages,
                "sort_order": sort_order,
                "sync_status": sync_status,
                "last_seen_at": last_seen_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_ref import GroupRef  # noqa: PLC0415
        from ..models.package_ref import PackageRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        stream_name = d.pop("stream_name")

        def _parse_display_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        display_name = _parse_display_name(d.pop("display_name"))

        def _parse_tvg_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tvg_name = _parse_tvg_name(d.pop("tvg_name"))

        def _parse_tvg_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tvg_id = _parse_tvg_id(d.pop("tvg_id"))

        stream_base_url = d.pop("stream_base_url")

        def _parse_catchup_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        catchup_days = _parse_catchup_days(d.pop("catchup_days"))

        has_logo = d.pop("has_logo")

        def _parse_logo_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        logo_url = _parse_logo_url(d.pop("logo_url"))

        def _parse_group(data: object) -> GroupRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                group_type_0 = GroupRef.from_dict(data)

                return group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GroupRef | None, data)

        group = _parse_group(d.pop("group"))

        packages = []
        _packages = d.pop("packages")
        for packages_item_data in _packages:
            packages_item = PackageRef.from_dict(packages_item_data)

            packages.append(packages_item)

        sort_order = d.pop("sort_order")

        sync_status = SyncStatus(d.pop("sync_status"))

        def _parse_last_seen_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_seen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_seen_at = _parse_last_seen_at(d.pop("last_seen_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        channel_summary = cls(
            id=id,
            stream_name=stream_name,
            display_name=display_name,
            tvg_name=tvg_name,
            tvg_id=tvg_id,
            stream_base_url=stream_base_url,
            catchup_days=catchup_days,
            has_logo=has_logo,
            logo_url=logo_url,
            group=group,
            packages=packages,
            sort_order=sort_order,
            sync_status=sync_status,
            last_seen_at=last_seen_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        channel_summary.additional_properties = d
        return channel_summary

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
