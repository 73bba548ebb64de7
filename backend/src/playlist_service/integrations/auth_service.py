"""Async client for the Auth Service management API (spec §9.2, shared/reference/auth-service.md).

Sharp edges this client absorbs, so callers do not have to:

- Datetimes go out as UTC without microseconds, with or without the trailing ``Z``
  (``time_format``), because some versions 500 on any offset and others silently drop it.
  Datetimes come back without an offset; they are UTC and are made aware here.
- A duplicate token string is a **400**. Every 400 on create is raised as :class:`TokenMayExistError`:
  the message text differs between versions, so the caller looks the token up and decides.
- 404 on read/patch/delete is an answer (``None`` / ``False``), not an error.
- A wrong API key (401) is a configuration error: never retried, clear message.
- There is no server-side lookup by token value: :meth:`AuthServiceClient.find_by_token` pages.

What the client does *not* hide (the sync code decides): ids are reused after a delete, so check
``token``/``user_id`` of what :meth:`get_token` returns before PATCH/DELETE, and of what PATCH
answers (a retried PATCH may land on a token that took the id meanwhile); DELETE is never retried
here for the same reason (the sync re-reads the id and deletes again only if it is still its own); PATCH cannot change
``token``, ``user_id`` or ``valid_from`` nor clear ``valid_until`` (delete + create); expiry is
sticky, so extending ``valid_until`` must also send ``status``; an empty ``allowed_streams`` lets
the token play every stream.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import httpx
import msgspec
from msgspec import UNSET, UnsetType

from playlist_service.errors import AuthServiceError

__all__ = [
    "MAX_PAGE_SIZE",
    "AuthServiceClient",
    "AuthServiceConfig",
    "AuthServiceRequestError",
    "AuthToken",
    "AuthTokenCreate",
    "AuthTokenPatch",
    "TokenMayExistError",
    "to_wire",
]

logger = logging.getLogger(__name__)

MAX_PAGE_SIZE = 1000
_MAX_CONNECTIONS = 128
"""The Auth Service answers 422 to ``limit`` above this."""

TimeFormat = Literal["z", "naive"]


@dataclass(frozen=True, slots=True)
class AuthServiceConfig:
    url: str
    """``AUTH_SERVICE_URL``, e.g. ``http://auth-service:8090``."""
    api_key: str
    """``AUTH_SERVICE_API_KEY``, sent as ``X-API-Key``; never logged."""
    timeout: float = 5.0
    time_format: TimeFormat = "z"
    """``z``: ``2024-01-01T00:00:00Z``; ``naive``: no offset (for versions that 500 on one)."""
    retries: int = 1
    """Extra attempts on network errors / 5xx for GET and PATCH. Never for POST (the token may have
    been created) nor DELETE (after a lost answer the id may already be somebody else's token)."""
    retry_backoff: float = 0.2
    """Seconds before the first retry, doubled for each further one."""

    def __repr__(self) -> str:  # keep the key out of logs and tracebacks
        return (
            f"AuthServiceConfig(url={self.url!r}, api_key='***', timeout={self.timeout!r}, "
            f"time_format={self.time_format!r}, retries={self.retries!r})"
        )


class AuthServiceRequestError(AuthServiceError):
    """A failed Auth Service call.

    ``transient`` says whether trying again later may help (network error, timeout, 5xx, 429);
    a background worker retries those and surfaces the rest. ``upstream_status`` is the Auth
    Service's HTTP status when there was an answer.
    """

    def __init__(
        self,
        message: str,
        *,
        transient: bool,
        upstream_status: int | None = None,
        details: Any = None,
    ) -> None:
        super().__init__(message, details=details)
        self.transient = transient
        self.upstream_status = upstream_status


class TokenMayExistError(AuthServiceRequestError):
    """POST /api/tokens answered 400. The duplicate-token answer is a 400 whose text varies between
    versions, so any 400 means "possibly exists": look it up with ``find_by_token``, then decide."""


def _as_utc(value: datetime) -> datetime:
    # The Auth Service stores and returns UTC wall-clock values without an offset.
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def to_wire(value: datetime, time_format: TimeFormat = "z") -> str:
    """Format ``value`` for the Auth Service: UTC, whole seconds, ``Z`` or no offset.

    A naive ``value`` is taken to be UTC already (the Auth Service's own convention).
    """
    utc = _as_utc(value).replace(microsecond=0, tzinfo=None)
    text = utc.isoformat(timespec="seconds")
    return text + "Z" if time_format == "z" else text


class AuthToken(msgspec.Struct, kw_only=True):
    """A token as the Auth Service returns it; datetimes are made aware UTC on decode."""

    id: int
    token: str
    user_id: str
    status: str
    max_sessions: int
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    allowed_ips: list[str] | None = None
    allowed_streams: list[str] | None = None
    meta: dict[str, Any] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        for name in ("valid_from", "valid_until", "created_at", "updated_at"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, _as_utc(value))


