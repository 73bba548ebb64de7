"""``/channels``: list, get, PATCH, group, packages, reorder, cascade-info, delete (spec §7.3, §6.5)."""

from __future__ import annotations

import base64

from sqlalchemy import text

from playlist_service.channels.service import ChannelSortField
from tests.integration.catalog_helpers import (
    PNG,
    add_channels,
    add_named,
    add_user,
    assert_error,
    data,
    events,
    link,
    scalar,
)

URL = "/api/v1/channels"
PNG_URI = "data:image/png;base64," + base64.b64encode(PNG).decode()


async def test_list_defaults_to_sort_order_with_page_shape(auth_client, db):
    ids = await add_channels(db, 25)
    await db.execute(text("UPDATE channels SET sort_order = 0 WHERE id IN (:a, :b)"), {"a": ids[5], "b": ids[3]})
    await db.commit()
    page = data(await auth_client.get(URL, params={"per_page": 10}))
    assert (page["total"], page["page"], page["per_page"], page["pages"]) == (25, 1, 10, 3)
    assert [c["id"] for c in page["items"][:3]] == [ids[3], ids[5], ids[0]]  # ties broken by id
    row = page["items"][0]
    assert row["group"] is None and row["packages"] == [] and row["has_logo"] is False and row["logo_url"] is None
    assert "tvg_logo" not in row
    last = data(await auth_client.get(URL, params={"per_page": 10, "page": 3}))
    assert len(last["items"]) == 5
    assert data(await auth_client.get(URL, params={"page": 9}))["items"] == []


async def test_list_rows_carry_group_packages_and_logo_flag(auth_client, db):
    group = await add_named(db, "groups", "News")
    [a, _b] = await add_channels(db, 2, group_id=group)
    p1, p2 = await add_named(db, "packages", "Zeta"), await add_named(db, "packages", "Alpha")
    await link(db, "package_channels", [(p1, a), (p2, a)])
    await db.execute(text("UPDATE channels SET tvg_logo = :l WHERE id = :i"), {"l": PNG_URI, "i": a})
    await db.commit()
    rows = data(await auth_client.get(URL))["items"]
    assert rows[0]["group"] == {"id": group, "name": "News"}
    assert rows[0]["packages"] == [{"id": p2, "name": "Alpha"}, {"id": p1, "name": "Zeta"}]
    assert rows[0]["has_logo"] is True and rows[0]["logo_url"].startswith(f"/api/v1/channels/{a}/logo?v=")
    assert rows[1]["packages"] == [] and rows[1]["has_logo"] is False


async def test_search_matches_four_fields_case_insensitively(auth_client, db):
    ids = await add_channels(db, 4)
    await db.execute(text("UPDATE channels SET tvg_id = 'EPG-X' WHERE id = :i"), {"i": ids[3]})
    await db.commit()
    cases = [("CH0002", ["ch0002"]), ("channel 3", ["ch0003"]), ("TVG 1", ["ch0001"]), ("epg-x", ["ch0004"])]
    cases += [("%", []), ("_", []), ("  ", ["ch0001", "ch0002", "ch0003", "ch0004"])]
    for search, expected in cases:
        rows = data(await auth_client.get(URL, params={"search": search}))["items"]
        assert [r["stream_name"] for r in rows] == expected, search


async def test_filters_by_group_no_group_and_status(auth_client, db):
    group = await add_named(db, "groups", "Kids")
    grouped = await add_channels(db, 2, group_id=group)
    loose = await add_channels(db, 3, prefix="x")
    orphan = await add_channels(db, 1, prefix="o", status="orphaned")
    ids = lambda r: sorted(c["id"] for c in r["items"])  # noqa: E731
    assert ids(data(await auth_client.get(URL, params={"group_id": group}))) == grouped
    assert ids(data(await auth_client.get(URL, params={"group_id": "none"}))) == sorted(loose + orphan)
    assert ids(data(await auth_client.get(URL, params={"sync_status": "orphaned"}))) == orphan
    both = data(await auth_client.get(URL, params={"group_id": "none", "sync_status": "synced"}))
    assert ids(both) == loose


