from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_status import UserStatus

if TYPE_CHECKING:
    from ..models.auth_sync_state import AuthSyncState
    from ..models.ref import Ref


T = TypeVar("T", bound="UserRead")


@_attrs_define
class UserRead:
    """
    Attributes:
        id (int):
        first_name (str):
        last_name (str):
        agreement_number (str):
        status (UserStatus):
        max_sessions (int):
        token (str):
        valid_from (datetime.datetime | None):
        valid_until (datetime.datetime | None):
        tariffs (list[Ref]):
        packages (list[Ref]):
        channels (list[Ref]):
        auth_sync (AuthSyncState):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    first_name: str
    last_name: str
    agreement_number: str
    status: UserStatus
    max_sessions: int
    token: str
    valid_from: datetime.datetime | None
    valid_until: datetime.datetime | None
    tariffs: list[Ref]
    packages: list[Ref]
    channels: list[Ref]
    auth_sync: AuthSyncState
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        first_name = self.first_name

        last_name = self.last_name

        agreement_number = self.agreement_number

        status = self.status.value

        max_sessions = self.max_sessions

        token = self.token

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

        tariffs = []
        for tariffs_item_data in self.tariffs:
            tariffs_item = tariffs_item_data.to_dict()
            tariffs.append(tariffs_item)

        packages = []
        for packages_item_data in self.packages:
            packages_item = packages_item_data.to_dict()
            packages.append(packages_item)

        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.to_dict()
            channels.append(channels_item)

        auth_sync = self.auth_sync.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "first_name": first_name,
                "last_name": last_name,
                "agreement_number": agreement_number,
                "status": status,
                "max_sessions": max_sessions,
                "token": token,
                "valid_from": valid_from,
                "valid_until": valid_until,
                "tariffs": tariffs,
                "packages": packages,
                "channels": channels,
                "auth_sync": auth_sync,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auth_sync_state import AuthSyncState  # noqa: PLC0415
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        agreement_number = d.pop("agreement_number")

        status = UserStatus(d.pop("status"))

        max_sessions = d.pop("max_sessions")

        token = d.pop("token")

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

        tariffs = []
        _tariffs = d.pop("tariffs")
        for tariffs_item_data in _tariffs:
            tariffs_item = Ref.from_dict(tariffs_item_data)

            tariffs.append(tariffs_item)

        packages = []
        _packages = d.pop("packages")
        for packages_item_data in _packages:
            packages_item = Ref.from_dict(packages_item_data)

            packages.append(packages_item)

        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = Ref.from_dict(channels_item_data)

            channels.append(channels_item)

        auth_sync = AuthSyncState.from_dict(d.pop("auth_sync"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        user_read = cls(
            id=id,
            first_name=first_name,
            last_name=last_name,
            agreement_number=agreement_number,
            status=status,
            max_sessions=max_sessions,
            token=token,
            valid_from=valid_from,
            valid_until=valid_until,
            tariffs=tariffs,
            packages=packages,
            channels=channels,
            auth_sync=auth_sync,
            created_at=created_at,
            updated_at=updated_at,
        )

        user_read.additional_properties = d
        return user_read

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
