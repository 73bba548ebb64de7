"""Users API (spec §7.3): validation, dates, search, list shape and query counts."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any, cast

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from devtools.simulators.auth_service import AuthSimState
from playlist_service.db.models import UserStatus, user_channels, user_packages, user_tariffs
from playlist_service.settings import Settings
from playlist_service.subscribers import service as service_module
from playlist_service.subscribers.service import SubscriberService
from playlist_service.sync.auth_sync import AuthSync
from tests.factories import UserFactory, link, save
from tests.integration.subscribers.helpers import (
    add_channel,
    add_package,
    add_tariff,
    assert_converged,
    create,
    local_user,
    remote_tokens_of,
    user_body,
)

Client = AsyncTestClient[Litestar]


async def test_create_user_registers_token_at_auth_service(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState
) -> None:
    ch = await add_channel(db, "OTR")
    pkg = await add_package(db, "Basic", [ch])
    tariff = await add_tariff(db, "Starter", [pkg])
    user = await create(
        auth_client,
        tariff_ids=[tariff],
        valid_from="2030-01-01T00:00:00+03:00",
        valid_until="2030-12-31T23:59:59Z",
    )
    assert re.fullmatch(r"[A-Za-z0-9_-]{32,}", user["token"])  # token_urlsafe(24): 192 bits
    assert user["tariffs"] == [{"id": tariff, "name": "Starter"}]
    assert user["valid_from"] == "2029-12-31T21:00:00Z"
    assert user["auth_sync"]["status"] == "synced"
    (remote,) = remote_tokens_of(auth_sim, "AG-001")
    assert remote.id == user["auth_sync"]["auth_token_id"]
    assert (remote.token, remote.status, remote.max_sessions) == (user["token"], "active", 2)
    assert remote.allowed_streams == ["OTR"]
    assert remote.valid_from.isoformat() == "2029-12-31T21:00:00"
    assert remote.valid_until.isoformat() == "2030-12-31T23:59:59"
    assert remote.meta == {"first_name": "Ivan", "last_name": "Ivanov", "managed_by": "playlist-service"}
    await assert_converged(db, auth_sim)


async def test_tokens_are_unique_and_url_safe(auth_client: Client, auth_sim: AuthSimState) -> None:
    tokens = {(await create(auth_client, f"AG-{i}"))["token"] for i in range(5)}
    assert len(tokens) == 5


async def test_names_are_trimmed_and_blank_names_refused(auth_client: Client, auth_sim: AuthSimState) -> None:
    user = await create(auth_client, " AG-9 ", first_name="  Ivan ", last_name="\tIvanov\n")
    assert (user["first_name"], user["last_name"], user["agreement_number"]) == ("Ivan", "Ivanov", "AG-9")
    for field, value in [
        ("first_name", "   "),
        ("last_name", ""),
        ("first_name", "x" * 101),
        ("agreement_number", " "),
    ]:
        response = await auth_client.post("/api/v1/users", json=user_body("AG-10", **{field: value}))
        assert response.status_code == 422, (field, value)
        assert response.json()["error"]["code"] == "VALIDATION_ERROR"
        assert field in response.text


async def test_max_sessions_must_be_between_1_and_100(auth_client: Client, auth_sim: AuthSimState) -> None:
    for value in (0, -1, 101, 1.5, "many"):
        response = await auth_client.post("/api/v1/users", json=user_body(max_sessions=value))
        assert response.status_code == 422, value
    assert (await create(auth_client, max_sessions=100))["max_sessions"] == 100


async def test_duplicate_agreement_number_is_409(auth_client: Client, auth_sim: AuthSimState) -> None:
    await create(auth_client, "AG-1")
    response = await auth_client.post("/api/v1/users", json=user_body("AG-1", first_name="Other"))
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "DUPLICATE_ENTRY"
    other = await create(auth_client, "AG-2")
    response = await auth_client.patch(f"/api/v1/users/{other['id']}", json={"agreement_number": "AG-1"})
    assert response.status_code == 409
    assert len(auth_sim.tokens) == 2


async def test_unknown_ids_are_named_in_422(auth_client: Client, db: AsyncSession, auth_sim: AuthSimState) -> None:
    ch = await add_channel(db, "OTR")
    response = await auth_client.post(
        "/api/v1/users", json=user_body(tariff_ids=[998], package_ids=[997, 996], channel_ids=[ch, 995])
    )
    assert response.status_code == 422
    details = {d["field"]: d["message"] for d in response.json()["error"]["details"]}
    assert details == {
        "tariff_ids": "unknown ids: 998",
        "package_ids": "unknown ids: 996, 997",
        "channel_ids": "unknown ids: 995",
    }
    assert auth_sim.tokens == {}
    assert (await db.execute(text("SELECT count(*) FROM users"))).scalar_one() == 0


async def test_validity_accepts_offsets_naive_and_dates(auth_client: Client, auth_sim: AuthSimState) -> None:
    naive = await create(auth_client, "AG-1", valid_from="2030-01-01T10:00:00", valid_until="2030-02-01T10:00:00.5")
    assert (naive["valid_from"], naive["valid_until"]) == ("2030-01-01T10:00:00Z", "2030-02-01T10:00:00Z")
    # Dates are whole days in the operator's zone (UTC in the test settings).
    dated = await create(auth_client, "AG-2", valid_from_date="2030-01-01", valid_until_date="2030-12-31")
    assert (dated["valid_from"], dated["valid_until"]) == ("2030-01-01T00:00:00Z", "2030-12-31T23:59:59Z")
    settings = (await auth_client.get("/api/v1/settings/ui")).json()["data"]
    assert settings == {
        "operator_timezone": "UTC",
        "logo_max_bytes": 256 * 1024,
        "logo_types": ["image/png", "image/jpeg", "image/gif", "image/webp"],
    }


async def test_dates_are_whole_days_in_the_operator_time_zone(settings: Settings, sync: AuthSync) -> None:
    moscow = SubscriberService(
        cast("AsyncSession", None), dataclasses.replace(settings, operator_timezone="Europe/Moscow"), sync
    )
    start = moscow._bound(None, date(2030, 1, 1), end=False, name="valid_from")
    end = moscow._bound(None, date(2030, 12, 31), end=True, name="valid_until")
    assert (start.isoformat(), end.isoformat()) == ("2029-12-31T21:00:00+00:00", "2030-12-31T20:59:59+00:00")


async def test_bad_validity_values_are_422_never_500(auth_client: Client, auth_sim: AuthSimState) -> None:
    bad: list[dict[str, Any]] = [
        {"valid_from": "not a date"},
        {"valid_from": "2030-13-01T00:00:00Z"},
        {"valid_until": "9999-12-31T23:59:59-05:00"},
        {"valid_from": "0001-01-01T00:00:00+05:00"},
        {"valid_from_date": "2030-02-30"},
        {"valid_from": "2030-01-01T00:00:00Z", "valid_from_date": "2030-01-01"},
        {"valid_from": "2030-02-01T00:00:00Z", "valid_until": "2030-01-01T00:00:00Z"},
        {"valid_from_date": "2030-01-02", "valid_until_date": "2030-01-01"},
    ]
    for fields in bad:
        response = await auth_client.post("/api/v1/users", json=user_body(**fields))
        assert response.status_code == 422, (fields, response.text)
    same_day = await create(auth_client, valid_from_date="2030-01-01", valid_until_date="2030-01-01")
    assert same_day["valid_until"] == "2030-01-01T23:59:59Z"


async def test_patch_changes_only_sent_fields_and_null_clears_dates(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState
) -> None:
    user = await create(auth_client, valid_from="2030-01-01T00:00:00Z", valid_until="2030-06-01T00:00:00Z")
    url = f"/api/v1/users/{user['id']}"
    response = await auth_client.patch(url, json={"max_sessions": 3})
    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["max_sessions"], data["first_name"], data["valid_until"]) == (3, "Ivan", "2030-06-01T00:00:00Z")
    response = await auth_client.patch(url, json={"valid_until": None})
    assert response.json()["data"]["valid_until"] is None
    response = await auth_client.patch(url, json={"valid_until": "2029-01-01T00:00:00Z"})
    assert response.status_code == 422  # before valid_from
    response = await auth_client.patch(url, json={"unknown": 1})
    assert response.status_code == 422
    await assert_converged(db, auth_sim)
    (remote,) = auth_sim.tokens.values()
    assert remote.valid_until is None  # removed at the Auth Service too (by re-creating the token)


async def test_get_user_shows_assignments_and_404(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState
) -> None:
    ch = await add_channel(db, "HBO", display_name="HBO HD")
    pkg = await add_package(db, "Sports")
    tariff = await add_tariff(db, "Premium", [pkg])
    user = await create(auth_client, tariff_ids=[tariff], package_ids=[pkg], channel_ids=[ch])
    data = (await auth_client.get(f"/api/v1/users/{user['id']}")).json()["data"]
    assert data["tariffs"] == [{"id": tariff, "name": "Premium"}]
    assert data["packages"] == [{"id": pkg, "name": "Sports"}]
    assert data["channels"] == [{"id": ch, "name": "HBO HD"}]
    assert data["token"] == user["token"]
    assert set(data["auth_sync"]) >= {"status", "error", "error_at", "attempts", "next_attempt_at", "synced_at"}
    for path in ("", "/resolved-channels", "/playlist", "/playlist/preview"):
        response = await auth_client.get(f"/api/v1/users/999999{path}")
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "NOT_FOUND"


async def test_delete_user_removes_token(auth_client: Client, db: AsyncSession, auth_sim: AuthSimState) -> None:
    user = await create(auth_client)
    response = await auth_client.delete(f"/api/v1/users/{user['id']}")
    assert response.status_code == 200
    assert response.json()["data"] == {"id": user["id"], "deleted": True}
    assert auth_sim.tokens == {}
    assert (await auth_client.get(f"/api/v1/users/{user['id']}")).status_code == 404
    assert (await auth_client.delete(f"/api/v1/users/{user['id']}")).status_code == 404


async def test_requests_need_a_session(client: Client) -> None:
    assert (await client.get("/api/v1/users")).status_code == 401


# -- list and search -------------------------------------------------------------------------


async def seed_users(db: AsyncSession, rows: list[tuple[str, str, str]], status: str = "enabled") -> list[int]:
    users = [
        UserFactory.build(first_name=first, last_name=last, agreement_number=number, status=UserStatus(status))
        for first, last, number in rows
    ]
    return [user.id for user in await save(db, users)]


async def names(client: Client, **params: Any) -> list[str]:
    response = await client.get("/api/v1/users", params=params)
    assert response.status_code == 200, response.text
    return [f"{u['last_name']} {u['first_name']}" for u in response.json()["data"]["items"]]


async def test_list_is_ordered_by_last_then_first_name(auth_client: Client, db: AsyncSession) -> None:
    await seed_users(db, [("Petr", "Petrov", "AG-2"), ("Ivan", "Ivanov", "AG-1"), ("Anna", "Ivanov", "AG-3")])
    assert await names(auth_client) == ["Ivanov Anna", "Ivanov Ivan", "Petrov Petr"]
    page = (await auth_client.get("/api/v1/users", params={"page": 2, "per_page": 2})).json()["data"]
    assert (page["total"], page["pages"], page["page"], len(page["items"])) == (3, 2, 2, 1)


async def test_search_is_case_insensitive_prefix_per_field_and_terms_are_anded(
    auth_client: Client, db: AsyncSession
) -> None:
    await seed_users(
        db,
        [
            ("Ivan", "Ivanov", "AG-001"),
            ("Petr", "Ivanov", "AG-002"),
            ("Пётр", "Сидоров", "ДГ-7"),
            ("Sid", "Sidorov", "X_1%"),
        ],
    )
    assert await names(auth_client, search="ivan") == ["Ivanov Ivan", "Ivanov Petr"]
    assert await names(auth_client, search="IVANOV pe") == ["Ivanov Petr"]
    assert await names(auth_client, search="ag-001") == ["Ivanov Ivan"]
    assert await names(auth_client, search="vanov") == []  # prefix, not substring
    assert await names(auth_client, search="сидор") == ["Сидоров Пётр"]
    assert await names(auth_client, search="дг-") == ["Сидоров Пётр"]
    assert await names(auth_client, search="x_1%") == ["Sidorov Sid"]
    assert await names(auth_client, search="x%") == []  # wildcards are literal
    # Agreement numbers are stored NFKC-normalised, so a fullwidth search finds them too.
    assert await names(auth_client, search="ＡＧ-００１") == ["Ivanov Ivan"]  # noqa: RUF001
    assert await names(auth_client, search="   ") == ["Ivanov Ivan", "Ivanov Petr", "Sidorov Sid", "Сидоров Пётр"]


@pytest.mark.parametrize("sort_matches_up_to", [0, 5_000], ids=["walk-name-index", "filter-then-sort"])
async def test_filtered_pages_keep_name_order_whichever_plan(
    auth_client: Client, db: AsyncSession, monkeypatch: pytest.MonkeyPatch, sort_matches_up_to: int
) -> None:
    # list_page sorts small match sets after filtering and walks the name index for large ones:
    # both must give the same pages.
    monkeypatch.setattr(service_module, "SORT_MATCHES_UP_TO", sort_matches_up_to)
    await seed_users(db, [(f"F{i}", f"Kim{9 - i}", f"K-{i}") for i in range(7)] + [("Zed", "Other", "O-1")])
    pages = [await names(auth_client, search="kim", per_page=3, page=p) for p in (1, 2, 3)]
    assert pages == [["Kim3 F6", "Kim4 F5", "Kim5 F4"], ["Kim6 F3", "Kim7 F2", "Kim8 F1"], ["Kim9 F0"]]
    # Past the last page: no rows, but the count is still told.
    past = (await auth_client.get("/api/v1/users", params={"search": "kim", "per_page": 3, "page": 4})).json()["data"]
    assert (past["items"], past["total"], past["pages"]) == ([], 7, 3)


async def test_list_filters_by_status_and_tariff(auth_client: Client, db: AsyncSession) -> None:
    enabled = await seed_users(db, [("A", "Alpha", "1"), ("B", "Beta", "2")])
    await seed_users(db, [("C", "Gamma", "3")], status="disabled")
    tariff = await add_tariff(db, "Premium")
    await link(db, user_tariffs, [(enabled[1], tariff)])
    assert await names(auth_client, status="disabled") == ["Gamma C"]
    assert await names(auth_client, tariff_id=tariff) == ["Beta B"]
    assert await names(auth_client, tariff_id=tariff, status="disabled") == []
    assert (await auth_client.get("/api/v1/users", params={"status": "bogus"})).status_code == 422
    assert (await auth_client.get("/api/v1/users", params={"per_page": 201})).status_code == 422


@pytest.mark.parametrize("tariff_id", ["0", "2147483648", "99999999999"])
async def test_tariff_filter_out_of_range_is_422_naming_it(auth_client: Client, tariff_id: str) -> None:
    response = await auth_client.get("/api/v1/users", params={"tariff_id": tariff_id})
    assert response.status_code == 422, response.text
    assert [d["field"] for d in response.json()["error"]["details"]] == ["tariff_id"]


async def test_list_filters_by_auth_sync_state(auth_client: Client, db: AsyncSession) -> None:
    # The dashboard's "failed pushes: See users" link opens the list with this filter.
    ids = await seed_users(db, [("A", "Alpha", "1"), ("B", "Beta", "2"), ("C", "Gamma", "3"), ("D", "Delta", "4")])
    states = {ids[0]: "synced", ids[1]: "failed", ids[2]: "pending", ids[3]: "failed"}
    for uid, state in states.items():
        sql = text("UPDATE users SET auth_sync_status = CAST(:s AS auth_sync_status) WHERE id = :u")
        await db.execute(sql, {"s": state, "u": uid})
    await db.commit()
    assert await names(auth_client, auth_sync_status="failed") == ["Beta B", "Delta D"]
    assert await names(auth_client, auth_sync_status="pending") == ["Gamma C"]
    assert await names(auth_client, auth_sync_status="synced") == ["Alpha A"]
    assert await names(auth_client, auth_sync_status="failed", search="del") == ["Delta D"]
    page = (await auth_client.get("/api/v1/users", params={"auth_sync_status": "failed"})).json()["data"]
    assert page["total"] == 2
    for bad in ("bogus", "FAILED", "failed'--", ""):
        response = await auth_client.get("/api/v1/users", params={"auth_sync_status": bad})
        assert response.status_code == 422, (bad, response.text)
        assert response.json()["error"]["code"] == "VALIDATION_ERROR"


async def test_list_rows_show_tariffs_and_sync_state_in_constant_queries(
    auth_client: Client, db: AsyncSession, count_queries: Any
) -> None:
    tariffs = [await add_tariff(db, f"T{i}") for i in range(3)]

    async def listing_cost(expected: int) -> int:
        with count_queries() as counter:
            response = await auth_client.get("/api/v1/users", params={"per_page": 100, "search": "user"})
        items = response.json()["data"]["items"]
        assert len(items) == expected
        assert all(len(item["tariffs"]) == 3 for item in items)
        assert {"max_sessions", "status", "auth_sync_status", "agreement_number"} <= set(items[0])
        return counter.count

    async def add(n: int, start: int) -> None:
        ids = await seed_users(db, [(f"User{i}", f"User{i:03d}", f"N{i}") for i in range(start, start + n)])
        await link(db, user_tariffs, [(uid, t) for uid in ids for t in tariffs])

    await add(1, 0)
    one = await listing_cost(1)
    await add(49, 1)
    assert await listing_cost(50) == one


async def test_list_with_assignments_carries_packages_and_channels_in_the_same_queries(
    auth_client: Client, db: AsyncSession, count_queries: Any
) -> None:
    # Exports and billing systems read every subscriber in full: a page, not a request per user.
    basic, sport = await add_package(db, "Basic", []), await add_package(db, "Sport", [])
    news = await add_channel(db, "news", display_name="Новости")
    ids = await seed_users(db, [(f"User{i}", f"User{i:03d}", f"N{i}") for i in range(30)])
    await link(db, user_packages, [(uid, p) for uid in ids for p in (sport, basic)])
    await link(db, user_channels, [(ids[0], news)])
    with count_queries() as lean:
        plain = (await auth_client.get("/api/v1/users", params={"per_page": 50})).json()["data"]["items"]
    assert "packages" not in plain[0] and "channels" not in plain[0] and "valid_from" in plain[0]
    with count_queries() as full:
        response = await auth_client.get("/api/v1/users", params={"per_page": 50, "include_assignments": "true"})
    items = {item["id"]: item for item in response.json()["data"]["items"]}
    assert [p["name"] for p in items[ids[0]]["packages"]] == ["Basic", "Sport"]
    assert items[ids[0]]["channels"] == [{"id": news, "name": "Новости"}]
    assert items[ids[1]]["channels"] == []
    assert full.count == lean.count


async def test_resync_all_marks_everyone_pending_for_the_worker(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync
) -> None:
    for i in range(3):
        await create(auth_client, f"AG-{i}")
    auth_sim.tokens.clear()  # the Auth Service lost everything
    response = await auth_client.post("/api/v1/users/auth-sync")
    assert response.status_code == 202
    assert response.json()["data"] == {"marked": 3}
    status = (await auth_client.get("/api/v1/auth-sync/status")).json()["data"]
    assert (status["pending"], status["synced"]) == (3, 0)
    await sync.run_once()
    await assert_converged(db, auth_sim)
    status = (await auth_client.get("/api/v1/auth-sync/status")).json()["data"]
    assert (status["pending"], status["failed"], status["synced"]) == (0, 0, 3)


async def test_local_user_row_keeps_token_pointer(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState
) -> None:
    user = await create(auth_client)
    row = await local_user(db, user["id"])
    assert (row["auth_token"], row["auth_user_id"]) == (user["token"], "AG-001")
