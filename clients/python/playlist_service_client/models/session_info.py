from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_info_auth_method import SessionInfoAuthMethod

if TYPE_CHECKING:
    from ..models.admin_read import AdminRead


T = TypeVar("T", bound="SessionInfo")


@_attrs_define
class SessionInfo:
    """
    Attributes:
        admin (AdminRead):
        csrf_token (None | str):
        expires_at (datetime.datetime | None):
        auth_method (SessionInfoAuthMethod):
    """

    admin: AdminRead
    csrf_token: None | str
    expires_at: datetime.datetime | None
    auth_method: SessionInfoAuthMethod
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        admin = self.admin.to_dict()

        csrf_token: None | str
        csrf_token = self.csrf_token

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        auth_method = self.auth_method.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "admin": admin,
                "csrf_token": csrf_token,
                "expires_at": expires_at,
                "auth_method": auth_method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_read import AdminRead  # noqa: PLC0415

        d = dict(src_dict)
        admin = AdminRead.from_dict(d.pop("admin"))

        def _parse_csrf_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        csrf_token = _parse_csrf_token(d.pop("csrf_token"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        auth_method = SessionInfoAuthMethod(d.pop("auth_method"))

        session_info = cls(
            admin=admin,
            csrf_token=csrf_token,
            expires_at=expires_at,
            auth_method=auth_method,
        )

        session_info.additional_properties = d
        return session_info

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
