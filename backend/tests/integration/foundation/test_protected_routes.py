"""Every /api/v1 route but login answers 401 without a session — enumerated from the app itself."""

from __future__ import annotations

import re

import pytest
from litestar import Litestar

from playlist_service.api.auth import API_PREFIX, PUBLIC_PATHS

_PARAM = re.compile(r"\{[^}:]+(:[^}]+)?\}")


def protected_routes(app: Litestar) -> list[tuple[str, str]]:
    routes = []
    for route in app.routes:
        if not route.path.startswith(API_PREFIX) or route.path in PUBLIC_PATHS:
            continue
        path = _PARAM.sub("1", route.path)
        for method in sorted(getattr(route, "methods", set())):
            if method not in {"HEAD", "OPTIONS"}:
                routes.append((method, path))
    return routes


def test_the_route_list_is_not_empty(app):
    assert ("GET", f"{API_PREFIX}/auth/me") in protected_routes(app)


async def test_every_protected_route_requires_authentication(client, app):
    checked = protected_routes(app)
    failures = []
    for method, path in checked:
        response = await client.request(method, path, json={} if method in {"POST", "PATCH", "PUT"} else None)
        body = response.json() if response.headers.get("content-type", "").startswith("application/json") else {}
        if response.status_code != 401 or body.get("error", {}).get("code") != "UNAUTHORIZED":
            failures.append(f"{method} {path} -> {response.status_code} {body}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("cookie", ["", "garbage", "x" * 43])
async def test_invalid_session_cookie_is_unauthorized(client, cookie):
    client.cookies.set("session_id", cookie)
    response = await client.get(f"{API_PREFIX}/auth/me")
    assert response.status_code == 401
    assert response.json() == {
        "success": False,
        "error": {
            "code": "UNAUTHORIZED",
            "message": response.json()["error"]["message"],
            "request_id": response.headers["x-request-id"],
        },
    }


async def test_health_is_public(client):
    assert (await client.get("/health/live")).status_code == 200
    ready = await client.get("/health/ready")
    assert ready.status_code == 200
    assert ready.json()["data"] == {"status": "ok", "database": "ok"}


async def test_openapi_document_is_public(client):
    response = await client.get("/api/schema/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.1")
