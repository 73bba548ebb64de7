"""A subscriber's playlist lines, rendered once per channel version and kept across requests.

Two subscribers' playlists differ only in the token: a channel's lines (``#EXTINF…`` and its URL up
to the token, see ``m3u.py``) depend on nothing but its own row and its group's. PostgreSQL gives
every row version a new ``xmin`` (the id of the transaction that wrote it), so
``(channel id, channel xmin, group xmin)`` names the exact content of a channel's lines. The
playlist therefore costs one narrow query for those keys in playlist order, and the full rows only
of the channels not rendered yet. Nothing is ever served stale: an edit, a sync, a group rename or
delete, from any instance, writes new row versions and so new keys. (A key could only repeat if a
row were rewritten exactly 2**32 transactions later while its entry was still kept.)

Lines with large logos are not kept (they would hold megabytes, and rendering them is mostly a
copy); when full, the cache is emptied wholesale. It is per process, like any memo.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.playlists.m3u import PlaylistEntry, render_heads

__all__ = ["KEYS_SQL", "ROWS_SQL", "playlist_heads"]

# Playable channels in playlist order as version keys: what resolution.resolve_channels selects and
# orders (a test holds the two together). The ids of all three routes (spec §6.2) go into one array
# matched by the channels' primary key: an index scan that also drops duplicates, cheaper than
# joining a UNION. Hand-written and run on the driver connection: at 2,000 channels SQLAlchemy's row
# processing costs more than PostgreSQL's work.
KEYS_SQL = """
SELECT c.id, c.xmin::text::bigint, COALESCE(g.xmin::text::bigint, 0)
FROM channels AS c
LEFT JOIN groups AS g ON g.id = c.group_id
WHERE c.sync_status = 'synced' AND c.id = ANY(ARRAY(
    SELECT channel_id FROM user_channels WHERE user_id = $1
    UNION ALL
    SELECT pc.channel_id FROM user_packages AS up
    JOIN package_channels AS pc ON pc.package_id = up.package_id WHERE up.user_id = $1
    UNION ALL
    SELECT pc.channel_id FROM user_tariffs AS ut
    JOIN tariff_packages AS tp ON tp.tariff_id = ut.tariff_id
    JOIN package_channels AS pc ON pc.package_id = tp.package_id WHERE ut.user_id = $1
))
ORDER BY g.sort_order ASC NULLS LAST, g.id ASC NULLS LAST, c.sort_order ASC, c.id ASC
"""

ROWS_SQL = """
SELECT c.id, c.xmin::text::bigint, COALESCE(g.xmin::text::bigint, 0),
    c.stream_name, c.display_name, c.tvg_name, c.tvg_id, c.catchup_days, g.name, c.tvg_logo, c.stream_base_url
FROM channels AS c
LEFT JOIN groups AS g ON g.id = c.group_id
WHERE c.id = ANY($1::int[]) AND c.sync_status = 'synced'
"""

Key = tuple[int, int, int]
_LINES: dict[Key, bytes] = {}
_MAX_ENTRIES = 20_000
_MAX_LOGO = 2_048


async def playlist_heads(db: AsyncSession, user_id: int) -> list[bytes]:
    """The subscriber's playable channels' lines up to the token, in playlist order."""
    driver: Any = (await (await db.connection()).get_raw_connection()).driver_connection
    keys: list[Key] = [tuple(row) for row in await driver.fetch(KEYS_SQL, user_id)]
    heads = list(map(_LINES.get, keys))
    if None not in heads:
        return heads  # type: ignore[return-value]
    missing = [key[0] for key, head in zip(keys, heads, strict=True) if head is None]
    rows = await driver.fetch(ROWS_SQL, missing)
    rendered = render_heads([PlaylistEntry(*row[3:]) for row in rows])
    # A row rewritten between the two statements comes back under its new key: this playlist takes
    # the newer lines, and they are kept under the key they really have.
    fresh = {row[0]: head for row, head in zip(rows, rendered, strict=True)}
    if len(_LINES) + len(rows) > _MAX_ENTRIES:
        _LINES.clear()
    for row, head in zip(rows, rendered, strict=True):
        if len(row[9] or "") <= _MAX_LOGO:
            _LINES[(row[0], row[1], row[2])] = head
    # A channel deleted or orphaned between the two statements is left out.
    return [
        head if head is not None else fresh[key[0]]
        for key, head in zip(keys, heads, strict=True)
        if head is not None or key[0] in fresh
    ]
