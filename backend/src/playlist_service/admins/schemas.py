"""Login, session and admin DTOs."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from playlist_service.api.dto import Input


class LoginRequest(Input):
    username: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]


class AdminRead(msgspec.Struct):
    id: int
    username: str
    last_login_at: datetime | None


class SessionInfo(msgspec.Struct):
    """The signed-in admin plus the CSRF token the SPA must echo in ``X-CSRF-Token``."""

    admin: AdminRead
    csrf_token: str | None
    expires_at: datetime | None
    auth_method: Literal["session", "api_key"]
