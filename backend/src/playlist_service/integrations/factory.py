"""Build integration client configs from settings (one place, used by the app and by scripts)."""

from __future__ import annotations

from playlist_service.integrations.auth_service import AuthServiceConfig
from playlist_service.integrations.flussonic import FlussonicConfig
from playlist_service.settings import Settings


def flussonic_config(settings: Settings) -> FlussonicConfig:
    return FlussonicConfig(
        url=settings.flussonic_url,
        api_key=settings.flussonic_api_key,
        login=settings.flussonic_login,
        password=settings.flussonic_password,
        api_format=settings.flussonic_api_format,
        api_prefix=settings.flussonic_api_prefix,
        playback_url=settings.flussonic_playback_url,
        tvg_name_label=settings.flussonic_tvg_name_label,
        timeout=settings.flussonic_timeout,
        page_size=settings.flussonic_page_size,
        named_by=settings.flussonic_named_by,
        deadline=settings.flussonic_sync_deadline,
    )


def auth_service_config(settings: Settings) -> AuthServiceConfig:
    return AuthServiceConfig(
        url=settings.auth_service_url,
        api_key=settings.auth_service_api_key,
        timeout=settings.auth_service_timeout,
        time_format=settings.auth_service_time_format,
    )
