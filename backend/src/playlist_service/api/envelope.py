"""The response envelope and page shape of spec §7.2, as typed msgspec structs."""

from __future__ import annotations

import math
from typing import Any, Generic, Literal, TypeVar

import msgspec

T = TypeVar("T")


class Envelope(msgspec.Struct, Generic[T]):
    """``{"success": true, "data": ...}``"""

    success: Literal[True]
    data: T


class Page(msgspec.Struct, Generic[T]):
    """``{"items": [...], "total": 100, "page": 1, "per_page": 20, "pages": 5}``"""

    items: list[T]
    total: int
    page: int
    per_page: int
    pages: int


class ErrorDetail(msgspec.Struct, omit_defaults=True):
    """One problem with the request; ``field`` is the dotted path of the offending input."""

    message: str
    field: str | None = None


class ErrorBody(msgspec.Struct, omit_defaults=True):
    code: str
    message: str
    details: list[ErrorDetail] | None = None
    request_id: str | None = None


class ErrorEnvelope(msgspec.Struct):
    """``{"success": false, "error": {"code": "...", "message": "..."}}``"""

    success: Literal[False]
    error: ErrorBody


class Deleted(msgspec.Struct):
    id: int
    deleted: Literal[True] = True


def ok(data: T) -> Envelope[T]:
    return Envelope(success=True, data=data)


def page_of(items: list[T], *, total: int, page: int, per_page: int) -> Envelope[Page[T]]:
    pages = math.ceil(total / per_page) if total else 0
    return ok(Page(items=items, total=total, page=page, per_page=per_page, pages=pages))


def error_envelope(code: str, message: str, details: Any = None, request_id: str | None = None) -> ErrorEnvelope:
    parsed = None
    if details:
        parsed = [d if isinstance(d, ErrorDetail) else msgspec.convert(d, ErrorDetail) for d in details]
    return ErrorEnvelope(
        success=False, error=ErrorBody(code=code, message=message, details=parsed, request_id=request_id)
    )
