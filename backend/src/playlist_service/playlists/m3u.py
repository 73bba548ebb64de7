"""M3U playlist text, download filename and Content-Disposition (spec §6.3, Appendix A).

Pure functions: no database, no web framework. The output is UTF-8 text without a BOM, ``\\n`` line
endings (as in Appendix A; every player we know also reads LF), ``#EXTM3U`` first, then per channel::

    #EXTINF:-1 tvg-name="…" tvg-id="…" catchup-days="N" group-title="…" tvg-logo="…",DISPLAY NAME
    {stream_base_url}/{stream_name}/video.m3u8?token={token}

Attributes come in exactly that order; one without a value (``None``, or empty after sanitising) is
left out rather than written as ``attr=""``. ``catchup-days`` is written only when it is > 0 (a
channel without an archive gets no catch-up attribute). The display name falls back to tvg-name,
then to the stream name.

Sanitising rule (M3U has no escaping, so no value may be able to change the line structure):

* Every value (attributes and display name): each run of whitespace or control characters (C0, DEL,
  C1 incl. NEL U+0085, U+2028/U+2029, TAB, CR, LF, lone surrogates) becomes one space; the result
  is trimmed. Players split lines on more than CR/LF, so none of these may survive.
* Bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069; see ``bidi.py``) are
  removed: one U+202E in a Flussonic title reverses the rest of it in the player's menu and in our
  channel list ("RTL" shown as "LTR"). Admin-typed names cannot hold them (they are refused);
  Flussonic's titles can, so they are stripped here. The marks U+200E/U+200F stay (harmless).
* ``"`` becomes ``'`` everywhere (attributes and display name). A double quote cannot be escaped,
  and iptv-playlist-parser looks for ``name="`` anywhere in the line, the display name included. We
  chose the ASCII apostrophe over a typographic quote because set-top-box fonts often lack the latter.
* ``=`` becomes U+FF1D FULLWIDTH EQUALS SIGN in tvg-name, tvg-id and group-title. Kodi IPTV Simple
  takes the first ``tvg-id=`` in the attribute part, quoted or not, so a value such as
  ``x tvg-id=evil`` would otherwise override the real tvg-id. tvg-logo keeps ``=`` (URLs and base64
  padding need it); it is the last attribute, so nothing that follows it can be hijacked. The
  display name keeps ``=`` too: no player reads attributes from it once it has no ``"``.
* Commas stay: Kodi (first comma after the last quote) and iptv-playlist-parser (first comma
  outside ``="…"``) find the name separator correctly with commas in values and in the name. (Kodi
  falls back to the last comma when an entry has no attribute at all; such a name loses its text
  before its last comma there, which no one can fix in M3U.) A name beginning with ``#`` or holding
  ``#EXTINF`` is harmless: it is not at the start of a line.
* The URL line cannot be affected: each stream-name segment and the token are percent-encoded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

import msgspec

from playlist_service.bidi import BIDI_CLASS, strip_bidi_controls

__all__ = [
    "PlaylistEntry",
    "content_disposition",
    "join_playlist",
    "playlist_filename",
    "render_heads",
    "render_playlist",
    "render_playlist_bytes",
    "stream_url",
]


class PlaylistEntry(msgspec.Struct, frozen=True):
    """One resolved channel, in playlist order."""

    stream_name: str
    display_name: str | None
    tvg_name: str | None
    tvg_id: str | None
    catchup_days: int | None
    group_title: str | None
    tvg_logo: str | None
    stream_base_url: str


# \s covers TAB/LF/CR/VT/FF, U+001C-001F, NEL, NBSP, U+2028/2029 and other Unicode spaces.
_SPACE_RUN = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ud800-\udfff]+")
_BATCH = 64
_BATCH_MAX_CHARS = 16_384
_ASCII_CONTROLS = bytes(range(0x20)) + b"\x7f"
_PATH_UNRESERVED = re.compile(r"[A-Za-z0-9_.~/-]*")
# A "." or ".." segment would be resolved away by the player (RFC 3986 §5.2.4): another URL.
_DOT_SEGMENT = re.compile(r"(?:^|/)\.\.?(?:/|$)")
_URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _needs_spacing_fix(value: str) -> bool:
    if value.isascii():  # O(1) in CPython; then a C-speed byte scan for C0 controls and DEL
        if len(value.encode().translate(None, _ASCII_CONTROLS)) != len(value):
            return True
    elif not value.isprintable():  # False for controls, separators other than " ", surrogates
        return True
    return " " in value and (value[0] == " " or value[-1] == " " or "  " in value)


def _clean(value: str, *, equals: bool = False) -> str:
    """Apply the module's sanitising rule to one value; ``equals`` also replaces ``=``."""
    if not value:
        return ""
    # Bidi controls are format characters, so str.isprintable() is False for them: this branch.
    if _needs_spacing_fix(value):
        value = _SPACE_RUN.sub(" ", strip_bidi_controls(value)).strip(" ")
    # str.replace behind an `in` test: str.translate costs ~1 µs even on short strings.
    if '"' in value:
        value = value.replace('"', "'")
    if equals and "=" in value:
        value = value.replace("=", "\uff1d")
    return value


