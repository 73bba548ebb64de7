from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.auth_sync_status import AuthSyncStatus

T = TypeVar("T", bound="AuthSyncState")


@_attrs_define
class AuthSyncState:
    """
    Attributes:
        status (AuthSyncStatus): Whether a subscriber's token at the Auth Service matches the local record.
        auth_token_id (int | None):
        error (None | str):
        error_at (datetime.datetime | None):
        attempts (int):
        next_attempt_at (datetime.datetime | None):
        synced_at (datetime.datetime | None):
    """

    status: AuthSyncStatus
    auth_token_id: int | None
    error: None | str
    error_at: datetime.datetime | None
    attempts: int
    next_attempt_at: datetime.datetime | None
    synced_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        auth_token_id: int | None
        auth_token_id = self.auth_token_id

        error: None | str
        error = self.error

        error_at: None | str
        if isinstance(self.error_at, datetime.datetime):
            error_at = self.error_at.isoformat()
        else:
            error_at = self.error_at

        attempts = self.attempts

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        synced_at: None | str
        if isinstance(self.synced_at, datetime.datetime):
            synced_at = self.synced_at.isoformat()
        else:
            synced_at = self.synced_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "auth_token_id": auth_token_id,
                "error": error,
                "error_at": error_at,
                "attempts": attempts,
                "next_attempt_at": next_attempt_at,
                "synced_at": synced_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = AuthSyncStatus(d.pop("status"))

        def _parse_auth_token_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        auth_token_id = _parse_auth_token_id(d.pop("auth_token_id"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_error_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                error_at_type_0 = datetime.datetime.fromisoformat(data)

                return error_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        error_at = _parse_error_at(d.pop("error_at"))

        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_synced_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                synced_at_type_0 = datetime.datetime.fromisoformat(data)

                return synced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        synced_at = _parse_synced_at(d.pop("synced_at"))

        auth_sync_state = cls(
            status=status,
            auth_token_id=auth_token_id,
            error=error,
            error_at=error_at,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            synced_at=synced_at,
        )

        auth_sync_state.additional_properties = d
        return auth_sync_state

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
