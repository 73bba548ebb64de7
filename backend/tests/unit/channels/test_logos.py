"""Logo parsing: the content decides the type; SVG, bad base64 and oversized images are refused."""

from __future__ import annotations

import base64

import msgspec
import pytest

from playlist_service.channels.logos import parse_logo
from playlist_service.channels.schemas import ChannelUpdate
from playlist_service.errors import ValidationError
from tests.integration.catalog_helpers import PNG
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
