"""Engine and session wiring through advanced-alchemy's Litestar plugin."""

from __future__ import annotations

from advanced_alchemy.extensions.litestar import (
    AlembicAsyncConfig,
    AsyncSessionConfig,
    EngineConfig,
    SQLAlchemyAsyncConfig,
)

from playlist_service.db.base import Base
from playlist_service.settings import Settings


def make_alchemy_config(settings: Settings) -> SQLAlchemyAsyncConfig:
    return SQLAlchemyAsyncConfig(
        connection_string=settings.database_url,
        metadata=Base.metadata,
        engine_config=EngineConfig(
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_timeout=settings.db_pool_timeout,
            pool_pre_ping=True,
            echo=settings.db_echo,
            # SQL errors and DB_ECHO show statements, never their values (tokens, key digests).
            hide_parameters=True,
        ),
        session_config=AsyncSessionConfig(expire_on_commit=False),
        before_send_handler="autocommit",
        # Our own exception map (api/errors.py) is the only one.
        set_default_exception_handler=False,
        # Timestamps come from the database (onupdate=now()), not from advanced-alchemy's listener.
        enable_touch_updated_timestamp_listener=False,
        alembic_config=AlembicAsyncConfig(script_location="src/playlist_service/db/migrations"),
    )
