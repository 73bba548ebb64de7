from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.auth_sync_status import AuthSyncStatus
from ..models.user_status import UserStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ref import Ref


T = TypeVar("T", bound="UserListItem")


@_attrs_define
class UserListItem:
    """
    Attributes:
        id (int):
        first_name (str):
        last_name (str):
        agreement_number (str):
        tariffs (list[Ref]):
        max_sessions (int):
        status (UserStatus):
        valid_from (datetime.datetime | None):
        valid_until (datetime.datetime | None):
        auth_sync_status (AuthSyncStatus): Whether a subscriber's token at the Auth Service matches the local record.
        auth_sync_error (None | str):
        packages (list[Ref] | Unset):
        channels (list[Ref] | Unset):
    """

    id: int
    first_name: str
    last_name: str
    agreement_number: str
    tariffs: list[Ref]
    max_sessions: int
    status: UserStatus
    valid_from: datetime.datetime | None
    valid_until: datetime.datetime | None
    auth_sync_status: AuthSyncStatus
    auth_sync_error: None | str
    packages: list[Ref] | Unset = UNSET
    channels: list[Ref] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        first_name = self.first_name

        last_name = self.last_name

        agreement_number = self.agreement_number

        tariffs = []
        for tariffs_item_data in self.tariffs:
            tariffs_item = tariffs_item_data.to_dict()
            tariffs.append(tariffs_item)

        max_sessions = self.max_sessions

        status = self.status.value

        valid_from: None | str
        if isinstance(self.valid_from, datetime.datetime):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_until: None | str
        if isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        auth_sync_status = self.auth_sync_status.value

        auth_sync_error: None | str
        auth_sync_error = self.auth_sync_error

        packages: list[dict[str, Any]] | Unset
        if isinstance(self.packages, Unset):
            packages = UNSET
        else:
            packages = []
            for packages_type_0_item_data in self.packages:
                packages_type_0_item = packages_type_0_item_data.to_dict()
                packages.append(packages_type_0_item)

        channels: list[dict[str, Any]] | Unset
        if isinstance(self.channels, Unset):
            channels = UNSET
        else:
            channels = []
            for channels_type_0_item_data in self.channels:
                channels_type_0_item = channels_type_0_item_data.to_dict()
                channels.append(channels_type_0_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "first_name": first_name,
                "last_name": last_name,
                "agreement_number": agreement_number,
                "tariffs": tariffs,
                "max_sessions": max_sessions,
                "status": status,
                "valid_from": valid_from,
                "valid_until": valid_until,
                "auth_sync_status": auth_sync_status,
                "auth_sync_error": auth_sync_error,
            }
        )
        if packages is not UNSET:
            field_dict["packages"] = packages
        if channels is not UNSET:
            field_dict["channels"] = channels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        agreement_number = d.pop("agreement_number")

        tariffs = []
        _tariffs = d.pop("tariffs")
        for tariffs_item_data in _tariffs:
            tariffs_item = Ref.from_dict(tariffs_item_data)

            tariffs.append(tariffs_item)

        max_sessions = d.pop("max_sessions")

        status = UserStatus(d.pop("status"))

        def _parse_valid_from(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.datetime.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        valid_from = _parse_valid_from(d.pop("valid_from"))

        def _parse_valid_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        auth_sync_status = AuthSyncStatus(d.pop("auth_sync_status"))

        def _parse_auth_sync_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        auth_sync_error = _parse_auth_sync_error(d.pop("auth_sync_error"))

        def _parse_packages(data: object) -> list[Ref] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            packages_type_0 = []
            _packages_type_0 = data
            for packages_type_0_item_data in _packages_type_0:
                packages_type_0_item = Ref.from_dict(packages_type_0_item_data)

                packages_type_0.append(packages_type_0_item)

            return packages_type_0

        packages = _parse_packages(d.pop("packages", UNSET))

        def _parse_channels(data: object) -> list[Ref] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            channels_type_0 = []
            _channels_type_0 = data
            for channels_type_0_item_data in _channels_type_0:
                channels_type_0_item = Ref.from_dict(channels_type_0_item_data)

                channels_type_0.append(channels_type_0_item)

            return channels_type_0

        channels = _parse_channels(d.pop("channels", UNSET))

        user_list_item = cls(
            id=id,
            first_name=first_name,
            last_name=last_name,
            agreement_number=agreement_number,
            tariffs=tariffs,
            max_sessions=max_sessions,
            status=status,
            valid_from=valid_from,
            valid_until=valid_until,
            auth_sync_status=auth_sync_status,
            auth_sync_error=auth_sync_error,
            packages=packages,
            channels=channels,
        )

        user_list_item.additional_properties = d
        return user_list_item

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
