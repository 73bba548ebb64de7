"""OpenAPI 3.1 configuration: security schemes, docs UI, and readable names for generic schemas."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import (
    Components,
    OpenAPI,
    OpenAPIFormat,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Reference,
    Schema,
    SecurityScheme,
    Server,
    Tag,
)

from playlist_service import __version__
from playlist_service.api.docs_ui import PinnedScalar, PinnedSwagger

SECURITY_SCHEMES: dict[str, SecurityScheme | Reference] = {
    "sessionCookie": SecurityScheme(
        type="apiKey",
        name="session_id",
        security_scheme_in="cookie",
        description="Set by POST /api/v1/auth/login. Unsafe methods also need the X-CSRF-Token header.",
    ),
    "csrfToken": SecurityScheme(
        type="apiKey",
        name="X-CSRF-Token",
        security_scheme_in="header",
        description="The csrf_token from the login or /auth/me answer; required with the cookie on writes.",
    ),
    "apiKey": SecurityScheme(
        type="http",
        scheme="bearer",
        description="An API key created by an admin (Authorization: Bearer <key>); no cookie or CSRF needed.",
    ),
}


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Playlist Service API",
        version=__version__,
        description=(
            "Manage the IPTV channel line-up synced from Flussonic, subscribers and their playlists. "
            "Every answer is an envelope: `{success: true, data}` or `{success: false, error: {code, message}}`."
        ),
        path="/api/schema",
        render_plugins=[PinnedScalar(), PinnedSwagger(path="/swagger")],
        components=Components(security_schemes=SECURITY_SCHEMES),
        security=[{"sessionCookie": [], "csrfToken": []}, {"apiKey": []}],
        servers=[Server(url="/")],
        tags=[
            Tag(name="Authentication"),
            Tag(name="Health"),
        ],
        use_handler_docstrings=True,
    )


_GENERIC = re.compile(r"(\w+)\[([\w, ]*)\]")


def _cap(part: str) -> str:
    part = part.strip()
    return "Empty" if part == "None" else part[:1].upper() + part[1:]


def _readable(title: str) -> str:
    """``Envelope[Page[ChannelRead]]`` -> ``ChannelReadPageEnvelope``; ``Envelope[None]`` -> ``EmptyEnvelope``."""
    name = title.replace("NoneType", "None")
    while "[" in name:
        name = _GENERIC.sub(
            lambda m: "".join(_cap(p) for p in m.group(2).split(",") if p.strip()) + _cap(m.group(1)), name
        )
    return name


def _walk(node: Any, renames: dict[str, str], seen: set[int]) -> None:
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, Reference):
        prefix = "#/components/schemas/"
        if node.ref.startswith(prefix) and node.ref[len(prefix) :] in renames:
            node.ref = prefix + renames[node.ref[len(prefix) :]]
        return
    if isinstance(node, dict):
        for value in node.values():
            _walk(value, renames, seen)
    elif isinstance(node, list | tuple):
        for value in node:
            _walk(value, renames, seen)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for field in dataclasses.fields(node):
            _walk(getattr(node, field.name), renames, seen)


def tidy_schema_names(openapi: OpenAPI) -> None:
    """Give generic structs names a generated client can use (Litestar keys them by module path)."""
    schemas = openapi.components.schemas if openapi.components else None
    if not schemas:
        return
    renames: dict[str, str] = {}
    for key, schema in schemas.items():
        title = getattr(schema, "title", None)
        if (title and "[" in title) or "." in key:
            renames[key] = _readable(title) if title and "[" in title else key.rsplit(".", 1)[-1].strip("_")
    if len(set(renames.values())) != len(renames):
        raise RuntimeError(f"OpenAPI schema names collide after tidying: {sorted(renames.values())}")
    for old, new in renames.items():
        schema = schemas.pop(old)
        if not isinstance(schema, Reference):
            # Client generators name classes after the title, so it must be the readable name too.
            schema.title = new
        schemas[new] = schema
    _walk(openapi, renames, set())


_ERROR_REF = "#/components/schemas/ErrorEnvelope"
_STANDARD_ERRORS = {
    "400": "Bad request (e.g. CHANNEL_NOT_ORPHANED, BAD_REQUEST)",
    "401": "Not authenticated (UNAUTHORIZED)",
    "403": "Forbidden: missing/invalid X-CSRF-Token, or a read-only API key used for a write",
    "422": "Validation failed (VALIDATION_ERROR); error.details names each field",
    "503": "The database is not reachable (SERVICE_UNAVAILABLE); Retry-After gives the seconds to wait",
}


def _error_response(description: str) -> OpenAPIResponse:
    return OpenAPIResponse(
        description=description,
        content={"application/json": OpenAPIMediaType(schema=Reference(ref=_ERROR_REF))},
    )


def document_errors(openapi: OpenAPI, api_prefix: str, public_paths: frozenset[str]) -> None:
    """Replace Litestar's default 400 body with our envelope and add 401/403/422 to protected routes.

    Public routes (login, health) get ``security: []``: Litestar drops a handler's empty ``security``,
    which would leave them under the document-wide requirement of a session or an API key.
    """
    for path, item in (openapi.paths or {}).items():
        for method in ("get", "post", "put", "patch", "delete"):
            operation: Operation | None = getattr(item, method, None)
            if operation is None:
                continue
            responses = operation.responses if operation.responses is not None else {}
            operation.responses = responses
            wanted = ["422"]
            if path.startswith(api_prefix):
                wanted.append("503")  # every API route reads the database, the session lookup first
            if path.startswith(api_prefix) and path not in public_paths:
                wanted += ["401", "403"]
            else:
                operation.security = []
            if "400" in responses:
                wanted.append("400")
            for status in wanted:
                current = responses.get(status)
                is_ours = (
                    isinstance(current, OpenAPIResponse)
                    and current.content is not None
                    and isinstance(getattr(current.content.get("application/json"), "schema", None), Reference)
                )
                if not is_ours:
                    responses[status] = _error_response(_STANDARD_ERRORS[status])
            if not path.startswith(api_prefix) and "422" in responses and not operation.parameters:
                del responses["422"]


def mark_file_downloads(openapi: OpenAPI) -> None:
    """Describe non-JSON success bodies (the M3U download) as binary strings.

    Litestar writes ``bytes`` as a plain string; ``format: binary`` is what makes a generated client
    hand back the raw bytes of the file rather than decode or drop them.
    """
    for item in (openapi.paths or {}).values():
        for method in ("get", "post"):
            operation: Operation | None = getattr(item, method, None)
            for status, response in ((operation.responses or {}) if operation else {}).items():
                if not status.startswith("2") or not isinstance(response, OpenAPIResponse):
                    continue
                for media_type, content in (response.content or {}).items():
                    schema = content.schema
                    if "json" not in media_type and isinstance(schema, Schema) and schema.type == OpenAPIType.STRING:
                        schema.format = OpenAPIFormat.BINARY
