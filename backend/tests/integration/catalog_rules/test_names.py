"""Group, package and tariff names (``catalog_rules.clean_name``): trimmed, then checked; unique
ignoring case, enforced by the database (409 on create and on rename)."""

from __future__ import annotations

import pytest

from tests.integration.catalog_helpers import add_named, assert_error, data, scalar

TABLES = ["groups", "packages", "tariffs"]


@pytest.mark.parametrize("table", TABLES)
async def test_names_differing_only_in_case_are_duplicates(auth_client, db, table):
    url = f"/api/v1/{table}"
    await add_named(db, table, "Новости News")
    for name in ["новости news", "НОВОСТИ NEWS", "  Новости NEWS  "]:
        assert_error(await auth_client.post(url, json={"name": name}), 409, "DUPLICATE_ENTRY", field="name")
    other = await add_named(db, table, "Other")
    response = await auth_client.patch(f"{url}/{other}", json={"name": "новости NEWS"})
    assert_error(response, 409, "DUPLICATE_ENTRY", field="name")
    # Renaming a row to another case of its own name is not a duplicate.
    assert data(await auth_client.patch(f"{url}/{other}", json={"name": "OTHER"}))["name"] == "OTHER"
    assert await scalar(db, f"SELECT count(*) FROM {table}") == 2


@pytest.mark.parametrize("table", TABLES)
async def test_names_are_trimmed_before_the_length_check(auth_client, table):
    url = f"/api/v1/{table}"
    assert data(await auth_client.post(url, json={"name": f"  {'a' * 100}  "}), 201)["name"] == "a" * 100
    assert data(await auth_client.post(url, json={"name": "й" * 100 + "\n"}), 201)["name"] == "й" * 100
    error = assert_error(await auth_client.post(url, json={"name": "b" * 101}), 422, "VALIDATION_ERROR", field="name")
    assert "at most 100" in error["details"][0]["message"]


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("name", ["\u200b", " \u200b\ufeff ", "\u2060", "\u00a0\u3000"])
async def test_a_name_of_invisible_characters_is_blank(auth_client, table, name):
    error = assert_error(await auth_client.post(f"/api/v1/{table}", json={"name": name}), 422, "VALIDATION_ERROR")
    assert error["details"] == [{"field": "name", "message": "must not be blank"}]


@pytest.mark.parametrize("table", TABLES)
async def test_control_characters_inside_a_name_are_refused(auth_client, db, table):
    url = f"/api/v1/{table}"
    for name in ["Ne\nws", "Ne\tws", "a\x1bb", "a\u2028b", "a\u2029b"]:
        assert_error(await auth_client.post(url, json={"name": name}), 422, "VALIDATION_ERROR", field="name")
    assert data(await auth_client.post(url, json={"name": "a\u200bb"}), 201)["name"] == "a\u200bb"  # visible text


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize(
    "control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)
async def test_bidi_controls_inside_a_name_are_refused(auth_client, db, table, control):
    url = f"/api/v1/{table}"
    error = assert_error(await auth_client.post(url, json={"name": f"RTL{control}gnp.exe"}), 422, "VALIDATION_ERROR")
    assert error["details"][0]["field"] == "name" and "bidi" in error["details"][0]["message"]
    row = await add_named(db, table, "Plain")
    response = await auth_client.patch(f"{url}/{row}", json={"name": f"Pl{control}ain"})
    assert_error(response, 422, "VALIDATION_ERROR", field="name")
    # Hebrew needs no control character to display right to left.
    assert data(await auth_client.post(url, json={"name": "חדשות News"}), 201)["name"] == "חדשות News"