# Per channel id 1..5: a value for every sortable column, in an order unlike the ids'.
SORT_VALUES: dict[str, list[object]] = {
    "sort_order": [30, 10, 50, 20, 40],
    "display_name": ["d", "b", "e", "a", "c"],
    "stream_name": ["s3", "s5", "s1", "s4", "s2"],
    "tvg_name": ["t2", "t1", "t5", "t3", "t4"],
    "tvg_id": ["e", None, "a", "c", None],
    "catchup_days": [7, None, 1, 3, 14],
    "sync_status": ["orphaned", "synced", "orphaned", "synced", "synced"],
    "created_at": [3, 5, 1, 4, 2],  # hours ago
    "updated_at": [2, 1, 5, 3, 4],
    "last_seen_at": [None, 2, 1, None, 3],
}
# Ascending; ties and NULLs (last, as PostgreSQL sorts them) by id. Descending is the exact reverse.
SORT_EXPECTED = {
    "sort_order": [2, 4, 1, 5, 3],
    "display_name": [4, 2, 5, 1, 3],
    "stream_name": [3, 5, 1, 4, 2],
    "tvg_name": [2, 1, 4, 5, 3],
    "tvg_id": [3, 4, 1, 2, 5],
    "catchup_days": [3, 4, 1, 5, 2],
    "sync_status": [2, 4, 5, 1, 3],  # enum order: synced, orphaned
    "created_at": [2, 4, 1, 5, 3],
    "updated_at": [3, 5, 4, 1, 2],
    "last_seen_at": [5, 2, 3, 1, 4],
    "id": [1, 2, 3, 4, 5],
}


async def test_every_allowed_sort_field_orders_both_ways(auth_client, db):
    await add_channels(db, 5)
    for column, values in SORT_VALUES.items():
        for channel_id, value in enumerate(values, start=1):
            if column in ("created_at", "updated_at", "last_seen_at") and value is not None:
                sql = f"UPDATE channels SET {column} = now() - make_interval(hours => :v) WHERE id = :i"
            elif column == "sync_status":
                sql = "UPDATE channels SET sync_status = CAST(:v AS sync_status) WHERE id = :i"
            else:
                sql = f"UPDATE channels SET {column} = :v WHERE id = :i"
            await db.execute(text(sql), {"v": value, "i": channel_id})
    await db.commit()
    assert set(SORT_EXPECTED) == set(ChannelSortField.__args__)  # type: ignore[attr-defined]
    for sort_by, expected in SORT_EXPECTED.items():
        asc = data(await auth_client.get(URL, params={"sort_by": sort_by}))["items"]
        desc = data(await auth_client.get(URL, params={"sort_by": sort_by, "sort_dir": "desc"}))["items"]
        assert [c["id"] for c in asc] == expected, sort_by
        assert [c["id"] for c in desc] == expected[::-1], sort_by


async def test_sort_by_catchup_days_descending(auth_client, db):
    await add_channels(db, 5)  # catchup = i % 8 → 1..5
    rows = data(await auth_client.get(URL, params={"sort_by": "catchup_days", "sort_dir": "desc"}))["items"]
    assert [r["catchup_days"] for r in rows] == [5, 4, 3, 2, 1]


BAD_LIST_PARAMS = [
    ({"per_page": 0}, "per_page"),
    ({"per_page": 201}, "per_page"),
    ({"per_page": "ten"}, "per_page"),
    ({"page": 0}, "page"),
    ({"page": -1}, "page"),
    ({"sort_by": "password"}, "sort_by"),
    ({"sort_dir": "up"}, "sort_dir"),
    ({"sync_status": "gone"}, "sync_status"),
    ({"group_id": "-1"}, "group_id"),
    ({"group_id": "abc"}, "group_id"),
    ({"group_id": "0"}, "group_id"),
    ({"group_id": "2147483648"}, "group_id"),  # int4 max + 1: was a 500 from asyncpg
    ({"group_id": "9999999999"}, "group_id"),
    ({"group_id": "12345678901"}, "group_id"),
    ({"search": "x" * 201}, "search"),
]


