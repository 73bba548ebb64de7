"""Test harness: a real PostgreSQL (embedded, or TEST_DATABASE_URL), migrated once, emptied after each test."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from devtools.simulators._server import serve_in_thread
from devtools.simulators.auth_service.app import AuthSimState
from devtools.simulators.auth_service.app import create_app as create_auth_sim
from devtools.simulators.flussonic.app import SimulatorState
from devtools.simulators.flussonic.app import create_app as create_flussonic_sim
from playlist_service.admins.service import digest, new_secret
from playlist_service.app import create_app
from playlist_service.db.base import Base
from playlist_service.settings import Settings
from tests.factories import AdminFactory, AdminSessionFactory

BACKEND = Path(__file__).resolve().parents[1]
TEST_PASSWORD = "correct horse battery staple"
FLUSSONIC_TEST_KEY = "flussonic-test-key"
AUTH_TEST_KEY = "auth-test-key"
_state: dict[str, Any] = {}


def alembic_config(url: str) -> Config:
    cfg = Config(str(BACKEND / "alembic.ini"))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def pytest_configure(config: pytest.Config) -> None:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        from devtools import embedded_pg

        data_dir = Path(tempfile.mkdtemp(prefix="playlist-test-pg-"))
        server = embedded_pg.start(data_dir, persistent=False)
        _state["server"], _state["data_dir"] = server, data_dir
        url = embedded_pg.ensure_database(server, "playlist_test")
        # A throwaway server: durability buys nothing and costs every commit an fsync.
        server.psql(
            "ALTER SYSTEM SET fsync = off; ALTER SYSTEM SET synchronous_commit = off; "
            "ALTER SYSTEM SET full_page_writes = off; SELECT pg_reload_conf();"
        )
    _state["url"] = url
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    try:
        command.upgrade(alembic_config(url), "head")
    finally:
        if previous is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = previous


def pytest_unconfigure(config: pytest.Config) -> None:
    server = _state.pop("server", None)
    if server is not None:
        server.cleanup()
        shutil.rmtree(_state.pop("data_dir"), ignore_errors=True)


@pytest.fixture(scope="session")
def database_url() -> str:
    return str(_state["url"])


def make_settings(database_url: str, **overrides: str) -> Settings:
    env = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret-key-0123456789abcdef",
        "FLUSSONIC_URL": "http://127.0.0.1:9",
        "FLUSSONIC_API_KEY": FLUSSONIC_TEST_KEY,
        "AUTH_SERVICE_URL": "http://127.0.0.1:9",
        "AUTH_SERVICE_API_KEY": AUTH_TEST_KEY,
        "AUTH_SYNC_WORKER": "false",
        "LOG_LEVEL": "warning",
    }
    env.update(overrides)
    return Settings.from_env(env)


@pytest.fixture(scope="session")
def flussonic_server() -> Iterator[tuple[str, SimulatorState]]:
    """The Flussonic simulator on a real loopback port for the whole session."""
    state = SimulatorState(token=FLUSSONIC_TEST_KEY)
    with serve_in_thread(create_flussonic_sim(state)) as url:
        yield url, state


@pytest.fixture(scope="session")
def auth_server() -> Iterator[tuple[str, AuthSimState]]:
    """The Auth Service simulator on a real loopback port for the whole session."""
    state = AuthSimState(api_key=AUTH_TEST_KEY)
    with serve_in_thread(create_auth_sim(state)) as url:
        yield url, state


@pytest.fixture
def flussonic_sim(flussonic_server: tuple[str, SimulatorState]) -> Iterator[SimulatorState]:
    """The simulator's state, reset to the seed line-up around each test."""
    state = flussonic_server[1]
    state.reset()
    yield state
    state.reset()


@pytest.fixture
def auth_sim(auth_server: tuple[str, AuthSimState]) -> Iterator[AuthSimState]:
    state = auth_server[1]
    state.reset()
    yield state
    state.reset()


@pytest.fixture(scope="session")
def settings(
    database_url: str,
    flussonic_server: tuple[str, SimulatorState],
    auth_server: tuple[str, AuthSimState],
) -> Settings:
    return make_settings(
        database_url,
        FLUSSONIC_URL=flussonic_server[0],
        FLUSSONIC_API_KEY=FLUSSONIC_TEST_KEY,
        FLUSSONIC_TIMEOUT="2",
        AUTH_SERVICE_URL=auth_server[0],
        AUTH_SERVICE_API_KEY=AUTH_TEST_KEY,
        AUTH_SERVICE_TIMEOUT="1",
    )


