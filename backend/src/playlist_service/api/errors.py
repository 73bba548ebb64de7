"""The one map from exceptions to the spec §7.4 error envelope."""

from __future__ import annotations

import logging
import re
import weakref
from typing import Any

import asyncpg
from advanced_alchemy.exceptions import IntegrityError as AAIntegrityError
from advanced_alchemy.exceptions import NotFoundError as AANotFoundError
from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    MethodNotAllowedException,
    NotAuthorizedException,
    NotFoundException,
    PermissionDeniedException,
    SerializationException,
    ValidationException,
)
from litestar.types import ExceptionHandlersMap
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import IntegrityError as SAIntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from playlist_service.api.envelope import ErrorDetail, error_envelope
from playlist_service.api.request_id import ensure_request_id, request_id_of
from playlist_service.errors import AppError, ServiceUnavailableError, ValidationError

log = logging.getLogger("playlist_service.errors")

_STATUS_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    422: "VALIDATION_ERROR",
    429: "TOO_MANY_REQUESTS",
}
_UNIQUE_NAME = re.compile(
    r"^uq_(?P<table>[a-z_]+?)_(?P<column>name|username|stream_name|agreement_number|token|key_hash)$"
)
_FK_NAME = re.compile(r"^fk_(?P<table>[a-z_]+?)_(?P<column>[a-z_]+_id)_")


RETRY_AFTER_DEFAULT = {429: 60, 503: 5}
"""Retry-After seconds for a 429 or 503 whose error does not know better: every one says when to come back."""


def _respond(
    request: Request[Any, Any, Any],
    status: int,
    code: str,
    message: str,
    details: Any = None,
    *,
    retry_after: int | None = None,
) -> Response[Any]:
    request_id = ensure_request_id(request.scope)
    body = error_envelope(code, message, details, request_id=request_id)
    # Set here too: router errors (404, 405) and errors raised in middleware are answered outside
    # RequestIdMiddleware.
    headers = {"X-Request-ID": request_id}
    if status in RETRY_AFTER_DEFAULT:
        headers["Retry-After"] = str(retry_after or RETRY_AFTER_DEFAULT[status])
    return Response(content=body, status_code=status, headers=headers)


def _validation_details(extra: Any) -> list[ErrorDetail]:
    details: list[ErrorDetail] = []
    for item in extra if isinstance(extra, list) else []:
        if not isinstance(item, dict):
            continue
        message = str(item.get("message", "Invalid value"))
        key = item.get("key")
        # The request body is the "data" kwarg; its fields are named from the root of the body.
        field = None if key == "data" else key
        # msgspec reports nested paths as "... - at `$.field[0].x`".
        match = re.search(r"at `\$\.?([^`]*)`", message)
        if match:
            field = match.group(1) or field
            message = message[: match.start()].rstrip(" -")
        # A missing or unknown key is named in the message, not the path: name the field itself.
        named = re.search(r"(?:missing required field|unknown field|^field) `([^`]+)`", message)
        if named:
            field = f"{field}.{named.group(1)}" if field else named.group(1)
            if named.start() == 0:  # "field `x` must ..." from api.dto: the field is said once, in "field"
                message = message[named.end() :].strip()
        if field is None and item.get("source") == "body":
            field = "body"
        if key == "data" and message == "'data'":  # Litestar's KeyError text for a body that is not there
            message = "a JSON body is required"
        details.append(ErrorDetail(message=message, field=str(field) if field else None))
    if len(details) > 1:  # a missing optional body is reported along with the real error: keep the real one
        details = [d for d in details if d.message != "a JSON body is required"] or details
    return details


def _app_error(request: Request[Any, Any, Any], exc: AppError) -> Response[Any]:
    if exc.status_code >= 500:
        log.warning("%s: %s (request %s)", exc.code, exc.message, request_id_of(request.scope))
    return _respond(request, exc.status_code, exc.code, exc.message, exc.details, retry_after=exc.retry_after)