async def test_bad_list_parameters_are_named(auth_client):
    for params, field in BAD_LIST_PARAMS:
        assert_error(await auth_client.get(URL, params=params), 422, "VALIDATION_ERROR", field=field)


async def test_largest_group_id_is_a_plain_empty_filter(auth_client, db):
    await add_channels(db, 1)
    assert data(await auth_client.get(URL, params={"group_id": "2147483647"}))["items"] == []


async def test_list_query_count_does_not_grow_with_rows(auth_client, db, count_queries):
    group = await add_named(db, "groups", "G")
    packages = [await add_named(db, "packages", f"P{i}") for i in range(3)]

    async def measure(n: int) -> int:
        await db.execute(text("TRUNCATE channels RESTART IDENTITY CASCADE"))
        await db.commit()
        ids = await add_channels(db, n, group_id=group)
        await link(db, "package_channels", [(p, c) for c in ids for p in packages])
        with count_queries() as counter:
            assert len(data(await auth_client.get(URL, params={"per_page": 50}))["items"]) == n
        return counter.count

    assert await measure(2) == await measure(30)


async def test_a_later_page_carries_the_right_group_and_packages(auth_client, db, count_queries):
    groups = [await add_named(db, "groups", f"G{i}") for i in range(3)]
    packages = [await add_named(db, "packages", f"P{i}") for i in range(4)]
    ids = await add_channels(db, 30)
    for n, cid in enumerate(ids):  # group n % 3 (none for every 4th), packages n % 4 and (n + 1) % 4
        group = None if n % 4 == 0 else groups[n % 3]
        await db.execute(text("UPDATE channels SET group_id = :g WHERE id = :i"), {"g": group, "i": cid})
    await db.commit()
    await link(db, "package_channels", [(packages[k % 4], cid) for n, cid in enumerate(ids) for k in (n, n + 1)])
    params = {"sort_by": "display_name", "sort_dir": "desc", "per_page": 7, "page": 3}
    with count_queries() as first:
        data(await auth_client.get(URL, params={**params, "page": 1}))
    with count_queries() as later:
        page = data(await auth_client.get(URL, params=params))
    assert later.count == first.count
    # display_name "Channel <i>" descending as text: 9, 8, ..., 30, 3, 29, ...
    expected_ids = sorted(ids, key=lambda i: f"Channel {i}", reverse=True)[14:21]
    assert [r["id"] for r in page["items"]] == expected_ids
    for row in page["items"]:
        n = ids.index(row["id"])
        assert row["group"] == (None if n % 4 == 0 else {"id": groups[n % 3], "name": f"G{n % 3}"})
        assert [p["name"] for p in row["packages"]] == sorted(f"P{k % 4}" for k in (n, n + 1))


async def test_get_channel_includes_logo(auth_client, db):
    [cid] = await add_channels(db, 1)
    await db.execute(text("UPDATE channels SET tvg_logo = :l"), {"l": PNG_URI})
    await db.commit()
    channel = data(await auth_client.get(f"{URL}/{cid}"))
    assert channel["tvg_logo"] == PNG_URI and channel["stream_name"] == "ch0001"


async def test_unknown_channel_is_not_found_everywhere(auth_client):
    for method, suffix, body in [
        ("GET", "", None),
        ("PATCH", "", {"tvg_id": "x"}),
        ("DELETE", "", None),
        ("PATCH", "/group", {"group_id": None}),
        ("PATCH", "/packages", {"package_ids": []}),
        ("GET", "/cascade-info", None),
        ("GET", "/logo", None),
    ]:
        response = await auth_client.request(method, f"{URL}/999{suffix}", json=body)
        assert_error(response, 404, "NOT_FOUND")


async def test_bad_channel_ids_are_refused(auth_client):
    for bad_id in ["-1", "0", "99999999999"]:
        assert_error(await auth_client.get(f"{URL}/{bad_id}"), 422, "VALIDATION_ERROR")
        assert_error(await auth_client.delete(f"{URL}/{bad_id}"), 422, "VALIDATION_ERROR")
    assert_error(await auth_client.get(f"{URL}/abc"), 404, "NOT_FOUND")  # no such route


