"""polyfactory factories, one per model: ``channel = await ChannelFactory.add(db, group_id=group.id)``.

- Relationships are ``Ignore()``d: pass parent ids, and link rows with :func:`link`.
- Unique columns come from a counter through ``Use(...)``, so a test can make any number of rows.
- Every other column with a default, a server default, or that may be NULL is left to the model and the
  database unless the test passes it, so a test states only what it is about. Server defaults are not
  read back (``await db.refresh(row)`` when a test needs one).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from functools import cache
from itertools import count
from typing import Any, TypeVar

from polyfactory import Ignore, Use
from polyfactory.factories.sqlalchemy_factory import SQLAlchemyFactory
from sqlalchemy import Column, Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.admins.passwords import hash_password
from playlist_service.admins.service import digest, new_secret
from playlist_service.db.models import (
    Admin,
    AdminSession,
    ApiKey,
    ApiKeyScope,
    AuthSyncEvent,
    AuthTokenDeletion,
    Channel,
    FlussonicSyncRun,
    Group,
    LoginAttempt,
    Package,
    SyncRunStatus,
    Tariff,
    User,
)

T = TypeVar("T")
FACTORY_PASSWORD = "factory password 1"
STREAM_BASE_URL = "http://stream.example.test:8085"
_counter = count(1)


def numbered(template: str) -> Callable[[], str]:
    """``numbered("group-{:04d}")`` -> group-0001, group-0002, ... (one counter for every factory)."""
    return lambda: template.format(next(_counter))


@cache
def _factory_password_hash() -> str:
    return hash_password(FACTORY_PASSWORD)  # argon2 is slow by design: once per test session


class _Factory(SQLAlchemyFactory[T]):
    __is_base_factory__ = True
    __set_primary_key__ = False  # identities come from the database
    __set_foreign_keys__ = False  # parents are passed explicitly (group_id=group.id)

    @classmethod
    def should_column_be_set(cls, column: Any) -> bool:
        if not super().should_column_be_set(column):
            return False
        assert isinstance(column, Column)
        return not (column.nullable or column.default is not None or column.server_default is not None)

    @classmethod
    async def add(cls, db: AsyncSession, **kwargs: Any) -> T:
        """Build one row, insert and commit it."""
        row = cls.build(**kwargs)
        db.add(row)
        await db.commit()
        return row

    @classmethod
    async def add_batch(cls, db: AsyncSession, size: int, **kwargs: Any) -> list[T]:
        """Build ``size`` rows (the same ``kwargs`` for each), insert them in one flush and commit."""
        return await save(db, cls.batch(size, **kwargs))


async def save(db: AsyncSession, rows: list[T]) -> list[T]:
    """Insert rows built one by one (``[ChannelFactory.build(sort_order=i) for i in ...]``) and commit."""
    db.add_all(rows)
    await db.commit()
    return rows


async def link(db: AsyncSession, table: Table, pairs: Iterable[tuple[int, int]]) -> None:
    """Rows of an association table (``package_channels``: (package_id, channel_id), ...), committed."""
    left, right = (column.name for column in table.primary_key.columns)
    values = [{left: a, right: b} for a, b in pairs]
    if values:
        await db.execute(insert(table), values)
    await db.commit()


class AdminFactory(_Factory[Admin]):
    username = Use(numbered("admin-{:04d}"))
    password_hash = Use(_factory_password_hash)  # the password is FACTORY_PASSWORD


class AdminSessionFactory(_Factory[AdminSession]):
    __set_primary_key__ = True  # the key is the cookie's digest, not an identity
    id_hash = Use(lambda: digest(new_secret()))
    csrf_token = Use(new_secret)
    expires_at = Use(lambda: datetime.now(UTC) + timedelta(days=1))


class LoginAttemptFactory(_Factory[LoginAttempt]):
    username = "admin"
    client_ip = "127.0.0.1"


class ApiKeyFactory(_Factory[ApiKey]):
    name = Use(numbered("key-{:04d}"))
    key_hash = Use(lambda: digest(secrets.token_urlsafe(32)))
    prefix = "pls_factory"
    scope = ApiKeyScope.READ_ONLY


class GroupFactory(_Factory[Group]):
    name = Use(numbered("Group {:04d}"))


class ChannelFactory(_Factory[Channel]):
    stream_name = Use(numbered("stream-{:04d}"))
    stream_base_url = STREAM_BASE_URL
    group = Ignore()
    packages = Ignore()


class PackageFactory(_Factory[Package]):
    name = Use(numbered("Package {:04d}"))


class TariffFactory(_Factory[Tariff]):
    name = Use(numbered("Tariff {:04d}"))
    packages = Ignore()


class UserFactory(_Factory[User]):
    first_name = "Ivan"
    last_name = "Ivanov"
    agreement_number = Use(numbered("AG-{:05d}"))
    token = Use(lambda: secrets.token_urlsafe(24))
    tariffs = Ignore()
    packages = Ignore()
    channels = Ignore()


class AuthSyncEventFactory(_Factory[AuthSyncEvent]):
    reason = "test"


class AuthTokenDeletionFactory(_Factory[AuthTokenDeletion]):
    auth_token_id = Use(lambda: next(_counter))
    token = Use(lambda: secrets.token_urlsafe(24))


class FlussonicSyncRunFactory(_Factory[FlussonicSyncRun]):
    status = SyncRunStatus.SUCCEEDED
