"""Channel resolution (spec §6.2) and the playlist download/preview (spec §6.3, Appendix A).

Playlists are read back with iptv-org's iptv-playlist-parser (tests/playlist_parser/parse.mjs), the
way a player would.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from devtools.simulators.auth_service import AuthSimState
from playlist_service.db.models import user_channels, user_packages, user_tariffs
from playlist_service.playlists import lines
from playlist_service.playlists.resolution import allowed_streams_for_users, resolve_channels
from tests.factories import ChannelFactory, UserFactory, link
from tests.integration.subscribers.helpers import (
    BASE_URL,
    add_channel,
    add_group,
    add_package,
    add_tariff,
    create,
)

Client = AsyncTestClient[Litestar]
PARSER_DIR = Path(__file__).resolve().parents[2] / "playlist_parser"


def parse_with_player(content: str) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None or not (PARSER_DIR / "node_modules" / "iptv-playlist-parser").is_dir():
        pytest.fail(f"node and iptv-playlist-parser are needed: run `npm ci` in {PARSER_DIR}")
    proc = subprocess.run(
        [node, str(PARSER_DIR / "parse.mjs")], input=content.encode(), capture_output=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    items: list[dict[str, Any]] = json.loads(proc.stdout)["items"]
    return items


@pytest.fixture
async def lineup(db: AsyncSession) -> dict[str, int]:
    """Two groups (news before sport), channels reached by every route, one orphan, one ungrouped."""
    news = await add_group(db, "Информационные", 1)
    sport = await add_group(db, "Спорт", 2)
    ids = {
        "sport1": await add_channel(db, "sport1", group_id=sport, sort_order=1),
        "news2": await add_channel(db, "news2", group_id=news, sort_order=2),
        "news1": await add_channel(db, "news1", group_id=news, sort_order=1, tvg_id="otr", catchup_days=14),
        "loose": await add_channel(db, "loose", sort_order=0),
        "gone": await add_channel(db, "gone", group_id=news, sort_order=3, status="orphaned"),
    }
    basic = await add_package(db, "Basic", [ids["news1"], ids["news2"]])
    sports = await add_package(db, "Sports", [ids["sport1"], ids["news1"]])
    ids["basic"], ids["sports"] = basic, sports
    ids["tariff"] = await add_tariff(db, "Standard", [basic])
    return ids


async def test_resolution_unions_all_routes_deduplicated_in_playlist_order(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, lineup: dict[str, int]
) -> None:
    user = await create(
        auth_client,
        tariff_ids=[lineup["tariff"]],
        package_ids=[lineup["sports"]],
        channel_ids=[lineup["loose"], lineup["gone"], lineup["news1"]],
    )
    data = (await auth_client.get(f"/api/v1/users/{user['id']}/resolved-channels")).json()["data"]
    order = [(c["stream_name"], c["playable"]) for c in data["items"]]
    assert order == [
        ("news1", True),
        ("news2", True),
        ("gone", False),
        ("sport1", True),
        ("loose", True),
    ]
    assert (data["total"], data["playable"]) == (5, 4)
    # news1 comes through the tariff, the package and directly: once in the playlist too.
    content = (await auth_client.get(f"/api/v1/users/{user['id']}/playlist/preview")).json()["data"]["content"]
    in_playlist = [unquote(line.split("/")[-2]) for line in content.splitlines() if "video.m3u8" in line]
    assert in_playlist == ["news1", "news2", "sport1", "loose"]
    gone = next(c for c in data["items"] if c["stream_name"] == "gone")
    assert (gone["sync_status"], gone["group_name"]) == ("orphaned", "Информационные")
    streams = (await allowed_streams_for_users(db, [user["id"]]))[user["id"]]
    assert streams == ["loose", "news1", "news2", "sport1"]  # orphans are not sent to the Auth Service
    (remote,) = auth_sim.tokens.values()
    assert remote.allowed_streams == streams


async def test_resolution_is_one_query_whatever_the_size(db: AsyncSession, lineup: dict[str, int]) -> None:
    u1, u2 = (user.id for user in await UserFactory.add_batch(db, 2))
    await link(db, user_channels, [(u1, lineup["loose"])])
    many = [channel.id for channel in await ChannelFactory.add_batch(db, 60)]
    big = await add_package(db, "Big", many)
    await link(db, user_packages, [(u2, big)])
    await link(db, user_tariffs, [(u2, lineup["tariff"])])
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    from sqlalchemy import event

    sync_engine = db.bind.sync_engine  # type: ignore[union-attr]
    event.listen(sync_engine, "before_cursor_execute", count)
    try:
        small = await resolve_channels(db, u1)
        n_small = len(statements)
        large = await resolve_channels(db, u2)
        bulk = await allowed_streams_for_users(db, [u1, u2])
    finally:
        event.remove(sync_engine, "before_cursor_execute", count)
    assert (len(small), len(large)) == (1, 62)
    assert n_small == 1 and len(statements) == 3  # one per call, bulk included
    assert len(bulk[u2]) == 62


async def test_playlist_endpoints_cost_a_constant_number_of_queries(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, count_queries: Any
) -> None:
    one = await add_channel(db, "one")
    many = [await add_channel(db, f"c{i}") for i in range(50)]
    pkg = await add_package(db, "Many", many)
    small = await create(auth_client, agreement_number="S", channel_ids=[one])
    large = await create(auth_client, agreement_number="L", package_ids=[pkg], channel_ids=[one])
    costs = []
    for user in (small, large):
        with count_queries() as counter:
            for path in ("playlist", "playlist/preview", "resolved-channels"):
                assert (await auth_client.get(f"/api/v1/users/{user['id']}/{path}")).status_code == 200
        costs.append(counter.count)
        # The playlist's own query runs on the driver connection: counted too, once per playlist.
        assert counter.statements.count(lines.KEYS_SQL) == 2
    assert costs[0] == costs[1]


async def test_playlist_follows_the_resolved_order_with_tied_groups_and_ungrouped_channels(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState
) -> None:
    # The playlist query is a hand-written copy of resolve_channels' order: the two must agree.
    first = await add_group(db, "First", 0)
    tied_b = await add_group(db, "Tied B", 5)  # created first: lower id ...
    tied_a = await add_group(db, "Tied A", 5)  # ... so it comes before this one despite the name
    lineup = [
        ("loose2", None, 2),
        ("b2", tied_b, 2),
        ("a1", tied_a, 1),
        ("first", first, 9),
        ("b1", tied_b, 1),
        ("loose1", None, 1),
        ("a-tie-y", tied_a, 3),
        ("a-tie-x", tied_a, 3),  # same sort order as a-tie-y: the id decides
        ("b-gone", tied_b, 0),
    ]
    ids = [
        await add_channel(db, name, group_id=group, sort_order=order, status="orphaned" if "gone" in name else "synced")
        for name, group, order in lineup
    ]
    user = await create(auth_client, channel_ids=ids)
    resolved = (await auth_client.get(f"/api/v1/users/{user['id']}/resolved-channels")).json()["data"]["items"]
    playable = [c["stream_name"] for c in resolved if c["playable"]]
    assert playable == ["first", "b1", "b2", "a1", "a-tie-y", "a-tie-x", "loose1", "loose2"]
    content = (await auth_client.get(f"/api/v1/users/{user['id']}/playlist/preview")).json()["data"]["content"]
    in_playlist = [unquote(line.split("/")[-2]) for line in content.splitlines() if "video.m3u8" in line]
    assert in_playlist == playable


async def test_download_is_an_m3u_attachment_a_player_reads_back(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState
) -> None:
    group = await add_group(db, 'Израильские "каналы"', 1)
    logo = "data:image/png;base64,iVBORw0KGgo="
    hostile = [
        await add_channel(db, "9kanalHD", display_name="9 канал HD", group_id=group, tvg_id="2672", tvg_logo=logo),
        await add_channel(db, "kan11", display_name="כאן 11", group_id=group, sort_order=1, catchup_days=7),
        await add_channel(
            db, "evil", display_name='Evil",\n#EXTINF:-1,Injected', group_id=group, sort_order=2, tvg_id='x" tvg-id=y'
        ),
    ]
    user = await create(auth_client, first_name="Иван", last_name="כהן", agreement_number="AG/1", channel_ids=hostile)
    response = await auth_client.get(f"/api/v1/users/{user['id']}/playlist")
    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/x-mpegurl; charset=utf-8"
    assert response.headers["cache-control"] == "no-store"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "כהן_Иван_AG1.m3u8"
    content = response.content.decode("utf-8")
    assert content.startswith("#EXTM3U\n")

    items = parse_with_player(content)
    assert [i["name"] for i in items] == ["9 канал HD", "כאן 11", "Evil', #EXTINF:-1,Injected"]
    token = user["token"]
    assert [i["url"] for i in items] == [
        f"{BASE_URL}/{s}/video.m3u8?token={token}" for s in ("9kanalHD", "kan11", "evil")
    ]
    assert items[0]["tvg"]["id"] == "2672"
    assert items[0]["tvg"]["logo"] == logo
    assert items[0]["group"]["title"] == "Израильские 'каналы'"
    assert items[2]["tvg"]["id"] != "y"

    preview = (await auth_client.get(f"/api/v1/users/{user['id']}/playlist/preview")).json()["data"]
    assert preview == {"filename": "כהן_Иван_AG1.m3u8", "content": content, "channel_count": 3}


async def test_orphans_are_left_out_of_the_playlist(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, lineup: dict[str, int]
) -> None:
    user = await create(auth_client, channel_ids=[lineup["gone"], lineup["loose"]])
    preview = (await auth_client.get(f"/api/v1/users/{user['id']}/playlist/preview")).json()["data"]
    assert preview["channel_count"] == 1
    assert [i["url"].split("/")[3] for i in parse_with_player(preview["content"])] == ["loose"]


async def test_user_without_channels_gets_an_empty_playlist(auth_client: Client, auth_sim: AuthSimState) -> None:
    user = await create(auth_client)
    response = await auth_client.get(f"/api/v1/users/{user['id']}/playlist")
    assert response.text == "#EXTM3U\n"


async def preview(client: Client, user_id: int) -> str:
    response = await client.get(f"/api/v1/users/{user_id}/playlist/preview")
    assert response.status_code == 200, response.text
    content: str = response.json()["data"]["content"]
    return content


async def test_kept_lines_follow_every_edit_and_each_token(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, count_queries: Any
) -> None:
    # Lines are kept across requests by row version (playlists/lines.py): every change must show at once.
    news = await add_group(db, "News", 1)
    first = await add_channel(db, "first", group_id=news, sort_order=1, tvg_id="one")
    second = await add_channel(db, "second", group_id=news, sort_order=2)
    alice = await create(auth_client, agreement_number="A-1", channel_ids=[first, second])
    bob = await create(auth_client, agreement_number="B-1", channel_ids=[second])
    before = await preview(auth_client, alice["id"])
    assert 'tvg-id="one" group-title="News"' in before
    with count_queries() as counter:
        assert await preview(auth_client, alice["id"]) == before
    assert counter.statements.count(lines.ROWS_SQL) == 0  # nothing changed: no row is read again
    bob_text = await preview(auth_client, bob["id"])
    assert f"token={bob['token']}" in bob_text and alice["token"] not in bob_text

    edited = await auth_client.patch(f"/api/v1/channels/{first}", json={"tvg_id": "uno"})
    assert edited.status_code == 200, edited.text
    assert 'tvg-id="uno"' in await preview(auth_client, alice["id"])
    renamed = await auth_client.patch(f"/api/v1/groups/{news}", json={"name": "Новости"})
    assert renamed.status_code == 200, renamed.text
    after_rename = await preview(auth_client, alice["id"])
    assert after_rename.count('group-title="Новости"') == 2 and 'group-title="News"' not in after_rename
    ungrouped = await auth_client.patch(f"/api/v1/channels/{second}/group", json={"group_id": None})
    assert ungrouped.status_code == 200, ungrouped.text
    assert [line for line in (await preview(auth_client, bob["id"])).splitlines() if "group-title" in line] == []
    await db.execute(text("UPDATE channels SET display_name = 'Второй' WHERE id = :id"), {"id": second})
    await db.commit()  # as a Flussonic sync writes it
    assert ",Второй\n" in await preview(auth_client, alice["id"])
    await db.execute(text("UPDATE channels SET sync_status = 'orphaned' WHERE id = :id"), {"id": first})
    await db.commit()
    assert "/first/" not in await preview(auth_client, alice["id"])


async def test_kept_lines_stay_bounded_and_large_logos_are_not_kept(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lines, "_LINES", {})
    monkeypatch.setattr(lines, "_MAX_ENTRIES", 3)
    big_logo = "data:image/png;base64," + "A" * 4096
    small = [await add_channel(db, f"s{i}") for i in range(2)]
    big = await add_channel(db, "big", tvg_logo=big_logo)
    user = await create(auth_client, channel_ids=[*small, big])
    content = await preview(auth_client, user["id"])
    assert f'tvg-logo="{big_logo}"' in content
    assert sorted(key[0] for key in lines._LINES) == sorted(small)  # the big logo's lines are not kept
    more = [await add_channel(db, f"t{i}") for i in range(2)]
    other = await create(auth_client, agreement_number="X-2", channel_ids=more)
    await preview(auth_client, other["id"])
    assert sorted(key[0] for key in lines._LINES) == sorted(more)  # emptied when full, then refilled


async def test_a_channel_orphaned_after_the_keys_were_read_is_left_out(
    auth_client: Client, db: AsyncSession, auth_sim: AuthSimState, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keys and the rows are two statements: a sync may orphan a channel in between. Here the
    keys are read as if just before that sync (no status filter), the rows after it."""
    monkeypatch.setattr(lines, "_LINES", {})
    kept, gone = await add_channel(db, "kept"), await add_channel(db, "gone")
    user = await create(auth_client, channel_ids=[kept, gone])
    await db.execute(text("UPDATE channels SET sync_status = 'orphaned' WHERE id = :id"), {"id": gone})
    await db.commit()
    unfiltered = lines.KEYS_SQL.replace("c.sync_status = 'synced' AND ", "")
    assert unfiltered != lines.KEYS_SQL  # else this test would test nothing
    monkeypatch.setattr(lines, "KEYS_SQL", unfiltered)
    heads = await lines.playlist_heads(db, user["id"])
    await db.commit()
    assert len(heads) == 1 and heads[0].endswith(b"/kept")
