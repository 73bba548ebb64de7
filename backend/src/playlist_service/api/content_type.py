"""JSON-body endpoints accept only ``Content-Type: application/json`` (415 otherwise).

Litestar decodes the body as JSON whatever its declared type, so a cross-site ``<form>`` posting
``text/plain`` or ``application/x-www-form-urlencoded`` (no CORS preflight) could reach the API;
for ``/auth/login``, which needs no CSRF token, that is login CSRF. Browsers cannot send
``application/json`` cross-site without a preflight, which this API never grants.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.enums import RequestEncodingType
from litestar.exceptions import HTTPException
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
    media_type = request.content_type[0].lower()
    if media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json")):
        return
    raise HTTPException(
        status_code=415,
        detail=f"Content-Type must be application/json (got {media_type[:100] or 'none'})",
    )
