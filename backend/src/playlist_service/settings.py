"""Typed settings read once from the environment (and an optional ``.env`` file).

Names and defaults follow spec §4; everything added beyond it is documented in ``.env.example``.
``Settings.from_env`` raises :class:`SettingsError` naming the first bad variable; entry points turn
that into one clear line and a non-zero exit.
"""

from __future__ import annotations

import ipaddress
import os
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar
from urllib.parse import urlsplit

from playlist_service.db.url import async_database_url

T = TypeVar("T")

# Values that look like they were copied from .env.example without being changed.
_PLACEHOLDER_SECRETS = {"", "change-me", "changeme", "your-secret-key-here", "secret"}
_MIN_SECRET_LENGTH = 16


class SettingsError(Exception):
    """A required variable is missing or a value cannot be parsed."""


def read_env_file(path: Path) -> dict[str, str]:
    """Parse a minimal ``KEY=value`` file: comments, blank lines and optional quotes."""
    values: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip().removeprefix("export ").strip()] = value
    return values


def default_env_file(cwd: Path | None = None) -> Path | None:
    """``./.env``; else, run from ``backend/`` of a checkout (as ``make run`` does), the repo root's ``.env``."""
    here = cwd or Path.cwd()
    candidates = [here / ".env"]
    if here.name == "backend" and (here / "alembic.ini").is_file():
        candidates.append(here.parent / ".env")
    return next((path for path in candidates if path.is_file()), None)


def environment(env_file: Path | None = None) -> dict[str, str]:
    """The process environment over the values of ``env_file`` (default :func:`default_env_file`)."""
    path = env_file if env_file is not None else default_env_file()
    values = read_env_file(path) if path is not None and path.is_file() else {}
    return {**values, **os.environ}


class _Reader:
    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env

    def raw(self, name: str) -> str | None:
        value = self.env.get(name)
        if value is None or value.strip() == "":
            return None
        return value.strip()

    def required(self, name: str) -> str:
        value = self.raw(name)
        if value is None:
            raise SettingsError(f"{name} is required but not set")
        return value

    def text(self, name: str, default: str) -> str:
        return self.raw(name) or default

    def optional(self, name: str) -> str | None:
        return self.raw(name)

    def parse(self, name: str, default: T, parser: Callable[[str], T], what: str) -> T:
        value = self.raw(name)
        if value is None:
            return default
        try:
            return parser(value)
        except (ValueError, zoneinfo.ZoneInfoNotFoundError) as exc:
            raise SettingsError(f"{name}={value!r} is not {what}") from exc

    def integer(self, name: str, default: int, *, minimum: int = 0) -> int:
        result = self.parse(name, default, int, "an integer")
        if result < minimum:
            raise SettingsError(f"{name}={result} must be at least {minimum}")
        return result

    def number(self, name: str, default: float, *, minimum: float = 0.0) -> float:
        result = self.parse(name, default, float, "a number")
        if result < minimum:
            raise SettingsError(f"{name}={result} must be at least {minimum}")
        return result

    def boolean(self, name: str, default: bool) -> bool:
        def parse_bool(value: str) -> bool:
            lowered = value.lower()
            if lowered in {"1", "true", "yes", "on"}:
                return True
            if lowered in {"0", "false", "no", "off"}:
                return False
            raise ValueError(value)

        return self.parse(name, default, parse_bool, "a boolean (true/false)")

    def choice(self, name: str, default: str, choices: tuple[str, ...]) -> str:
        value = self.raw(name)
        if value is None:
            return default
        if value.lower() not in choices:
            raise SettingsError(f"{name}={value!r} must be one of: {', '.join(choices)}")
        return value.lower()

    def networks(self, name: str, default: tuple[str, ...]) -> tuple[str, ...]:
        """Comma-separated IP addresses or CIDR networks (``*`` is refused: it trusts every peer)."""
        value = self.raw(name)
        if value is None:
            return default
        items = tuple(item.strip() for item in value.split(",") if item.strip())
        for item in items:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise SettingsError(
                    f"{name}: {item!r} is not an IP address or network (list the proxies' addresses; '*' is refused)"
                ) from None
        return items

    def url(self, name: str, default: str | None = None, *, credentials_hint: str | None = None) -> str:
        """An http(s) URL. With ``credentials_hint``, ``user:password@`` in it is refused: the URL is
        shown in error messages, stored on sync runs, and (the playback URL) written into every
        subscriber's playlist, so credentials there would leak."""
        value = self.raw(name) or default
        if value is None:
            raise SettingsError(f"{name} is required but not set")
        if not value.startswith(("http://", "https://")):
            raise SettingsError(f"{name}={value!r} must be an http:// or https:// URL")
        if credentials_hint is not None and "@" in urlsplit(value).netloc:
            # The value itself is not repeated: it holds a secret.
            raise SettingsError(f"{name} must not contain credentials (user:password@host); {credentials_hint}")
        return value.rstrip("/")


