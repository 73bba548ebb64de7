"""``/lookup/*`` answer id/name lists in one statement each, whatever their size."""

from __future__ import annotations

from tests.integration.catalog_helpers import add_channels, add_named, data


async def test_lookups_are_constant_in_queries(auth_client, db, count_queries):
    async def measure(n: int) -> list[int]:
        for i in range(n):
            await add_named(db, "groups", f"G{n}-{i}")
            await add_named(db, "packages", f"P{n}-{i}")
            await add_named(db, "tariffs", f"T{n}-{i}")
        await add_channels(db, n, prefix=f"c{n}-")
        counts = []
        for path in ("groups", "packages", "tariffs", "channels"):
            with count_queries() as counter:
                assert len(data(await auth_client.get(f"/api/v1/lookup/{path}"))) >= n
            counts.append(counter.count)
        return counts

    assert await measure(2) == await measure(30)


async def test_lookups_are_empty_without_data(auth_client):
    for path in ("groups", "packages", "tariffs", "channels"):
        assert data(await auth_client.get(f"/api/v1/lookup/{path}")) == []
