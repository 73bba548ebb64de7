"""``/tariffs`` and ``/lookup/tariffs`` (spec §7.3 Tariffs, §6.5)."""

from __future__ import annotations

from tests.integration.catalog_helpers import add_named, add_user, assert_error, data, events, link, scalar

URL = "/api/v1/tariffs"


async def test_create_with_packages_list_get_update(auth_client, db):
    a, b, c = [await add_named(db, "packages", n) for n in ("Alpha", "Beta", "Gamma")]
    tariff = data(await auth_client.post(URL, json={"name": " Start ", "package_ids": [b, a, a]}), 201)
    assert (tariff["name"], tariff["package_ids"], tariff["packages_count"]) == ("Start", [a, b], 2)
    assert tariff["packages"] == [{"id": a, "name": "Alpha"}, {"id": b, "name": "Beta"}]
    bare = data(await auth_client.post(URL, json={"name": "Bare", "description": "none"}), 201)
    assert bare["package_ids"] == [] and bare["description"] == "none"
    updated = data(await auth_client.patch(f"{URL}/{tariff['id']}", json={"package_ids": [c]}))
    assert updated["package_ids"] == [c] and updated["name"] == "Start"
    updated = data(await auth_client.patch(f"{URL}/{tariff['id']}", json={"name": "Starter", "description": None}))
    assert (updated["name"], updated["package_ids"]) == ("Starter", [c])
    assert [t["name"] for t in data(await auth_client.get(URL))] == ["Bare", "Starter"]
    assert data(await auth_client.get(f"{URL}/{bare['id']}"))["name"] == "Bare"
    assert data(await auth_client.get("/api/v1/lookup/tariffs")) == [
        {"id": bare["id"], "name": "Bare"},
        {"id": tariff["id"], "name": "Starter"},
    ]


async def test_bad_input_unknown_packages_and_duplicates(auth_client, db):
    a = await add_named(db, "packages", "A")
    await add_named(db, "tariffs", "Start")
    assert_error(await auth_client.post(URL, json={"name": "Start"}), 409, "DUPLICATE_ENTRY", field="name")
    error = assert_error(
        await auth_client.post(URL, json={"name": "New", "package_ids": [a, 9, 7]}), 422, "VALIDATION_ERROR"
    )
    assert error["message"] == "package_ids: unknown ids 7, 9"
    assert await scalar(db, "SELECT count(*) FROM tariffs") == 1
    for body, field in [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": "B", "package_ids": [-1]}, "package_ids[0]"),
        ({"name": "B", "package_ids": "1"}, "package_ids"),
        ({"name": "B", "users": []}, "users"),
    ]:
        assert_error(await auth_client.post(URL, json=body), 422, "VALIDATION_ERROR", field=field)
    tariff = await add_named(db, "tariffs", "Other")
    error = assert_error(await auth_client.patch(f"{URL}/{tariff}", json={"package_ids": [5]}), 422, "VALIDATION_ERROR")
    assert error["details"][0]["field"] == "package_ids"
    # A rename onto an existing name is a 409, and the package change sent with it is not applied either.
    response = await auth_client.patch(f"{URL}/{tariff}", json={"name": "Start", "package_ids": [a]})
    assert_error(response, 409, "DUPLICATE_ENTRY", field="name")
    assert await scalar(db, f"SELECT name FROM tariffs WHERE id = {tariff}") == "Other"
    assert await scalar(db, "SELECT count(*) FROM tariff_packages") == 0
    assert await scalar(db, "SELECT count(*) FROM auth_sync_events") == 0
    for method, suffix, body in [
        ("GET", "", None),
        ("PATCH", "", {}),
        ("DELETE", "", None),
        ("GET", "/cascade-info", None),
    ]:
        assert_error(await auth_client.request(method, f"{URL}/99{suffix}", json=body), 404, "NOT_FOUND")
        assert_error(await auth_client.request(method, f"{URL}/-5{suffix}", json=body), 422, "VALIDATION_ERROR")


async def test_changing_packages_records_the_tariffs_users(auth_client, db):
    a, b = await add_named(db, "packages", "A"), await add_named(db, "packages", "B")
    tariff = await add_named(db, "tariffs", "T")
    other = await add_named(db, "tariffs", "Other")
    u1, u2, u3 = [await add_user(db, f"A{i}") for i in range(3)]
    await link(db, "tariff_packages", [(tariff, a)])
    await link(db, "user_tariffs", [(u1, tariff), (u2, tariff), (u3, other)])
    data(await auth_client.patch(f"{URL}/{tariff}", json={"name": "Renamed"}))
    data(await auth_client.patch(f"{URL}/{tariff}", json={"package_ids": [a]}))  # same set
    assert await events(db) == []
    data(await auth_client.patch(f"{URL}/{tariff}", json={"package_ids": [a, b]}))
    assert await events(db) == [(f"tariff {tariff} packages changed", [u1, u2])]


async def test_delete_removes_from_users_and_records_them(auth_client, db):
    package = await add_named(db, "packages", "P")
    tariff = await add_named(db, "tariffs", "T")
    u1, u2 = await add_user(db, "A1"), await add_user(db, "A2")
    await link(db, "tariff_packages", [(tariff, package)])
    await link(db, "user_tariffs", [(u1, tariff), (u2, tariff)])
    info = data(await auth_client.get(f"{URL}/{tariff}/cascade-info"))
    assert info == {"id": tariff, "name": "T", "packages_count": 1, "users_count": 2}
    assert data(await auth_client.delete(f"{URL}/{tariff}")) == {"id": tariff, "deleted": True}
    assert await scalar(db, "SELECT count(*) FROM user_tariffs") == 0
    assert await scalar(db, "SELECT count(*) FROM packages") == 1
    assert await events(db) == [(f"tariff {tariff} deleted", [u1, u2])]


async def test_list_query_count_does_not_grow(auth_client, db, count_queries):
    packages = [await add_named(db, "packages", f"P{i}") for i in range(3)]

    async def measure(n: int) -> int:
        tariffs = [await add_named(db, "tariffs", f"T{n}-{i}") for i in range(n)]
        await link(db, "tariff_packages", [(t, p) for t in tariffs for p in packages])
        with count_queries() as counter:
            assert len(data(await auth_client.get(URL))) >= n
        return counter.count

    assert await measure(2) == await measure(30)
