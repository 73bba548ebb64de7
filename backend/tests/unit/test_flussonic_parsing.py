"""Client parsing without a network: catch-up rounding and decoding speed for 10,000 streams."""

from __future__ import annotations

import time

import httpx
import msgspec
import pytest

from devtools.simulators.flussonic import synthetic_streams
from playlist_service.integrations.flussonic import (
    FlussonicClient,
    FlussonicConfig,
    FlussonicStream,
    catchup_days,
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
    ],
)
def test_catchup_days_rounds_down_with_one_day_minimum(seconds: float | None, days: int | None) -> None:
    assert catchup_days(seconds) == days


async def test_decoding_10000_streams_takes_tens_of_milliseconds() -> None:
    body = msgspec.json.encode({"estimated_count": 10_000, "streams": synthetic_streams(10_000)})

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = FlussonicClient(FlussonicConfig(url="http://flussonic", page_size=10_000), http=http)
        await client.list_streams()  # warm-up
        started = time.perf_counter()
        streams = await client.list_streams()
        elapsed = time.perf_counter() - started

    assert len(streams) == 10_000
    assert streams[1] == FlussonicStream(
        "ch00001", "Channel 1 / Канал 1 / ערוץ 1", "Channel 1 / Канал 1 / ערוץ 1", 2, "http://flussonic"
    )
    assert elapsed < 0.5, f"parsing 10,000 streams took {elapsed * 1000:.0f} ms"
