"""Integer (and id) parameters of every route refuse what they cannot hold: a 422 naming them, never a 500.

The routes come from the app itself and their parameters from its OpenAPI document, so a new route
or parameter is covered without touching this file.
"""

from __future__ import annotations

import re
from typing import Any

from litestar import Litestar

from playlist_service.api.auth import API_PREFIX
from playlist_service.catalog_rules import MAX_ID

# int4 is the widest integer any parameter reaches the database as; 2^31 is one past it. The strings
# after "abc" are what Python's int() reads as 1 (the router parses paths with it): each must be refused.
VALUES: tuple[Any, ...] = (2**31, -1, 0, "1e3", "abc", "1 ", " 1", "\uff11", "+1", "1_0", "\u0661")


def _int_reads(value: str) -> bool:
    try:
        int(value)
    except ValueError:
        return False
    return True


_PARAM = re.compile(r"\{([^}:]+)(?::[^}]+)?\}")


def _integer_schema(schema: dict[str, Any]) -> dict[str, Any] | None:
    if schema.get("type") == "integer":
        return schema
    integer = next((s for s in schema.get("oneOf", []) if s.get("type") == "integer"), None)
    if integer is None:
        return None
    # An optional parameter (integer | null) carries its bounds beside the oneOf, where they apply too.
    return {**integer, **{k: schema[k] for k in ("minimum", "maximum") if k in schema}}


def _documented_routes(app: Litestar) -> list[tuple[Any, str]]:
    routes = []
    for route in app.routes:
        for handler in getattr(route, "route_handlers", []):
            if handler.resolve_include_in_schema():
                routes += [(route, m) for m in sorted(handler.http_methods - {"HEAD", "OPTIONS"})]
    return routes


def numeric_parameters(app: Litestar) -> list[dict[str, Any]]:
    """Every integer parameter, and every ``*_id`` one whatever its declared type, of every app route."""
    document = app.openapi_schema.to_schema()
    found = []
    for route, method in _documented_routes(app):
        item = document["paths"].get(_PARAM.sub(r"{\1}", route.path), {})
        operation = item.get(method.lower())
        assert operation is not None, f"{method} {route.path} is missing from the OpenAPI document"
        for parameter in operation.get("parameters", []):
            integer = _integer_schema(parameter.get("schema", {}))
            if integer is None and not parameter["name"].endswith("_id"):
                continue
            found.append(
                {
                    "method": method,
                    "path": _PARAM.sub(r"{\1}", route.path),
                    "name": parameter["name"],
                    "in": parameter["in"],
                    "integer": integer,
                }
            )
    return found


def request_for(parameter: dict[str, Any], value: Any) -> tuple[str, dict[str, Any]]:
    def fill(match: re.Match[str]) -> str:
        return str(value) if match.group(1) == parameter["name"] else "1"

    path = _PARAM.sub(fill, parameter["path"])
    params = {parameter["name"]: str(value)} if parameter["in"] == "query" else {}
    return path, params


def test_the_parameter_list_covers_paths_and_queries(app: Litestar) -> None:
    found = {(p["method"], p["path"], p["name"], p["in"]) for p in numeric_parameters(app)}
    assert ("DELETE", f"{API_PREFIX}/api-keys/{{key_id}}", "key_id", "path") in found
    assert ("GET", f"{API_PREFIX}/users", "tariff_id", "query") in found
    assert ("GET", f"{API_PREFIX}/channels", "per_page", "query") in found


def test_every_integer_parameter_declares_int4_bounds(app: Litestar) -> None:
    unbounded = [
        f"{p['method']} {p['path']} {p['name']}: {p['integer']}"
        for p in numeric_parameters(app)
        if p["integer"] is not None
        and not (p["integer"].get("minimum", -(2**31)) >= 0 and p["integer"].get("maximum", 2**31) <= MAX_ID)
    ]
    assert not unbounded, "\n".join(unbounded)


async def test_out_of_range_and_malformed_numbers_are_named_422s(auth_client: Any, app: Litestar) -> None:
    problems = []
    for parameter in numeric_parameters(app):
        bounds = parameter["integer"] or {}
        for value in VALUES:
            if isinstance(value, int) and bounds.get("minimum", 1) <= value <= bounds.get("maximum", MAX_ID):
                continue  # a legal value for this parameter: not what this test is about
            path, params = request_for(parameter, value)
            body = {} if parameter["method"] in {"POST", "PATCH", "PUT"} else None
            response = await auth_client.request(parameter["method"], path, params=params, json=body)
            where = f"{parameter['method']} {path} {params or ''} -> {response.status_code} {response.text[:200]}"
            error = response.json().get("error", {}) if "json" in response.headers.get("content-type", "") else {}
            if parameter["in"] == "path" and isinstance(value, str) and not _int_reads(value):
                # "/keys/abc" matches no route: a 404 envelope is the right answer for a URL that names nothing.
                if response.status_code != 404 or error.get("code") != "NOT_FOUND":
                    problems.append(where)
                continue
            fields = [d.get("field") for d in error.get("details") or []]
            if (
                response.status_code != 422
                or error.get("code") != "VALIDATION_ERROR"
                or parameter["name"] not in fields
            ):
                problems.append(where)
    assert not problems, "\n".join(problems)
