"""Authentication for ``/api/v1``: a session cookie (with CSRF check) or an API key (Bearer).

The CSRF defence is the synchronizer-token pattern: each server-side session has its own random
token, handed to the SPA in the login and ``/auth/me`` answers; every unsafe request authenticated by
the cookie must echo it in ``X-CSRF-Token``. A cross-site form cannot read it, and SameSite on the
cookie is a second layer. API keys are not ambient credentials, so they need no CSRF token.

Sessions slide: when a request moves a session's expiry on, the cookie is sent again with a fresh
Max-Age, so an active admin's browser keeps it for as long as the server does.
"""

from __future__ import annotations

from datetime import UTC, datetime

from advanced_alchemy.extensions.litestar import SQLAlchemyAsyncConfig
from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie, MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from playlist_service.admins import service as admin_service
from playlist_service.admins.service import Principal
from playlist_service.settings import Settings

API_PREFIX = "/api/v1"
SESSION_COOKIE = "session_id"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PUBLIC_PATHS = frozenset({f"{API_PREFIX}/auth/login"})


def session_cookie(settings: Settings, token: str, expires_at: datetime) -> Cookie:
    """The ``session_id`` cookie, at login and again whenever the session slides."""
    return Cookie(
        key=SESSION_COOKIE,
        value=token,
        httponly=True,
        secure=settings.session_cookie_secure,
        samesite=settings.session_cookie_samesite,
        path="/",
        max_age=max(0, round((expires_at - datetime.now(UTC)).total_seconds())),
    )


class AuthMiddleware(AbstractAuthenticationMiddleware):
    def __init__(self, app: ASGIApp, *, alchemy: SQLAlchemyAsyncConfig, settings: Settings) -> None:
        super().__init__(app, scopes=None)
        self.alchemy = alchemy
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != ScopeType.HTTP or not path.startswith(f"{API_PREFIX}/") or path in PUBLIC_PATHS:
            await self.app(scope, receive, send)
            return

        async def send_renewed_cookie(message: Message) -> None:
            principal = scope.get("user")
            if message["type"] == "http.response.start" and isinstance(principal, Principal) and principal.renewed:
                headers = MutableScopeHeaders.from_message(message)
                # Logout clears the cookie itself: never put it back.
                sets_own = any(v.startswith(f"{SESSION_COOKIE}=") for v in headers.getall("set-cookie", []))
                token = ASGIConnection(scope).cookies.get(SESSION_COOKIE)
                if token and principal.expires_at and not sets_own:
                    name, value = session_cookie(self.settings, token, principal.expires_at).to_encoded_header()
                    headers.add(name.decode("latin-1"), value.decode("latin-1"))
            await send(message)

        await super().__call__(scope, receive, send_renewed_cookie)

    async def authenticate_request(self, connection: ASGIConnection) -> AuthenticationResult:  # type: ignore[type-arg]
        method = connection.scope.get("method", "GET")
        authorization = connection.headers.get("authorization", "")
        # The request's own session (the one handlers get as ``db_session``; the plugin's
        # before-send hook commits or rolls it back and closes it): one connection per request.
        db = self.alchemy.provide_session(connection.app.state, connection.scope)
        if authorization.lower().startswith("bearer "):
            principal = await admin_service.resolve_api_key(db, authorization[7:].strip(), self.settings)
            if principal is None:
                raise NotAuthorizedException("Invalid or revoked API key")
            if principal.read_only and method not in SAFE_METHODS:
                raise PermissionDeniedException("This API key is read-only")
            return AuthenticationResult(user=principal, auth=principal)
        token = connection.cookies.get(SESSION_COOKIE)
        principal = None
        if token:
            principal = await admin_service.resolve_session(db, token, self.settings)
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
