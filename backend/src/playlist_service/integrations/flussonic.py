"""Async client for Flussonic Media Server's stream listing (reference: flussonic-api.md §1-§2).

* ``v3``: ``GET {url}{api_prefix}/streams`` paged with the opaque ``next`` cursor; every page
  re-sends the same query plus ``cursor=<next>``. A cursor seen twice is an error (no endless loop).
* ``legacy``: ``GET {url}/flussonic/api/media``, one unpaged array of ``{entry, value}``.
* ``auto``: try v3; if that endpoint answers 404, fall back to legacy and remember the choice.
  401/403 are credential problems and never trigger a fallback.

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
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

import httpx
import msgspec

from playlist_service.errors import FlussonicError

logger = logging.getLogger(__name__)

ApiFormat = Literal["auto", "v3", "legacy"]

SECONDS_PER_DAY: Final = 86_400
LEGACY_MEDIA_PATH: Final = "/flussonic/api/media"
LEGACY_SERVER_PATH: Final = "/flussonic/api/server"
# Only what the catalogue needs; keeps a 10,000-stream listing small. ``labels`` is added only when
# FLUSSONIC_TVG_NAME_LABEL is set (nothing else reads them).
V3_SELECT: Final = "name,title,dvr.expiration"
# Archive depth beyond this is clamped (and logged): ten years is more than any real archive, and an
# absurd value (864000000000000 s, 1e300) must not overflow the int4 column and fail the whole sync.
MAX_CATCHUP_DAYS: Final = 3650

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
    """One stream as the catalogue sees it."""

    stream_name: str
    display_name: str
    tvg_name: str
    catchup_days: int | None
    stream_base_url: str


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
    """Drop NUL characters: PostgreSQL text cannot store them (the JSON decoder already refuses
    lone surrogates, the only other thing a UTF-8 database cannot hold)."""
    return value.replace("\x00", "") if "\x00" in value else value


# --- wire formats (unknown fields are ignored by msgspec) ------------------------------------

_Name = Annotated[str, msgspec.Meta(min_length=1)]
_Seconds = int | float | None


class _V3Dvr(msgspec.Struct):
    expiration: _Seconds = None


class _V3Stream(msgspec.Struct):
    name: _Name
    title: str | None = None
    dvr: _V3Dvr | None = None
    # Free-form in Flussonic: checked when read, so one odd value cannot fail the whole listing.
    labels: Any = None


class _V3Page(msgspec.Struct):
    streams: list[_V3Stream]
    next: str | None = None


class _LegacyDvr(msgspec.Struct):
    dvr_limit: _Seconds = None
    expiration: _Seconds = None


class _LegacyOptions(msgspec.Struct):
    title: str | None = None
    dvr: _LegacyDvr | None = None


class _LegacyStream(msgspec.Struct):
    name: _Name
    options: _LegacyOptions | None = None


class _LegacyEntry(msgspec.Struct):
    entry: str
    value: msgspec.Raw = msgspec.Raw(b"null")


_page_decoder = msgspec.json.Decoder(_V3Page)
_media_decoder = msgspec.json.Decoder(list[_LegacyEntry])
_legacy_stream_decoder = msgspec.json.Decoder(_LegacyStream)
_any_decoder = msgspec.json.Decoder()


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
        """Every stream, all pages, within ``deadline``. A name repeated across pages keeps its last version."""
        progress = _Progress()
        try:
            async with asyncio.timeout(self._config.deadline) as scope:
                return await self._list_any(progress)
        except TimeoutError:
            if not scope.expired():
                raise
            raise FlussonicError(
                f"Flussonic stream list ({self._base}) did not finish within {self._config.deadline:g} s "
                f"(FLUSSONIC_SYNC_DEADLINE); stopped on page {progress.page}"
            ) from None

    async def _list_any(self, progress: _Progress) -> list[FlussonicStream]:
        if self._detected == "legacy":
            return await self._list_legacy()
        if self._detected == "v3":
            return await self._list_v3(progress)
        try:
            streams = await self._list_v3(progress)
        except _EndpointNotFound:
            logger.info("Flussonic v3 API not found at %s, trying the legacy API", self._base)
            try:
                streams = await self._list_legacy()
            except _EndpointNotFound as legacy_missing:
                raise FlussonicError(
                    f"Flussonic API not found at {self._base}: neither {self._base}{self._prefix}/streams "
                    f"nor {self._base}{LEGACY_MEDIA_PATH} exists (both answered 404) — check "
                    "FLUSSONIC_URL and FLUSSONIC_API_PREFIX"
                ) from legacy_missing
            self._detected = "legacy"
            return streams
        self._detected = "v3"
        return streams

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

    async def _list_v3(self, progress: _Progress) -> list[FlussonicStream]:
        path = f"{self._prefix}/streams"
        select = V3_SELECT + ",labels" if self._config.tvg_name_label else V3_SELECT
        query = {"limit": str(self._config.page_size), "select": select}
        if self._config.named_by:
            query["named_by"] = self._config.named_by
        by_name: dict[str, FlussonicStream] = {}
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
            data = self._decode(body, _page_decoder, self._base + path, "stream list", page)
            received += len(data.streams)
            for raw in data.streams:
                by_name[raw.name] = self._from_v3(raw)
            if not data.next:
                break
            failed = self._failed("stream list", self._base + path, page)
            if data.next in seen_cursors:
                raise FlussonicError(
                    f"{failed}: the server returned a cursor it had already returned; stopping to avoid an endless loop"
                )
            if not data.streams:
                raise FlussonicError(
                    f"{failed}: the page is empty but announces a next page; stopping (the server's pagination "
                    "looks broken)"
                )
            if page >= self._config.max_pages:
                raise FlussonicError(
                    f"{failed}: still more pages after {self._config.max_pages}; stopping (raise "
                    "FLUSSONIC_PAGE_SIZE if the line-up really is this large)"
                )
            seen_cursors.add(data.next)
            cursor = data.next
            page += 1
        if received != len(by_name):
            logger.warning(
                "Flussonic listed %d stream rows but only %d distinct names; kept the last of each",
                received,
                len(by_name),
            )
        return list(by_name.values())

    async def _list_legacy(self) -> list[FlussonicStream]:
        context = "stream list (legacy API)"
        url = self._base + LEGACY_MEDIA_PATH
        body = await self._get(LEGACY_MEDIA_PATH, {}, context)
        entries = self._decode(body, _media_decoder, url, context, None)
        by_name: dict[str, FlussonicStream] = {}
        for index, entry in enumerate(entries):
            if entry.entry != "stream":
                continue
            try:
                raw = _legacy_stream_decoder.decode(entry.value)
            except msgspec.DecodeError as exc:
                raise FlussonicError(
                    f"{self._failed(context, url, None)}: unexpected shape of entry {index}: {exc}"
                ) from None
            by_name[raw.name] = self._from_legacy(raw)
        return list(by_name.values())

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
            catchup_days=catchup_days(raw.dvr.expiration if raw.dvr else None, raw.name),
            stream_base_url=self._stream_base_url,
        )

    def _from_legacy(self, raw: _LegacyStream) -> FlussonicStream:
        options = raw.options or _LegacyOptions()
        title = clean_text(options.title).strip() if options.title else ""
        display = title or raw.name
        depth: float | None = None
        if options.dvr is not None:
            depth = options.dvr.dvr_limit if options.dvr.dvr_limit is not None else options.dvr.expiration
        return FlussonicStream(
            stream_name=raw.name,
            display_name=display,
            tvg_name=display,  # the legacy API has no labels
            catchup_days=catchup_days(depth, raw.name),
            stream_base_url=self._stream_base_url,
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
