"""deploy/nginx.conf run by Debian's nginx in front of a live backend and a small built SPA.

The config is rendered as the nginx image would (envsubst of ${BACKEND_UPSTREAM}) plus local paths:
listen on a free loopback port, root = a fixture dist. nginx must be installed (`.ci/run` installs
nginx-light); without it this test fails rather than skips.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from devtools.stack import free_port
from playlist_service.api import request_id
from tests.live_backend import backend_env, live_backend

REPO = Path(__file__).resolve().parents[3]
INDEX = b"<!doctype html><html><head><script type=module src=/assets/app-3f9a1c.js></script></head></html>"
SCRIPT = b"export const routes = [" + b",".join(b'"/route/%d"' % i for i in range(400)) + b"];\n"

MAIN_CONF = """
daemon off;
master_process off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/default.conf;
}}
"""


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        pytest.fail("nginx is not installed: apt-get install -y --no-install-recommends nginx-light (.ci/run does)")
    return found


def render(conf: str, *, upstream: str, port: int, root: Path, access_log: Path) -> str:
    """What the nginx image's envsubst does, plus local listen address, document root and log."""
    replacements = {
        "${BACKEND_UPSTREAM}": upstream,
        "listen 80;": f"listen 127.0.0.1:{port};",
        "root /usr/share/nginx/html;": f"root {root};",
        "access_log /var/log/nginx/access.log playlist;": f"access_log {access_log} playlist;",
    }
    for old, new in replacements.items():
        assert conf.count(old) == 1, f"deploy/nginx.conf no longer has exactly one {old!r}"
        conf = conf.replace(old, new)
    assert "${" not in conf, "a template variable the test does not render"
    return conf


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dist")
    (root / "assets").mkdir()
    (root / "index.html").write_bytes(INDEX)
    (root / "assets" / "app-3f9a1c.js").write_bytes(SCRIPT)
    (root / "favicon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    return root


@pytest.fixture(scope="module")
def backend_url(database_url: str, flussonic_server: tuple[str, Any], auth_server: tuple[str, Any]) -> Iterator[str]:
    with live_backend(backend_env(database_url, flussonic_server[0], auth_server[0])) as url:
        yield url


@pytest.fixture(scope="module")
def nginx_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("nginx")


@pytest.fixture(scope="module")
def nginx(dist: Path, backend_url: str, nginx_dir: Path) -> Iterator[str]:
    binary = nginx_binary()
    tmp = nginx_dir
    port = free_port()
    conf = render(
        (REPO / "deploy" / "nginx.conf").read_text(),
        upstream=backend_url.removeprefix("http://"),
        port=port,
        root=dist,
        access_log=tmp / "playlist-access.log",
    )
    (tmp / "default.conf").write_text(conf)
    (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp))
    argv = [binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
    check = subprocess.run([*argv, "-t"], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 10
    while True:
        try:
            httpx.get(url + "/", timeout=1)
            break
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                log = (tmp / "error.log").read_text() if (tmp / "error.log").exists() else ""
                raise AssertionError(f"nginx did not start: {log}") from None
            time.sleep(0.05)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def web(nginx: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=nginx, timeout=10) as client:
        yield client


def test_index_is_served_and_never_cached(web: httpx.Client) -> None:
    response = web.get("/")
    assert response.status_code == 200
    assert response.content == INDEX
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", ["/channels", "/users/42/edit", "/packages/7?tab=channels"])
def test_client_routes_fall_back_to_index(web: httpx.Client, path: str) -> None:
    response = web.get(path)
    assert response.status_code == 200
    assert response.content == INDEX
    assert response.headers["cache-control"] == "no-cache"


def test_hashed_assets_are_cached_for_a_year_and_gzipped(web: httpx.Client) -> None:
    response = web.get("/assets/app-3f9a1c.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.content == SCRIPT
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["content-encoding"] == "gzip"
    assert "javascript" in response.headers["content-type"]
    assert "accept-encoding" in response.headers["vary"].lower()


def test_a_missing_asset_is_404_not_the_spa(web: httpx.Client) -> None:
    response = web.get("/assets/app-000000.js")
    assert response.status_code == 404
    assert response.content != INDEX


def test_other_static_files_are_served_as_files(web: httpx.Client) -> None:
    response = web.get("/favicon.svg")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"


@pytest.mark.parametrize("path", ["/", "/assets/app-3f9a1c.js", "/health/live", "/api/v1/auth/me"])
def test_security_headers_are_on_every_answer(web: httpx.Client, path: str) -> None:
    headers = web.get(path).headers
    csp = headers["content-security-policy"]
    for directive in (
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "style-src 'self' 'unsafe-inline'",
        "script-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
    ):
        assert directive in csp
    assert "script-src 'self';" in csp + ";"  # no inline or remote scripts for the SPA
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert "server" not in headers or "nginx/" not in headers["server"]


def test_health_is_proxied_to_the_backend(web: httpx.Client) -> None:
    response = web.get("/health/ready")
    assert response.status_code == 200
    assert response.json()["data"] == {"status": "ok", "database": "ok"}
    assert "cache-control" not in response.headers or response.headers["cache-control"] != "no-cache"


async def test_login_through_nginx_keeps_the_session_and_the_client_address(
    web: httpx.Client, admin: dict[str, Any], db: AsyncSession
) -> None:
    wrong = web.post(
        "/api/v1/auth/login",
        json={"username": "admin", "password": "wrong"},
        headers={"X-Forwarded-For": "203.0.113.7", "X-Real-IP": "203.0.113.8"},
    )
    assert wrong.status_code == 401
    # The address nginx saw (this test, on the loopback), not the one the client wrote: a client that
    # could choose its address would get a fresh login throttle per request.
    recorded = (await db.execute(text("SELECT client_ip FROM login_attempts"))).scalars().all()
    assert recorded == ["127.0.0.1"]

    response = web.post("/api/v1/auth/login", json={"username": "admin", "password": admin["password"]})
    assert response.status_code == 200, response.text
    assert "session_id" in response.cookies
    me = web.get("/api/v1/auth/me")
    assert me.status_code == 200
    assert me.json()["data"]["admin"]["username"] == "admin"


async def test_the_backend_believes_x_forwarded_for_from_its_trusted_proxy(
    backend_url: str, admin: dict[str, Any], db: AsyncSession
) -> None:
    # TRUSTED_PROXIES defaults to the loopback: what nginx sets there is the client's address.
    response = httpx.post(
        backend_url + "/api/v1/auth/login",
        json={"username": "admin", "password": "wrong"},
        headers={"X-Forwarded-For": "198.51.100.23"},
    )
    assert response.status_code == 401
    assert (await db.execute(text("SELECT client_ip FROM login_attempts"))).scalars().all() == ["198.51.100.23"]


def test_forwarded_headers_are_set_not_appended() -> None:
    conf = (REPO / "deploy" / "nginx.conf").read_text()
    assert "$proxy_add_x_forwarded_for" not in conf
    assert "$http_x_forwarded_proto" not in conf
    assert conf.count("proxy_set_header X-Forwarded-For $remote_addr;") == 2
    assert conf.count("proxy_set_header X-Forwarded-Proto $scheme;") == 2


def logged_request_id(log: Path, path: str) -> str:
    """The rid= of the last access-log line for ``path`` (nginx writes it as the request ends)."""
    deadline = time.monotonic() + 5
    while True:
        lines = [line for line in log.read_text().splitlines() if f" {path} " in line] if log.exists() else []
        if lines:
            return lines[-1].rsplit("rid=", 1)[1]
        assert time.monotonic() < deadline, f"no access-log line for {path}"
        time.sleep(0.05)


def test_request_id_is_passed_through(web: httpx.Client, nginx_dir: Path) -> None:
    response = web.get("/api/v1/auth/me?case=valid", headers={"X-Request-ID": "trace-abc-12345"})
    assert response.status_code == 401
    assert response.headers["x-request-id"] == "trace-abc-12345"
    assert response.json()["error"]["request_id"] == "trace-abc-12345"
    assert logged_request_id(nginx_dir / "playlist-access.log", "/api/v1/auth/me?case=valid") == "trace-abc-12345"
    generated = web.get("/api/v1/auth/me").headers["x-request-id"]
    assert len(generated) >= 16


@pytest.mark.parametrize(
    "given",
    ["short", "x" * 65, "has space-12345", 'a","injected":"yes', "trace/../12345678", "trace-abc-12345\u00e9"],
)
def test_an_unsafe_request_id_is_replaced_by_one_both_logs_share(
    web: httpx.Client, nginx_dir: Path, given: str
) -> None:
    path = f"/api/v1/auth/me?case={hashlib.sha256(given.encode()).hexdigest()[:12]}"
    response = web.get(path, headers={"X-Request-ID": given.encode()})
    assert response.status_code == 401
    request_id = response.headers["x-request-id"]
    assert request_id != given
    assert re.fullmatch(r"[0-9a-f]{32}", request_id), request_id  # nginx's $request_id
    assert response.json()["error"]["request_id"] == request_id
    assert logged_request_id(nginx_dir / "playlist-access.log", path) == request_id


def test_nginx_and_the_backend_accept_the_same_request_ids() -> None:
    conf = (REPO / "deploy" / "nginx.conf").read_text()
    mapped = re.search(r'map \$http_x_request_id \$playlist_request_id \{\s*"~(?P<pattern>[^"]+)"', conf)
    assert mapped is not None
    assert mapped.group("pattern") == request_id._VALID.pattern


def test_api_json_is_gzipped(web: httpx.Client) -> None:
    response = web.get("/api/schema/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert "openapi" in response.json()


def test_docs_pages_may_load_their_script_from_jsdelivr(web: httpx.Client) -> None:
    csp = web.get("/api/schema").headers["content-security-policy"]
    assert "https://cdn.jsdelivr.net" in csp
    assert "cdn.jsdelivr.net" not in web.get("/").headers["content-security-policy"]


@pytest.mark.parametrize("given", [None, "trace-abc-12345", '","code":"OK","x":"'])
def test_oversized_body_is_refused_by_nginx_with_the_error_envelope(web: httpx.Client, given: str | None) -> None:
    body = b'{"username": "' + b"x" * (3 * 1024 * 1024) + b'", "password": "p"}'
    headers = {"Content-Type": "application/json", **({"X-Request-ID": given} if given else {})}
    response = web.post("/api/v1/auth/login", content=body, headers=headers)
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/json")
    envelope = json.loads(response.content)  # valid JSON whatever the client sent as its request id
    assert envelope["success"] is False
    assert set(envelope["error"]) == {"code", "message", "request_id"}
    assert envelope["error"]["code"] == "PAYLOAD_TOO_LARGE"
    if given == "trace-abc-12345":
        assert envelope["error"]["request_id"] == given
    else:
        assert re.fullmatch(r"[0-9a-f]{32}", envelope["error"]["request_id"])


def test_a_body_just_under_the_limit_reaches_the_backend(web: httpx.Client) -> None:
    body = b'{"username": "' + b"x" * (1024 * 1024) + b'", "password": "p"}'
    response = web.post("/api/v1/auth/login", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422  # the backend's own validation answered, not nginx