async def test_patch_sets_and_clears_tvg_id_and_logo_only(auth_client, db):
    [cid] = await add_channels(db, 1)
    channel = data(await auth_client.patch(f"{URL}/{cid}", json={"tvg_id": "  otr  ", "tvg_logo": PNG_URI}))
    assert channel["tvg_id"] == "otr" and channel["tvg_logo"] == PNG_URI and channel["has_logo"] is True
    channel = data(await auth_client.patch(f"{URL}/{cid}", json={"tvg_id": "ntv"}))
    assert channel["tvg_logo"] == PNG_URI  # not sent: unchanged
    channel = data(await auth_client.patch(f"{URL}/{cid}", json={"tvg_logo": None, "tvg_id": " "}))
    assert channel["tvg_logo"] is None and channel["tvg_id"] is None


async def test_patch_refuses_other_fields_and_bad_values(auth_client, db):
    [cid] = await add_channels(db, 1)
    for body, field in [
        ({"display_name": "x"}, "display_name"),
        ({"stream_name": "x"}, "stream_name"),
        ({"tvg_id": 5}, "tvg_id"),
        ({"tvg_id": "x" * 101}, "tvg_id"),
        ({"tvg_logo": 12}, "tvg_logo"),
        ({"sort_order": 1}, "sort_order"),
    ]:
        assert_error(await auth_client.patch(f"{URL}/{cid}", json=body), 422, "VALIDATION_ERROR", field=field)
    assert await scalar(db, "SELECT tvg_id FROM channels") is None


async def test_group_assignment_and_removal(auth_client, db):
    [cid] = await add_channels(db, 1)
    group = await add_named(db, "groups", "Sport")
    assert data(await auth_client.patch(f"{URL}/{cid}/group", json={"group_id": group}))["group"]["name"] == "Sport"
    assert data(await auth_client.patch(f"{URL}/{cid}/group", json={"group_id": None}))["group"] is None


async def test_group_assignment_bad_input(auth_client, db):
    [cid] = await add_channels(db, 1)
    for body, field in [
        ({"group_id": 77}, "group_id"),
        ({"group_id": -3}, "group_id"),
        ({"group_id": "1"}, "group_id"),
        ({}, "group_id"),
        ({"group_id": None, "extra": 1}, "extra"),
    ]:
        assert_error(await auth_client.patch(f"{URL}/{cid}/group", json=body), 422, "VALIDATION_ERROR", field=field)


async def test_packages_replace_the_set(auth_client, db):
    [cid] = await add_channels(db, 1)
    a, b, c = [await add_named(db, "packages", n) for n in ("A", "B", "C")]
    channel = data(await auth_client.patch(f"{URL}/{cid}/packages", json={"package_ids": [a, b, b]}))
    assert [p["id"] for p in channel["packages"]] == [a, b]
    channel = data(await auth_client.patch(f"{URL}/{cid}/packages", json={"package_ids": [c, b]}))
    assert [p["name"] for p in channel["packages"]] == ["B", "C"]
    assert data(await auth_client.patch(f"{URL}/{cid}/packages", json={"package_ids": []}))["packages"] == []


async def test_unknown_package_ids_are_named_and_nothing_changes(auth_client, db):
    [cid] = await add_channels(db, 1)
    a = await add_named(db, "packages", "A")
    await link(db, "package_channels", [(a, cid)])
    error = assert_error(
        await auth_client.patch(f"{URL}/{cid}/packages", json={"package_ids": [9, a, 7]}), 422, "VALIDATION_ERROR"
    )
    assert error["message"] == "package_ids: unknown ids 7, 9"
    assert error["details"][0]["field"] == "package_ids"
    assert await scalar(db, "SELECT count(*) FROM package_channels") == 1


