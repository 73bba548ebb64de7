"""JSON bodies: only ``Content-Type: application/json`` (415 otherwise), and strictly typed.

Litestar decodes the body as JSON whatever its declared type, so a cross-site ``<form>`` posting
``text/plain`` or ``application/x-www-form-urlencoded`` (no CORS preflight) could reach the API;
for ``/auth/login``, which needs no CSRF token, that is login CSRF. Browsers cannot send
``application/json`` cross-site without a preflight, which this API never grants.

Litestar then converts the decoded body with ``msgspec.convert(..., strict=False)`` (the lenient
mode its string-valued query parameters need; its DTOs decode the same way), so ``"max_sessions": "2"``
or ``"force": "true"`` passed as numbers and booleans. JSON has types; a client that sends a string
for a number has a bug we should report, so :func:`require_strict_json_body` decodes the body once
more, strictly, against the handler's declared type first.
"""

from __future__ import annotations

import contextlib
from typing import Any

import msgspec
from litestar import Request
from litestar.enums import RequestEncodingType
from litestar.exceptions import HTTPException, ValidationException
from litestar.handlers import HTTPRouteHandler
from litestar.params import BodyKwarg


def _takes_json_body(handler: HTTPRouteHandler) -> bool:
    data = handler.parsed_fn_signature.parameters.get("data")
    if data is None:
        return False
    kwarg = data.kwarg_definition
    return not isinstance(kwarg, BodyKwarg) or kwarg.media_type == RequestEncodingType.JSON


def _has_body(request: Request[Any, Any, Any]) -> bool:
    length = request.headers.get("content-length")
    return "transfer-encoding" in request.headers or (length is not None and length.strip() not in {"", "0"})


def require_json_content_type(request: Request[Any, Any, Any]) -> None:
    """``before_request``: refuse a body of another type; an absent body is left to validation."""
    handler = request.route_handler
    if not isinstance(handler, HTTPRouteHandler) or not _takes_json_body(handler) or not _has_body(request):
        return
    media_type, options = request.content_type
    media_type = media_type.lower()
    if media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json")):
        charset = options.get("charset", "utf-8").strip().lower()
        if charset in {"utf-8", "utf8"}:
            return
        # JSON is UTF-8 (RFC 8259); a body declared otherwise would be misread, not converted.
        raise HTTPException(status_code=415, detail=f"JSON must be UTF-8 (got charset={charset[:40]})")
    raise HTTPException(
        status_code=415,
        detail=f"Content-Type must be application/json (got {media_type[:100] or 'none'})",
    )


async def require_strict_json_body(request: Request[Any, Any, Any]) -> None:
    """``before_request``: a JSON body that only lenient conversion would accept is a 422 naming the field.

    A body that is absent, malformed or wrong even leniently is left to Litestar, whose answer also
    names the bad path and query parameters of the same request.
    """
    handler = request.route_handler
    if not isinstance(handler, HTTPRouteHandler) or not _takes_json_body(handler):
        return
    body = await request.body()  # cached: Litestar reads the same bytes again
    if not body:
        return
    annotation = handler.parsed_fn_signature.parameters["data"].annotation
    try:
        _check_strictly(body, annotation)
    except RecursionError:
        # msgspec decodes nested arrays and objects recursively: a few KB of "[[[[..." exhaust the
        # stack. No body of ours nests more than a few levels.
        raise ValidationException(
            extra=[{"message": "JSON nested too deeply", "key": "data", "source": "body"}]
        ) from None


def _check_strictly(body: bytes, annotation: Any) -> None:
    try:
        msgspec.json.decode(body, type=annotation, strict=True)
    except msgspec.ValidationError as exc:
        try:
            msgspec.json.decode(body, type=annotation, strict=False)
        except msgspec.DecodeError:  # wrong whatever the mode (ValidationError is a DecodeError)
            _left_to_litestar(body)
            return
        # The shape Litestar gives its own body errors, so errors.py names the field the same way.
        raise ValidationException(extra=[{"message": str(exc), "key": "data", "source": "body"}]) from exc
    except msgspec.DecodeError:  # not JSON
        _left_to_litestar(body)


def _left_to_litestar(body: bytes) -> None:
    """Litestar decodes a body its type refused once more, untyped: deep nesting (which the typed
    decode rejects at the first wrong bracket) recurses there, so find it here (RecursionError)."""
    with contextlib.suppress(msgspec.DecodeError):
        msgspec.json.decode(body)
