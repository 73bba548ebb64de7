"""``/auth``: login, logout, me (spec §7.3 Authentication)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.di import NamedDependency
from litestar.params import JSONBody
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.admins import service
from playlist_service.admins.schemas import AdminRead, LoginRequest, SessionInfo
from playlist_service.api.auth import SESSION_COOKIE, principal_of, session_cookie
from playlist_service.api.envelope import Envelope, ok
from playlist_service.api.responses import error_responses
from playlist_service.db.models import Admin
from playlist_service.settings import Settings


def _client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


class AuthController(Controller):
    path = "/auth"
    tags = ["Authentication"]

    @post(
        "/login",
        operation_id="login",
        status_code=200,
        security=[],
        responses=error_responses(401, 422, 429),
    )
    async def login(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[LoginRequest],
        db_session: NamedDependency[AsyncSession],
        settings: NamedDependency[Settings],
    ) -> Response[Envelope[SessionInfo]]:
        """Sign in; sets the HttpOnly ``session_id`` cookie and returns the CSRF token."""
        # A session the browser already held ends here: each login gets a new session id.
        result = await service.login(
            db_session,
            settings,
            username=data.username,
            password=data.password,
            client_ip=_client_ip(request),
            user_agent=request.headers.get("user-agent"),
            previous_token=request.cookies.get(SESSION_COOKIE),
        )
        admin = result.admin
        info = SessionInfo(
            admin=AdminRead(id=admin.id, username=admin.username, last_login_at=admin.last_login_at),
            csrf_token=result.session.csrf_token,
            expires_at=result.session.expires_at,
            auth_method="session",
        )
        cookie = session_cookie(settings, result.session_token, result.session.expires_at)
        return Response(ok(info), cookies=[cookie])

    @post("/logout", operation_id="logout", status_code=200, responses=error_responses(401, 403))
    async def logout(
        self, request: Request[Any, Any, Any], db_session: NamedDependency[AsyncSession]
    ) -> Response[Envelope[None]]:
        """End the current session on the server and clear the cookie."""
        principal = principal_of(request)
        if principal.session_hash:
            await service.revoke_session(db_session, principal.session_hash)
        return Response(ok(None), cookies=[Cookie(key=SESSION_COOKIE, value="", max_age=0, path="/", expires=0)])

    @get("/me", operation_id="getCurrentAdmin", responses=error_responses(401))
    async def me(
        self, request: Request[Any, Any, Any], db_session: NamedDependency[AsyncSession]
    ) -> Envelope[SessionInfo]:
        """The signed-in admin, the session's expiry and its CSRF token."""
        principal = principal_of(request)
        admin = None
        if principal.admin_id is not None:
            admin = (await db_session.execute(select(Admin).where(Admin.id == principal.admin_id))).scalar_one_or_none()
        return ok(
            SessionInfo(
                admin=AdminRead(
                    id=admin.id if admin else 0,
                    username=admin.username if admin else principal.name,
                    last_login_at=admin.last_login_at if admin else None,
                ),
                csrf_token=principal.csrf_token,
                expires_at=principal.expires_at,
                auth_method=principal.method,
            )
        )