def _secret(value: str, name: str) -> str:
    if value.lower() in _PLACEHOLDER_SECRETS or len(value) < _MIN_SECRET_LENGTH:
        raise SettingsError(
            f"{name} must be a random value of at least {_MIN_SECRET_LENGTH} characters "
            "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    # Database (spec §4)
    database_url: str
    # Keys the HMAC digests of session ids and API keys (admins/service.py digest); the previous key
    # is still accepted during a rotation and rows found with it are re-keyed.
    secret_key: str = field(repr=False)
    flussonic_url: str
    flussonic_api_key: str | None = field(repr=False)
    auth_service_url: str
    auth_service_api_key: str = field(repr=False)
    db_pool_size: int = 5
    db_max_overflow: int = 10
    db_pool_timeout: int = 30
    db_echo: bool = False
    session_timeout: int = 86400
    api_host: str = "0.0.0.0"  # noqa: S104 - spec default: the container listens on every interface
    api_port: int = 8080
    api_workers: int = 1
    # Peers whose X-Forwarded-For / X-Forwarded-Proto uvicorn believes (nginx); nobody else's.
    trusted_proxies: tuple[str, ...] = ("127.0.0.1", "::1")
    secret_key_previous: str | None = field(default=None, repr=False)

    # Admin sessions and login
    session_cookie_secure: bool = False
    session_cookie_samesite: Literal["lax", "strict"] = "lax"
    # However active, a session ends this long after its login.
    session_max_lifetime: int = 7 * 86400
    # Failures per (username, client address) pair; per username from anywhere and per client
    # address over any usernames the ceilings are higher (a stranger cannot lock an admin out).
    login_max_failures: int = 5
    login_max_failures_per_username: int = 50
    login_max_failures_per_client: int = 20
    login_window_seconds: int = 900
    max_request_body_bytes: int = 2 * 1024 * 1024

    # Flussonic (beyond spec §4)
    flussonic_login: str | None = None
    flussonic_password: str | None = field(default=None, repr=False)
    flussonic_api_format: Literal["auto", "v3", "legacy"] = "auto"
    flussonic_api_prefix: str = "/streamer/api/v3"
    flussonic_playback_url: str = ""
    flussonic_tvg_name_label: str | None = None
    flussonic_named_by: str | None = None
    # Streams Flussonic marks disabled (it will not play them) stay out of the catalogue unless set.
    flussonic_include_disabled: bool = False
    flussonic_timeout: float = 10.0
    flussonic_page_size: int = 1000
    flussonic_sync_deadline: float = 120.0
    sync_orphan_guard_ratio: float = 0.5

    # Auth Service (beyond spec §4)
    auth_service_timeout: float = 5.0
    auth_service_time_format: Literal["z", "naive"] = "z"
    auth_sync_worker: bool = True
    auth_sync_concurrency: int = 8
    auth_sync_interval: float = 2.0
    # Seconds between the periodic repairing reconciles (sync/auth_reconcile.py); 0: none.
    auth_reconcile_interval: float = 900.0

    # Subscribers and catalogue
    operator_timezone: str = "UTC"
    logo_max_bytes: int = 256 * 1024

    log_level: str = "INFO"

    @property
    def auth_check_every(self) -> float | None:
        """Seconds between periodic reconciles, ``None`` when none run (no worker, or turned off)."""
        return self.auth_reconcile_interval if self.auth_sync_worker and self.auth_reconcile_interval > 0 else None

    @property
    def digest_keys(self) -> tuple[str, ...]:
        """SECRET_KEY first, then SECRET_KEY_PREVIOUS when a rotation is under way."""
        return (self.secret_key, self.secret_key_previous) if self.secret_key_previous else (self.secret_key,)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, env_file: Path | None = None) -> Settings:
        """Read settings; the process environment wins over ``env_file`` (see :func:`default_env_file`)."""
        r = _Reader(environment(env_file) if env is None else env)

        database_url = async_database_url(r.required("DATABASE_URL"))
        if not database_url.startswith("postgresql+asyncpg://"):
            raise SettingsError("DATABASE_URL must be a postgresql+asyncpg:// URL (postgresql:// is read as one)")

        secret_key = _secret(r.required("SECRET_KEY"), "SECRET_KEY")
        previous = r.optional("SECRET_KEY_PREVIOUS")
        secret_key_previous = _secret(previous, "SECRET_KEY_PREVIOUS") if previous else None

        credentials_hint = "use FLUSSONIC_LOGIN / FLUSSONIC_PASSWORD or FLUSSONIC_API_KEY"
        flussonic_url = r.url("FLUSSONIC_URL", credentials_hint=credentials_hint)
        flussonic_api_key = r.optional("FLUSSONIC_API_KEY")
        flussonic_login = r.optional("FLUSSONIC_LOGIN")
        flussonic_password = r.optional("FLUSSONIC_PASSWORD")
        # Half a pair would send "Basic login:" (and win over the API key): refuse it instead.
        if flussonic_login is not None and flussonic_password is None:
            raise SettingsError("FLUSSONIC_LOGIN is set but FLUSSONIC_PASSWORD is not: set both, or neither")
        if flussonic_password is not None and flussonic_login is None:
            raise SettingsError("FLUSSONIC_PASSWORD is set but FLUSSONIC_LOGIN is not: set both, or neither")
        if flussonic_api_key is None and flussonic_login is None:
            raise SettingsError("FLUSSONIC_API_KEY is required (or FLUSSONIC_LOGIN and FLUSSONIC_PASSWORD)")

        timezone = r.text("OPERATOR_TIMEZONE", "UTC")
        r.parse("OPERATOR_TIMEZONE", None, zoneinfo.ZoneInfo, "a known IANA time zone (e.g. Europe/Moscow)")

        samesite = r.choice("SESSION_COOKIE_SAMESITE", "lax", ("lax", "strict"))
        api_format = r.choice("FLUSSONIC_API_FORMAT", "auto", ("auto", "v3", "legacy"))
        time_format = r.choice("AUTH_SERVICE_TIME_FORMAT", "z", ("z", "naive"))
        session_timeout = r.integer("SESSION_TIMEOUT", 86400, minimum=60)
        # A full check pages through every token at the Auth Service: more often than a minute would
        # keep it (and every instance's scheduler) busy. 0 turns it off.
        reconcile_interval = r.number("AUTH_RECONCILE_INTERVAL", 900.0)
        if 0 < reconcile_interval < 60:
            raise SettingsError(f"AUTH_RECONCILE_INTERVAL={reconcile_interval:g} must be 0 (off) or at least 60")
        max_lifetime = r.integer("SESSION_MAX_LIFETIME", 7 * 86400, minimum=60)
        if max_lifetime < session_timeout:
            raise SettingsError(
                f"SESSION_MAX_LIFETIME={max_lifetime} must be at least SESSION_TIMEOUT={session_timeout}"
            )
        max_failures = r.integer("LOGIN_MAX_FAILURES", 5, minimum=1)
        guard = r.number("SYNC_ORPHAN_GUARD_RATIO", 0.5)
        if guard > 1:
            raise SettingsError(f"SYNC_ORPHAN_GUARD_RATIO={guard} must be between 0 and 1")

        return cls(
            database_url=database_url,
            db_pool_size=r.integer("DB_POOL_SIZE", 5, minimum=1),
            db_max_overflow=r.integer("DB_MAX_OVERFLOW", 10),
            db_pool_timeout=r.integer("DB_POOL_TIMEOUT", 30, minimum=1),
            db_echo=r.boolean("DB_ECHO", False),
            session_timeout=session_timeout,
            session_max_lifetime=max_lifetime,
            secret_key=secret_key,
            secret_key_previous=secret_key_previous,
            flussonic_url=flussonic_url,
            flussonic_api_key=flussonic_api_key,
            auth_service_url=r.url("AUTH_SERVICE_URL"),
            auth_service_api_key=r.required("AUTH_SERVICE_API_KEY"),
            api_host=r.text("API_HOST", "0.0.0.0"),  # noqa: S104
            api_port=r.integer("API_PORT", 8080, minimum=1),
            api_workers=r.integer("API_WORKERS", 1, minimum=1),
            trusted_proxies=r.networks("TRUSTED_PROXIES", ("127.0.0.1", "::1")),
            session_cookie_secure=r.boolean("SESSION_COOKIE_SECURE", False),
            session_cookie_samesite="strict" if samesite == "strict" else "lax",
            login_max_failures=max_failures,
            login_max_failures_per_username=r.integer(
                "LOGIN_MAX_FAILURES_PER_USERNAME", max_failures * 10, minimum=max_failures
            ),
            login_max_failures_per_client=r.integer("LOGIN_MAX_FAILURES_PER_CLIENT", max_failures * 4, minimum=1),
            login_window_seconds=r.integer("LOGIN_WINDOW_SECONDS", 900, minimum=1),
            max_request_body_bytes=r.integer("MAX_REQUEST_BODY_BYTES", 2 * 1024 * 1024, minimum=1024),
            flussonic_login=flussonic_login,
            flussonic_password=flussonic_password,
            flussonic_api_format="v3" if api_format == "v3" else "legacy" if api_format == "legacy" else "auto",
            flussonic_api_prefix="/" + r.text("FLUSSONIC_API_PREFIX", "/streamer/api/v3").strip("/"),
            flussonic_playback_url=r.url(
                "FLUSSONIC_PLAYBACK_URL", flussonic_url, credentials_hint="players get the URL"
            ),
            flussonic_tvg_name_label=r.optional("FLUSSONIC_TVG_NAME_LABEL"),
            flussonic_named_by=r.optional("FLUSSONIC_NAMED_BY"),
            flussonic_include_disabled=r.boolean("FLUSSONIC_INCLUDE_DISABLED", False),
            flussonic_timeout=r.number("FLUSSONIC_TIMEOUT", 10.0, minimum=0.1),
            flussonic_page_size=r.integer("FLUSSONIC_PAGE_SIZE", 1000, minimum=1),
            flussonic_sync_deadline=r.number("FLUSSONIC_SYNC_DEADLINE", 120.0, minimum=1.0),
            sync_orphan_guard_ratio=guard,
            auth_service_timeout=r.number("AUTH_SERVICE_TIMEOUT", 5.0, minimum=0.1),
            auth_service_time_format="naive" if time_format == "naive" else "z",
            auth_sync_worker=r.boolean("AUTH_SYNC_WORKER", True),
            auth_sync_concurrency=r.integer("AUTH_SYNC_CONCURRENCY", 8, minimum=1),
            auth_sync_interval=r.number("AUTH_SYNC_INTERVAL", 2.0, minimum=0.05),
            auth_reconcile_interval=reconcile_interval,
            operator_timezone=timezone,
            logo_max_bytes=r.integer("LOGO_MAX_BYTES", 256 * 1024, minimum=1024),
            log_level=r.choice("LOG_LEVEL", "info", ("debug", "info", "warning", "error")).upper(),
        )
