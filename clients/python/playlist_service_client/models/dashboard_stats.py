from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.auth_sync_counts import AuthSyncCounts
    from ..models.channel_counts import ChannelCounts
    from ..models.sync_run_read import SyncRunRead
    from ..models.user_counts import UserCounts


T = TypeVar("T", bound="DashboardStats")


@_attrs_define
class DashboardStats:
    """
    Attributes:
        channels (ChannelCounts):
        groups (int):
        packages (int):
        tariffs (int):
        users (UserCounts):
        auth_sync (AuthSyncCounts):
        last_sync (None | SyncRunRead):
        last_successful_sync_at (datetime.datetime | None):
    """

    channels: ChannelCounts
    groups: int
    packages: int
    tariffs: int
    users: UserCounts
    auth_sync: AuthSyncCounts
    last_sync: None | SyncRunRead
    last_successful_sync_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sync_run_read import SyncRunRead  # noqa: PLC0415

        channels = self.channels.to_dict()

        groups = self.groups

        packages = self.packages

        tariffs = self.tariffs

        users = self.users.to_dict()

        auth_sync = self.auth_sync.to_dict()

        last_sync: dict[str, Any] | None
        if isinstance(self.last_sync, SyncRunRead):
            last_sync = self.last_sync.to_dict()
        else:
            last_sync = self.last_sync

        last_successful_sync_at: None | str
        if isinstance(self.last_successful_sync_at, datetime.datetime):
            last_successful_sync_at = self.last_successful_sync_at.isoformat()
        else:
            last_successful_sync_at = self.last_successful_sync_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channels": channels,
                "groups": groups,
                "packages": packages,
                "tariffs": tariffs,
                "users": users,
                "auth_sync": auth_sync,
                "last_sync": last_sync,
                "last_successful_sync_at": last_successful_sync_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auth_sync_counts import AuthSyncCounts  # noqa: PLC0415
        from ..models.channel_counts import ChannelCounts  # noqa: PLC0415
        from ..models.sync_run_read import SyncRunRead  # noqa: PLC0415
        from ..models.user_counts import UserCounts  # noqa: PLC0415

        d = dict(src_dict)
        channels = ChannelCounts.from_dict(d.pop("channels"))

        groups = d.pop("groups")

        packages = d.pop("packages")

        tariffs = d.pop("tariffs")

        users = UserCounts.from_dict(d.pop("users"))

        auth_sync = AuthSyncCounts.from_dict(d.pop("auth_sync"))

        def _parse_last_sync(data: object) -> None | SyncRunRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_sync_type_0 = SyncRunRead.from_dict(data)

                return last_sync_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SyncRunRead, data)

        last_sync = _parse_last_sync(d.pop("last_sync"))

        def _parse_last_successful_sync_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_successful_sync_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_successful_sync_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_successful_sync_at = _parse_last_successful_sync_at(d.pop("last_successful_sync_at"))

        dashboard_stats = cls(
            channels=channels,
            groups=groups,
            packages=packages,
            tariffs=tariffs,
            users=users,
            auth_sync=auth_sync,
            last_sync=last_sync,
            last_successful_sync_at=last_successful_sync_at,
        )

        dashboard_stats.additional_properties = d
        return dashboard_stats

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
