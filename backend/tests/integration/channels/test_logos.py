"""Channel logos: content-checked data URIs (PATCH) and the image endpoint (``GET /channels/{id}/logo``)."""

from __future__ import annotations

import base64

import pytest

from tests.integration.catalog_helpers import GIF, JPEG, PNG, WEBP, add_channels, assert_error, data, image, scalar

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


@pytest.mark.parametrize(
    ("raw", "mime"), [(PNG, "image/png"), (JPEG, "image/jpeg"), (GIF, "image/gif"), (WEBP, "image/webp")]
)
async def test_every_accepted_format_is_stored_as_what_it_really_is(auth_client, db, raw, mime):
    [cid] = await add_channels(db, 1)
    # The declared type lies (always image/svg+xml is refused, so claim another raster type).
    claimed = "image/jpeg" if mime != "image/jpeg" else "image/png"
    channel = data(
        await auth_client.patch(f"/api/v1/channels/{cid}", json={"tvg_logo": f"data:{claimed};base64,{b64(raw)}"})
    )
    assert channel["tvg_logo"] == f"data:{mime};base64,{b64(raw)}"
    served = await auth_client.get(f"/api/v1/channels/{cid}/logo")
    assert (served.content, served.headers["content-type"]) == (raw, mime)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"GIF89a" + b"\x00" * 10, "the GIF image is corrupt or truncated"),
        (JPEG[: len(JPEG) // 2], "the JPEG image is corrupt or truncated"),
        (image("PNG", (5000, 40)), "image is 5000x40 pixels; at most 4096 pixels a side"),
    ],
)
async def test_images_that_do_not_decode_or_are_absurdly_large_are_refused(auth_client, db, raw, problem):
    [cid] = await add_channels(db, 1)
    response = await auth_client.patch(
        f"/api/v1/channels/{cid}", json={"tvg_logo": f"data:image/gif;base64,{b64(raw)}"}
    )
    error = assert_error(response, 422, "VALIDATION_ERROR", field="tvg_logo")
    assert error["message"] == f"Invalid logo: {problem}" + (" (it cannot be decoded)" if "corrupt" in problem else "")
    assert error["details"] == [{"field": "tvg_logo", "message": error["message"].removeprefix("Invalid logo: ")}]
    assert await scalar(db, "SELECT tvg_logo FROM channels") is None


async def test_svg_declared_as_png_is_refused(auth_client, db):
    [cid] = await add_channels(db, 1)
    for svg in (SVG, b"\xef\xbb\xbf  <svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"):
        response = await auth_client.patch(
            f"/api/v1/channels/{cid}", json={"tvg_logo": f"data:image/png;base64,{b64(svg)}"}
        )
        error = assert_error(response, 422, "VALIDATION_ERROR", field="tvg_logo")
        assert "SVG" in error["message"]
    assert await scalar(db, "SELECT tvg_logo FROM channels") is None


async def test_the_size_limit_is_inclusive(auth_client, db, settings):
    [cid] = await add_channels(db, 1)
    exact = PNG + b"\x00" * (settings.logo_max_bytes - len(PNG))
    data(await auth_client.patch(f"/api/v1/channels/{cid}", json={"tvg_logo": b64(exact)}))
    response = await auth_client.patch(f"/api/v1/channels/{cid}", json={"tvg_logo": b64(exact + b"\x00")})
    error = assert_error(response, 422, "VALIDATION_ERROR", field="tvg_logo")
    assert f"larger than {settings.logo_max_bytes} bytes" in error["message"]
    assert await scalar(db, "SELECT length(tvg_logo) FROM channels") == len("data:image/png;base64,") + len(b64(exact))


async def test_a_data_uri_with_line_breaks_is_accepted_and_stored_without_them(auth_client, db):
    [cid] = await add_channels(db, 1)
    encoded = b64(JPEG * 4)
    wrapped = "\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))
    channel = data(
        await auth_client.patch(f"/api/v1/channels/{cid}", json={"tvg_logo": f"data:image/jpeg;base64,\n{wrapped}\n"})
    )
    assert channel["tvg_logo"] == f"data:image/jpeg;base64,{encoded}"


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
