"""A PostgreSQL session-level advisory lock, taken without waiting, shared by every app instance."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)


@asynccontextmanager
async def try_advisory_lock(engine: AsyncEngine, key: int) -> AsyncIterator[bool]:
    """``pg_try_advisory_lock(key)`` for the duration of the block; yields whether it was taken.

    On a connection of its own in autocommit mode, so holding the lock holds no transaction open
    however long the block runs. PostgreSQL keeps the lock until it is released or that connection
    ends, so a process that dies while holding it frees it with its connection. If the release
    itself fails, the connection is invalidated rather than pooled: a pooled connection still holding
    the lock would block every later holder.
    """
    conn = await engine.connect()
    try:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        locked = bool((await conn.execute(select(func.pg_try_advisory_lock(key)))).scalar_one())
    except BaseException:
        await conn.close()
        raise
    if not locked:
        await conn.close()
        yield False
        return
    try:
        yield True
    finally:
        try:
            await conn.execute(select(func.pg_advisory_unlock(key)))
        except BaseException as exc:
            log.warning("Could not release advisory lock %#x (%s); closing its connection", key, type(exc).__name__)
            await conn.invalidate()
            if not isinstance(exc, Exception):
                raise
        finally:
            await conn.close()