class AuthTokenCreate(msgspec.Struct, kw_only=True):
    """Body of POST /api/tokens. ``allowed_streams=[]`` means *every* stream is allowed."""

    token: str
    user_id: str
    status: str
    max_sessions: int
    valid_from: datetime | None
    valid_until: datetime | None
    allowed_streams: list[str] | None
    meta: dict[str, Any] | None
    allowed_ips: list[str] | None = None


class AuthTokenPatch(msgspec.Struct, kw_only=True, omit_defaults=True):
    """Body of PATCH /api/tokens/{id}; ``UNSET`` fields are not sent.

    There is no ``None``: the Auth Service reads ``null`` as "leave as is", so ``valid_until``
    cannot be cleared this way (delete + create). Send ``status`` whenever ``valid_until`` is
    extended, or an already expired token stays expired.
    """

    status: str | UnsetType = UNSET
    max_sessions: int | UnsetType = UNSET
    valid_until: datetime | UnsetType = UNSET
    allowed_streams: list[str] | UnsetType = UNSET
    meta: dict[str, Any] | UnsetType = UNSET
    allowed_ips: list[str] | UnsetType = UNSET


_token_decoder = msgspec.json.Decoder(AuthToken)
_token_list_decoder = msgspec.json.Decoder(list[AuthToken])

_RETRIED = frozenset({"GET", "PATCH"})
"""PATCH sets absolute values, so repeating it is harmless to our own token; the caller checks the
answer's token and user_id in case the id was reused in between (see the module docstring)."""


