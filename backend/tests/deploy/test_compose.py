"""deploy/ without a Docker engine: compose.yml's shape, the Dockerfiles' key lines, documented variables."""

from __future__ import annotations

import ipaddress
import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[3]
DEPLOY = REPO / "deploy"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yml").read_text())
    return loaded


def settings_variables() -> set[str]:
    source = (REPO / "backend/src/playlist_service/settings.py").read_text()
    return set(re.findall(r'r\.[a-z_]+\("([A-Z_]+)"', source))


class Unset(Exception):
    """A ${VAR:?message} whose variable is unset or empty."""


def interpolate(value: str, env: Mapping[str, str]) -> str:
    """compose's ${...} expansion as compose-go does it (template/template.go): ${VAR}, ${VAR:-default},
    ${VAR-default}, ${VAR:?err}, ${VAR?err}, $$; a default is expanded *before* the variable is looked
    at, so a ${X:?} nested in a default fails even when that default is not used."""
    out, i = [], 0
    while i < len(value):
        if value.startswith("$$", i):
            out.append("$")
            i += 2
        elif value.startswith("${", i):
            depth, j = 0, i
            while True:
                if value.startswith("${", j):
                    depth, j = depth + 1, j + 2
                    continue
                if value[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            body, i = value[i + 2 : j], j + 1
            match = re.match(r"([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?(.*)", body, re.DOTALL)
            assert match is not None, body
            name, op, rest = match.groups()
            given = env.get(name)
            if op in {":-", "-"}:
                default = interpolate(rest, env)
                out.append(default if given is None or (op == ":-" and given == "") else given)
            elif op in {":?", "?"}:
                interpolate(rest, env)
                if given is None or (op == ":?" and given == ""):
                    raise Unset(f"{name}: {rest}")
                out.append(given)
            else:
                out.append(given or "")
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def expand(node: Any, env: Mapping[str, str]) -> Any:
    if isinstance(node, str):
        return interpolate(node, env)
    if isinstance(node, list):
        return [expand(item, env) for item in node]
    if isinstance(node, dict):
        return {key: expand(item, env) for key, item in node.items()}
    return node


def example_env() -> dict[str, str]:
    """deploy/.env.example's uncommented assignments: what an operator starts from."""
    pairs = re.findall(r"^([A-Z_]+)=(.*)$", (DEPLOY / ".env.example").read_text(), re.MULTILINE)
    return {name: value.strip() for name, value in pairs}


def test_compose_has_the_four_services(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"db", "migrate", "backend", "web"}


def test_database_is_postgres_16_with_a_volume_and_pg_isready(compose: dict[str, Any]) -> None:
    db = compose["services"]["db"]
    assert db["image"] == "postgres:16"
    assert db["profiles"] == ["db"]
    assert "pgdata:/var/lib/postgresql/data" in db["volumes"]
    assert "pgdata" in compose["volumes"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert "POSTGRES_PASSWORD" in db["environment"]


def test_migrations_run_once_before_the_backend_starts(compose: dict[str, Any]) -> None:
    services = compose["services"]
    migrate, backend = services["migrate"], services["backend"]
    assert migrate["command"] == ["alembic", "upgrade", "head"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    assert backend["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert backend["depends_on"]["db"]["condition"] == "service_healthy"
    # The bundled db is optional (a profile): without it nothing waits for it.
    assert migrate["depends_on"]["db"]["required"] is False
    assert backend["depends_on"]["db"]["required"] is False
    # Same image and configuration for both (the YAML anchor).
    assert migrate["build"] == backend["build"] == {"context": "..", "dockerfile": "deploy/backend.Dockerfile"}
    assert migrate["image"] == backend["image"]


def test_backend_is_configured_from_env_file_and_health_checked(compose: dict[str, Any]) -> None:
    backend = compose["services"]["backend"]
    assert backend["env_file"] == ".env"
    assert backend["environment"]["DATABASE_URL"].startswith("${DATABASE_URL:-postgresql+asyncpg://")
    assert "@db:5432/" in backend["environment"]["DATABASE_URL"]
    # Healthy means ready (the database answers), so web waits for a backend that can serve.
    assert "/health/ready" in " ".join(backend["healthcheck"]["test"])
    assert "ports" not in backend  # only nginx is published


def test_web_is_nginx_on_port_80_after_a_ready_backend(compose: dict[str, Any]) -> None:
    web = compose["services"]["web"]
    assert web["build"]["dockerfile"] == "deploy/frontend.Dockerfile"
    assert web["ports"] == ["${WEB_PORT:-80}:80"]
    assert web["depends_on"]["backend"]["condition"] == "service_healthy"
    assert interpolate(web["environment"]["BACKEND_UPSTREAM"], {}) == "backend:8080"
    assert interpolate(web["environment"]["BACKEND_UPSTREAM"], {"API_PORT": "9000"}) == "backend:9000"
    assert interpolate(compose["services"]["backend"]["expose"][0], {"API_PORT": "9000"}) == "9000"


def test_the_bundled_database_needs_its_password_and_an_external_one_does_not(compose: dict[str, Any]) -> None:
    operator = {**example_env(), "POSTGRES_PASSWORD": "pw-123", "SECRET_KEY": "s" * 32}
    assert operator["COMPOSE_PROFILES"] == "db"  # the example starts the bundled database
    bundled = expand(compose, operator)
    assert bundled["services"]["backend"]["environment"]["DATABASE_URL"] == (
        "postgresql+asyncpg://playlist:pw-123@db:5432/playlist_service"
    )
    assert bundled["services"]["db"]["environment"]["POSTGRES_PASSWORD"] == "pw-123"

    external_url = "postgresql+asyncpg://app:secret@pg.example.net:5432/playlist"
    external = {**example_env(), "COMPOSE_PROFILES": "", "DATABASE_URL": external_url}
    assert external["POSTGRES_PASSWORD"] == ""
    expanded = expand(compose, external)  # no "required variable is missing" for POSTGRES_PASSWORD
    for service in ("migrate", "backend"):
        assert expanded["services"][service]["environment"]["DATABASE_URL"] == external_url


def test_the_backend_trusts_only_nginx_s_network_for_forwarded_headers(compose: dict[str, Any]) -> None:
    expanded = expand(compose, example_env())
    trusted = expanded["services"]["backend"]["environment"]["TRUSTED_PROXIES"].split(",")
    subnet = expanded["networks"]["internal"]["ipam"]["config"][0]["subnet"]
    assert trusted == ["127.0.0.1", "::1", subnet]
    assert ipaddress.ip_network(subnet).is_private
    # nginx (web) is on that network only; the Auth Service's network is not trusted.
    assert compose["services"]["web"]["networks"] == ["internal"]
    assert "auth-net" not in expanded["services"]["backend"]["environment"]["TRUSTED_PROXIES"]
    moved = expand(compose, {**example_env(), "INTERNAL_SUBNET": "10.213.0.0/24"})
    assert moved["services"]["backend"]["environment"]["TRUSTED_PROXIES"].endswith(",10.213.0.0/24")
    assert moved["networks"]["internal"]["ipam"]["config"][0]["subnet"] == "10.213.0.0/24"


def test_backend_joins_the_auth_service_network(compose: dict[str, Any]) -> None:
    networks = compose["networks"]
    assert networks["auth-net"]["external"] is True
    assert "auth-net" in compose["services"]["backend"]["networks"]
    assert "auth-net" not in compose["services"]["web"]["networks"]


def test_every_compose_variable_is_documented() -> None:
    text = (DEPLOY / "compose.yml").read_text()
    used = set(re.findall(r"\$\{([A-Z_]+)", text))
    documented = (DEPLOY / ".env.example").read_text()
    missing = sorted(name for name in used if not re.search(rf"^#? ?{name}=", documented, re.MULTILINE))
    assert not missing


@pytest.mark.parametrize("example", [".env.example", "deploy/.env.example"])
def test_every_setting_is_documented(example: str) -> None:
    text = (REPO / example).read_text()
    documented = set(re.findall(r"^#? ?([A-Z_]+)=", text, re.MULTILINE))
    assert sorted(settings_variables() - documented) == []


def test_every_setting_is_in_the_readme_configuration_table() -> None:
    readme = (REPO / "README.md").read_text()
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    documented = {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1])}
    assert sorted(settings_variables() - documented) == []


def test_the_readme_creates_the_first_admin_with_the_command_the_image_has() -> None:
    readme = (REPO / "README.md").read_text()
    assert "docker compose exec backend playlist-service create-admin" in readme
    assert "exec backend python scripts/" not in readme  # scripts/ is not in the image
    project = tomllib.loads((REPO / "backend/pyproject.toml").read_text())
    assert project["project"]["scripts"]["playlist-service"] == "playlist_service.cli:main"
    dockerfile = (DEPLOY / "backend.Dockerfile").read_text()
    # The project itself (hence its console script) is installed by the second, full sync.
    assert "COPY backend/src /app/src" in dockerfile
    assert re.search(r"^    uv sync --locked --no-dev$", dockerfile, re.MULTILINE)


def test_backend_image_installs_locked_runtime_dependencies_and_runs_unprivileged() -> None:
    text = (DEPLOY / "backend.Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.1[2-9]", text, re.MULTILINE)
    assert text.count("uv sync --locked --no-dev") == 2
    assert re.search(r"^USER app$", text, re.MULTILINE)
    assert "HEALTHCHECK" in text and "/health/ready" in text
    cmd = text.splitlines()[-1]
    # Host, port, workers and trusted proxies come from the settings (cli.py serve), never '*'.
    assert cmd == 'CMD ["playlist-service", "serve"]'
    assert "forwarded-allow-ips" not in text


def healthchecks(compose: dict[str, Any]) -> list[list[str]]:
    """The backend's health check argv in the Dockerfile and in compose.yml."""
    lines = (DEPLOY / "backend.Dockerfile").read_text().splitlines()
    line = next(line for line in lines if line.strip().startswith("CMD") and "/health/" in line)
    dockerfile = json.loads(line.strip().removeprefix("CMD").strip())
    return [dockerfile, compose["services"]["backend"]["healthcheck"]["test"][1:]]


def test_dockerfile_and_compose_check_the_same_readiness(compose: dict[str, Any]) -> None:
    image, service = healthchecks(compose)
    assert image == service
    assert image[0] == "python" and "API_PORT" in image[2]


def test_frontend_image_builds_with_node_20_and_serves_with_nginx_template() -> None:
    text = (DEPLOY / "frontend.Dockerfile").read_text()
    assert re.search(r"^FROM node:20\S* AS build", text, re.MULTILINE)
    assert "npm ci" in text and "npm run build" in text
    assert re.search(r"^FROM nginx:", text, re.MULTILINE)
    assert "COPY deploy/nginx.conf /etc/nginx/templates/default.conf.template" in text
    assert "ENV BACKEND_UPSTREAM=backend:8080" in text
