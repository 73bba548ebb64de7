from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reconcile_difference_kind import ReconcileDifferenceKind

T = TypeVar("T", bound="ReconcileDifference")


@_attrs_define
class ReconcileDifference:
    """
    Attributes:
        kind (ReconcileDifferenceKind):
        user_id (int | None):
        agreement_number (None | str):
        token_id (int | None):
        fields (list[str]):
    """

    kind: ReconcileDifferenceKind
    user_id: int | None
    agreement_number: None | str
    token_id: int | None
    fields: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        user_id: int | None
        user_id = self.user_id

        agreement_number: None | str
        agreement_number = self.agreement_number

        token_id: int | None
        token_id = self.token_id

        fields = self.fields

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "user_id": user_id,
                "agreement_number": agreement_number,
                "token_id": token_id,
                "fields": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ReconcileDifferenceKind(d.pop("kind"))

        def _parse_user_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user_id = _parse_user_id(d.pop("user_id"))

        def _parse_agreement_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agreement_number = _parse_agreement_number(d.pop("agreement_number"))

        def _parse_token_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        token_id = _parse_token_id(d.pop("token_id"))

        fields = cast(list[str], d.pop("fields"))

        reconcile_difference = cls(
            kind=kind,
            user_id=user_id,
            agreement_number=agreement_number,
            token_id=token_id,
            fields=fields,
        )

        reconcile_difference.additional_properties = d
        return reconcile_difference

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
