"""Async client for Flussonic Media Server's stream listing (reference: flussonic-api.md §1-§2).

* ``v3``: ``GET {url}{api_prefix}/streams`` paged with the opaque ``next`` cursor; every page
  re-sends the same query plus ``cursor=<next>``. A cursor seen twice is an error (no endless loop).
* ``legacy``: ``GET {url}/flussonic/api/media``, one unpaged array of ``{entry, value}``.
* ``auto``: try v3; if that endpoint answers 404, fall back to legacy and remember the choice.
  401/403 are credential problems and never trigger a fallback.

Streams are decoded one by one when a page does not decode as a whole: a stream that cannot be used
(no name, a field of the wrong type) is skipped and reported in :class:`FlussonicListing` instead of
failing the listing; a page whose overall shape is wrong (not an object, no ``streams`` list) still
fails it. Numbers may arrive as numeric strings (``"604800"``), booleans as ``"true"``: accepted.

Auth: HTTP Basic when ``login`` is set (``view_auth`` is enough), otherwise ``Bearer <api_key>``,
otherwise no header. Retries: network errors and 5xx only, ``retries`` extra attempts with a short
exponential backoff; 4xx is never retried. Every failure is a :class:`FlussonicError` whose message
names the URL (and the page) and never contains the key or password.

Stream names may contain ``/`` (``mylive/bunny``). They are returned as-is; whoever builds a playback
URL percent-encodes each segment and keeps the ``/`` between them (reference §3).
"""

from __future__ import annotations

import asyncio
import base64
import logging
import math
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

import httpx
import msgspec

from playlist_service.bidi import strip_bidi_controls
from playlist_service.errors import FlussonicError

logger = logging.getLogger(__name__)

ApiFormat = Literal["auto", "v3", "legacy"]

SECONDS_PER_DAY: Final = 86_400
LEGACY_MEDIA_PATH: Final = "/flussonic/api/media"
LEGACY_SERVER_PATH: Final = "/flussonic/api/server"
# Only what the catalogue needs; keeps a 10,000-stream listing small. ``labels`` is added only when
# FLUSSONIC_TVG_NAME_LABEL is set (nothing else reads them).
V3_SELECT: Final = "name,title,disabled,dvr.expiration"
# Archive depth beyond this is clamped (and logged): ten years is more than any real archive, and an
# absurd value (864000000000000 s, 1e300) must not overflow the int4 column and fail the whole sync.
MAX_CATCHUP_DAYS: Final = 3650

# Skipped streams named in the log one by one; the rest are counted.
_LOGGED_SKIPS: Final = 20

_CREDENTIALS_HINT = "check FLUSSONIC_API_KEY / FLUSSONIC_LOGIN / FLUSSONIC_PASSWORD"


@dataclass(frozen=True, slots=True)
class FlussonicConfig:
    """How to reach one Flussonic server. ``login`` (Basic) takes precedence over ``api_key``."""

    url: str
    api_key: str | None = None
    login: str | None = None
    password: str | None = None
    api_format: ApiFormat = "auto"
    api_prefix: str = "/streamer/api/v3"
    playback_url: str | None = None
    tvg_name_label: str | None = None
    timeout: float = 10.0
    page_size: int = 1000
    retries: int = 2
    retry_backoff: float = 0.25
    named_by: str | None = None
    # The whole listing (every page, retries included) must finish within this many seconds.
    deadline: float = 120.0
    # A server that keeps answering ``next`` is stopped here (10 million streams at the default size).
    max_pages: int = 10_000


class FlussonicStream(msgspec.Struct, frozen=True):
    """One stream as the catalogue sees it. ``disabled``: Flussonic will not play it (the sync decides)."""

    stream_name: str
    display_name: str
    tvg_name: str
    catchup_days: int | None
    stream_base_url: str
    disabled: bool = False


class SkippedStream(msgspec.Struct, frozen=True):
    """A listed stream the catalogue cannot use; ``name`` is None when it has no usable name."""

    name: str | None
    reason: str


