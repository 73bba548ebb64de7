"""Logo parsing: the content decides the type; SVG, bad base64 and oversized images are refused."""

from __future__ import annotations

import base64
import struct
import zlib

import msgspec
import pytest

from playlist_service.channels.logos import MAX_SIDE, parse_logo
from playlist_service.channels.schemas import ChannelUpdate
from playlist_service.errors import ValidationError
from tests.integration.catalog_helpers import PNG, image
from tests.integration.channels.test_logos import GIF, JPEG, SVG, WEBP


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


@pytest.mark.parametrize(
    ("raw", "mime"), [(PNG, "image/png"), (JPEG, "image/jpeg"), (GIF, "image/gif"), (WEBP, "image/webp")]
)
def test_accepted_formats_are_normalised_to_the_detected_type(raw, mime):
    # Declared type wrong on purpose, bare base64 and wrapped base64 too: the content decides.
    for value in (f"data:image/gif;base64,{b64(raw)}", b64(raw), f"data:;base64,{b64(raw)[:8]}\n{b64(raw)[8:]}"):
        logo = parse_logo(value, max_bytes=1024)
        assert (logo.mime, logo.data) == (mime, raw)
        assert logo.data_uri == f"data:{mime};base64,{b64(raw)}"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (f"data:image/png;base64,{b64(b'hello world, not an image')}", "not a PNG, JPEG, GIF or WebP"),
        (f"data:image/svg+xml;base64,{b64(SVG)}", "SVG"),
        (f"data:image/png;base64,{b64(SVG)}", "SVG"),
        ("data:image/svg+xml,<svg></svg>", "SVG"),
        ("data:image/png;base64,@@@not-base64@@@", "not valid base64"),
        ("data:image/png;base64,iVBORw0KGgo", "not valid base64"),
        ("data:image/png,rawtext", "base64-encoded"),
        ("data:image/png;base64,", "empty"),
        ("data:nonsense", "not a valid data URI"),
        (b64(PNG + b"\x00" * 2000), "larger than 1024 bytes"),
        ("   ", "empty"),
    ],
)
def test_refused_logos_name_the_problem(value, problem):
    with pytest.raises(ValidationError) as caught:
        parse_logo(value, max_bytes=1024)
    assert problem in caught.value.message
    assert caught.value.details[0]["field"] == "tvg_logo"


def test_a_logo_limit_above_the_old_fixed_cap_works():
    # LogoInput had max_length=1_500_000 whatever LOGO_MAX_BYTES said; parse_logo alone decides now.
    raw = PNG + b"\x00" * 1_400_000
    body = msgspec.json.encode({"tvg_logo": b64(raw)})
    assert len(body) > 1_500_000
    update = msgspec.json.decode(body, type=ChannelUpdate)
    assert parse_logo(update.tvg_logo, max_bytes=2_000_000).data == raw


def test_exactly_max_bytes_is_accepted_one_more_is_not():
    exact = PNG + b"\x00" * (1024 - len(PNG))
    assert parse_logo(b64(exact), max_bytes=1024).data == exact
    with pytest.raises(ValidationError, match="larger than 1024 bytes"):
        parse_logo(b64(exact + b"\x00"), max_bytes=1024)


def _invalid(raw: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_logo(b64(raw), max_bytes=256 * 1024)
    assert caught.value.details[0]["field"] == "tvg_logo"
    return caught.value.message


@pytest.mark.parametrize(
    ("fmt", "name", "magic"), [("PNG", "PNG", 8), ("JPEG", "JPEG", 3), ("GIF", "GIF", 6), ("WEBP", "WebP", 12)]
)
def test_truncated_or_corrupt_images_are_refused_though_their_magic_bytes_are_right(fmt, name, magic):
    whole = image(fmt, (64, 64))
    assert parse_logo(b64(whole), max_bytes=256 * 1024).data == whole
    truncated = whole[: len(whole) // 2]
    garbage = whole[:magic] + bytes(range(256)) * 2  # the format's magic, then nonsense
    for raw in (truncated, garbage):
        assert _invalid(raw) == f"Invalid logo: the {name} image is corrupt or truncated (it cannot be decoded)"


def test_a_gif_header_with_nothing_behind_it_is_refused():
    assert "GIF image is corrupt or truncated" in _invalid(b"GIF89a" + b"\x00" * 10)  # was accepted


def test_a_png_with_a_broken_checksum_is_refused():
    raw = bytearray(image("PNG", (16, 16)))
    raw[29] ^= 0xFF  # inside IHDR's CRC
    assert "PNG image is corrupt" in _invalid(bytes(raw))


def test_images_wider_or_taller_than_the_limit_are_refused_with_their_size():
    assert parse_logo(b64(image("PNG", (MAX_SIDE, 1))), max_bytes=256 * 1024).mime == "image/png"
    assert (
        _invalid(image("PNG", (MAX_SIDE + 1, 1)))
        == f"Invalid logo: image is {MAX_SIDE + 1}x1 pixels; at most {MAX_SIDE} pixels a side"
    )
    assert f"1x{MAX_SIDE + 904} pixels" in _invalid(image("GIF", (1, MAX_SIDE + 904)))


def _png_header(width: int, height: int) -> bytes:
    """A small PNG that declares a huge size and holds almost no pixel data: a decompression bomb's shape."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("width", "height"), [(65535, 65535), (5000, 20000)])
def test_absurd_declared_dimensions_are_refused_before_decoding(width, height):
    message = _invalid(_png_header(width, height))
    assert "pixels" in message and str(MAX_SIDE) in message
