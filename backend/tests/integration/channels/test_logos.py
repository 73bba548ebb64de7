"""Channel logos: content-checked data URIs (PATCH) and the image endpoint (``GET /channels/{id}/logo``)."""

from __future__ import annotations

import base64

from tests.integration.catalog_helpers import PNG, add_channels, assert_error, data, scalar

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 20
GIF = b"GIF89a" + b"\x01" * 20
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x01" * 20
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


async def test_patch_refuses_bad_logos_and_keeps_the_old_one(auth_client, db, settings):
    [cid] = await add_channels(db, 1)
    good = f"data:image/png;base64,{b64(PNG)}"
    data(await auth_client.patch(f"/api/v1/channels/{cid}", json={"tvg_logo": good}))
    too_big = b64(PNG + b"\x00" * settings.logo_max_bytes)
    for value in [too_big, f"data:image/svg+xml;base64,{b64(SVG)}", b64(b"GIF00a nope"), "!!!"]:
        response = await auth_client.patch(f"/api/v1/channels/{cid}", json={"tvg_logo": value})
        error = assert_error(response, 422, "VALIDATION_ERROR", field="tvg_logo")
        assert "logo" in error["message"].lower()
    assert await scalar(db, "SELECT tvg_logo FROM channels") == good


async def test_logo_endpoint_serves_bytes_with_type_and_cache_headers(auth_client, db):
    [cid] = await add_channels(db, 1)
    data(await auth_client.patch(f"/api/v1/channels/{cid}", json={"tvg_logo": b64(JPEG)}))
    url = data(await auth_client.get("/api/v1/channels"))["items"][0]["logo_url"]
    response = await auth_client.get(url)
    assert response.status_code == 200 and response.content == JPEG
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["cache-control"] == "private, max-age=86400"
    assert response.headers["x-content-type-options"] == "nosniff"
    etag = response.headers["etag"]
    plain = await auth_client.get(f"/api/v1/channels/{cid}/logo")
    assert plain.headers["cache-control"] == "private, no-cache"
    again = await auth_client.get(f"/api/v1/channels/{cid}/logo", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""


async def test_logo_endpoint_without_logo_is_not_found(auth_client, db):
    [cid] = await add_channels(db, 1)
    assert_error(await auth_client.get(f"/api/v1/channels/{cid}/logo"), 404, "NOT_FOUND")


async def test_logo_endpoint_needs_a_session(client, db):
    [cid] = await add_channels(db, 1)
    assert_error(await client.get(f"/api/v1/channels/{cid}/logo"), 401, "UNAUTHORIZED")
