"""``/users`` (spec §7.3 Users) and ``/settings/ui``."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, delete, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody, Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.api.envelope import Deleted, Envelope, Page, ok, page_of
from playlist_service.api.pagination import DEFAULT_PER_PAGE, PageParam, PerPageParam, SearchParam
from playlist_service.api.responses import error_responses
from playlist_service.channels.logos import ACCEPTED_TYPES
from playlist_service.db.models import AuthSyncStatus, UserStatus
from playlist_service.settings import Settings
from playlist_service.subscribers.schemas import (
    AuthSyncState,
    ResyncQueued,
    UiSettings,
    UserCreate,
    UserListItem,
    UserRead,
    UserUpdate,
)
from playlist_service.subscribers.service import SubscriberService
from playlist_service.sync.auth_sync import AuthSync

UserId = Annotated[int, Parameter(ge=1, le=2_147_483_647, description="User id")]


def provide_subscriber_service(
    db_session: NamedDependency[AsyncSession], settings: NamedDependency[Settings], auth_sync: NamedDependency[AuthSync]
) -> SubscriberService:
    return SubscriberService(db_session, settings, auth_sync)


class UserController(Controller):
    path = "/users"
    tags = ["Users"]
    dependencies = {"service": Provide(provide_subscriber_service, sync_to_thread=False)}

    @get("/", operation_id="listUsers")
    async def list_users(
        self,
        service: NamedDependency[SubscriberService],
        page: PageParam = 1,
        per_page: PerPageParam = DEFAULT_PER_PAGE,
        search: SearchParam = None,
        status: Annotated[UserStatus | None, Parameter(description="Only users with this status")] = None,
        tariff_id: Annotated[
            int | None, Parameter(ge=1, le=2_147_483_647, description="Only users with this tariff")
        ] = None,
        auth_sync_status: Annotated[
            AuthSyncStatus | None, Parameter(description="Only users in this Auth Service sync state")
        ] = None,
        include_assignments: Annotated[
            bool, Parameter(description="Also each user's packages and direct channels (for exports)")
        ] = False,
    ) -> Envelope[Page[UserListItem]]:
        """List users, ordered by last name, first name.

        ``search``: every whitespace-separated term must be a case-insensitive prefix of the first
        name, the last name or the agreement number (``iv ag-0`` finds Ivanov with AG-001).
        """
        items, total = await service.list_page(
            page=page,
            per_page=per_page,
            search=search,
            status=status,
            tariff_id=tariff_id,
            auth_sync_status=auth_sync_status,
            include_assignments=include_assignments,
        )
        return page_of(items, total=total, page=page, per_page=per_page)

    @post("/", operation_id="createUser", status_code=201, responses=error_responses(409, 502))
    async def create_user(
        self, data: JSONBody[UserCreate], service: NamedDependency[SubscriberService]
    ) -> Envelope[UserRead]:
        """Create a user and register their token with the Auth Service.

        A 502 AUTH_SERVICE_ERROR means the user *was* saved; the Auth Service is retried in the
        background (see ``auth_sync`` in ``GET /users/{id}``). Its ``error.details`` holds
        ``{"field": "id", "message": "<the new user's id>"}``: open that user rather than creating
        it again (which would be a 409).
        """
        return ok(await service.create(data))

    @post("/auth-sync", operation_id="resyncAllUsers", status_code=202)
    async def resync_all(self, service: NamedDependency[SubscriberService]) -> Envelope[ResyncQueued]:
        """Queue every user for a push to the Auth Service (the background worker does it)."""
        return ok(ResyncQueued(marked=await service.resync_all()))

    @get("/{user_id:int}", operation_id="getUser", responses=error_responses(404))
    async def get_user(self, user_id: UserId, service: NamedDependency[SubscriberService]) -> Envelope[UserRead]:
        """Get a user with assigned tariffs, packages and channels, token, validity and sync state."""
        return ok(await service.get(user_id))

    @patch("/{user_id:int}", operation_id="updateUser", responses=error_responses(404, 409, 502))
    async def update_user(
        self, user_id: UserId, data: JSONBody[UserUpdate], service: NamedDependency[SubscriberService]
    ) -> Envelope[UserRead]:
        """Update a user (only the fields sent) and push the change to the Auth Service.

        Lists (``tariff_ids``, ``package_ids``, ``channel_ids``) replace the assignment. A 502
        AUTH_SERVICE_ERROR means the change was saved but the Auth Service is not updated yet: it
        was down, or another push of this user was still running (the message says which). Either
        way the user stays ``pending`` and the change is pushed automatically.
        """
        return ok(await service.update(user_id, data))

    @delete("/{user_id:int}", operation_id="deleteUser", status_code=200, responses=error_responses(404, 409, 502))
    async def delete_user(self, user_id: UserId, service: NamedDependency[SubscriberService]) -> Envelope[Deleted]:
        """Delete a user and their token at the Auth Service.

        A 502 means the user *is* deleted here; removing the token is retried in the background.
        A 409 CONFLICT means a push of this user to the Auth Service is still running (a slow
        Auth Service): nothing was deleted; try again in a moment.
        """
        await service.delete(user_id)
        return ok(Deleted(id=user_id))

    @post(
        "/{user_id:int}/regenerate-token",
        operation_id="regenerateUserToken",
        status_code=200,
        responses=error_responses(404, 409, 502),
    )
    async def regenerate_token(
        self, user_id: UserId, service: NamedDependency[SubscriberService]
    ) -> Envelope[UserRead]:
        """Give the user a new token (playlists must be downloaded again).

        200: the new token plays and the old one no longer does. 502 AUTH_SERVICE_ERROR: the new
        token is saved but the Auth Service is not in step yet; the message says whether the old
        token may still play. Retried automatically. 409 CONFLICT: a push of this user is still
        running; nothing changed, try again in a moment.
        """
        return ok(await service.regenerate_token(user_id))

    @post(
        "/{user_id:int}/auth-sync",
        operation_id="syncUserToAuthService",
        status_code=200,
        responses=error_responses(404, 502),
    )
    async def sync_user(self, user_id: UserId, service: NamedDependency[SubscriberService]) -> Envelope[AuthSyncState]:
        """Push this user to the Auth Service now (repairs whatever differs there)."""
        return ok(await service.resync(user_id))


class UiSettingsController(Controller):
    path = "/settings"
    tags = ["Settings"]

    @get("/ui", operation_id="getUiSettings")
    async def ui_settings(self, settings: NamedDependency[Settings]) -> Envelope[UiSettings]:
        """Settings the SPA needs: the operator's time zone (in which picked dates are read) and logo limits."""
        return ok(
            UiSettings(
                operator_timezone=settings.operator_timezone,
                logo_max_bytes=settings.logo_max_bytes,
                logo_types=list(ACCEPTED_TYPES),
            )
        )
