"""``create_app(settings)``: the one place where the application is wired together."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from advanced_alchemy.extensions.litestar import SQLAlchemyPlugin
from litestar import Litestar, Request, Router
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.types import ControllerRouterHandler

from playlist_service.admins.controller import AuthController
from playlist_service.api.auth import API_PREFIX, PUBLIC_PATHS, AuthMiddleware
from playlist_service.api.content_type import require_json_content_type, require_strict_json_body
from playlist_service.api.errors import EXCEPTION_HANDLERS, check_query
from playlist_service.api.openapi import document_errors, mark_file_downloads, openapi_config, tidy_schema_names
from playlist_service.api.request_id import RequestIdMiddleware
from playlist_service.api_keys.controller import ApiKeyController
from playlist_service.channels.controller import ChannelController
from playlist_service.dashboard.controller import DashboardController
from playlist_service.db.config import make_alchemy_config
from playlist_service.groups.controller import GroupController
from playlist_service.health.controller import HealthController
from playlist_service.integrations.auth_service import AuthServiceClient
from playlist_service.integrations.factory import auth_service_config, flussonic_config
from playlist_service.integrations.flussonic import FlussonicClient
from playlist_service.logging import configure_logging
from playlist_service.lookup.controller import LookupController
from playlist_service.packages.controller import PackageController
from playlist_service.playlists.controller import PlaylistController
from playlist_service.settings import Settings
from playlist_service.subscribers.controller import UiSettingsController, UserController
from playlist_service.sync.auth_controller import AuthSyncController
from playlist_service.sync.auth_reconcile import ReconcileScheduler
from playlist_service.sync.auth_sync import AuthSync, AuthSyncWorker
from playlist_service.sync.flussonic_controller import FlussonicController
from playlist_service.tariffs.controller import TariffController

log = logging.getLogger("playlist_service")

# Every /api/v1 controller, in the order they appear in the docs.
V1_CONTROLLERS: Sequence[ControllerRouterHandler] = [
    AuthController,
    ApiKeyController,
    DashboardController,
    ChannelController,
    FlussonicController,
    GroupController,
    PackageController,
    TariffController,
    LookupController,
    UserController,
    PlaylistController,
    AuthSyncController,
    UiSettingsController,
]


def provide_flussonic(state: State) -> FlussonicClient:
    client: FlussonicClient = state.flussonic
    return client


def provide_auth_service(state: State) -> AuthServiceClient:
    client: AuthServiceClient = state.auth_service
    return client


def provide_auth_sync(state: State) -> AuthSync:
    sync: AuthSync = state.auth_sync
    return sync


async def before_request(request: Request[Any, Any, Any]) -> None:
    require_json_content_type(request)
    await check_query(request)
    await require_strict_json_body(request)


def create_app(settings: Settings) -> Litestar:
    configure_logging(settings.log_level)
    alchemy = make_alchemy_config(settings)
    session_maker = alchemy.create_session_maker()

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        # One HTTP client per integration for the process, closed on shutdown.
        app.state.flussonic = FlussonicClient(flussonic_config(settings))
        app.state.auth_service = AuthServiceClient(auth_service_config(settings))
        app.state.auth_sync = AuthSync(session_maker, app.state.auth_service, settings)
        worker = AuthSyncWorker(app.state.auth_sync, settings.auth_sync_interval) if settings.auth_sync_worker else None
        if worker is not None:
            app.state.auth_sync.wake = worker.wake
            worker.start()
        check_every = settings.auth_check_every
        checks = ReconcileScheduler(app.state.auth_sync, check_every) if check_every is not None else None
        app.state.reconcile_checks = checks
        if checks is not None:
            checks.start()
        log.info("Playlist Service started (API under %s)", API_PREFIX)
        try:
            yield
        finally:
            if checks is not None:
                await checks.stop()
            if worker is not None:
                await worker.stop()
            await app.state.flussonic.aclose()
            await app.state.auth_service.aclose()

    app = Litestar(
        route_handlers=[Router(path=API_PREFIX, route_handlers=list(V1_CONTROLLERS)), HealthController],
        plugins=[SQLAlchemyPlugin(config=alchemy)],
        dependencies={
            "settings": Provide(lambda: settings, sync_to_thread=False, use_cache=True),
            "flussonic": Provide(provide_flussonic, sync_to_thread=False),
            "auth_service": Provide(provide_auth_service, sync_to_thread=False),
            "auth_sync": Provide(provide_auth_sync, sync_to_thread=False),
        },
        middleware=[
            RequestIdMiddleware,
            DefineMiddleware(AuthMiddleware, alchemy=alchemy, settings=settings),
        ],
        exception_handlers=EXCEPTION_HANDLERS,
        before_request=before_request,
        openapi_config=openapi_config(),
        request_max_body_size=settings.max_request_body_bytes,
        lifespan=[lifespan],
        state=State({"settings": settings, "session_maker": session_maker}),
        debug=False,
    )
    tidy_schema_names(app.openapi_schema)
    document_errors(app.openapi_schema, API_PREFIX, PUBLIC_PATHS)
    mark_file_downloads(app.openapi_schema)
    return app
