"""Record which subscribers a catalogue change affects, durably, in the change's own transaction.

A change to the catalogue (channel↔package, tariff↔package, deletions, a Flussonic sync that
orphans or restores channels, a subscriber's own assignments) alters some subscribers' allowed
streams at the Auth Service. Each such change calls one of these functions before it commits; the
statement inserts one ``auth_sync_events`` row holding the affected user ids (computed in SQL, so the
request stays fast at 10,000 users). The background worker (``sync/auth_sync.py``) turns events into
per-user pushes. Call them *before* a delete, while the links that name the users still exist.
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


async def record_impact(db: AsyncSession, reason: str, users: Select[tuple[int]]) -> None:
    """Insert one outbox event naming every user ``users`` selects (nothing when it selects none)."""
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
