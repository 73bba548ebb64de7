"""deploy/ without a Docker engine: compose.yml's shape, the Dockerfiles' key lines, documented variables."""

from __future__ import annotations

import re
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


def test_compose_has_the_four_services(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"db", "migrate", "backend", "web"}


def test_database_is_postgres_16_with_a_volume_and_pg_isready(compose: dict[str, Any]) -> None:
    db = compose["services"]["db"]
    assert db["image"] == "postgres:16"
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
    # Same image and configuration for both (the YAML anchor).
    assert migrate["build"] == backend["build"] == {"context": "..", "dockerfile": "deploy/backend.Dockerfile"}
    assert migrate["image"] == backend["image"]


def test_backend_is_configured_from_env_file_and_health_checked(compose: dict[str, Any]) -> None:
    backend = compose["services"]["backend"]
    assert backend["env_file"] == ".env"
    assert backend["environment"]["DATABASE_URL"].startswith("${DATABASE_URL:-postgresql+asyncpg://")
    assert "@db:5432/" in backend["environment"]["DATABASE_URL"]
    assert "/health/live" in " ".join(backend["healthcheck"]["test"])
    assert "ports" not in backend  # only nginx is published


def test_web_is_nginx_on_port_80_after_a_healthy_backend(compose: dict[str, Any]) -> None:
    web = compose["services"]["web"]
    assert web["build"]["dockerfile"] == "deploy/frontend.Dockerfile"
    assert web["ports"] == ["${WEB_PORT:-80}:80"]
    assert web["depends_on"]["backend"]["condition"] == "service_healthy"
    assert web["environment"]["BACKEND_UPSTREAM"] == "backend:8080"


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


def test_backend_image_installs_locked_runtime_dependencies_and_runs_unprivileged() -> None:
    text = (DEPLOY / "backend.Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.1[2-9]", text, re.MULTILINE)
    assert text.count("uv sync --locked --no-dev") == 2
    assert re.search(r"^USER app$", text, re.MULTILINE)
    assert "HEALTHCHECK" in text and "/health/live" in text
    cmd = text.splitlines()[-1]
    assert cmd.startswith('CMD ["uvicorn", "playlist_service.asgi:app"')
    assert '"--proxy-headers"' in cmd and '"--port", "8080"' in cmd


def test_frontend_image_builds_with_node_20_and_serves_with_nginx_template() -> None:
    text = (DEPLOY / "frontend.Dockerfile").read_text()
    assert re.search(r"^FROM node:20\S* AS build", text, re.MULTILINE)
    assert "npm ci" in text and "npm run build" in text
    assert re.search(r"^FROM nginx:", text, re.MULTILINE)
    assert "COPY deploy/nginx.conf /etc/nginx/templates/default.conf.template" in text
    assert "ENV BACKEND_UPSTREAM=backend:8080" in text