def _clean_column(values: list[str], *, equals: bool = False) -> list[str]:
    """``_clean`` over one attribute of every channel, checking a batch of values at once first.

    Values almost never need changing, and a few C-level scans over a joined batch of short values
    cost far less than a Python call per value.
    """
    out: list[str] = []
    for start in range(0, len(values), _BATCH):
        batch = values[start : start + _BATCH]
        # Large values (multi-KB logos): joining would only add a copy, and the per-call cost no
        # longer matters next to the scan itself.
        plain = sum(map(len, batch)) <= _BATCH_MAX_CHARS and _batch_is_plain(batch, equals)
        out += batch if plain else [_clean(v, equals=equals) for v in batch]
    return out


def _batch_is_plain(batch: list[str], equals: bool) -> bool:
    joined = "".join(batch)
    if '"' in joined or (equals and "=" in joined) or _needs_spacing_fix(joined):
        return False
    if " " in joined:  # no value may start or end with a space (values hold no '"' now)
        separated = '"'.join(batch)
        return '" ' not in separated and ' "' not in separated
    return True


def stream_url(base_url: str, stream_name: str, token: str) -> str:
    """``{base}/{stream_name}/video.m3u8?token={token}`` (flussonic-api.md §4).

    Each ``/``-separated segment of the stream name is percent-encoded (so ``?``, ``#``, spaces and
    non-ASCII cannot end the path), and a ``.`` or ``..`` segment becomes ``%2E`` / ``%2E%2E`` so a
    player cannot resolve it away; the token is percent-encoded whole. Trailing slashes of the base
    are dropped; whitespace and control characters in it are percent-encoded so it stays one line.
    """
    return f"{_base(base_url)}/{_path(stream_name)}/video.m3u8?token={_quote(token)}"


def _base(base_url: str) -> str:
    return _URL_UNSAFE.sub(lambda m: _quote(m.group()), base_url.strip()).rstrip("/")


def _path(stream_name: str) -> str:
    if _plain_path(stream_name):  # the usual case; quote() is pure Python and slow
        return stream_name
    return "/".join(_segment(segment) for segment in stream_name.split("/"))


def _plain_path(path: str) -> bool:
    return _PATH_UNRESERVED.fullmatch(path) is not None and _DOT_SEGMENT.search(path) is None


def _segment(segment: str) -> str:
    # quote() leaves "." alone; a whole-dot segment must not read as "this/parent directory".
    return segment.replace(".", "%2E") if segment in (".", "..") else _quote(segment)


def _quote(text: str) -> str:
    # errors="replace": a lone surrogate (possible from a JSON "\\ud800" escape) becomes "?" = %3F.
    return quote(text, safe="", errors="replace")


def render_playlist(entries: Iterable[PlaylistEntry], token: str) -> str:
    """The whole M3U document for one subscriber token; see the module docstring for the rules."""
    return render_playlist_bytes(entries, token).decode()


def render_playlist_bytes(entries: Iterable[PlaylistEntry], token: str) -> bytes:
    """:func:`render_playlist` as UTF-8."""
    return join_playlist(render_heads(list(entries)), token)


def render_heads(entries: list[PlaylistEntry]) -> list[bytes]:
    """Each entry's lines up to the token, UTF-8: ``#EXTINF…,NAME\n{base}/{path}``. They are the
    same for every subscriber, so a caller may keep them (see ``playlists/lines.py``)."""
    return [head.encode() for head in _render_heads(entries)]


def join_playlist(heads: list[bytes], token: str) -> bytes:
    """The document from :func:`render_heads` output and one subscriber's token."""
    if not heads:
        return b"#EXTM3U\n"
    tail = f"/video.m3u8?token={_quote(token)}\n".encode()
    return b"".join((b"#EXTM3U\n", tail.join(heads), tail))


