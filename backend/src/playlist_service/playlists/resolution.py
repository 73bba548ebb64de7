"""Which channels a subscriber gets (spec §6.2): one SQL statement, whatever the subscriber's size.

A subscriber's channels are the union, deduplicated, of

1. direct channels (``user_channels``),
2. channels of directly assigned packages (``user_packages`` → ``package_channels``),
3. channels of the packages of assigned tariffs (``user_tariffs`` → ``tariff_packages`` → ``package_channels``),

ordered by group sort order (channels without a group last), then the group's id (so two groups
with the same sort order never interleave), then channel sort order, then channel id.

Orphaned channels (gone from Flussonic) are *not playable*: they are left out of the playlist and of
the streams sent to the Auth Service, but :func:`resolve_channels` still lists them, marked, so
the admin sees why a channel is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Integer, Select, bindparam, func, select, union
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.db.models import (
    Channel,
    Group,
    SyncStatus,
    package_channels,
    tariff_packages,
    user_channels,
    user_packages,
    user_tariffs,
)

__all__ = [
    "ResolvedChannel",
    "allowed_streams_for_users",
    "allowed_streams_query",
    "resolve_channels",
]


@dataclass(frozen=True, slots=True)
class ResolvedChannel:
    id: int
    stream_name: str
    display_name: str | None
    tvg_name: str | None
    tvg_id: str | None
    catchup_days: int | None
    sort_order: int
    group_id: int | None
    group_name: str | None
    sync_status: SyncStatus

    @property
    def playable(self) -> bool:
        return self.sync_status == SyncStatus.SYNCED


def _channel_ids_of_user(user_id: int) -> Select[Any]:
    uid = bindparam("resolve_user_id", user_id, type_=Integer)
    direct = select(user_channels.c.channel_id).where(user_channels.c.user_id == uid)
    by_package = (
        select(package_channels.c.channel_id)
        .join(user_packages, user_packages.c.package_id == package_channels.c.package_id)
        .where(user_packages.c.user_id == uid)
    )
    by_tariff = (
        select(package_channels.c.channel_id)
        .join(tariff_packages, tariff_packages.c.package_id == package_channels.c.package_id)
        .join(user_tariffs, user_tariffs.c.tariff_id == tariff_packages.c.tariff_id)
        .where(user_tariffs.c.user_id == uid)
    )
    # UNION (not UNION ALL) deduplicates a channel reached through several routes.
    ids = union(direct, by_package, by_tariff).subquery("resolved_ids")
    return select(ids.c.channel_id)


_PLAYLIST_ORDER = (
    Group.sort_order.asc().nulls_last(),
    Group.id.asc().nulls_last(),
    Channel.sort_order.asc(),
    Channel.id.asc(),
)


async def resolve_channels(db: AsyncSession, user_id: int) -> list[ResolvedChannel]:
    """Every channel the subscriber holds, orphaned ones included (check ``playable``)."""
    ids = _channel_ids_of_user(user_id).subquery("ids")
    stmt = (
        select(
            Channel.id,
            Channel.stream_name,
            Channel.display_name,
            Channel.tvg_name,
            Channel.tvg_id,
            Channel.catchup_days,
            Channel.sort_order,
            Channel.group_id,
            Group.name.label("group_name"),
            Channel.sync_status,
        )
        .join(ids, ids.c.channel_id == Channel.id)
        .outerjoin(Group, Group.id == Channel.group_id)
        .order_by(*_PLAYLIST_ORDER)
    )
    rows = (await db.execute(stmt)).all()
    return [ResolvedChannel(**row._asdict()) for row in rows]


def allowed_streams_query(ids: BindParameter[Any]) -> Select[Any]:
    """(user_id, sorted playable stream names) for every user in ``ids`` (an int array parameter)
    holding at least one playable channel."""
    direct = select(user_channels.c.user_id, user_channels.c.channel_id).where(user_channels.c.user_id == func.any(ids))
    by_package = (
        select(user_packages.c.user_id, package_channels.c.channel_id)
        .join(package_channels, package_channels.c.package_id == user_packages.c.package_id)
        .where(user_packages.c.user_id == func.any(ids))
    )
    by_tariff = (
        select(user_tariffs.c.user_id, package_channels.c.channel_id)
        .join(tariff_packages, tariff_packages.c.tariff_id == user_tariffs.c.tariff_id)
        .join(package_channels, package_channels.c.package_id == tariff_packages.c.package_id)
        .where(user_tariffs.c.user_id == func.any(ids))
    )
    pairs = union(direct, by_package, by_tariff).subquery("pairs")
    return (
        select(pairs.c.user_id, func.array_agg(Channel.stream_name.distinct()).label("streams"))  # DISTINCT sorts
        .join(Channel, Channel.id == pairs.c.channel_id)
        .where(Channel.sync_status == SyncStatus.SYNCED)
        .group_by(pairs.c.user_id)
    )


# Built once: constructing the statement cost more Python time than running it (one push per create).
_ALLOWED_STREAMS = allowed_streams_query(bindparam("stream_user_ids", type_=ARRAY(Integer)))


async def allowed_streams_for_users(db: AsyncSession, user_ids: Sequence[int]) -> dict[int, list[str]]:
    """Playable stream names per user, in one query, for any number of users (the sync worker's
    bulk variant). Users with no playable channel map to ``[]``."""
    result: dict[int, list[str]] = {uid: [] for uid in user_ids}
    if not user_ids:
        return result
    for user_id, streams in (await db.execute(_ALLOWED_STREAMS, {"stream_user_ids": list(user_ids)})).all():
        result[user_id] = sorted(streams)
    return result
