"""``/api-keys``: admins create, list and revoke keys for third-party systems and scripts."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, delete, get, post
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers.base import BaseRouteHandler
from litestar.params import JSONBody, Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.auth import principal_of
from playlist_service.api.envelope import Envelope, Page, ok, page_of
from playlist_service.api.pagination import DEFAULT_PER_PAGE, PageParam, PerPageParam, offset
from playlist_service.api.responses import error_responses
from playlist_service.api_keys import service
from playlist_service.api_keys.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyRead
from playlist_service.catalog_rules import MAX_ID
from playlist_service.errors import ForbiddenError
from playlist_service.settings import Settings

KeyId = Annotated[int, Parameter(ge=1, le=MAX_ID, description="API key id")]


def session_admin_only(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """A leaked key must not be able to mint more keys or revoke the others."""
    if principal_of(connection).method != "session":
        raise ForbiddenError("API keys can only be managed by a signed-in admin, not with an API key")


class ApiKeyController(Controller):
    path = "/api-keys"
    tags = ["API keys"]
    guards = [session_admin_only]

    @get("/", operation_id="listApiKeys")
    async def list_api_keys(
        self,
        db_session: NamedDependency[AsyncSession],
        page: PageParam = 1,
        per_page: PerPageParam = DEFAULT_PER_PAGE,
    ) -> Envelope[Page[ApiKeyRead]]:
        """List API keys (never their secrets), revoked ones last."""
        items, total = await service.list_keys(db_session, offset=offset(page, per_page), limit=per_page)
        return page_of(items, total=total, page=page, per_page=per_page)

    @post("/", operation_id="createApiKey", status_code=201, responses=error_responses(409))
    async def create_api_key(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[ApiKeyCreate],
        db_session: NamedDependency[AsyncSession],
        settings: NamedDependency[Settings],
    ) -> Envelope[ApiKeyCreated]:
        """Create a named key; the answer holds the secret, which is never shown again."""
        # The key works while the admin who created it is active (admins/service.resolve_api_key).
        admin_id = principal_of(request).admin_id
        return ok(await service.create(db_session, data, admin_id=admin_id, secret_key=settings.secret_key))

    @delete("/{key_id:int}", operation_id="revokeApiKey", status_code=200, responses=error_responses(404))
    async def revoke_api_key(self, key_id: KeyId, db_session: NamedDependency[AsyncSession]) -> Envelope[ApiKeyRead]:
        """Revoke a key: it stops working at once; the row stays, with ``revoked_at`` set."""
        return ok(await service.revoke(db_session, key_id))