def _validation(request: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    details = _validation_details(exc.extra)
    if not details and exc.detail and "JSON" in str(exc.detail):
        details = [ErrorDetail(field="body", message=str(exc.detail))]
    names = ", ".join(d.field for d in details if d.field) or "request"
    message = f"Invalid value for: {names}" if details else str(exc.detail or "Validation failed")
    if exc.detail and "malformed" in str(exc.detail).lower():
        message = "Request body is not valid JSON"
    return _respond(request, 422, "VALIDATION_ERROR", message, details or None)


def _http(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    status = exc.status_code
    if status >= 500:
        return _internal(request, exc)
    if status == 400 and isinstance(exc.__cause__, SerializationException):
        # A body that is not JSON (or is cut short) is a validation failure of the body (spec §7.4).
        reason = str(exc.__cause__) or "not valid JSON"
        return _respond(
            request,
            422,
            "VALIDATION_ERROR",
            f"Request body is not valid JSON: {reason}",
            [ErrorDetail(field="body", message=reason)],
        )
    code = _STATUS_CODES.get(status, "BAD_REQUEST")
    message = str(exc.detail) if exc.detail else code.replace("_", " ").capitalize()
    if isinstance(exc, NotFoundException) and message in {"Not Found", "Not found"}:
        message = "Resource not found"
    if isinstance(exc, MethodNotAllowedException):
        message = "Method not allowed for this resource"
    response = _respond(request, status, code, message)
    if status in (405, 429) and exc.headers:  # Allow; a rate limiter's own Retry-After
        response.headers.update(exc.headers)
    return response


def _sqlstate(exc: BaseException) -> tuple[str | None, str | None]:
    """SQLSTATE and constraint name from the driver error under SQLAlchemy's (and the adapter's) wrappers."""
    state: str | None = None
    constraint: str | None = None
    orig: BaseException | None = getattr(exc, "orig", None) or exc.__cause__
    while orig is not None:
        state = state or getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
        constraint = constraint or getattr(orig, "constraint_name", None)
        orig = orig.__cause__
    return (str(state) if state else None), constraint


def _integrity(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    state, constraint = _sqlstate(exc)
    if state == "23505":  # unique_violation: decided by the database, so concurrent requests agree
        field = None
        if constraint and (m := _UNIQUE_NAME.match(constraint)):
            field = m.group("column")
        label = field.replace("_", " ") if field else "value"
        return _respond(
            request,
            409,
            "DUPLICATE_ENTRY",
            f"A record with this {label} already exists",
            [ErrorDetail(field=field, message="must be unique")] if field else None,
        )
    if state == "23503":  # foreign_key_violation: a referenced id vanished or never existed
        field = m.group("column") if constraint and (m := _FK_NAME.match(constraint)) else None
        return _respond(
            request,
            422,
            "VALIDATION_ERROR",
            "A referenced record does not exist",
            [ErrorDetail(field=field, message="does not exist")] if field else None,
        )
    return _internal(request, exc)


def _not_found(request: Request[Any, Any, Any], exc: AANotFoundError) -> Response[Any]:
    return _respond(request, 404, "NOT_FOUND", "Resource not found")


DATABASE_UNREACHABLE = "The database is not reachable; try again shortly"
_CONNECTION_STATES = ("08", "57P01", "57P02", "57P03", "53300")
"""SQLSTATEs of a connection that failed, was ended by the server (shutdown, crash, starting up) or
was refused for lack of slots: nothing in the request was wrong."""
_CONNECTION_ERRORS = (
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.TooManyConnectionsError,
    PoolTimeoutError,  # no pooled connection came free within DB_POOL_TIMEOUT
)


def _raised_by_driver(exc: BaseException) -> bool:
    # A bare OSError (a refused connect comes through SQLAlchemy unwrapped) counts only when it came
    # from the driver or the pool; a file error elsewhere is not the database's.
    tb = exc.__traceback__
    while tb is not None:
        if str(tb.tb_frame.f_globals.get("__name__", "")).startswith(("asyncpg", "sqlalchemy")):
            return True
        tb = tb.tb_next
    return False


def _unreachable_cause(exc: BaseException) -> BaseException | None:
    """The innermost error showing the database connection (not the statement) failed, if any."""
    found: BaseException | None = None
    cause: BaseException | None = exc
    for _ in range(10):  # the wrappers: advanced-alchemy's, SQLAlchemy's, the adapter's, the driver's
        if cause is None:
            break
        state = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
        if (
            isinstance(cause, _CONNECTION_ERRORS)
            or (isinstance(cause, DBAPIError) and cause.connection_invalidated)
            or (isinstance(state, str) and state.startswith(_CONNECTION_STATES))
            or (isinstance(cause, OSError) and _raised_by_driver(cause))
        ):
            found = cause
        cause = getattr(cause, "orig", None) or cause.__cause__
    return found


def _unavailable(request: Request[Any, Any, Any], cause: BaseException) -> Response[Any]:
    # One line per request, no traceback: during an outage every request fails the same way. The
    # driver's own message names host and port, never statement parameters.
    reason = str(cause).splitlines()[0] if str(cause) else ""
    log.warning(
        "Database not reachable on %s %s (request %s): %s: %s",
        request.method,
        request.url.path,
        request_id_of(request.scope),
        type(cause).__name__,
        reason[:300],
    )
    return _respond(request, 503, ServiceUnavailableError.code, DATABASE_UNREACHABLE)


def _internal(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    if (cause := _unreachable_cause(exc)) is not None:
        return _unavailable(request, cause)
    log.error(
        "Unhandled error on %s %s (request %s)",
        request.method,
        request.url.path,
        request_id_of(request.scope),
        exc_info=exc,
    )
    return _respond(request, 500, "INTERNAL_ERROR", "Internal server error. Quote the request id when reporting it.")


def _argument_error(exc: BaseException) -> str | None:
    """asyncpg's refusal to encode a query argument (``value out of int32 range``), raised before the query runs."""
    cause: BaseException | None = exc
    while cause is not None:
        text = str(cause)
        if isinstance(cause, asyncpg.exceptions.DataError) and text.startswith("invalid input for query argument"):
            return text
        cause = cause.__cause__ or getattr(cause, "orig", None)
    return None


def _db_error(request: Request[Any, Any, Any], exc: DBAPIError) -> Response[Any]:
    if (cause := _unreachable_cause(exc)) is not None:
        return _unavailable(request, cause)
    if (argument := _argument_error(exc)) is not None:
        # A safety net: parameters are bounded in their types, so this means one is missing a bound.
        log.warning("Query argument refused by the driver on %s %s: %s", request.method, request.url.path, argument)
        return _respond(request, 422, "VALIDATION_ERROR", "A value is out of range")
    state, _ = _sqlstate(exc)
    if state and state.startswith("23"):
        return _integrity(request, exc)
    if state in {"22001", "22003", "22P02", "22007", "22008"}:  # too long, out of range, bad text
        return _respond(request, 422, "VALIDATION_ERROR", "A value is out of range or too long")
    if state == "22021":  # character_not_in_repertoire: PostgreSQL text cannot hold a NUL (\u0000)
        return _respond(
            request, 422, "VALIDATION_ERROR", "A value contains a character that cannot be stored (NUL, \\u0000)"
        )
    return _internal(request, exc)


def refuse_nul_in_query(request: Request[Any, Any, Any]) -> None:
    """A NUL (``%00``) in a query parameter is a 422 naming it, never a driver error."""
    if b"%00" not in request.scope.get("query_string", b"") and "\x00" not in request.url.query:
        return
    names = sorted({key for key, value in request.query_params.multi_items() if "\x00" in key or "\x00" in value})
    raise ValidationError(
        f"Invalid value for: {', '.join(names) or 'query'}",
        details=[ErrorDetail(field=name, message="must not contain a NUL character") for name in names] or None,
    )


_DECIMAL = re.compile(r"-?[0-9]+")


# Per route handler: its signature never changes, so it is read once, not on every request.
_INTEGER_QUERY_NAMES: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()


def _integer_query_names(handler: Any, path_params: Any) -> frozenset[str]:
    """Query parameters the handler declares as ``int`` (alone or in a union such as ``int | None``)."""
    cached = _INTEGER_QUERY_NAMES.get(handler)
    if cached is not None:
        return cached
    dependencies = handler.resolve_dependencies()
    names = set()
    for name, field in handler.parsed_fn_signature.parameters.items():
        kwarg = field.kwarg_definition
        if (
            name in dependencies
            or name in path_params
            or getattr(kwarg, "header", None)
            or getattr(kwarg, "cookie", None)
        ):
            continue
        types = [t.annotation for t in field.inner_types] if field.is_union else [field.annotation]
        if int in types:
            names.add(getattr(kwarg, "query", None) or name)
    return _INTEGER_QUERY_NAMES.setdefault(handler, frozenset(names))


def _refuse_non_decimal(bad: list[str]) -> None:
    if bad:
        raise ValidationError(
            f"Invalid value for: {', '.join(bad)}",
            details=[ErrorDetail(field=name, message="must be a whole number in decimal digits") for name in bad],
        )


def refuse_non_decimal_integers(request: Request[Any, Any, Any]) -> None:
    """An integer query parameter is plain decimal digits: msgspec alone would read ``1e3`` as 1000."""
    if not request.scope.get("query_string"):
        return
    names = _integer_query_names(request.route_handler, request.path_params)
    _refuse_non_decimal(
        sorted(
            {key for key, value in request.query_params.multi_items() if key in names and not _DECIMAL.fullmatch(value)}
        )
    )


def refuse_non_decimal_path_integers(request: Request[Any, Any, Any]) -> None:
    """An ``{x:int}`` path segment is plain ASCII digits too: the router parses it with ``int()``,
    which takes ``1%20`` (``"1 "``), ``+1``, ``1_0`` and fullwidth one (U+FF11), so ``/groups/%EF%BC%91`` was group 1.
    Segments ``int()`` refuses (``abc``) match no route and stay 404s."""
    template = request.scope.get("path_template") or ""
    if "{" not in template:
        return
    # The same split as Litestar's router (routing_trie.traversal), so the segments line up.
    names = [part[1:-1] if part.startswith("{") and part.endswith("}") else "" for part in template.split("/") if part]
    values = [part for part in request.scope["path"].split("/") if part]
    integers = {k for k, v in request.path_params.items() if isinstance(v, int)}
    _refuse_non_decimal(
        sorted(
            name
            for name, value in zip(names, values, strict=False)
            if name in integers and not _DECIMAL.fullmatch(value)
        )
    )


async def check_query(request: Request[Any, Any, Any]) -> None:
    """``before_request``: path and query values Litestar's own parsing would let through to the database."""
    refuse_non_decimal_path_integers(request)
    refuse_nul_in_query(request)
    refuse_non_decimal_integers(request)


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    AppError: _app_error,
    ValidationException: _validation,
    NotAuthorizedException: lambda r, e: _respond(r, 401, "UNAUTHORIZED", str(e.detail) or "Not authenticated"),
    PermissionDeniedException: lambda r, e: _respond(r, 403, "FORBIDDEN", str(e.detail) or "Forbidden"),
    HTTPException: _http,
    AANotFoundError: _not_found,
    AAIntegrityError: _integrity,
    SAIntegrityError: _integrity,
    DBAPIError: _db_error,
    Exception: _internal,
}
