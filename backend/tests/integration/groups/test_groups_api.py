"""``/groups`` and ``/lookup/groups`` (spec §7.3 Groups, §6.5)."""

from __future__ import annotations

from tests.integration.catalog_helpers import add_channels, add_named, assert_error, data, scalar

URL = "/api/v1/groups"


async def test_create_list_get_rename_with_channel_counts(auth_client, db):
    news = data(await auth_client.post(URL, json={"name": "  News  "}), 201)
    kids = data(await auth_client.post(URL, json={"name": "Kids"}), 201)
    assert (news["name"], news["sort_order"], kids["sort_order"], news["channels_count"]) == ("News", 1, 2, 0)
    await add_channels(db, 3, group_id=news["id"])
    listed = data(await auth_client.get(URL))
    assert [(g["name"], g["channels_count"]) for g in listed] == [("News", 3), ("Kids", 0)]
    assert data(await auth_client.get(f"{URL}/{news['id']}"))["channels_count"] == 3
    renamed = data(await auth_client.patch(f"{URL}/{kids['id']}", json={"name": "Children"}))
    assert renamed["name"] == "Children"
    assert data(await auth_client.patch(f"{URL}/{kids['id']}", json={}))["name"] == "Children"
    assert data(await auth_client.get("/api/v1/lookup/groups")) == [
        {"id": news["id"], "name": "News"},
        {"id": kids["id"], "name": "Children"},
    ]


async def test_names_are_checked(auth_client, db):
    await add_named(db, "groups", "News")
    assert_error(await auth_client.post(URL, json={"name": "News"}), 409, "DUPLICATE_ENTRY", field="name")
    for body, field in [
        ({"name": "   "}, "name"),
        ({"name": ""}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": 5}, "name"),
        ({}, "name"),
        ({"name": "A", "sort_order": 3}, "sort_order"),
    ]:
        assert_error(await auth_client.post(URL, json=body), 422, "VALIDATION_ERROR", field=field)
    other = await add_named(db, "groups", "Other")
    assert_error(await auth_client.patch(f"{URL}/{other}", json={"name": "News"}), 409, "DUPLICATE_ENTRY")
    assert_error(await auth_client.patch(f"{URL}/{other}", json={"name": " "}), 422, "VALIDATION_ERROR", field="name")
    assert await scalar(db, "SELECT count(*) FROM groups") == 2


async def test_unknown_and_bad_ids(auth_client):
    for method, suffix, body in [
        ("GET", "", None),
        ("PATCH", "", {"name": "x"}),
        ("DELETE", "", None),
        ("GET", "/cascade-info", None),
    ]:
        assert_error(await auth_client.request(method, f"{URL}/42{suffix}", json=body), 404, "NOT_FOUND")
        assert_error(await auth_client.request(method, f"{URL}/-1{suffix}", json=body), 422, "VALIDATION_ERROR")


async def test_delete_ungroups_channels_after_showing_the_count(auth_client, db):
    group = await add_named(db, "groups", "News")
    await add_channels(db, 4, group_id=group)
    assert data(await auth_client.get(f"{URL}/{group}/cascade-info")) == {
        "id": group,
        "name": "News",
        "channels_count": 4,
    }
    assert data(await auth_client.delete(f"{URL}/{group}")) == {"id": group, "deleted": True}
    assert await scalar(db, "SELECT count(*) FROM channels WHERE group_id IS NULL") == 4
    assert await scalar(db, "SELECT count(*) FROM auth_sync_events") == 0


async def test_reorder_groups_and_refuse_unknown_or_repeated_ids(auth_client, db):
    a, b, c = [await add_named(db, "groups", n, sort_order=i) for i, n in enumerate("ABC")]
    order = [{"id": a, "sort_order": 3}, {"id": b, "sort_order": 1}, {"id": c, "sort_order": 2}]
    assert data(await auth_client.post(f"{URL}/reorder", json={"order": order}))["updated"] == 3
    assert [g["name"] for g in data(await auth_client.get(URL))] == ["B", "C", "A"]
    error = assert_error(
        await auth_client.post(
            f"{URL}/reorder", json={"order": [{"id": a, "sort_order": 0}, {"id": 77, "sort_order": 1}]}
        ),
        422,
        "VALIDATION_ERROR",
        field="order",
    )
    assert "unknown ids 77" in error["message"]
    dup = [{"id": a, "sort_order": 0}, {"id": a, "sort_order": 1}]
    assert_error(await auth_client.post(f"{URL}/reorder", json={"order": dup}), 422, "VALIDATION_ERROR")
    assert [g["name"] for g in data(await auth_client.get(URL))] == ["B", "C", "A"]


async def test_list_query_count_does_not_grow(auth_client, db, count_queries):
    async def measure(n: int) -> int:
        for i in range(n):
            group = await add_named(db, "groups", f"G{n}-{i}")
            await add_channels(db, 2, group_id=group, prefix=f"g{n}-{i}-")
        with count_queries() as counter:
            data(await auth_client.get(URL))
        return counter.count

    assert await measure(2) == await measure(30)
