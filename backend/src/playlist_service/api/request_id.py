"""A request id on every request: taken from a sane ``X-Request-ID`` or generated; echoed back."""

from __future__ import annotations

import re
import uuid
from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

_VALID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_KEY = "request_id"


def request_id_of(scope: Any) -> str | None:
    value = scope.get("state", {}).get(_KEY) if isinstance(scope, dict) else None
    return value if isinstance(value, str) else None


def ensure_request_id(scope: Any) -> str:
    """The request's id, assigned now if the middleware has not run.

    Litestar answers an unknown path (404) or method (405) in its router, before any middleware.
    """
    existing = request_id_of(scope)
    if existing is not None:
        return existing
    incoming = next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"x-request-id"), "")
    request_id = incoming if _VALID.match(incoming) else uuid.uuid4().hex
    scope.setdefault("state", {})[_KEY] = request_id
    return request_id


class RequestIdMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        request_id = ensure_request_id(scope)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message)["X-Request-ID"] = request_id
            await send(message)

        await self.app(scope, receive, send_with_id)
