"""Channel logos: base64 data URIs (spec §5.2), checked by content rather than by what they claim.

Accepted input: a ``data:<anything>;base64,<data>`` URI or bare base64. The decoded bytes must start
with the magic bytes of PNG, JPEG, GIF or WebP; SVG is refused outright because an SVG can carry
script that would run wherever the logo is opened as a document. What is stored is a normalised data
URI with the detected MIME type, so the declared type never matters downstream.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from playlist_service.errors import ValidationError

FIELD = "tvg_logo"
ACCEPTED_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
"""What :func:`sniff` recognises; the SPA offers these in its file picker (``GET /settings/ui``)."""
_DATA_URI = re.compile(r"^data:(?P<mime>[^;,]*)(?P<params>(;[^;,]*)*?),(?P<data>.*)$", re.DOTALL)
_WHITESPACE = re.compile(r"\s+")


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
