"""No token we may have POSTed keeps playing unseen: lost answers (the call went through, its answer
did not come back), replaced tokens and reused ids, against the simulator's apply-then-fail faults."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from devtools.simulators.auth_service import AuthSimState
from playlist_service.errors import AuthServiceError
from playlist_service.sync.auth_sync import AuthSync, Deletions
from tests.integration.subscribers.helpers import (
    Client,
    assert_converged,
    assert_saved_but_not_synced,
    auth_allows,
    create,
    local_user,
    recover,
    user_body,
)


def list_calls(sim: AuthSimState) -> int:
    return sim.calls.count(("GET", "/api/tokens"))


async def tombstones(db: AsyncSession) -> int:
    count = int((await db.execute(text("SELECT count(*) FROM auth_token_deletions"))).scalar_one())
    await db.commit()
    return count


# -- creates whose answer was lost ----------------------------------------------------------------


@pytest.mark.parametrize("fault", ["apply_error", "apply_drop"])
async def test_create_whose_answer_was_lost_is_adopted_not_duplicated(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int, fault: str
) -> None:
    auth_sim.set_fault(fault, kinds=["create"], count=1)
    response = await auth_client.post("/api/v1/users", json=user_body(channel_ids=[channel]))
    assert_saved_but_not_synced(response)
    assert len(auth_sim.tokens) == 1  # it did go through
    await recover(db, auth_sim, sync)
    await assert_converged(db, auth_sim)


async def test_failed_create_names_the_saved_user(auth_client: Client, auth_sim: AuthSimState, channel: int) -> None:
    auth_sim.set_fault("error_500", kinds=["create"])
    response = await auth_client.post("/api/v1/users", json=user_body(channel_ids=[channel]))
    assert_saved_but_not_synced(response)
    (user_id,) = [d["message"] for d in response.json()["error"]["details"] if d["field"] == "id"]
    user = (await auth_client.get(f"/api/v1/users/{user_id}")).json()["data"]
    assert user["agreement_number"] == "AG-001"


async def test_regenerate_after_a_lost_create_removes_the_token_that_went_through(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int, sim_url: str
) -> None:
    auth_sim.set_fault("apply_error", kinds=["create"], count=1)
    assert_saved_but_not_synced(await auth_client.post("/api/v1/users", json=user_body(channel_ids=[channel])))
    old = (await local_user(db, 1))["token"]
    assert await auth_allows(sim_url, old, "OTR")  # created, though we never saw its id

    response = await auth_client.post("/api/v1/users/1/regenerate-token")
    assert response.status_code == 200, response.text
    new = response.json()["data"]["token"]
    assert not await auth_allows(sim_url, old, "OTR")
    assert await auth_allows(sim_url, new, "OTR")
    await assert_converged(db, auth_sim)
    assert await tombstones(db) == 0


async def test_regenerating_again_after_a_lost_recreate_removes_the_middle_token(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int, sim_url: str
) -> None:
    first = (await create(auth_client, channel_ids=[channel]))["token"]
    # The push deletes the first token, then creates the second: that create goes through, its answer is lost.
    auth_sim.set_fault("apply_drop", kinds=["create"], count=1)
    assert_saved_but_not_synced(await auth_client.post("/api/v1/users/1/regenerate-token"))
    second = (await local_user(db, 1))["token"]
    assert await auth_allows(sim_url, second, "OTR", ip="10.0.0.2")

    response = await auth_client.post("/api/v1/users/1/regenerate-token")
    assert response.status_code == 200, response.text
    third = response.json()["data"]["token"]
    for token, plays in ((first, False), (second, False), (third, True)):
        assert await auth_allows(sim_url, token, "OTR", ip="10.0.0.3") is plays
    await assert_converged(db, auth_sim)


async def test_regenerate_that_cannot_remove_the_old_token_says_it_may_still_play(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int, sim_url: str
) -> None:
    auth_sim.set_fault("apply_error", kinds=["create"], count=1)
    assert_saved_but_not_synced(await auth_client.post("/api/v1/users", json=user_body(channel_ids=[channel])))
    old = (await local_user(db, 1))["token"]
    auth_sim.set_fault("error_500", kinds=["delete"])
    response = await auth_client.post("/api/v1/users/1/regenerate-token")
    assert_saved_but_not_synced(response)
    assert "may still play" in response.json()["error"]["message"]
    assert await auth_allows(sim_url, old, "OTR")  # true to the answer
    await recover(db, auth_sim, sync)
    assert not await auth_allows(sim_url, old, "OTR")
    await assert_converged(db, auth_sim)


async def test_a_batch_recovering_lost_creates_reads_the_token_list_once(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    auth_sim.set_fault("apply_error", kinds=["create"])
    for n in range(3):
        assert_saved_but_not_synced(
            await auth_client.post("/api/v1/users", json=user_body(f"AG-{n}", channel_ids=[channel]))
        )
    auth_sim.calls.clear()
    await recover(db, auth_sim, sync)
    await assert_converged(db, auth_sim)
    assert list_calls(auth_sim) == 1  # one listing for the batch, not one search per user


# -- deletes --------------------------------------------------------------------------------------


async def test_delete_whose_answer_was_lost_is_done(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int
) -> None:
    await create(auth_client, channel_ids=[channel])
    auth_sim.set_fault("apply_error", kinds=["delete"], count=1)
    assert (await auth_client.delete("/api/v1/users/1")).status_code == 200
    assert auth_sim.tokens == {}
    assert await tombstones(db) == 0


async def test_retried_delete_never_removes_a_token_that_took_the_id(
    auth_client: Client,
    db: AsyncSession,
    auth_sim: AuthSimState,
    sync: AuthSync,
    channel: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await create(auth_client, channel_ids=[channel])
    mine = (await local_user(db, 1))["auth_token_id"]
    auth_sim.set_fault("error_500", kinds=["delete"])
    assert (await auth_client.delete("/api/v1/users/1")).status_code == 502  # the tombstone stays
    # The worker's DELETE goes through, its answer is lost, and the freed id goes to a new token at once.
    real_delete = sync.client.delete_token

    async def delete_then_id_reused(token_id: int) -> bool:
        try:
            return await real_delete(token_id)
        except AuthServiceError:
            assert auth_sim.add_token(token="stranger", user_id="OTHER").id == mine
            raise

    monkeypatch.setattr(sync.client, "delete_token", delete_then_id_reused)
    await db.execute(text("UPDATE auth_token_deletions SET next_attempt_at = now()"))
    await db.commit()
    auth_sim.set_fault("apply_error", kinds=["delete"], count=1)
    assert await sync.delete_tombstones() == Deletions(done=1, deleted=1, errors=[])
    assert [t.token for t in auth_sim.tokens.values()] == ["stranger"]
    assert await tombstones(db) == 0


async def test_tombstones_of_a_batch_read_the_token_list_once(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    auth_sim.set_fault("error_500", kinds=["create"])  # never created: each is deleted by value
    for n in range(3):
        await auth_client.post("/api/v1/users", json=user_body(f"AG-{n}", channel_ids=[channel]))
    auth_sim.set_fault("error_500", kinds=["list"])
    for n in range(1, 4):
        assert (await auth_client.delete(f"/api/v1/users/{n}")).status_code == 502
    assert await tombstones(db) == 3
    auth_sim.calls.clear()
    await recover(db, auth_sim, sync)
    assert await tombstones(db) == 0
    assert list_calls(auth_sim) == 1


async def test_tombstone_never_deletes_a_token_a_live_subscriber_holds(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    user = await create(auth_client, channel_ids=[channel])
    row = await local_user(db, user["id"])
    # However a tombstone came to name a live token (by id or by value), processing it leaves the token.
    for token_id in (row["auth_token_id"], 0):
        await db.execute(
            text("INSERT INTO auth_token_deletions (auth_token_id, token, auth_user_id) VALUES (:i, :t, :u)"),
            {"i": token_id, "t": row["token"], "u": row["agreement_number"]},
        )
    await db.commit()
    # Cleared (nothing to retry), but not counted as deleted.
    assert await sync.delete_tombstones() == Deletions(done=2, deleted=0, errors=[])
    assert await tombstones(db) == 0
    await assert_converged(db, auth_sim)


# -- updates --------------------------------------------------------------------------------------


async def test_update_whose_answers_were_lost_converges(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, sync: AuthSync, channel: int
) -> None:
    await create(auth_client, channel_ids=[channel])
    auth_sim.set_fault("apply_error", kinds=["update"], count=2)  # the PATCH and the client's retry
    assert_saved_but_not_synced(await auth_client.patch("/api/v1/users/1", json={"max_sessions": 7}))
    assert next(iter(auth_sim.tokens.values())).max_sessions == 7  # applied, though unseen
    await recover(db, auth_sim, sync)
    await assert_converged(db, auth_sim)


async def test_patch_retried_after_a_lost_answer_is_harmless(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, channel: int
) -> None:
    await create(auth_client, channel_ids=[channel])
    auth_sim.set_fault("apply_drop", kinds=["update"], count=1)
    response: Any = await auth_client.patch("/api/v1/users/1", json={"max_sessions": 7})
    assert response.status_code == 200, response.text
    await assert_converged(db, auth_sim)
