"""JSON bodies are strictly typed (api/content_type.require_strict_json_body): a string where a number or
boolean belongs, or a number where a date-time belongs, is a 422 naming the field, never coerced."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import ChannelFactory, GroupFactory, UserFactory

Client = AsyncTestClient[Litestar]
USER = {"first_name": "Ivan", "last_name": "Ivanov", "agreement_number": "AG-1"}

# (method, path, body, the field the 422 must name); "{user}", "{group}", "{channel}" are existing rows.
CASES: list[tuple[str, str, dict[str, Any], str]] = [
    ("POST", "/users", {**USER, "max_sessions": "2"}, "max_sessions"),
    ("POST", "/users", {**USER, "tariff_ids": ["1"]}, "tariff_ids[0]"),
    ("POST", "/users", {**USER, "valid_from": 1_900_000_000}, "valid_from"),
    ("PATCH", "/users/{user}", {"max_sessions": "2"}, "max_sessions"),
    ("PATCH", "/users/{user}", {"max_sessions": 2.0}, "max_sessions"),
    ("POST", "/channels/sync", {"force": "true"}, "force"),
    ("POST", "/channels/reorder", {"order": [{"id": "{channel}", "sort_order": "3"}]}, "order[0].id"),
    ("PATCH", "/channels/{channel}/group", {"group_id": "{group}"}, "group_id"),
    ("PATCH", "/channels/{channel}/packages", {"package_ids": ["1"]}, "package_ids[0]"),
    ("POST", "/groups/reorder", {"order": [{"id": 1, "sort_order": "0"}]}, "order[0].sort_order"),
    ("POST", "/tariffs", {"name": "T", "package_ids": ["1"]}, "package_ids[0]"),
]


def fill(value: Any, ids: dict[str, int]) -> Any:
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return str(ids[value[1:-1]])  # still a string: that is the point
    if isinstance(value, dict):
        return {k: fill(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, ids) for v in value]
    return value


@pytest.fixture
async def ids(db: AsyncSession) -> dict[str, int]:
    user = await UserFactory.add(db, agreement_number="AG-0", max_sessions=1)
    group = await GroupFactory.add(db, name="News", sort_order=5)
    channel = await ChannelFactory.add(db, stream_name="otr", sort_order=7)
    return {"user": user.id, "group": group.id, "channel": channel.id}


@pytest.mark.parametrize(("method", "path", "body", "field"), CASES, ids=[f"{c[0]} {c[1]} {c[3]}" for c in CASES])
async def test_a_loosely_typed_body_is_a_422_naming_the_field(
    auth_client: Client, db: AsyncSession, ids: dict[str, int], method: str, path: str, body: dict[str, Any], field: str
) -> None:
    url = "/api/v1" + path.format(**ids)
    response = await auth_client.request(method, url, json=fill(body, ids))
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert [d["field"] for d in error["details"]] == [field], error
    # Nothing changed.
    user = (await db.execute(text("SELECT count(*), max(max_sessions) FROM users"))).one()
    assert tuple(user) == (1, 1)
    assert (await db.execute(text("SELECT sort_order, group_id FROM channels"))).one() == (7, None)
    assert (await db.execute(text("SELECT count(*) FROM tariffs"))).scalar_one() == 0


async def test_a_correctly_typed_body_still_passes(auth_client: Client, ids: dict[str, int], auth_sim: Any) -> None:
    response = await auth_client.patch(f"/api/v1/users/{ids['user']}", json={"max_sessions": 2})
    assert response.status_code == 200, response.text
    assert response.json()["data"]["max_sessions"] == 2
    moved = await auth_client.patch(f"/api/v1/channels/{ids['channel']}/group", json={"group_id": ids["group"]})
    assert moved.status_code == 200, moved.text


async def test_malformed_json_keeps_its_own_answer(auth_client: Client) -> None:
    response = await auth_client.post(
        "/api/v1/groups", content=b'{"name": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/auth/login", b"[" * 2000 + b"]" * 2000),  # no session needed to send it
        ("/groups", b"[" * 100_000 + b"]" * 100_000),
        ("/users", b'{"first_name": ' + b"[" * 5000 + b"]" * 5000 + b"}"),
    ],
)
async def test_deeply_nested_json_is_a_422_not_a_500(auth_client: Client, path: str, body: bytes, app_log: Any) -> None:
    response = await auth_client.post(f"/api/v1{path}", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert "nested too deeply" in response.text
    assert "Traceback" not in app_log.text and "RecursionError" not in app_log.text
