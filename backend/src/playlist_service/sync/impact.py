"""Record which subscribers a catalogue change affects, durably, in the change's own transaction.

A change to the catalogue (channel↔package, tariff↔package, deletions, a Flussonic sync that
orphans or restores channels) alters some subscribers' allowed streams at the Auth Service. Each such
change inserts one ``auth_sync_events`` row before it commits; the background worker
(``sync/auth_sync.py``) turns events into per-user pushes.

Which users, and when they are found:

* A change that keeps the rows (a package's channels, a tariff's packages, a channel orphaned or
  restored) records only *what* changed: :func:`record_packages`, :func:`record_tariffs`,
  :func:`record_channels`. The worker resolves their users when it reads the event, i.e. after
  the change committed (:data:`EVENT_USERS_SQL`).
* A deletion records the users *before* the rows go (:func:`record_impact` with
  :func:`users_of_packages`, ...), since the cascade takes the links that name them. Call it
  after locking the deleted row, while the links still exist.

Why resolve after the commit: under READ COMMITTED, users computed inside the change's transaction
miss an assignment another transaction is committing at the same moment (an admin giving a user
the package whose channels are changing). That user's own push reads the catalogue before the change
commits, and the event does not name them either: their allowed streams stay wrong for good. Resolved
after the commit, every user is covered. The worker reads the event in a statement whose snapshot
starts after the change committed (the event is visible to it). A concurrent assignment either
committed before that snapshot, so the statement sees it and marks the user pending, or commits after
it, and then the user's own push starts after the assignment commits, later still than the change,
and reads the new catalogue. The same holds for two catalogue changes racing each other (a channel
added to a package while the package joins a tariff). For deletions, a row lock orders them with
assignments: the deleting transaction locks the row before it computes the users, and an assignment
inserting a link takes a key-share lock on the same row through its foreign key, so whichever comes
second sees the other's committed result (or fails on the deleted row).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Integer, Select, bindparam, func, literal, select, union
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.db.models import (
    AuthSyncEvent,
    package_channels,
    tariff_packages,
    user_channels,
    user_packages,
    user_tariffs,
)


def users_of_packages(package_ids: Sequence[int]) -> Select[tuple[int]]:
    """Users holding any of these packages directly or through a tariff."""
    ids = bindparam("package_ids", list(package_ids), type_=ARRAY(Integer))
    direct = select(user_packages.c.user_id).where(user_packages.c.package_id == func.any(ids))
    via_tariff = (
        select(user_tariffs.c.user_id)
        .join(tariff_packages, tariff_packages.c.tariff_id == user_tariffs.c.tariff_id)
        .where(tariff_packages.c.package_id == func.any(ids))
    )
    return select(union(direct, via_tariff).subquery().c.user_id)


def users_of_tariffs(tariff_ids: Sequence[int]) -> Select[tuple[int]]:
    ids = bindparam("tariff_ids", list(tariff_ids), type_=ARRAY(Integer))
    return select(user_tariffs.c.user_id).where(user_tariffs.c.tariff_id == func.any(ids)).distinct()


def users_of_channels(channel_ids: Sequence[int]) -> Select[tuple[int]]:
    """Users who hold any of these channels directly, through a package, or through a tariff."""
    ids = bindparam("channel_ids", list(channel_ids), type_=ARRAY(Integer))
    direct = select(user_channels.c.user_id).where(user_channels.c.channel_id == func.any(ids))
    packages = select(package_channels.c.package_id).where(package_channels.c.channel_id == func.any(ids))
    by_package = select(user_packages.c.user_id).where(user_packages.c.package_id.in_(packages))
    by_tariff = (
        select(user_tariffs.c.user_id)
        .join(tariff_packages, tariff_packages.c.tariff_id == user_tariffs.c.tariff_id)
        .where(tariff_packages.c.package_id.in_(packages))
    )
    return select(union(direct, by_package, by_tariff).subquery().c.user_id)


EVENT_USERS_SQL = """
    packages AS (
        SELECT unnest(package_ids) AS id FROM ev
        UNION SELECT package_id FROM package_channels WHERE channel_id IN (SELECT unnest(channel_ids) FROM ev)
    ), tariffs AS (
        SELECT unnest(tariff_ids) AS id FROM ev
        UNION SELECT tariff_id FROM tariff_packages WHERE package_id IN (SELECT id FROM packages)
    ), affected AS (
        SELECT unnest(user_ids) AS id FROM ev
        UNION SELECT user_id FROM user_channels WHERE channel_id IN (SELECT unnest(channel_ids) FROM ev)
        UNION SELECT user_id FROM user_packages WHERE package_id IN (SELECT id FROM packages)
        UNION SELECT user_id FROM user_tariffs WHERE tariff_id IN (SELECT id FROM tariffs)
    )"""
"""CTEs resolving the users named by the events in a CTE ``ev`` (columns ``user_ids``,
``package_ids``, ``tariff_ids``, ``channel_ids``) into ``affected(id)``: the same rules as
:func:`users_of_packages`, :func:`users_of_tariffs` and :func:`users_of_channels`."""


async def record_packages(db: AsyncSession, reason: str, package_ids: Sequence[int]) -> None:
    """The channels of these packages changed: their users, directly and through tariffs."""
    await _record(db, reason, package_ids=package_ids)


async def record_tariffs(db: AsyncSession, reason: str, tariff_ids: Sequence[int]) -> None:
    """The packages of these tariffs changed."""
    await _record(db, reason, tariff_ids=tariff_ids)


async def record_channels(db: AsyncSession, reason: str, channel_ids: Sequence[int]) -> None:
    """These channels changed playability (orphaned, restored)."""
    await _record(db, reason, channel_ids=channel_ids)


async def _record(
    db: AsyncSession,
    reason: str,
    *,
    package_ids: Sequence[int] = (),
    tariff_ids: Sequence[int] = (),
    channel_ids: Sequence[int] = (),
) -> None:
    if package_ids or tariff_ids or channel_ids:
        values = {
            "reason": reason[:100],
            "package_ids": sorted(set(package_ids)),
            "tariff_ids": sorted(set(tariff_ids)),
            "channel_ids": sorted(set(channel_ids)),
        }
        await db.execute(insert(AuthSyncEvent).values(**values))


async def record_impact(db: AsyncSession, reason: str, users: Select[tuple[int]]) -> None:
    """Insert one outbox event naming every user ``users`` selects now (nothing when it selects
    none). For deletions only: see the module docstring."""
    affected = users.subquery()
    stmt = insert(AuthSyncEvent).from_select(
        ["reason", "user_ids"],
        select(literal(reason[:100]), func.array_agg(affected.c.user_id)).having(func.count() > 0),
    )
    await db.execute(stmt)


async def record_users(db: AsyncSession, reason: str, user_ids: Sequence[int]) -> None:
    """Insert one outbox event for an explicit list of users."""
    if user_ids:
        db.add(AuthSyncEvent(reason=reason[:100], user_ids=sorted(set(user_ids))))
        await db.flush()