class FlussonicListing(msgspec.Struct, frozen=True):
    streams: list[FlussonicStream]
    skipped: list[SkippedStream]


def catchup_days(seconds: float | None, stream: str = "?") -> int | None:
    """Archive depth in seconds → whole days for ``catchup-days``.

    Rounds **down** (a player must never be promised hours the archive does not hold), except that
    any positive depth shorter than a day counts as 1 so the channel keeps catch-up at all.
    No depth, zero or negative → ``None`` (no catch-up). 7.9 days → 7; 1 h → 1; 14 days → 14.
    More than ``MAX_CATCHUP_DAYS`` → ``MAX_CATCHUP_DAYS``, with a warning naming ``stream``.
    """
    if seconds is None or seconds <= 0:
        return None
    if seconds >= (MAX_CATCHUP_DAYS + 1) * SECONDS_PER_DAY:
        logger.warning(
            "Flussonic stream %.80r has a DVR depth of %.6g s (over %d days); using %d days",
            stream,
            seconds,
            MAX_CATCHUP_DAYS,
            MAX_CATCHUP_DAYS,
        )
        return MAX_CATCHUP_DAYS
    return max(1, int(seconds // SECONDS_PER_DAY))


def clean_text(value: str) -> str:
    """A title as we store it: without NUL characters, which PostgreSQL text cannot store (the JSON
    decoder already refuses lone surrogates, the only other thing a UTF-8 database cannot hold), and
    without bidi controls, which would reverse it in the admin UI as in a player's menu."""
    return strip_bidi_controls(value.replace("\x00", "") if "\x00" in value else value)


class _Unusable(Exception):
    """A stream that decoded but cannot be used (the message says why)."""


def _depth(seconds: float | None, field: str) -> float | None:
    # Lax decoding turns "nan" / "inf" strings into floats; JSON itself cannot carry them.
    if seconds is not None and not math.isfinite(seconds):
        raise _Unusable(f"{field} is not a finite number ({seconds})")
    return seconds


# --- wire formats (unknown fields are ignored by msgspec) ------------------------------------
# Decoded with strict=False: numeric strings become numbers and "true"/"false" booleans.

_Name = Annotated[str, msgspec.Meta(min_length=1)]
_Seconds = int | float | None


class _V3Dvr(msgspec.Struct):
    expiration: _Seconds = None


class _V3Stream(msgspec.Struct):
    name: _Name
    title: str | None = None
    disabled: bool | None = None
    dvr: _V3Dvr | None = None
    # Free-form in Flussonic: checked when read, so one odd value cannot fail the whole listing.
    labels: Any = None


class _V3Page(msgspec.Struct):
    streams: list[_V3Stream]
    next: str | None = None


class _V3RawPage(msgspec.Struct):
    """The page's shape only: what must be right for the listing to go on."""

    streams: list[msgspec.Raw]
    next: str | None = None


class _Named(msgspec.Struct):
    """Just enough of a stream that failed to decode to name it in the report."""

    name: Any = None


class _LegacyDvr(msgspec.Struct):
    dvr_limit: _Seconds = None
    expiration: _Seconds = None


class _LegacyOptions(msgspec.Struct):
    title: str | None = None
    disabled: bool | None = None
    dvr: _LegacyDvr | None = None


class _LegacyStream(msgspec.Struct):
    name: _Name
    options: _LegacyOptions | None = None


class _LegacyEntry(msgspec.Struct):
    entry: Any = None
    value: msgspec.Raw = msgspec.Raw(b"null")


_page_decoder = msgspec.json.Decoder(_V3Page, strict=False)
_raw_page_decoder = msgspec.json.Decoder(_V3RawPage)
_v3_stream_decoder = msgspec.json.Decoder(_V3Stream, strict=False)
_named_decoder = msgspec.json.Decoder(_Named)
_media_decoder = msgspec.json.Decoder(list[msgspec.Raw])
_legacy_entry_decoder = msgspec.json.Decoder(_LegacyEntry)
_legacy_stream_decoder = msgspec.json.Decoder(_LegacyStream, strict=False)
_any_decoder = msgspec.json.Decoder()


def _skipped(raw: bytes, problem: str) -> SkippedStream:
    """Name the stream that could not be used, and why (``problem``: the decoder's own words)."""
    try:
        name = _named_decoder.decode(raw).name
    except msgspec.DecodeError:
        name = None
    if not isinstance(name, str) or not name:
        return SkippedStream(name=None, reason=f"no usable name: {problem}")
    return SkippedStream(name=name, reason=problem)


@dataclass(frozen=True, slots=True)
class FlussonicServerStatus:
    url: str
    configured_format: ApiFormat
    api_format: Literal["v3", "legacy"]
    server_version: str | None


@dataclass(slots=True)
class _Progress:
    """How far a listing got, for the deadline's message."""

    page: int = 1


class _EndpointNotFound(FlussonicError):
    """404 on an endpoint; ``list_streams`` uses it to fall back from v3 to legacy."""


def _error_text(body: bytes) -> str | None:
    """Text of a JSON:API ``{"errors": [...]}`` or legacy ``{"error": "..."}`` body, if it is one."""
    try:
        data = _any_decoder.decode(body)
    except msgspec.DecodeError:
        return None
    if not isinstance(data, dict):
        return None
    errors = data.get("errors")
    if isinstance(errors, list) and errors:
        parts = []
        for item in errors:
            if not isinstance(item, dict):
                continue
            text = item.get("title") or item.get("detail") or "error"
            code = item.get("code")
            parts.append(f"{text} ({code})" if code else str(text))
        return "; ".join(parts) or None
    error = data.get("error")
    if isinstance(error, str) and error:
        return error
    return None


def _snippet(body: bytes, limit: int = 80) -> str:
    text = body[:limit].decode("utf-8", errors="replace")
    return text + ("…" if len(body) > limit else "")


class FlussonicClient:
    """Lists Flussonic streams; create one per app lifetime and ``aclose`` it on shutdown."""

    def __init__(self, config: FlussonicConfig, *, http: httpx.AsyncClient | None = None) -> None:
        self._config = config
        self._base = config.url.rstrip("/")
        self._prefix = "/" + config.api_prefix.strip("/") if config.api_prefix.strip("/") else ""
        self._stream_base_url = (config.playback_url or config.url).rstrip("/")
        self._owns_http = http is None
        self._http = http if http is not None else httpx.AsyncClient()
        self._timeout = httpx.Timeout(config.timeout)
        self._headers = self._auth_headers(config)
        self._detected: Literal["v3", "legacy"] | None = None if config.api_format == "auto" else config.api_format

    @staticmethod
    def _auth_headers(config: FlussonicConfig) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if config.login:
            pair = f"{config.login}:{config.password or ''}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        elif config.api_key:
            headers["Authorization"] = f"Bearer {config.api_key}"
        return headers

    @property
    def api_format(self) -> Literal["v3", "legacy"] | None:
        """The format in use: configured, or detected by the first successful ``auto`` call."""
        return self._detected

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def list_streams(self) -> list[FlussonicStream]:
        """The usable streams of :meth:`fetch_streams` (what is skipped is only logged)."""
        return (await self.fetch_streams()).streams

    async def fetch_streams(self) -> FlussonicListing:
        """Every stream, all pages, within ``deadline``; a name repeated across pages keeps its last
        version. Streams that cannot be used are in ``skipped`` (logged), not an error."""
        progress = _Progress()
        try:
            async with asyncio.timeout(self._config.deadline) as scope:
                listing = await self._list_any(progress)
        except TimeoutError:
            if not scope.expired():
                raise
            raise FlussonicError(
                f"Flussonic stream list ({self._base}) did not finish within {self._config.deadline:g} s "
                f"(FLUSSONIC_SYNC_DEADLINE); stopped on page {progress.page}"
            ) from None
        for item in listing.skipped[:_LOGGED_SKIPS]:
            logger.warning("Skipping Flussonic stream %.80r: %s", item.name, item.reason)
        if len(listing.skipped) > _LOGGED_SKIPS:
            logger.warning("Skipped %d more Flussonic streams", len(listing.skipped) - _LOGGED_SKIPS)
        return listing

    async def _list_any(self, progress: _Progress) -> FlussonicListing:
        if self._detected == "legacy":
            return await self._list_legacy()
        if self._detected == "v3":
            return await self._list_v3(progress)
        try:
            listing = await self._list_v3(progress)
        except _EndpointNotFound:
            logger.info("Flussonic v3 API not found at %s, trying the legacy API", self._base)
            try:
                listing = await self._list_legacy()
            except _EndpointNotFound as legacy_missing:
                raise FlussonicError(
                    f"Flussonic API not found at {self._base}: neither {self._base}{self._prefix}/streams "
                    f"nor {self._base}{LEGACY_MEDIA_PATH} exists (both answered 404) — check "
                    "FLUSSONIC_URL and FLUSSONIC_API_PREFIX"
                ) from legacy_missing
            self._detected = "legacy"
            return listing
        self._detected = "v3"
        return listing

    async def server_info(self) -> dict[str, Any]:
        """``config/stats`` (v3, has ``server_version``) or ``/flussonic/api/server`` (legacy)."""
        return (await self._server_info())[1]

    async def server_status(self) -> FlussonicServerStatus:
        """A connection test: which API answers (as the listing would choose it) and the server version."""
        api_format, data = await self._server_info()
        version = data.get("server_version" if api_format == "v3" else "version")
        return FlussonicServerStatus(
            url=self._base,
            configured_format=self._config.api_format,
            api_format=api_format,
            server_version=str(version) if version is not None else None,
        )

    async def _server_info(self) -> tuple[Literal["v3", "legacy"], dict[str, Any]]:
        api_format: Literal["v3", "legacy"] = "legacy"
        if self._detected != "legacy":
            try:
                body = await self._get(f"{self._prefix}/config/stats", {}, "server info")
                api_format = "v3"
            except _EndpointNotFound:
                if self._detected == "v3":
                    raise
                body = await self._get(LEGACY_SERVER_PATH, {}, "server info")
        else:
            body = await self._get(LEGACY_SERVER_PATH, {}, "server info")
        try:
            data = _any_decoder.decode(body)
        except msgspec.DecodeError:
            raise FlussonicError(f"Flussonic server info at {self._base} is not JSON: {_snippet(body)!r}") from None
        if not isinstance(data, dict):
            raise FlussonicError(f"Flussonic server info at {self._base} is not a JSON object")
        return api_format, data

    # --- listing ---------------------------------------------------------------------------

    async def _list_v3(self, progress: _Progress) -> FlussonicListing:
        path = f"{self._prefix}/streams"
        select = V3_SELECT + ",labels" if self._config.tvg_name_label else V3_SELECT
        query = {"limit": str(self._config.page_size), "select": select}
        if self._config.named_by:
            query["named_by"] = self._config.named_by
        by_name: dict[str, FlussonicStream] = {}
        skipped: list[SkippedStream] = []
        seen_cursors: set[str] = set()
        cursor: str | None = None
        page = 1
        received = 0
        while True:
            progress.page = page
            params = query if cursor is None else {**query, "cursor": cursor}
            try:
                body = await self._get(path, params, "stream list", page)
            except _EndpointNotFound as exc:
                if page == 1:
                    raise
                raise FlussonicError(exc.message) from None  # mid-listing: never a format fallback
            listed = len(skipped)
            streams, next_cursor = self._decode_v3_page(body, self._base + path, page, skipped)
            listed = len(streams) + len(skipped) - listed
            for raw in streams:
                try:
                    by_name[raw.name] = self._from_v3(raw)
                except _Unusable as exc:
                    skipped.append(SkippedStream(name=raw.name, reason=str(exc)))
                else:
                    received += 1
            if not next_cursor:
                break
            failed = self._failed("stream list", self._base + path, page)
            if next_cursor in seen_cursors:
                raise FlussonicError(
                    f"{failed}: the server returned a cursor it had already returned; stopping to avoid an endless loop"
                )
            if not listed:
                raise FlussonicError(
                    f"{failed}: the page is empty but announces a next page; stopping (the server's pagination "
                    "looks broken)"
                )
            if page >= self._config.max_pages:
                raise FlussonicError(
                    f"{failed}: still more pages after {self._config.max_pages}; stopping (raise "
                    "FLUSSONIC_PAGE_SIZE if the line-up really is this large)"
                )
            seen_cursors.add(next_cursor)
            cursor = next_cursor
            page += 1
        if received != len(by_name):
            logger.warning(
                "Flussonic listed %d stream rows but only %d distinct names; kept the last of each",
                received,
                len(by_name),
            )
        return FlussonicListing(streams=list(by_name.values()), skipped=skipped)

    def _decode_v3_page(
        self, body: bytes, url: str, page: int, skipped: list[SkippedStream]
    ) -> tuple[list[_V3Stream], str | None]:
        """The page's usable streams and its ``next``. The whole page is decoded at once; only when
        that fails is each stream decoded alone, so one bad stream is skipped (into ``skipped``)."""
        try:
            whole = _page_decoder.decode(body)
        except msgspec.DecodeError:
            pass
        else:
            return whole.streams, whole.next
        # Raises for a body that is not JSON, an error body, or a page of the wrong shape.
        shape = self._decode(body, _raw_page_decoder, url, "stream list", page)
        streams: list[_V3Stream] = []
        for raw in shape.streams:
            try:
                streams.append(_v3_stream_decoder.decode(raw))
            except msgspec.ValidationError as exc:
                skipped.append(_skipped(raw, str(exc)))
        return streams, shape.next

    async def _list_legacy(self) -> FlussonicListing:
        context = "stream list (legacy API)"
        url = self._base + LEGACY_MEDIA_PATH
        body = await self._get(LEGACY_MEDIA_PATH, {}, context)
        entries = self._decode(body, _media_decoder, url, context, None)
        by_name: dict[str, FlussonicStream] = {}
        skipped: list[SkippedStream] = []
        for raw_entry in entries:
            try:
                entry = _legacy_entry_decoder.decode(raw_entry)
            except msgspec.ValidationError as exc:
                skipped.append(SkippedStream(name=None, reason=f"not a media entry: {exc}"))
                continue
            if entry.entry != "stream":
                continue
            try:
                raw = _legacy_stream_decoder.decode(entry.value)
                stream = self._from_legacy(raw)
            except msgspec.ValidationError as exc:
                skipped.append(_skipped(entry.value, str(exc)))
            except _Unusable as exc:
                skipped.append(SkippedStream(name=raw.name, reason=str(exc)))
            else:
                by_name[stream.stream_name] = stream
        return FlussonicListing(streams=list(by_name.values()), skipped=skipped)

    def _from_v3(self, raw: _V3Stream) -> FlussonicStream:
        title = clean_text(raw.title).strip() if raw.title else ""
        display = title or raw.name
        tvg = display
        label = self._config.tvg_name_label
        if label and isinstance(raw.labels, dict):
            value = raw.labels.get(label)
            # A non-string value (number, object) is treated as no label, not as a broken listing.
            if isinstance(value, str):
                tvg = clean_text(value).strip() or display
        return FlussonicStream(
            stream_name=raw.name,
            display_name=display,
            tvg_name=tvg,
            catchup_days=catchup_days(_depth(raw.dvr.expiration if raw.dvr else None, "dvr.expiration"), raw.name),
            stream_base_url=self._stream_base_url,
            disabled=bool(raw.disabled),
        )

    def _from_legacy(self, raw: _LegacyStream) -> FlussonicStream:
        options = raw.options or _LegacyOptions()
        title = clean_text(options.title).strip() if options.title else ""
        display = title or raw.name
        depth: float | None = None
        if options.dvr is not None:
            depth = _depth(options.dvr.dvr_limit, "options.dvr.dvr_limit")
            if depth is None:
                depth = _depth(options.dvr.expiration, "options.dvr.expiration")
        return FlussonicStream(
            stream_name=raw.name,
            display_name=display,
            tvg_name=display,  # the legacy API has no labels
            catchup_days=catchup_days(depth, raw.name),
            stream_base_url=self._stream_base_url,
            disabled=bool(options.disabled),
        )

    # --- HTTP ------------------------------------------------------------------------------

    def _failed(self, context: str, url: str, page: int | None) -> str:
        on_page = f" on page {page}" if page is not None else ""
        return f"Flussonic {context} failed{on_page} ({url})"

    def _decode[T](self, body: bytes, decoder: msgspec.json.Decoder[T], url: str, context: str, page: int | None) -> T:
        failed = self._failed(context, url, page)
        try:
            return decoder.decode(body)
        except msgspec.ValidationError as exc:
            text = _error_text(body)
            if text:
                raise FlussonicError(f"{failed}: the server reported an error: {text}") from None
            raise FlussonicError(f"{failed}: unexpected response shape: {exc}") from None
        except msgspec.DecodeError:
            raise FlussonicError(f"{failed}: the answer is not JSON: {_snippet(body)!r}") from None

    async def _get(self, path: str, params: dict[str, str], context: str, page: int | None = None) -> bytes:
        """GET with bounded retries on network errors and 5xx; any failure → FlussonicError."""
        url = self._base + path
        failed = self._failed(context, url, page)
        attempts = self._config.retries + 1
        reason = ""
        for attempt in range(1, attempts + 1):
            try:
                response = await self._http.get(url, params=params, headers=self._headers, timeout=self._timeout)
            except httpx.TimeoutException:
                reason = f"no answer within {self._config.timeout:g} s (timeout)"
            except httpx.ConnectError as exc:
                reason = f"cannot connect ({exc or 'connection refused'}); is FLUSSONIC_URL right?"
            except httpx.TransportError as exc:
                reason = f"network error: {exc.__class__.__name__}: {exc}"
            except httpx.HTTPError as exc:
                # The rest (DecodingError: a body that does not match its Content-Encoding,
                # TooManyRedirects, ...) says something about the server, not the network: no retry.
                raise FlussonicError(f"{failed}: unreadable answer ({exc.__class__.__name__}: {exc})") from None
            else:
                status = response.status_code
                if 200 <= status < 300:
                    return response.content
                self._raise_unless_5xx(response, failed)
                text = _error_text(response.content)
                reason = f"HTTP {status} {response.reason_phrase}" + (f": {text}" if text else "")
            if attempt < attempts:
                await asyncio.sleep(self._config.retry_backoff * 2 ** (attempt - 1))
        raise FlussonicError(f"{failed}: {reason} (gave up after {attempts} attempt(s))")

    def _raise_unless_5xx(self, response: httpx.Response, failed: str) -> None:
        """Raise for 3xx/4xx (never retried); return for 5xx (retried by the caller)."""
        status = response.status_code
        if status >= 500:
            return
        text = _error_text(response.content)
        detail = f" ({text})" if text else ""
        if status in (401, 403):
            how = "credentials rejected" if "Authorization" in self._headers else "no credentials configured"
            raise FlussonicError(f"{failed}: {how}, HTTP {status}{detail}; {_CREDENTIALS_HINT}")
        if status == 404:
            raise _EndpointNotFound(
                f"{failed}: HTTP 404 Not Found{detail}; check FLUSSONIC_URL, FLUSSONIC_API_PREFIX "
                "and FLUSSONIC_API_FORMAT"
            )
        if 300 <= status < 400:
            location = response.headers.get("location", "?")
            raise FlussonicError(
                f"{failed}: redirected (HTTP {status}) to {location}; set FLUSSONIC_URL to the final address"
            )
        raise FlussonicError(f"{failed}: HTTP {status} {response.reason_phrase}{detail}")