class AuthServiceClient:
    """One instance per process; share it (it holds a connection pool)."""

    def __init__(self, config: AuthServiceConfig, *, http: httpx.AsyncClient | None = None) -> None:
        self._config = config
        self._base = config.url.rstrip("/")
        self._owns_http = http is None
        # Keep as many idle connections as may be busy: httpx keeps 20 by default, so with more pushes
        # in flight (AUTH_SYNC_CONCURRENCY) every extra request paid a new TCP connection.
        limits = httpx.Limits(max_connections=_MAX_CONNECTIONS, max_keepalive_connections=_MAX_CONNECTIONS)
        self._http = http if http is not None else httpx.AsyncClient(timeout=config.timeout, limits=limits)

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    # -- management API ---------------------------------------------------------------------

    async def create_token(self, data: AuthTokenCreate) -> AuthToken:
        """POST /api/tokens. Never retried: after a timeout the token may exist (find it)."""
        operation = "create token"
        try:
            response = await self._request("POST", "/api/tokens", operation, json=self._body(data))
        except AuthServiceRequestError as exc:
            if exc.upstream_status == 400:
                raise TokenMayExistError(
                    f"{exc.message} (the token may already exist)",
                    transient=False,
                    upstream_status=400,
                    details=exc.details,
                ) from exc
            raise
        return self._decode(response, _token_decoder, operation)

    async def get_token(self, token_id: int) -> AuthToken | None:
        operation = f"get token {token_id}"
        response = await self._request("GET", f"/api/tokens/{token_id}", operation, allow_404=True)
        if response.status_code == 404:
            return None
        return self._decode(response, _token_decoder, operation)

    async def patch_token(self, token_id: int, data: AuthTokenPatch) -> AuthToken | None:
        operation = f"update token {token_id}"
        response = await self._request(
            "PATCH", f"/api/tokens/{token_id}", operation, json=self._body(data), allow_404=True
        )
        if response.status_code == 404:
            return None
        return self._decode(response, _token_decoder, operation)

    async def delete_token(self, token_id: int) -> bool:
        """True when deleted, False when it was already gone. Not retried (see :data:`_RETRIED`)."""
        operation = f"delete token {token_id}"
        response = await self._request("DELETE", f"/api/tokens/{token_id}", operation, allow_404=True)
        return response.status_code != 404

    async def list_tokens(
        self, *, status: str | None = None, skip: int = 0, limit: int = MAX_PAGE_SIZE
    ) -> list[AuthToken]:
        params: dict[str, str | int] = {"skip": max(skip, 0), "limit": min(max(limit, 1), MAX_PAGE_SIZE)}
        if status is not None:
            params["status"] = status
        operation = "list tokens"
        response = await self._request("GET", "/api/tokens", operation, params=params)
        return self._decode(response, _token_list_decoder, operation)

    async def iter_pages(self, *, status: str | None = None) -> AsyncIterator[list[AuthToken]]:
        """Every token, in pages of ``MAX_PAGE_SIZE`` (ordered by id on the server)."""
        skip = 0
        while True:
            page = await self.list_tokens(status=status, skip=skip, limit=MAX_PAGE_SIZE)
            if page:
                yield page
            if len(page) < MAX_PAGE_SIZE:
                return
            skip += len(page)

    async def iter_tokens(self, *, status: str | None = None) -> AsyncIterator[AuthToken]:
        """Every token, one page of ``MAX_PAGE_SIZE`` at a time (ordered by id on the server)."""
        async for page in self.iter_pages(status=status):
            for token in page:
                yield token

    async def find_by_token(self, token: str) -> AuthToken | None:
        """The row holding ``token``; the Auth Service has no filter for it, so this pages."""
        async for row in self.iter_tokens():
            if row.token == token:
                return row
        return None

    async def check(self) -> None:
        """Raise :class:`AuthServiceRequestError` unless a real call works (``/health`` would
        answer even with a broken database or a wrong key)."""
        await self.list_tokens(limit=1)

    # -- plumbing -----------------------------------------------------------------------------

    def _body(self, data: msgspec.Struct) -> dict[str, Any]:
        raw = msgspec.to_builtins(data, builtin_types=(datetime,))
        assert isinstance(raw, dict)
        return {
            key: to_wire(value, self._config.time_format) if isinstance(value, datetime) else value
            for key, value in raw.items()
        }

    async def _request(
        self,
        method: str,
        path: str,
        operation: str,
        *,
        json: Mapping[str, Any] | None = None,
        params: Mapping[str, str | int] | None = None,
        allow_404: bool = False,
    ) -> httpx.Response:
        attempts = 1 + (max(self._config.retries, 0) if method in _RETRIED else 0)
        delay = self._config.retry_backoff
        for attempt in range(1, attempts + 1):
            try:
                return await self._attempt(method, path, operation, json, params, allow_404)
            except AuthServiceRequestError as exc:
                if not exc.transient or attempt == attempts:
                    raise
                logger.warning(
                    "Auth Service %s failed (attempt %d of %d), retrying: %s",
                    operation,
                    attempt,
                    attempts,
                    exc.message,
                )
                await asyncio.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    async def _attempt(
        self,
        method: str,
        path: str,
        operation: str,
        json: Mapping[str, Any] | None,
        params: Mapping[str, str | int] | None,
        allow_404: bool,
    ) -> httpx.Response:
        url = self._base + path
        try:
            response = await self._http.request(
                method,
                url,
                json=json,
                params=params,
                headers={"X-API-Key": self._config.api_key, "Accept": "application/json"},
                timeout=self._config.timeout,
            )
        except httpx.TimeoutException as exc:
            raise AuthServiceRequestError(
                f"Auth Service {operation}: no answer from {self._base} within "
                f"{self._config.timeout:g}s ({type(exc).__name__})",
                transient=True,
            ) from exc
        except httpx.ConnectError as exc:
            raise AuthServiceRequestError(
                f"Auth Service unreachable at {self._base} ({operation}): {_reason(exc)}",
                transient=True,
            ) from exc
        except httpx.TransportError as exc:
            raise AuthServiceRequestError(
                f"Auth Service {operation}: network error talking to {self._base}: {_reason(exc)}",
                transient=True,
            ) from exc

        status = response.status_code
        if status < 300 or (status == 404 and allow_404):
            return response
        detail = _detail(response)
        if status == 401:
            raise AuthServiceRequestError(
                "Auth Service rejected the API key (check AUTH_SERVICE_API_KEY)",
                transient=False,
                upstream_status=401,
            )
        if status >= 500:
            raise AuthServiceRequestError(
                f"Auth Service {operation}: server error {status}: {detail}",
                transient=True,
                upstream_status=status,
            )
        raise AuthServiceRequestError(
            f"Auth Service {operation}: {status}: {detail}",
            transient=status in (408, 429),
            upstream_status=status,
            details=_json_or_none(response),
        )

    def _decode[T](self, response: httpx.Response, decoder: msgspec.json.Decoder[T], operation: str) -> T:
        try:
            return decoder.decode(response.content)
        except msgspec.DecodeError as exc:
            # msgspec.ValidationError is a DecodeError: covers non-JSON and the wrong shape.
            raise AuthServiceRequestError(
                f"Auth Service {operation}: unexpected answer ({response.status_code}, "
                f"{response.headers.get('content-type', 'no content type')}): {exc}",
                transient=False,
                upstream_status=response.status_code,
            ) from exc


def _reason(exc: httpx.TransportError) -> str:
    # httpx wraps the OS error ("All connection attempts failed"); name the root cause.
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError) or "refused" in str(cause).lower():
            return "connection refused"
        if isinstance(cause, socket.gaierror):
            return f"cannot resolve host ({cause.strerror or cause})"
        cause = cause.__cause__ or cause.__context__
    return str(exc) or type(exc).__name__


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _detail(response: httpx.Response) -> str:
    """The server's ``detail`` (FastAPI style) or the start of the body."""
    body = _json_or_none(response)
    if isinstance(body, dict) and "detail" in body:
        detail = body["detail"]
        if isinstance(detail, list):  # 422 validation errors: [{"loc": [...], "msg": ...}]
            parts = []
            for item in detail:
                if isinstance(item, dict):
                    loc = ".".join(str(p) for p in item.get("loc", []) if p != "body")
                    parts.append(f"{loc}: {item.get('msg', item)}" if loc else str(item.get("msg", item)))
                else:
                    parts.append(str(item))
            return "; ".join(parts)
        return str(detail)
    text = response.text.strip()
    return text[:200] if text else response.reason_phrase or "no details"
