"""Agreement numbers and subscriber names: what may be stored (catalog_rules.clean_identifier / clean_name).

The agreement number is the Auth Service's user_id: one subscriber per number ignoring case, after
Unicode NFKC, decided by the database (uq_users_agreement_number), and nothing invisible in it.
"""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from devtools.simulators.auth_service import AuthSimState
from tests.factories import UserFactory
from tests.integration.subscribers.helpers import remote_tokens_of, user_body

Client = AsyncTestClient[Litestar]


def assert_422_naming(response: Any, field: str) -> None:
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert [d["field"] for d in error["details"]] == [field], error


def assert_duplicate_agreement(response: Any) -> None:
    assert response.status_code == 409, response.text
    error = response.json()["error"]
    assert error["code"] == "DUPLICATE_ENTRY"
    assert error["details"] == [{"field": "agreement_number", "message": "must be unique"}]


async def test_agreement_numbers_differing_in_case_or_width_are_duplicates(
    auth_client: Client, auth_sim: AuthSimState
) -> None:
    created = await auth_client.post("/api/v1/users", json=user_body("AG-001"))
    assert created.status_code == 201, created.text
    for number in ("ag-001", "Ag-001", "\uff21\uff27-\uff10\uff10\uff11", "\uff41\uff47-001"):
        assert_duplicate_agreement(await auth_client.post("/api/v1/users", json=user_body(number)))
    other = await auth_client.post("/api/v1/users", json=user_body("AG-002"))
    response = await auth_client.patch(
        f"/api/v1/users/{other.json()['data']['id']}", json={"agreement_number": "ag-001"}
    )
    assert_duplicate_agreement(response)
    assert len(auth_sim.tokens) == 2


async def test_the_database_itself_refuses_a_case_variant(db: AsyncSession) -> None:
    await UserFactory.add(db, agreement_number="AG-7")
    with pytest.raises(IntegrityError, match="uq_users_agreement_number"):
        await UserFactory.add(db, agreement_number="ag-7")


async def test_agreement_number_is_nfkc_normalised(auth_client: Client, auth_sim: AuthSimState) -> None:
    response = await auth_client.post("/api/v1/users", json=user_body(" \uff21\uff27-\uff10\uff10\uff13 "))
    assert response.status_code == 201, response.text
    user = response.json()["data"]
    assert user["agreement_number"] == "AG-003"
    assert [t.user_id for t in remote_tokens_of(auth_sim, "AG-003")] == ["AG-003"]
    patched = await auth_client.patch(
        f"/api/v1/users/{user['id']}", json={"agreement_number": "\uff21\uff27-\uff10\uff10\uff14"}
    )
    assert patched.json()["data"]["agreement_number"] == "AG-004"


async def test_renaming_to_another_case_of_its_own_number_is_allowed(
    auth_client: Client, auth_sim: AuthSimState
) -> None:
    user = (await auth_client.post("/api/v1/users", json=user_body("AG-5"))).json()["data"]
    response = await auth_client.patch(f"/api/v1/users/{user['id']}", json={"agreement_number": "ag-5"})
    assert response.status_code == 200, response.text
    assert response.json()["data"]["agreement_number"] == "ag-5"


@pytest.mark.parametrize(
    "number",
    [
        "AG\r\nX",
        "AG\tX",
        "AG-001\u200b",  # zero-width space
        "\u200bAG-001",
        "AG\u202e100",  # right-to-left override
        "AG\u2066X\u2069",  # isolate
        "AG\u2028X",  # line separator
        "\ufeffAG-001",  # BOM
        "AG\u00adX",  # soft hyphen
    ],
)
async def test_invisible_and_control_characters_in_agreement_numbers_are_refused(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, number: str
) -> None:
    assert_422_naming(await auth_client.post("/api/v1/users", json=user_body(number)), "agreement_number")
    assert (await db.execute(text("SELECT count(*) FROM users"))).scalar_one() == 0
    assert auth_sim.tokens == {}


async def test_an_invisible_only_agreement_number_is_blank(auth_client: Client, auth_sim: AuthSimState) -> None:
    response = await auth_client.post("/api/v1/users", json=user_body("\u3000 \u00a0"))
    assert_422_naming(response, "agreement_number")
    assert response.json()["error"]["details"][0]["message"] == "must not be blank"


@pytest.mark.parametrize("field", ["first_name", "last_name"])
@pytest.mark.parametrize(
    "value",
    ["Iv\tan", "Iv\r\nan", "Iv\nan", "a\x1bb", "Iv\u202ean", "Iv\u202aan", "Iv\u2067an", "Line\u2028Sep", "P\u2029S"],
)
async def test_control_and_bidi_characters_in_names_are_refused(
    auth_client: Client, auth_sim: AuthSimState, field: str, value: str
) -> None:
    assert_422_naming(await auth_client.post("/api/v1/users", json=user_body(**{field: value})), field)
    user = (await auth_client.post("/api/v1/users", json=user_body("AG-8"))).json()["data"]
    assert_422_naming(await auth_client.patch(f"/api/v1/users/{user['id']}", json={field: value}), field)


@pytest.mark.parametrize("field", ["first_name", "last_name"])
@pytest.mark.parametrize("value", ["\u200b", " \u200b\ufeff ", "\u2060", "\u00a0\u3000"])
async def test_invisible_only_names_are_blank(
    auth_client: Client, auth_sim: AuthSimState, field: str, value: str
) -> None:
    response = await auth_client.post("/api/v1/users", json=user_body(**{field: value}))
    assert_422_naming(response, field)
    assert response.json()["error"]["details"][0]["message"] == "must not be blank"


async def test_names_keep_hebrew_cyrillic_and_visible_format_characters(
    auth_client: Client, auth_sim: AuthSimState
) -> None:
    body = user_body(first_name="שרה", last_name="Иванова\u200dx")  # a ZWJ between visible letters is text
    response = await auth_client.post("/api/v1/users", json=body)
    assert response.status_code == 201, response.text
    assert (response.json()["data"]["first_name"], response.json()["data"]["last_name"]) == ("שרה", "Иванова\u200dx")
