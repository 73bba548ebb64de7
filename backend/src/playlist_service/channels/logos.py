"""Channel logos: base64 data URIs (spec §5.2), checked by content rather than by what they claim.

Accepted input: a ``data:<anything>;base64,<data>`` URI or bare base64. The decoded bytes must start
with the magic bytes of PNG, JPEG, GIF or WebP and must really decode as that format (Pillow opens,
verifies and loads them: a header followed by garbage, or a truncated file, is refused), at most
``MAX_SIDE`` pixels a side. SVG is refused outright because an SVG can carry script that would run
wherever the logo is opened as a document. What is stored is a normalised data URI with the detected
MIME type, so the declared type never matters downstream.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import warnings
from dataclasses import dataclass
from typing import Final

from PIL import Image

from playlist_service.errors import ValidationError

FIELD = "tvg_logo"
ACCEPTED_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
"""What :func:`sniff` recognises; the SPA offers these in its file picker (``GET /settings/ui``)."""
_DATA_URI = re.compile(r"^data:(?P<mime>[^;,]*)(?P<params>(;[^;,]*)*?),(?P<data>.*)$", re.DOTALL)
_WHITESPACE = re.compile(r"\s+")
# Pixels a side: far beyond any logo a player shows, and a bound on what decoding one costs
# (a 256 KiB file can declare 65535 x 65535 pixels).
MAX_SIDE: Final = 4096
_PIL_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/webp": "WEBP"}
_NAMES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/webp": "WebP"}


@dataclass(frozen=True, slots=True)
class Logo:
    mime: str
    data: bytes

    @property
    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


def _invalid(problem: str) -> ValidationError:
    return ValidationError(f"Invalid logo: {problem}", details=[{"field": FIELD, "message": problem}])


def sniff(data: bytes) -> str | None:
    """The image type the bytes really are (PNG, JPEG, GIF, WebP), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _check_decodes(data: bytes, mime: str) -> None:
    """Refuse (422) an image that Pillow cannot decode as ``mime``, or one with absurd dimensions."""
    name = _NAMES[mime]
    fmt = [_PIL_FORMATS[mime]]
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own pixel limit; such an image is refused here anyway.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=fmt) as image:
                width, height = image.size
                if width > MAX_SIDE or height > MAX_SIDE:
                    raise _invalid(f"image is {width}x{height} pixels; at most {MAX_SIDE} pixels a side")
                image.verify()  # structure and checksums (PNG CRCs); the image is unusable after it
            with Image.open(io.BytesIO(data), formats=fmt) as image:
                image.load()  # the pixels themselves: catches truncated JPEG/GIF data that verify() passes
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _invalid(f"image dimensions are absurd (at most {MAX_SIDE} pixels a side)") from None
    except Exception:  # any decoder failure on user input is a bad image, never a 500
        raise _invalid(f"the {name} image is corrupt or truncated (it cannot be decoded)") from None


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml", b"<!doctype svg")) or b"<svg" in head


def parse_logo(value: str, *, max_bytes: int) -> Logo:
    """Validate a submitted logo; raises a 422 naming ``tvg_logo`` and the problem."""
    text = value.strip()
    if text[:5].lower() == "data:":
        match = _DATA_URI.match(text)
        if match is None:
            raise _invalid("not a valid data URI (expected data:image/<type>;base64,<data>)")
        if match.group("mime").strip().lower() == "image/svg+xml":
            raise _invalid("SVG images are not accepted; use PNG, JPEG, GIF or WebP")
        if ";base64" not in match.group("params").lower():
            raise _invalid("the data URI must be base64-encoded (data:image/<type>;base64,...)")
        text = match.group("data")
    text = _WHITESPACE.sub("", text)
    if not text:
        raise _invalid("empty image")
    # Refuse oversized input before decoding it: base64 is 4 characters per 3 bytes.
    if len(text) > (max_bytes + 2) // 3 * 4 + 4:
        raise _invalid(f"image larger than {max_bytes} bytes")
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise _invalid("not valid base64") from None
    if len(data) > max_bytes:
        raise _invalid(f"image larger than {max_bytes} bytes ({len(data)} bytes)")
    mime = sniff(data)
    if mime is None:
        if _looks_like_svg(data):
            raise _invalid("SVG images are not accepted; use PNG, JPEG, GIF or WebP")
        raise _invalid("not a PNG, JPEG, GIF or WebP image (checked by content)")
    _check_decodes(data, mime)
    return Logo(mime=mime, data=data)


def decode_stored(data_uri: str) -> Logo | None:
    """A stored logo back as bytes (None if the stored value is unusable)."""
    match = _DATA_URI.match(data_uri)
    if match is None:
        return None
    try:
        data = base64.b64decode(match.group("data"), validate=True)
    except (binascii.Error, ValueError):
        return None
    mime = sniff(data)
    return Logo(mime=mime, data=data) if mime else None