@pytest.fixture(scope="session")
def app(settings: Settings) -> Litestar:
    return create_app(settings)


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    eng = create_async_engine(database_url)
    yield eng
    await eng.dispose()


_CLEANUP = [f'DELETE FROM "{t.name}"' for t in reversed(Base.metadata.sorted_tables)]
_RESTART_IDS = "SELECT " + ", ".join(
    f"setval(pg_get_serial_sequence('{t.name}', 'id'), 1, false)"
    for t in Base.metadata.sorted_tables
    if "id" in t.c and t.c.id.identity is not None
)


@pytest.fixture(autouse=True)
async def clean_database(engine: AsyncEngine) -> AsyncIterator[None]:
    yield
    # DELETE, children first, then identities back to 1: on tables this small it is ~20x faster than
    # TRUNCATE ... RESTART IDENTITY, which creates new files for every table on each call.
    async with engine.begin() as conn:
        for statement in _CLEANUP:
            await conn.execute(text(statement))
        await conn.execute(text(_RESTART_IDS))


@pytest.fixture
async def db(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with async_sessionmaker(engine, expire_on_commit=False)() as session:
        yield session


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with AsyncTestClient(app=app, base_url="http://testserver.local") as test_client:
        yield test_client


@pytest.fixture(scope="session")
def password_hash() -> str:
    from playlist_service.admins.passwords import hash_password

    return hash_password(TEST_PASSWORD)


@pytest.fixture
async def admin(db: AsyncSession, password_hash: str) -> dict[str, Any]:
    row = await AdminFactory.add(db, username="admin", password_hash=password_hash)
    return {"id": row.id, "username": "admin", "password": TEST_PASSWORD}


@pytest.fixture
async def auth_client(
    client: AsyncTestClient[Litestar], db: AsyncSession, admin: dict[str, Any], settings: Settings
) -> AsyncTestClient[Litestar]:
    """A client signed in as ``admin``: a session row made directly (argon2 is slow by design)."""
    token, csrf = new_secret(), new_secret()
    expires_at = datetime.now(UTC) + timedelta(seconds=settings.session_timeout)
    await AdminSessionFactory.add(
        db, id_hash=digest(token, settings.secret_key), admin_id=admin["id"], csrf_token=csrf, expires_at=expires_at
    )
    client.cookies.set("session_id", token, domain="testserver.local")
    client.headers["X-CSRF-Token"] = csrf
    return client


class LogCapture(logging.Handler):
    """Records of the ``playlist_service`` loggers, formatted as an operator's log shows them."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    @property
    def text(self) -> str:
        return "\n".join(self.format(record) for record in self.records)


@pytest.fixture
def app_log() -> Iterator[LogCapture]:
    """What the app logs. Not caplog: a second app's start-up reconfigures the root logger's handlers."""
    capture = LogCapture()
    logger = logging.getLogger("playlist_service")
    logger.addHandler(capture)
    try:
        yield capture
    finally:
        logger.removeHandler(capture)


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


_DRIVER_QUERIES = ("fetch", "fetchrow", "fetchval")
"""asyncpg methods that raw-driver code (the playlist query) calls; SQLAlchemy's own statements go
through prepared statements instead, so counting both never counts one twice."""


@pytest.fixture
def count_queries(app: Litestar) -> Iterator[Any]:
    """``with count_queries() as counter: ...`` counts SQL statements the app runs: those through
    its SQLAlchemy engine and those sent on the asyncpg connection directly (SQLAlchemy's listener
    cannot see the latter)."""
    import asyncpg
    from advanced_alchemy.extensions.litestar import SQLAlchemyPlugin

    plugin = app.plugins.get(SQLAlchemyPlugin)
    sync_engine = plugin.config[0].get_engine().sync_engine  # type: ignore[index]

    @contextmanager
    def counting() -> Iterator[QueryCounter]:
        counter = QueryCounter()

        def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            counter.statements.append(statement)

        def counted(method: Any) -> Any:
            async def query(self: Any, statement: str, *args: Any, **kwargs: Any) -> Any:
                if statement != ";":  # SQLAlchemy's pool ping
                    counter.statements.append(statement)
                return await method(self, statement, *args, **kwargs)

            return query

        originals = {name: getattr(asyncpg.Connection, name) for name in _DRIVER_QUERIES}
        event.listen(sync_engine, "before_cursor_execute", before)
        for name, method in originals.items():
            setattr(asyncpg.Connection, name, counted(method))
        try:
            yield counter
        finally:
            event.remove(sync_engine, "before_cursor_execute", before)
            for name, method in originals.items():
                setattr(asyncpg.Connection, name, method)

    yield counting