def _render_heads(entries: list[PlaylistEntry]) -> list[str]:
    """Each entry's EXTINF line and its URL up to the stream path (the token part is per subscriber)."""
    # Built column by column: each attribute of all channels is checked with a few C-level scans
    # (see _clean_column), which is what keeps 2,000 channels at a couple of milliseconds.
    raw_tvg_names = [e.tvg_name or "" for e in entries]
    tvg_names = _attr_column("tvg-name", _clean_column(raw_tvg_names, equals=True))
    tvg_ids = _attr_column("tvg-id", _clean_column([e.tvg_id or "" for e in entries], equals=True))
    catchup = [f' catchup-days="{d:d}"' if d is not None and d > 0 else "" for d in (e.catchup_days for e in entries)]
    groups = _attr_column("group-title", _clean_column([e.group_title or "" for e in entries], equals=True))
    logos = _attr_column("tvg-logo", _clean_column([e.tvg_logo or "" for e in entries]))
    names = _clean_column([e.display_name or "" for e in entries])
    streams = [e.stream_name for e in entries]
    if not all(names):  # the name keeps "=", so tvg-name is cleaned again without that rule
        names = [
            n or t or s for n, t, s in zip(names, _clean_column(raw_tvg_names), _clean_column(streams), strict=True)
        ]
    urls = _url_column([e.stream_base_url for e in entries], streams)
    lines = zip(tvg_names, tvg_ids, catchup, groups, logos, names, urls, strict=True)
    return [f"#EXTINF:-1{a}{b}{c}{d}{e},{n}\n{u}" for a, b, c, d, e, n, u in lines]


def _attr_column(name: str, values: list[str]) -> list[str]:
    opening = f' {name}="'
    return [f'{opening}{v}"' if v else "" for v in values]


def _url_column(base_urls: list[str], stream_names: list[str]) -> list[str]:
    paths = stream_names if _plain_path("/".join(stream_names)) else map(_path, stream_names)
    bases = {b: _base(b) for b in set(base_urls)}  # a few Flussonic hosts serve thousands of channels
    if len(bases) == 1:
        (base,) = bases.values()
        return [f"{base}/{p}" for p in paths]
    return [f"{bases[b]}/{p}" for b, p in zip(base_urls, paths, strict=True)]


# Control characters that are not whitespace (whitespace ones become spaces via _FILENAME_SPACES),
# and bidi controls: "x\u202egnp.exe" would show as "xexe.png" in a browser's download bar.
_CONTROLS = rf"\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff{BIDI_CLASS}"
# Path separators, quotes, characters Windows refuses in names, and controls.
_FILENAME_DROP = re.compile(rf'[/\\"\'<>:|?*{_CONTROLS}]')
_FILENAME_SPACES = re.compile(r"\s+")
_FILENAME_PART_MAX = 64


def _filename_part(value: str) -> str:
    value = _FILENAME_DROP.sub("", value)
    value = _FILENAME_SPACES.sub(" ", value).strip(" .")
    return value[:_FILENAME_PART_MAX].strip(" .")


def playlist_filename(last_name: str, first_name: str, agreement_number: str) -> str:
    """``{last}_{first}_{agreement}.m3u8`` (spec §6.3), safe to save anywhere.

    From each part: ``/``, ``\\``, ``"``, ``'``, ``<>:|?*``, control and bidi control characters are removed,
    whitespace runs (CR, LF and TAB included) become one space, leading/trailing spaces and dots are
    trimmed, and the part is cut to 64 characters. Non-ASCII letters (Cyrillic, Hebrew) are kept.
    If all three parts end up empty the name is ``playlist.m3u8``.
    """
    parts = [_filename_part(p) for p in (last_name, first_name, agreement_number)]
    if not any(parts):
        return "playlist.m3u8"
    return "_".join(parts) + ".m3u8"


_HEADER_DROP = re.compile(rf"[/\\{_CONTROLS}]")
_ASCII_FALLBACK_DROP = re.compile(r'[^\x20-\x7e]|["%]')
# RFC 8187 attr-char, minus what quote() always keeps (letters, digits, "_.-~").
_ATTR_CHAR_SAFE = "!#$&+^`|"


def content_disposition(filename: str) -> str:
    """RFC 6266 ``attachment`` header value with an ASCII fallback and an RFC 8187 UTF-8 name.

    Control characters are dropped and whitespace runs become one space in both forms, so the header
    cannot be split; bidi controls, ``/`` and ``\\`` are dropped too (no reordered extension, no
    directories). The
    fallback keeps printable ASCII after NFKD (accents dropped); any other character, and ``"`` and
    ``%`` (some clients percent-decode the plain parameter), becomes ``_``.
    """
    filename = _HEADER_DROP.sub("", filename)
    filename = _FILENAME_SPACES.sub(" ", filename).strip()
    decomposed = "".join(c for c in unicodedata.normalize("NFKD", filename) if not unicodedata.combining(c))
    fallback = _ASCII_FALLBACK_DROP.sub("_", decomposed)
    encoded = quote(filename, safe=_ATTR_CHAR_SAFE)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"
