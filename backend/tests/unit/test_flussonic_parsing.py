"""Client parsing without a network: catch-up rounding and decoding speed for 10,000 streams."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import msgspec
import pytest

from devtools.simulators.flussonic import synthetic_streams
from playlist_service.errors import FlussonicError
from playlist_service.integrations.flussonic import (
    MAX_CATCHUP_DAYS,
    FlussonicClient,
    FlussonicConfig,
    FlussonicStream,
    catchup_days,
    clean_text,
)

DAY = 86_400


@pytest.mark.parametrize(
    ("seconds", "days"),
    [
        (None, None),
        (0, None),
        (-5, None),
        (1, 1),
        (3600, 1),
        (DAY, 1),
        (DAY + 1, 1),
        (int(7.9 * DAY), 7),
        (14 * DAY, 14),
        (604800.0, 7),
        (MAX_CATCHUP_DAYS * DAY, MAX_CATCHUP_DAYS),
        ((MAX_CATCHUP_DAYS + 1) * DAY - 1, MAX_CATCHUP_DAYS),
    ],
)
def test_catchup_days_rounds_down_with_one_day_minimum(seconds: float | None, days: int | None) -> None:
    assert catchup_days(seconds) == days


@pytest.mark.parametrize("seconds", [(MAX_CATCHUP_DAYS + 1) * DAY, 864_000_000_000_000, 1e300, float("inf")])
def test_absurd_catchup_depth_is_clamped_and_logged(seconds: float, caplog: pytest.LogCaptureFixture) -> None:
    assert catchup_days(seconds, "odd/stream") == MAX_CATCHUP_DAYS
    assert "odd/stream" in caplog.text and f"using {MAX_CATCHUP_DAYS} days" in caplog.text


def test_clean_text_drops_nul_and_bidi_controls_only() -> None:
    assert clean_text("a\x00b\x00") == "ab"
    assert clean_text("קשת\t12") == "קשת\t12"
    # An override would show "Sport\u202eDH" reversed on the channels page; marks cannot reverse anything.
    assert clean_text("Sport\u202eDH\u202c \u2067News\u2069") == "SportDH News"
    assert clean_text("Kan\u200f 11") == "Kan\u200f 11"


async def test_a_page_of_10000_streams_decodes_completely() -> None:
    # How long it takes is measured by make bench (sync_bench), not asserted here.
    body = msgspec.json.encode({"estimated_count": 10_000, "streams": synthetic_streams(10_000)})

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = FlussonicClient(FlussonicConfig(url="http://flussonic", page_size=10_000), http=http)
        streams = await client.list_streams()

    assert len(streams) == 10_000
    assert streams[1] == FlussonicStream(
        "ch00001", "Channel 1 / Канал 1 / ערוץ 1", "Channel 1 / Канал 1 / ערוץ 1", 2, "http://flussonic"
    )


async def test_a_listed_title_is_stored_without_bidi_controls_but_the_name_is_kept() -> None:
    body = msgspec.json.encode({"streams": [{"name": "news\u202e", "title": "\u202eNews 24\u202c"}]})

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        streams = await FlussonicClient(FlussonicConfig(url="http://flussonic"), http=http).list_streams()

    # The name is an identifier in playback URLs: never altered. The title is text we show.
    assert [(s.stream_name, s.display_name, s.tvg_name) for s in streams] == [("news\u202e", "News 24", "News 24")]


async def test_an_undecodable_body_is_a_flussonic_error_not_a_crash() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        # Claims gzip, is not: httpx raises DecodingError while reading the body.
        return httpx.Response(200, content=b'{"streams": []}', headers={"content-encoding": "gzip"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = FlussonicClient(FlussonicConfig(url="http://flussonic", retries=2), http=http)
        with pytest.raises(FlussonicError) as caught:
            await client.list_streams()

    assert caught.value.status_code == 502 and caught.value.code == "FLUSSONIC_ERROR"
    assert "failed on page 1" in caught.value.message and "unreadable answer (DecodingError" in caught.value.message
    assert calls == 1  # not retried


def _paging_server(pages: Callable[[int], dict[str, Any]]) -> tuple[httpx.AsyncClient, list[int]]:
    """A v3 server whose page ``n`` (1-based, from the number of requests so far) is ``pages(n)``."""
    served: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        served.append(len(served) + 1)
        return httpx.Response(200, content=msgspec.json.encode(pages(len(served))))

    return httpx.AsyncClient(transport=httpx.MockTransport(handler)), served


async def test_an_empty_page_with_a_next_cursor_stops_the_listing() -> None:
    def pages(n: int) -> dict[str, Any]:
        streams = [{"name": "a"}] if n == 1 else []
        return {"streams": streams, "next": f"cursor-{n}"}  # ever-new cursors: looped forever before

    http, served = _paging_server(pages)
    async with http:
        client = FlussonicClient(FlussonicConfig(url="http://flussonic", api_format="v3"), http=http)
        with pytest.raises(FlussonicError, match=r"failed on page 2 .*empty but announces a next page"):
            await client.list_streams()
    assert served == [1, 2]


async def test_the_page_cap_stops_a_listing_that_never_ends() -> None:
    http, served = _paging_server(lambda n: {"streams": [{"name": f"s{n}"}], "next": f"cursor-{n}"})
    async with http:
        client = FlussonicClient(FlussonicConfig(url="http://flussonic", api_format="v3", max_pages=5), http=http)
        with pytest.raises(FlussonicError, match=r"failed on page 5 .*still more pages after 5"):
            await client.list_streams()
    assert len(served) == 5


async def test_the_last_allowed_page_may_end_the_listing() -> None:
    http, _ = _paging_server(lambda n: {"streams": [{"name": f"s{n}"}], "next": None if n == 5 else f"c{n}"})
    async with http:
        client = FlussonicClient(FlussonicConfig(url="http://flussonic", api_format="v3", max_pages=5), http=http)
        assert len(await client.list_streams()) == 5


@pytest.mark.parametrize("status", [301, 302, 307, 308])
async def test_a_redirect_names_where_it_points_and_is_not_followed(status: int) -> None:
    requests: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(str(request.url))
        return httpx.Response(status, headers={"location": "https://new-flussonic:8443/streamer/api/v3/streams"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = FlussonicClient(FlussonicConfig(url="http://flussonic", retries=2), http=http)
        with pytest.raises(FlussonicError) as caught:
            await client.list_streams()

    assert caught.value.message == (
        "Flussonic stream list failed on page 1 (http://flussonic/streamer/api/v3/streams): redirected "
        f"(HTTP {status}) to https://new-flussonic:8443/streamer/api/v3/streams; set FLUSSONIC_URL to the final address"
    )
    assert len(requests) == 1  # neither followed nor retried
