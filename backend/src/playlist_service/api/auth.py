"""Authentication for ``/api/v1``: a session cookie (with CSRF check) or an API key (Bearer).

The CSRF defence is the synchronizer-token pattern: each server-side session has its own random
token, handed to the SPA in the login and ``/auth/me`` answers; every unsafe request authenticated by
the cookie must echo it in ``X-CSRF-Token``. A cross-site form cannot read it, and SameSite on the
cookie is a second layer. API keys are not ambient credentials, so they need no CSRF token.
"""

from __future__ import annotations

from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig
from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from litestar.types import ASGIApp, Receive, Scope, Send

from playlist_service.admins import service as admin_service
from playlist_service.admins.service import Principal

API_PREFIX = "/api/v1"
SESSION_COOKIE = "session_id"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PUBLIC_PATHS = frozenset({f"{API_PREFIX}/auth/login"})


class AuthMiddleware(AbstractAuthenticationMiddleware):
    def __init__(self, app: ASGIApp, *, alchemy: SQLAlchemyAsyncConfig, session_timeout: int) -> None:
        super().__init__(app, scopes=None)
        self.alchemy = alchemy
        self.session_timeout = session_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != ScopeType.HTTP or not path.startswith(f"{API_PREFIX}/") or path in PUBLIC_PATHS:
            await self.app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    async def authenticate_request(self, connection: ASGIConnection) -> AuthenticationResult:  # type: ignore[type-arg]
        method = connection.scope.get("method", "GET")
        authorization = connection.headers.get("authorization", "")
        # The request's own session (the one handlers get as ``db_session``; the plugin's
        # before-send hook commits or rolls it back and closes it): one connection per request.
        db = self.alchemy.provide_session(connection.app.state, connection.scope)
        if authorization.lower().startswith("bearer "):
            principal = await admin_service.resolve_api_key(db, authorization[7:].strip())
            if principal is None:
                raise NotAuthorizedException("Invalid or revoked API key")
            if principal.read_only and method not in SAFE_METHODS:
                raise PermissionDeniedException("This API key is read-only")
            return AuthenticationResult(user=principal, auth=principal)
        token = connection.cookies.get(SESSION_COOKIE)
        principal = None
        if token:
            principal = await admin_service.resolve_session(db, token, session_timeout=self.session_timeout)
        if principal is None:
            raise NotAuthorizedException("Authentication required: please sign in")
        if method not in SAFE_METHODS and not admin_service.csrf_matches(
            principal.csrf_token, connection.headers.get(CSRF_HEADER)
        ):
            raise PermissionDeniedException(
                "Missing or invalid CSRF token: send the token from /auth/me in the X-CSRF-Token header"
            )
        return AuthenticationResult(user=principal, auth=principal)


def principal_of(connection: ASGIConnection) -> Principal:  # type: ignore[type-arg]
    user = connection.scope.get("user")
    if not isinstance(user, Principal):
        raise NotAuthorizedException("Authentication required: please sign in")
    return user
