"""The real FlussonicClient against the simulator over loopback HTTP."""

from __future__ import annotations

import socket

import pytest

from devtools.simulators.flussonic import SimulatorState, seed_lineup
from devtools.simulators.flussonic.lineup import DAY, make_stream
from playlist_service.errors import FlussonicError

from .conftest import TOKEN, MakeClient

SEED = seed_lineup()
SEED_NAMES = [s["name"] for s in SEED]


def _list_requests(sim: SimulatorState, path: str = "/streamer/api/v3/streams") -> list[dict[str, object]]:
    return [r for r in sim.requests if r["path"] == path]


# --- listing ------------------------------------------------------------------------------------


async def test_lists_every_seed_stream_across_pages(sim: SimulatorState, make_client: MakeClient) -> None:
    streams = await make_client(page_size=37).list_streams()

    assert [s.stream_name for s in streams] == SEED_NAMES
    assert len({s.stream_name for s in streams}) == len(SEED) == 160
    pages = _list_requests(sim)
    assert len(pages) == 5  # 37 * 4 < 160 <= 37 * 5
    for number, request in enumerate(pages):
        query = dict(request["query"])  # type: ignore[call-overload]
        assert query["limit"] == "37"
        assert query["select"] == "name,title,disabled,dvr.expiration"  # labels only with FLUSSONIC_TVG_NAME_LABEL
        assert ("cursor" in query) == (number > 0)


async def test_keeps_non_ascii_and_odd_names_and_titles(sim: SimulatorState, make_client: MakeClient) -> None:
    by_name = {s.stream_name: s for s in await make_client().list_streams()}

    assert by_name["perviy"].display_name == "Первый канал"
    assert by_name["ntv-hd"].display_name == "НТВ HD"  # noqa: RUF001 -- Cyrillic on purpose
    assert by_name["kan11"].display_name == "כאן 11"
    assert by_name["reshet13"].display_name == "רשת 13"
    for odd in ("mylive/bunny", "cnn intl", "bbc.one", "euro-news.en", "новости", "ערוץ-הספורט"):
        assert odd in by_name
    assert by_name["no-title"].display_name == "no-title"
    assert by_name["empty-title"].display_name == "empty-title"
    assert by_name["kan11"].tvg_name == "כאן 11"


