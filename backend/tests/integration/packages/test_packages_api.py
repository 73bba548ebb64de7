"""``/packages`` and ``/lookup/packages`` (spec §7.3 Packages, §6.5)."""

from __future__ import annotations

from tests.integration.catalog_helpers import (
    add_channels,
    add_named,
    add_user,
    assert_error,
    data,
    events,
    link,
    scalar,
)

URL = "/api/v1/packages"


async def test_create_list_get_update_with_counts(auth_client, db):
    basic = data(await auth_client.post(URL, json={"name": " Basic ", "description": "  Main set "}), 201)
    assert (basic["name"], basic["description"], basic["channels_count"], basic["tariffs_count"]) == (
        "Basic",
        "Main set",
        0,
        0,
    )
    sport = data(await auth_client.post(URL, json={"name": "Sport"}), 201)
    assert sport["description"] is None
    channels = await add_channels(db, 3)
    tariff = await add_named(db, "tariffs", "T")
    await link(db, "package_channels", [(basic["id"], c) for c in channels])
    await link(db, "tariff_packages", [(tariff, basic["id"])])
    listed = data(await auth_client.get(URL))
    assert [(p["name"], p["channels_count"], p["tariffs_count"]) for p in listed] == [("Basic", 3, 1), ("Sport", 0, 0)]
    updated = data(await auth_client.patch(f"{URL}/{sport['id']}", json={"description": "  "}))
    assert updated["description"] is None and updated["name"] == "Sport"
    updated = data(await auth_client.patch(f"{URL}/{sport['id']}", json={"name": "Sports", "description": "All"}))
    assert (updated["name"], updated["description"]) == ("Sports", "All")
    assert data(await auth_client.get(f"{URL}/{basic['id']}"))["channels_count"] == 3
    assert data(await auth_client.get("/api/v1/lookup/packages")) == [
        {"id": basic["id"], "name": "Basic"},
        {"id": sport["id"], "name": "Sports"},
    ]


async def test_bad_input_and_duplicates(auth_client, db):
    await add_named(db, "packages", "Basic")
    assert_error(await auth_client.post(URL, json={"name": "Basic"}), 409, "DUPLICATE_ENTRY", field="name")
    for body, field in [
        ({"name": "  "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": "A", "description": "d" * 2001}, "description"),
        ({"name": "A", "description": 3}, "description"),
        ({"name": "A", "channel_ids": [1]}, "channel_ids"),
        ({"description": "only"}, "name"),
    ]:
        assert_error(await auth_client.post(URL, json=body), 422, "VALIDATION_ERROR", field=field)
    other = await add_named(db, "packages", "Other", description="kept")
    response = await auth_client.patch(f"{URL}/{other}", json={"name": "Basic", "description": "new"})
    assert_error(response, 409, "DUPLICATE_ENTRY", field="name")
    assert await scalar(db, f"SELECT name || '/' || description FROM packages WHERE id = {other}") == "Other/kept"
    for method, suffix, body in [
        ("GET", "", None),
        ("PATCH", "", {}),
        ("DELETE", "", None),
        ("GET", "/cascade-info", None),
    ]:
        assert_error(await auth_client.request(method, f"{URL}/9{suffix}", json=body), 404, "NOT_FOUND")
        assert_error(await auth_client.request(method, f"{URL}/0{suffix}", json=body), 422, "VALIDATION_ERROR")


async def test_delete_removes_from_tariffs_and_users_and_records_them(auth_client, db):
    package = await add_named(db, "packages", "Basic")
    keep = await add_named(db, "packages", "Keep")
    tariff = await add_named(db, "tariffs", "T")
    other_tariff = await add_named(db, "tariffs", "Other")
    channels = await add_channels(db, 2)
    direct, via_tariff, both, unrelated = [await add_user(db, f"A{i}") for i in range(4)]
    await link(db, "package_channels", [(package, c) for c in channels])
    await link(db, "tariff_packages", [(tariff, package), (tariff, keep), (other_tariff, keep)])
    await link(db, "user_packages", [(direct, package), (both, package), (unrelated, keep)])
    await link(db, "user_tariffs", [(via_tariff, tariff), (both, tariff), (unrelated, other_tariff)])
    info = data(await auth_client.get(f"{URL}/{package}/cascade-info"))
    # users_count: every subscriber the deletion affects (direct or through a tariff), each once;
    # it was the direct assignments only, while the deletion records the tariff's users too.
    assert info == {
        "id": package,
        "name": "Basic",
        "tariffs_count": 1,
        "channels_count": 2,
        "direct_users_count": 2,
        "users_count": 3,
    }
    data(await auth_client.delete(f"{URL}/{package}"))
    assert await scalar(db, "SELECT count(*) FROM packages") == 1
    assert await scalar(db, "SELECT count(*) FROM tariff_packages") == 2
    assert await scalar(db, "SELECT count(*) FROM user_packages") == 1
    assert await scalar(db, "SELECT count(*) FROM channels") == 2
    assert await events(db) == [(f"package {package} deleted", sorted([direct, via_tariff, both]))]
    assert len(await events(db)) == 1 and len((await events(db))[0][1]) == info["users_count"]


async def test_list_query_count_does_not_grow(auth_client, db, count_queries):
    async def measure(n: int) -> int:
        ids = [await add_named(db, "packages", f"P{n}-{i}") for i in range(n)]
        channels = await add_channels(db, 2, prefix=f"p{n}-")
        await link(db, "package_channels", [(p, c) for p in ids for c in channels])
        with count_queries() as counter:
            data(await auth_client.get(URL))
        return counter.count

    assert await measure(2) == await measure(30)