async def test_package_ids_bad_types(auth_client, db):
    [cid] = await add_channels(db, 1)
    for body in [{"package_ids": [0]}, {"package_ids": ["1"]}, {"package_ids": None}, {}, {"package_ids": 1}]:
        assert_error(await auth_client.patch(f"{URL}/{cid}/packages", json=body), 422, "VALIDATION_ERROR")


async def test_reorder_applies_every_position(auth_client, db):
    ids = await add_channels(db, 3)
    order = [{"id": ids[0], "sort_order": 30}, {"id": ids[1], "sort_order": 10}, {"id": ids[2], "sort_order": 20}]
    assert data(await auth_client.post(f"{URL}/reorder", json={"order": order}))["updated"] == 3
    rows = data(await auth_client.get(URL))["items"]
    assert [r["id"] for r in rows] == [ids[1], ids[2], ids[0]]


# Known ids get new sort orders too, so an update that is not rolled back shows in the final check.
REORDER_CASES = [
    ([{"id": 1, "sort_order": 50}, {"id": 99, "sort_order": 2}, {"id": 98, "sort_order": 3}], "unknown ids 98, 99"),
    ([{"id": 2, "sort_order": 60}, {"id": 1, "sort_order": 70}, {"id": 97, "sort_order": 3}], "unknown ids 97"),
    ([{"id": 1, "sort_order": 40}, {"id": 1, "sort_order": 41}], "duplicate ids 1"),
    ([], None),
    ([{"id": 1, "sort_order": -1}], None),
    ([{"id": -1, "sort_order": 1}], None),
    ([{"id": 1}], None),
    ([{"id": 1, "sort_order": 1, "x": 2}], None),
    ("not a list", None),
]


async def test_reorder_bad_input_changes_nothing(auth_client, db):
    await add_channels(db, 2)
    for order, message in REORDER_CASES:
        response = await auth_client.post(f"{URL}/reorder", json={"order": order})
        error = assert_error(response, 422, "VALIDATION_ERROR")
        if message:
            assert message in error["message"] and error["details"][0]["field"] == "order"
    assert await scalar(db, "SELECT array_agg(sort_order ORDER BY id) FROM channels") == [1, 2]


async def test_cascade_info_counts_packages_and_every_kind_of_user(auth_client, db):
    [cid, other] = await add_channels(db, 2)
    p1, p2 = await add_named(db, "packages", "P1"), await add_named(db, "packages", "P2")
    tariff = await add_named(db, "tariffs", "T")
    direct, by_package, by_tariff, both, unrelated = [await add_user(db, f"A{i}") for i in range(5)]
    await link(db, "package_channels", [(p1, cid), (p2, cid), (p2, other)])
    await link(db, "user_channels", [(direct, cid), (both, cid), (unrelated, other)])
    await link(db, "user_packages", [(by_package, p1), (both, p2)])
    await link(db, "tariff_packages", [(tariff, p2)])
    await link(db, "user_tariffs", [(by_tariff, tariff)])
    info = data(await auth_client.get(f"{URL}/{cid}/cascade-info"))
    assert info == {
        "id": cid,
        "name": "Channel 1",
        "sync_status": "synced",
        "can_delete": False,
        "packages_count": 2,
        "users_count": 4,
    }


async def test_delete_synced_channel_is_refused(auth_client, db):
    [cid] = await add_channels(db, 1)
    assert_error(await auth_client.delete(f"{URL}/{cid}"), 400, "CHANNEL_NOT_ORPHANED")
    assert await scalar(db, "SELECT count(*) FROM channels") == 1


async def test_delete_orphaned_channel_removes_links_and_records_subscribers(auth_client, db):
    [cid] = await add_channels(db, 1, status="orphaned")
    package = await add_named(db, "packages", "P")
    direct, via = await add_user(db, "A1"), await add_user(db, "A2")
    await link(db, "package_channels", [(package, cid)])
    await link(db, "user_channels", [(direct, cid)])
    await link(db, "user_packages", [(via, package)])
    assert data(await auth_client.delete(f"{URL}/{cid}")) == {"id": cid, "deleted": True}
    assert await scalar(db, "SELECT count(*) FROM channels") == 0
    assert await scalar(db, "SELECT count(*) FROM package_channels") == 0
    assert await scalar(db, "SELECT count(*) FROM user_channels") == 0
    assert await scalar(db, "SELECT count(*) FROM packages") == 1
    assert await events(db) == [(f"channel {cid} deleted", sorted([direct, via]))]


