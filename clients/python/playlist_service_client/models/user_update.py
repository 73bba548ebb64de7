from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_status import UserStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserUpdate")


@_attrs_define
class UserUpdate:
    """
    Attributes:
        first_name (str | Unset): Trimmed, then 1-100 characters; invisible-only (e.g. U+200B) counts as blank; no
            control characters or line breaks (TAB, CR/LF, U+2028, ...), no bidi controls (U+202A-U+202E, U+2066-U+2069)
        last_name (str | Unset): Trimmed, then 1-100 characters; invisible-only (e.g. U+200B) counts as blank; no
            control characters or line breaks (TAB, CR/LF, U+2028, ...), no bidi controls (U+202A-U+202E, U+2066-U+2069)
        agreement_number (str | Unset): The Auth Service's user_id. Unicode NFKC-normalised (fullwidth letters and
            digits are stored as ASCII), trimmed, then 1-100 characters; unique ignoring case; no control, format (zero-
            width, bidi, BOM) or line separator characters
        status (UserStatus | Unset):
        max_sessions (int | Unset):
        valid_from (datetime.datetime | None | Unset): ISO 8601; without an offset it is UTC
        valid_until (datetime.datetime | None | Unset): ISO 8601; without an offset it is UTC
        valid_from_date (datetime.date | None | Unset): YYYY-MM-DD in the operator's time zone
        valid_until_date (datetime.date | None | Unset): YYYY-MM-DD in the operator's time zone
        tariff_ids (list[int] | Unset):
        package_ids (list[int] | Unset):
        channel_ids (list[int] | Unset):
    """

    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    agreement_number: str | Unset = UNSET
    status: UserStatus | Unset = UNSET
    max_sessions: int | Unset = UNSET
    valid_from: datetime.datetime | None | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    valid_from_date: datetime.date | None | Unset = UNSET
    valid_until_date: datetime.date | None | Unset = UNSET
    tariff_ids: list[int] | Unset = UNSET
    package_ids: list[int] | Unset = UNSET
    channel_ids: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_name: str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        agreement_number: str | Unset
        if isinstance(self.agreement_number, Unset):
            agreement_number = UNSET
        else:
            agreement_number = self.agreement_number

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        max_sessions: int | Unset
        if isinstance(self.max_sessions, Unset):
            max_sessions = UNSET
        else:
            max_sessions = self.max_sessions

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.datetime):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        valid_from_date: None | str | Unset
        if isinstance(self.valid_from_date, Unset):
            valid_from_date = UNSET
        elif isinstance(self.valid_from_date, datetime.date):
            valid_from_date = self.valid_from_date.isoformat()
        else:
            valid_from_date = self.valid_from_date

        valid_until_date: None | str | Unset
        if isinstance(self.valid_until_date, Unset):
            valid_until_date = UNSET
        elif isinstance(self.valid_until_date, datetime.date):
            valid_until_date = self.valid_until_date.isoformat()
        else:
            valid_until_date = self.valid_until_date

        tariff_ids: list[int] | Unset
        if isinstance(self.tariff_ids, Unset):
            tariff_ids = UNSET
        else:
            tariff_ids = self.tariff_ids

        package_ids: list[int] | Unset
        if isinstance(self.package_ids, Unset):
            package_ids = UNSET
        else:
            package_ids = self.package_ids

        channel_ids: list[int] | Unset
        if isinstance(self.channel_ids, Unset):
            channel_ids = UNSET
        else:
            channel_ids = self.channel_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if agreement_number is not UNSET:
            field_dict["agreement_number"] = agreement_number
        if status is not UNSET:
            field_dict["status"] = status
        if max_sessions is not UNSET:
            field_dict["max_sessions"] = max_sessions
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if valid_from_date is not UNSET:
            field_dict["valid_from_date"] = valid_from_date
        if valid_until_date is not UNSET:
            field_dict["valid_until_date"] = valid_until_date
        if tariff_ids is not UNSET:
            field_dict["tariff_ids"] = tariff_ids
        if package_ids is not UNSET:
            field_dict["package_ids"] = package_ids
        if channel_ids is not UNSET:
            field_dict["channel_ids"] = channel_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_first_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_agreement_number(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        agreement_number = _parse_agreement_number(d.pop("agreement_number", UNSET))

        _status = d.pop("status", UNSET)
        status: UserStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = UserStatus(_status)

        def _parse_max_sessions(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        max_sessions = _parse_max_sessions(d.pop("max_sessions", UNSET))

        def _parse_valid_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.datetime.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        def _parse_valid_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        def _parse_valid_from_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_date_type_0 = datetime.date.fromisoformat(data)

                return valid_from_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from_date = _parse_valid_from_date(d.pop("valid_from_date", UNSET))

        def _parse_valid_until_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_date_type_0 = datetime.date.fromisoformat(data)

                return valid_until_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until_date = _parse_valid_until_date(d.pop("valid_until_date", UNSET))

        def _parse_tariff_ids(data: object) -> list[int] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            tariff_ids_type_0 = cast(list[int], data)

            return tariff_ids_type_0

        tariff_ids = _parse_tariff_ids(d.pop("tariff_ids", UNSET))

        def _parse_package_ids(data: object) -> list[int] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            package_ids_type_0 = cast(list[int], data)

            return package_ids_type_0

        package_ids = _parse_package_ids(d.pop("package_ids", UNSET))

        def _parse_channel_ids(data: object) -> list[int] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            channel_ids_type_0 = cast(list[int], data)

            return channel_ids_type_0

        channel_ids = _parse_channel_ids(d.pop("channel_ids", UNSET))

        user_update = cls(
            first_name=first_name,
            last_name=last_name,
            agreement_number=agreement_number,
            status=status,
            max_sessions=max_sessions,
            valid_from=valid_from,
            valid_until=valid_until,
            valid_from_date=valid_from_date,
            valid_until_date=valid_until_date,
            tariff_ids=tariff_ids,
            package_ids=package_ids,
            channel_ids=channel_ids,
        )

        user_update.additional_properties = d
        return user_update

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
