# Playlist Service — every routine action has a target; CI runs the same ones.
SHELL := /bin/bash
.DEFAULT_GOAL := help

BACKEND := backend
FRONTEND := frontend
UV := uv
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

.PHONY: help
help: ## list targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-18s %s\n", $$1, $$2}'

# Dependencies are installed on demand by every target that needs them, from the lock files, and only
# when a lock file is newer than the last install (a stamp inside the installed folder): cheap when done,
# and a fresh clone needs no separate `make install`. npx runs with --no so it never downloads a package
# (a missing local tool is an error, not a stranger's package of the same name), and with -- so flags
# reach the tool (`npx --no tsc -b` would eat -b and check nothing).
BACKEND_DEPS := $(BACKEND)/.venv/.make-installed
FRONTEND_DEPS := $(FRONTEND)/node_modules/.make-installed
PARSER := $(BACKEND)/tests/playlist_parser
PARSER_DEPS := $(PARSER)/node_modules/.make-installed
NPX := npx --no --

$(BACKEND_DEPS): $(BACKEND)/pyproject.toml $(BACKEND)/uv.lock
	cd $(BACKEND) && $(UV) sync --locked
	@touch $@

$(FRONTEND_DEPS): $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund
	@touch $@

$(PARSER_DEPS): $(PARSER)/package.json $(PARSER)/package-lock.json
	cd $(PARSER) && npm ci --no-audit --no-fund
	@touch $@

.PHONY: install
install: install-backend install-frontend ## install backend and frontend dependencies from the lock files

.PHONY: install-backend
install-backend: $(BACKEND_DEPS) $(PARSER_DEPS)

.PHONY: install-frontend
install-frontend: $(FRONTEND_DEPS)

.PHONY: run
run: install ## start the whole product locally (embedded PostgreSQL, simulators, backend, SPA)
	cd $(BACKEND) && $(UV) run python -m devtools.run

.PHONY: test
test: install openapi-check client-py-check test-backend test-frontend ## run every test (fails when a needed tool is missing)

.PHONY: test-backend
test-backend: install-backend ## backend tests against a throwaway PostgreSQL and the simulators
	cd $(BACKEND) && $(UV) run pytest -q

.PHONY: lint
lint: install-backend lint-frontend ## ruff, mypy --strict (and tsc, eslint for the frontend)
	cd $(BACKEND) && $(UV) run ruff check . && $(UV) run ruff format --check . && $(UV) run mypy src devtools
	cd $(BACKEND) && MYPYPATH=../clients/python:scripts $(UV) run mypy scripts  # scripts use the generated client

.PHONY: fmt
fmt: install-backend ## auto-format and fix what ruff can
	cd $(BACKEND) && $(UV) run ruff format . && $(UV) run ruff check --fix .

.PHONY: openapi
openapi: install-backend ## export openapi/openapi.json from the app
	cd $(BACKEND) && $(UV) run playlist-service export-openapi --output ../openapi/openapi.json

.PHONY: openapi-check
openapi-check: install-backend ## fail when openapi/openapi.json differs from what the app produces
	@tmp=$$(mktemp) && cd $(BACKEND) && $(UV) run playlist-service export-openapi --output $$tmp && \
	  if ! diff -u ../openapi/openapi.json $$tmp | head -60; then :; fi && \
	  if ! cmp -s ../openapi/openapi.json $$tmp; then rm -f $$tmp; \
	    echo "openapi/openapi.json is stale: run 'make openapi' and commit it"; exit 1; fi; \
	  rm -f $$tmp; echo "openapi/openapi.json is up to date"

.PHONY: migrate
migrate: install-backend ## apply migrations to DATABASE_URL (environment or .env; else the embedded dev database)
	cd $(BACKEND) && $(UV) run python -m devtools.migrate

.PHONY: migration
migration: install-backend ## autogenerate a migration: make migration name="add x"
	cd $(BACKEND) && $(UV) run python -m devtools.migrate --autogenerate "$(name)"

.PHONY: bench
bench: install-backend ## benchmarks (sync, playlist, auth push, 100k subscribers); figures go in README
	cd $(BACKEND) && $(UV) run python -m bench

.PHONY: create-admin
# password_stdin=1 / password_env=VAR: non-interactive (scripts, CI), as create-admin's own options.
create-admin: install-backend ## create an admin: make create-admin name=alice [reset=1] [password_stdin=1 | password_env=VAR]
	cd $(BACKEND) && $(UV) run python -m devtools.create_admin $(name) $(if $(reset),--reset) \
		$(if $(password_stdin),--password-stdin) $(if $(password_env),--password-env $(password_env))

# --- frontend (React SPA in frontend/, client generated from openapi/openapi.json) ---
CHROMIUM := $(firstword $(wildcard /usr/lib/chromium/chromium /usr/bin/chromium))

.PHONY: client-ts
client-ts: install-frontend ## regenerate the TypeScript API types (frontend/src/api/generated) from openapi/openapi.json
	cd $(FRONTEND) && npm run generate

.PHONY: lint-frontend
lint-frontend: install-frontend ## tsc -b and eslint for the SPA
	cd $(FRONTEND) && $(NPX) tsc -b && $(NPX) eslint .

.PHONY: test-frontend
test-frontend: install-frontend install-backend ## typecheck, lint, unit tests, client staleness, build, Playwright e2e against the real stack
	@if [ -z "$(CHROMIUM)" ]; then echo "Chromium is missing: apt-get install -y --no-install-recommends chromium" >&2; exit 1; fi
	cd $(FRONTEND) && $(NPX) tsc -b && $(NPX) eslint . && $(NPX) vitest run && npm run check-generated && $(NPX) vite build && $(NPX) playwright test

# --- Python client (clients/python, generated from openapi/openapi.json; never edited by hand) ---
# The generator and the ruff its post-hooks run are pinned so the output is reproducible.
CLIENT_PY_GEN = uvx --with ruff==0.17.6 openapi-python-client@0.29.1 generate \
	--path openapi/openapi.json --config clients/python-client.yml --meta uv

.PHONY: client-py
client-py: ## regenerate the Python client (clients/python) from openapi/openapi.json
	$(CLIENT_PY_GEN) --output-path clients/python --overwrite
	rm -rf clients/python/.ruff_cache

.PHONY: client-py-check
client-py-check: ## fail when clients/python differs from what the pinned generator makes
	@tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && $(CLIENT_PY_GEN) --output-path $$tmp/python >/dev/null && \
	  if ! diff -rq -x .ruff_cache -x __pycache__ clients/python $$tmp/python >/dev/null; then \
	    diff -ru -x .ruff_cache -x __pycache__ clients/python $$tmp/python | head -60; \
	    echo "clients/python is stale: run 'make client-py' and commit it"; exit 1; fi; \
	  echo "clients/python is up to date"