async def test_catchup_days_round_down_with_one_day_minimum(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.streams = [
        make_stream("none", "No DVR", 0),
        make_stream("week", "7 days", 1, dvr_days=7),
        make_stream("partial", "7.9 days", 2),
        make_stream("hour", "1 hour", 3),
        make_stream("zero", "0 s", 4),
        make_stream("root-only", "no expiration", 5),
    ]
    sim.streams[2]["dvr"] = {"root": "/storage", "expiration": int(7.9 * DAY)}
    sim.streams[3]["dvr"] = {"root": "/storage", "expiration": 3600}
    sim.streams[4]["dvr"] = {"root": "/storage", "expiration": 0}
    sim.streams[5]["dvr"] = {"root": "/storage"}

    days = {s.stream_name: s.catchup_days for s in await make_client().list_streams()}

    assert days == {"none": None, "week": 7, "partial": 7, "hour": 1, "zero": None, "root-only": None}


async def test_seed_catchup_matches_dvr_expiration(sim: SimulatorState, make_client: MakeClient) -> None:
    streams = await make_client().list_streams()

    expected = {s["name"]: (s["dvr"].get("expiration", 0) // DAY or None) if s.get("dvr") else None for s in SEED}
    assert {s.stream_name: s.catchup_days for s in streams} == expected
    assert {s.catchup_days for s in streams} == {None, *range(1, 15)}


async def test_tvg_name_comes_from_the_configured_label(sim: SimulatorState, make_client: MakeClient) -> None:
    by_name = {s.stream_name: s for s in await make_client(tvg_name_label="epg").list_streams()}

    assert by_name["perviy"].tvg_name == "epg-perviy"  # position 0 carries labels
    assert by_name["russia24"].tvg_name == "Россия 24"  # no labels: falls back to the title


async def test_stream_base_url_is_the_playback_url_without_trailing_slash(
    sim: SimulatorState, sim_url: str, make_client: MakeClient
) -> None:
    default = await make_client().list_streams()
    public = await make_client(playback_url="https://tv.example.com/").list_streams()

    assert {s.stream_base_url for s in default} == {sim_url}
    assert {s.stream_base_url for s in public} == {"https://tv.example.com"}


@pytest.mark.parametrize("next_style", ["omit", "null"])
async def test_last_page_without_next_or_with_null_next_ends_the_listing(
    sim: SimulatorState, make_client: MakeClient, next_style: str
) -> None:
    sim.configure({"next_style": next_style})

    assert len(await make_client(page_size=100).list_streams()) == 160
    assert len(_list_requests(sim)) == 2


async def test_empty_lineup_returns_empty_list(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.streams = []

    assert await make_client().list_streams() == []


async def test_named_by_filter_is_sent_on_every_page(sim: SimulatorState, make_client: MakeClient) -> None:
    streams = await make_client(named_by="config", page_size=50).list_streams()

    assert len(streams) == 156  # the last four seed streams are named_by=user
    assert all(dict(r["query"])["named_by"] == "config" for r in _list_requests(sim))  # type: ignore[call-overload]


async def test_repeated_name_keeps_the_last_version(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.streams = [make_stream("a", "old", 0), make_stream("b", "B", 1), make_stream("a", "new", 2)]

    streams = await make_client(page_size=2).list_streams()

    assert [(s.stream_name, s.display_name) for s in streams] == [("a", "new"), ("b", "B")]


async def test_server_info_reports_the_version(sim: SimulatorState, make_client: MakeClient) -> None:
    assert (await make_client().server_info())["server_version"] == "24.02"
    assert (await make_client(api_format="legacy").server_info())["version"] == "24.02"


# --- auth ---------------------------------------------------------------------------------------


async def test_basic_auth_is_sent_when_login_is_set(sim: SimulatorState, make_client: MakeClient) -> None:
    await make_client(api_key="ignored-when-login-is-set").list_streams()

    assert {r["auth"] for r in sim.requests} == {"Basic"}


@pytest.mark.parametrize("key", [TOKEN, "YWRtaW46czNjcmV0LXBhc3M="])  # named token, base64(login:password)
async def test_bearer_auth_with_api_key(sim: SimulatorState, make_client: MakeClient, key: str) -> None:
    streams = await make_client(login=None, password=None, api_key=key).list_streams()

    assert len(streams) == 160
    assert {r["auth"] for r in sim.requests} == {"Bearer"}


@pytest.mark.parametrize("status", [401, 403])
async def test_rejected_credentials_give_a_clear_error_without_fallback_or_retry(
    sim: SimulatorState, make_client: MakeClient, status: int
) -> None:
    sim.configure({"auth_failure_status": status})

    with pytest.raises(FlussonicError) as caught:
        await make_client(password="wrong-password").list_streams()

    message = caught.value.message
    assert "credentials rejected" in message and f"HTTP {status}" in message
    assert "FLUSSONIC_API_KEY" in message and "/streamer/api/v3/streams" in message
    assert "wrong-password" not in message
    if status == 403:
        assert "authorization_failed" in message
    assert len(sim.requests) == 1  # no retry, no legacy fallback


async def test_bearer_key_never_appears_in_errors(sim: SimulatorState, make_client: MakeClient) -> None:
    with pytest.raises(FlussonicError) as caught:
        await make_client(login=None, password=None, api_key="top-secret-key").list_streams()

    assert "top-secret-key" not in caught.value.message
    assert "credentials rejected" in caught.value.message


async def test_missing_credentials_are_named(sim: SimulatorState, make_client: MakeClient) -> None:
    with pytest.raises(FlussonicError, match="no credentials configured"):
        await make_client(login=None, password=None).list_streams()


# --- formats ------------------------------------------------------------------------------------


async def test_legacy_format_by_configuration(sim: SimulatorState, make_client: MakeClient) -> None:
    legacy = await make_client(api_format="legacy").list_streams()
    current = await make_client(api_format="v3").list_streams()

    assert legacy == current  # same names, titles and catch-up (the template entry is ignored)
    assert _list_requests(sim, "/flussonic/api/media")


async def test_auto_falls_back_to_legacy_on_404_and_remembers(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.configure({"formats": "legacy"})
    client = make_client()

    assert len(await client.list_streams()) == 160
    assert client.api_format == "legacy"
    assert len(await client.list_streams()) == 160
    assert len(_list_requests(sim)) == 1  # v3 was tried once only
    assert len(_list_requests(sim, "/flussonic/api/media")) == 2


async def test_auto_uses_v3_when_present(sim: SimulatorState, make_client: MakeClient) -> None:
    client = make_client()
    await client.list_streams()

    assert client.api_format == "v3"
    assert not _list_requests(sim, "/flussonic/api/media")


async def test_forced_v3_does_not_fall_back(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.configure({"formats": "legacy"})

    with pytest.raises(FlussonicError, match=r"HTTP 404 Not Found.*FLUSSONIC_API_PREFIX"):
        await make_client(api_format="v3").list_streams()


async def test_neither_api_found(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.configure({"formats": "v3"})

    with pytest.raises(FlussonicError, match=r"neither .*/nope/streams nor .*/flussonic/api/media"):
        await make_client(api_prefix="/nope").list_streams()


async def test_a_404_after_the_first_page_is_an_error_not_a_format_fallback(
    sim: SimulatorState, make_client: MakeClient
) -> None:
    sim.configure({"fault": "status", "fault_status": 404, "fault_page": 2})
    client = make_client(page_size=40)

    with pytest.raises(FlussonicError, match=r"failed on page 2 .*HTTP 404 Not Found"):
        await client.list_streams()

    assert not _list_requests(sim, "/flussonic/api/media")  # the legacy API was never tried
    assert len(_list_requests(sim)) == 2
    assert client.api_format is None  # nothing was detected from a broken listing


async def test_alias_prefix_works(sim: SimulatorState, make_client: MakeClient) -> None:
    assert len(await make_client(api_prefix="/flussonic/api/v3/").list_streams()) == 160


# --- transport and server failures -------------------------------------------------------------


async def test_timeout_is_reported(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.delay = 0.3

    with pytest.raises(FlussonicError, match=r"page 1 .*no answer within 0.05 s \(timeout\).*2 attempt"):
        await make_client(timeout=0.05, retries=1).list_streams()


async def test_a_timeout_in_the_middle_of_pagination_names_the_page(
    sim: SimulatorState, make_client: MakeClient
) -> None:
    sim.configure({"delay": 0.5, "delay_page": 3})

    with pytest.raises(FlussonicError, match=r"failed on page 3 .*no answer within 0.1 s \(timeout\).*1 attempt"):
        await make_client(page_size=40, timeout=0.1, retries=0).list_streams()

    assert len(_list_requests(sim)) == 3  # pages 1 and 2 were answered at once


async def test_the_overall_deadline_names_the_page_it_stopped_on(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.configure({"delay": 2.0, "delay_page": 2})

    with pytest.raises(FlussonicError, match=r"within 0.5 s \(FLUSSONIC_SYNC_DEADLINE\); stopped on page 2"):
        await make_client(page_size=40, timeout=5, deadline=0.5).list_streams()


async def test_connection_refused_is_reported(make_client: MakeClient) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"

    with pytest.raises(FlussonicError) as caught:
        await make_client(url=url, retries=1).list_streams()

    assert "cannot connect" in caught.value.message and url in caught.value.message


async def test_5xx_is_retried_then_succeeds(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.configure({"fault": "status", "fault_status": 503, "fault_page": 2, "fault_times": 2})

    streams = await make_client(page_size=100, retries=2).list_streams()

    assert len(streams) == 160
    assert len(_list_requests(sim)) == 4  # page 1, page 2 three times


async def test_persistent_5xx_on_page_3_names_the_page(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.configure({"fault": "status", "fault_page": 3})

    with pytest.raises(FlussonicError) as caught:
        await make_client(page_size=40, retries=2).list_streams()

    message = caught.value.message
    assert "failed on page 3" in message and "HTTP 500" in message and "3 attempt" in message
    assert len(_list_requests(sim)) == 2 + 3


async def test_4xx_is_not_retried_and_jsonapi_text_is_used(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.configure({"fault": "jsonapi_error", "fault_message": "limit is too large"})

    with pytest.raises(FlussonicError) as caught:
        await make_client().list_streams()

    assert "HTTP 400" in caught.value.message
    assert "limit is too large (simulated_error)" in caught.value.message
    assert len(sim.requests) == 1


@pytest.mark.parametrize(("status", "expected"), [(500, "HTTP 500"), (200, "reported an error")])
async def test_legacy_error_body_text_is_used(
    sim: SimulatorState, make_client: MakeClient, status: int, expected: str
) -> None:
    sim.configure({"fault": "legacy_error", "fault_status": status, "fault_message": "disk is full"})

    with pytest.raises(FlussonicError) as caught:
        await make_client(retries=0).list_streams()

    assert expected in caught.value.message and "disk is full" in caught.value.message


async def test_non_json_body_is_reported(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.configure({"fault": "non_json"})

    with pytest.raises(FlussonicError, match=r"page 1 .*not JSON: '<html>"):
        await make_client().list_streams()


@pytest.mark.parametrize("api_format", ["v3", "legacy"])
async def test_wrong_shape_is_reported(sim: SimulatorState, make_client: MakeClient, api_format: str) -> None:
    sim.configure({"fault": "wrong_shape"})

    with pytest.raises(FlussonicError, match="unexpected response shape: Expected `array`, got `object`"):
        await make_client(api_format=api_format).list_streams()


@pytest.mark.parametrize("api_format", ["v3", "legacy"])
async def test_unusable_streams_are_skipped_and_reported_not_fatal(
    sim: SimulatorState, make_client: MakeClient, api_format: str
) -> None:
    sim.streams = [make_stream(f"s{i}", f"S{i}", i) for i in range(6)]
    del sim.streams[1]["name"]
    sim.streams[2]["name"] = ""
    sim.streams[3]["title"] = 5
    sim.streams[4]["dvr"] = {"expiration": "seven days"}

    listing = await make_client(api_format=api_format, page_size=2).fetch_streams()

    assert [s.stream_name for s in listing.streams] == ["s0", "s5"]
    reasons = [(s.name, s.reason) for s in listing.skipped]
    assert [name for name, _ in reasons] == [None, None, "s3", "s4"]
    assert all(reason.startswith("no usable name") for _, reason in reasons[:2])
    assert "title" in reasons[2][1] and "dvr" in reasons[3][1]


async def test_numeric_strings_are_read_as_numbers(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.streams = [make_stream("a", "A", 0), make_stream("b", "B", 1), make_stream("c", "C", 2)]
    sim.streams[0]["dvr"] = {"expiration": "604800"}
    sim.streams[1]["dvr"] = {"expiration": "90000.5"}
    sim.streams[2]["disabled"] = "true"

    listing = await make_client(api_format="v3").fetch_streams()

    assert listing.skipped == []
    assert [(s.stream_name, s.catchup_days, s.disabled) for s in listing.streams] == [
        ("a", 7, False),
        ("b", 1, False),
        ("c", None, True),
    ]


@pytest.mark.parametrize("api_format", ["v3", "legacy"])
async def test_disabled_streams_are_flagged(sim: SimulatorState, make_client: MakeClient, api_format: str) -> None:
    disabled = {s.stream_name for s in await make_client(api_format=api_format).list_streams() if s.disabled}
    assert disabled == {s["name"] for s in SEED if s["disabled"]} and len(disabled) == 2


async def test_a_non_finite_depth_is_skipped(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.streams = [make_stream("nan", "N", 0), make_stream("ok", "OK", 1)]
    sim.streams[0]["dvr"] = {"expiration": "nan"}

    listing = await make_client(api_format="v3").fetch_streams()

    assert [s.stream_name for s in listing.streams] == ["ok"]
    assert [(s.name, s.reason) for s in listing.skipped] == [("nan", "dvr.expiration is not a finite number (nan)")]


async def test_repeated_cursor_stops_the_loop(sim: SimulatorState, make_client: MakeClient) -> None:
    sim.stuck_cursor = True

    with pytest.raises(FlussonicError, match=r"failed on page 2 .*cursor it had already returned"):
        await make_client(page_size=50).list_streams()

    assert len(_list_requests(sim)) == 2