async def test_package_assignment_records_subscribers_of_added_and_removed_packages(auth_client, db):
    [cid] = await add_channels(db, 1)
    kept, dropped, added, untouched = [await add_named(db, "packages", n) for n in ("K", "D", "A", "U")]
    tariff = await add_named(db, "tariffs", "T")
    u_kept, u_dropped, u_added, u_tariff, u_untouched = [await add_user(db, f"U{i}") for i in range(5)]
    await link(db, "package_channels", [(kept, cid), (dropped, cid)])
    await link(db, "user_packages", [(u_kept, kept), (u_dropped, dropped), (u_added, added), (u_untouched, untouched)])
    await link(db, "tariff_packages", [(tariff, added)])
    await link(db, "user_tariffs", [(u_tariff, tariff)])
    data(await auth_client.patch(f"{URL}/{cid}/packages", json={"package_ids": [kept, added]}))
    assert await events(db) == [(f"channel {cid} packages changed", sorted([u_dropped, u_added, u_tariff]))]
    data(await auth_client.patch(f"{URL}/{cid}/packages", json={"package_ids": [added, kept]}))  # no change
    assert len(await events(db)) == 1


async def test_lookup_channels_search_and_limit(auth_client, db):
    await add_channels(db, 30)
    await add_channels(db, 1, prefix="zz", status="orphaned", start=99)
    rows = data(await auth_client.get("/api/v1/lookup/channels", params={"limit": 5}))
    assert len(rows) == 5 and rows[0] == {
        "id": 1,
        "name": "Channel 1",
        "stream_name": "ch0001",
        "sync_status": "synced",
    }
    rows = data(await auth_client.get("/api/v1/lookup/channels", params={"search": "ZZ"}))
    assert [r["sync_status"] for r in rows] == ["orphaned"]
    assert len(data(await auth_client.get("/api/v1/lookup/channels"))) == 31
    for bad in ({"limit": 0}, {"limit": 201}, {"limit": "x"}):
        assert_error(await auth_client.get("/api/v1/lookup/channels", params=bad), 422, "VALIDATION_ERROR")


async def test_tvg_id_with_control_characters_is_refused(auth_client, db):
    [cid] = await add_channels(db, 1)
    for value in ["a\nb", "epg\x1b[31m", "a\u0085b"]:
        response = await auth_client.patch(f"{URL}/{cid}", json={"tvg_id": value})
        error = assert_error(response, 422, "VALIDATION_ERROR", field="tvg_id")
        assert "control characters" in error["details"][0]["message"]
    assert await scalar(db, "SELECT tvg_id FROM channels") is None
    assert data(await auth_client.patch(f"{URL}/{cid}", json={"tvg_id": "\tperviy.ru\n"}))["tvg_id"] == "perviy.ru"


async def test_group_and_package_edits_answer_the_list_row_without_the_logo(auth_client, db):
    [cid] = await add_channels(db, 1)
    await db.execute(text("UPDATE channels SET tvg_logo = :l"), {"l": PNG_URI})
    await db.commit()
    group, package = await add_named(db, "groups", "G"), await add_named(db, "packages", "P")
    listed = data(await auth_client.get(URL))["items"][0]
    for suffix, body in [("group", {"group_id": group}), ("packages", {"package_ids": [package]})]:
        row = data(await auth_client.patch(f"{URL}/{cid}/{suffix}", json=body))
        assert "tvg_logo" not in row and row["has_logo"] is True and row["logo_url"].startswith(f"{URL}/{cid}/logo?v=")
        assert set(row) == set(listed)
    assert (row["group"], row["packages"]) == ({"id": group, "name": "G"}, [{"id": package, "name": "P"}])
