"""The simulator itself behaves as reference §1/§3 describe (pagination, select, filters, control API)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest

from devtools.simulators.flussonic import SimulatorState

from .conftest import LOGIN, PASSWORD


@pytest.fixture
def http(sim_url: str, sim: SimulatorState) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sim_url, auth=(LOGIN, PASSWORD)) as client:
        yield client


def _names(body: dict[str, Any]) -> list[str]:
    return [s["name"] for s in body["streams"]]


def test_default_page_and_position_cursor(http: httpx.Client) -> None:
    body = http.get("/streamer/api/v3/streams").json()

    assert len(body["streams"]) == 100
    assert body["estimated_count"] == 160
    assert body["prev"] is None
    assert base64.b64decode(body["next"]) == b"%24position_gt=99"
    second = http.get("/streamer/api/v3/streams", params={"cursor": body["next"]}).json()
    assert len(second["streams"]) == 60 and "next" not in second
    assert base64.b64decode(second["prev"]) == b"%24position_lt=100&%24reversed=true"
    back = http.get("/streamer/api/v3/streams", params={"cursor": second["prev"]}).json()
    assert _names(back) == _names(body)


def test_sort_by_name_descending_uses_name_cursor(http: httpx.Client) -> None:
    first = http.get("/streamer/api/v3/streams", params={"sort": "-name", "limit": 3}).json()
    names = _names(first)

    assert names == sorted(names, reverse=True)
    assert base64.b64decode(first["next"]).decode() == f"name_lt={quote_plus(names[-1])}"
    rest = http.get("/streamer/api/v3/streams", params={"sort": "-name", "limit": 3, "cursor": first["next"]})
    assert _names(rest.json())[0] < names[-1]


def test_select_nested_fields_q_and_filters(http: httpx.Client) -> None:
    body = http.get(
        "/streamer/api/v3/streams", params={"select": "name,dvr.expiration,stats.alive", "q": "россия"}
    ).json()

    assert _names(body) == ["russia24", "rossiya1"]
    assert body["streams"][0] == {"name": "russia24", "dvr": {"expiration": 172800}, "stats": {"alive": True}}
    users = http.get("/streamer/api/v3/streams", params={"named_by": "user", "select": "name"}).json()
    assert users["estimated_count"] == 4
    disabled = http.get("/streamer/api/v3/streams", params={"disabled": "true"}).json()
    assert disabled["estimated_count"] == 2


def test_single_stream_with_slash_and_404_body(http: httpx.Client) -> None:
    assert http.get("/streamer/api/v3/streams/mylive/bunny").json()["title"] == "Big Buck Bunny"
    missing = http.get("/streamer/api/v3/streams/nope")
    assert missing.status_code == 404
    assert missing.json() == {"errors": [{"status": "404", "code": "stream_not_found", "title": "Stream not found"}]}


def test_legacy_media_and_server(http: httpx.Client) -> None:
    media = http.get("/flussonic/api/media").json()
    streams = [e["value"] for e in media if e["entry"] == "stream"]

    assert len(streams) == 160 and any(e["entry"] != "stream" for e in media)
    assert streams[1]["options"]["dvr"]["dvr_limit"] == 2 * 86400
    assert http.get("/flussonic/api/server").json()["total_streams"] == 160


def test_auth_schemes(sim_url: str, sim: SimulatorState) -> None:
    url = f"{sim_url}/streamer/api/v3/config/stats"
    assert httpx.get(url).status_code == 401
    assert httpx.get(url, headers={"Authorization": "Bearer named-api-token"}).status_code == 200
    sim.configure({"auth_failure_status": 403})
    denied = httpx.get(url, auth=("admin", "nope"))
    assert (denied.status_code, denied.json()) == (403, {"error": "authorization_failed"})
    assert httpx.get(f"{sim_url}/streamer/api/v3/monitoring/liveness").status_code == 200


def test_control_api(sim_url: str, sim: SimulatorState) -> None:
    with httpx.Client(base_url=sim_url) as control:
        assert control.post("/_sim/config", json={"delay": 0.01, "fault": "status"}).json()["fault"] == "status"
        assert control.post("/_sim/config", json={"bogus": 1}).status_code == 400
        assert control.post("/_sim/config", json={"fault": "explode"}).status_code == 400
        assert control.post("/_sim/streams", json={"count": 1000}).json() == {"count": 1000}
        assert sim.delay == 0.01 and len(sim.streams) == 1000
        assert control.post("/_sim/reset").json() == {"count": 160}
        assert control.get("/_sim/config").json()["fault"] is None
        assert control.get("/_sim/requests").json() == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"position_lt": "3"}, ["perviy", "russia24", "ntv-hd"]),
        ({"position_lte": "1"}, ["perviy", "russia24"]),
        ({"position_gt": "157"}, None),  # the last two
        ({"position_gte": "158", "position_lt": "159"}, None),
        ({"dvr.expiration_gte": str(14 * 86400)}, None),
        ({"name_gt": "новости"}, ["ערוץ-הספורט"]),  # text: by code point
        ({"title_like": "HITS"}, ["100%-hits"]),
        ({"named_by_ne": "config"}, None),
    ],
)
def test_comparison_filters(http: httpx.Client, sim: SimulatorState, params: dict[str, str], expected: Any) -> None:
    body = http.get("/streamer/api/v3/streams", params={**params, "limit": "1000", "select": "name"}).json()

    names = _names(body)
    if expected is None:  # checked against the seed itself
        checks = {
            "position_gt": lambda s: s["position"] > 157,
            "position_gte": lambda s: 158 <= s["position"] < 159,
            "dvr.expiration_gte": lambda s: (s.get("dvr") or {}).get("expiration", 0) >= 14 * 86400,
            "named_by_ne": lambda s: s["named_by"] != "config",
        }
        check = checks[next(iter(params))]
        expected = [s["name"] for s in sim.streams if check(s)]
        assert expected  # the filter selects something
    assert names == expected


def test_listing_does_not_change_the_served_streams(http: httpx.Client, sim: SimulatorState) -> None:
    sim.streams = [{"name": "b", "title": "B"}, {"name": "a", "position": 7}]
    before = [dict(s) for s in sim.streams]

    body = http.get("/streamer/api/v3/streams").json()

    assert _names(body) == ["b", "a"]  # the row without a position sorts by its index (0 < 7)
    assert sim.streams == before  # no position written into the state


def test_names_that_break_urls_are_served_by_percent_encoded_path(http: httpx.Client) -> None:
    for name in ["sport+hd", "100%-hits", "what?tv", "channel#5", "news&weather"]:
        response = http.get("/streamer/api/v3/streams/" + quote(name, safe=""))
        assert response.status_code == 200 and response.json()["name"] == name, name
