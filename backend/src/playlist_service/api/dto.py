"""Base for request bodies: unknown fields are refused so a typo is an error, not silently ignored.

Text with a NUL character is refused too, naming the field: PostgreSQL text cannot hold one, and
left to the database it would only be reported as "a value" somewhere in the body.
"""

from __future__ import annotations

from typing import Any

import msgspec


def _refuse_nul(struct: msgspec.Struct) -> None:
    for name in struct.__struct_fields__:
        value: Any = getattr(struct, name)
        values = value if isinstance(value, list | tuple | set | frozenset) else (value,)
        if any(isinstance(item, str) and "\x00" in item for item in values):
            # errors._validation_details reads the field name from "field `name`".
            raise ValueError(f"field `{name}` must not contain a NUL character")


class Input(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    def __post_init__(self) -> None:
        _refuse_nul(self)


class PatchInput(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """PATCH bodies: fields default to ``msgspec.UNSET`` so "not sent" differs from ``null``."""

    def __post_init__(self) -> None:
        _refuse_nul(self)
