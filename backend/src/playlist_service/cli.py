"""Command line: ``playlist-service serve | create-admin | export-openapi``."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import msgspec
from sqlalchemy import String
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from playlist_service.db.url import async_database_url
from playlist_service.errors import AppError


def _openapi_document() -> dict[str, object]:
    from playlist_service.app import create_app
    from playlist_service.settings import Settings

    # The schema does not depend on configuration; placeholders keep the export offline.
    settings = Settings.from_env(
        {
            "DATABASE_URL": "postgresql+asyncpg://export@localhost/export",
            "SECRET_KEY": "openapi-export-placeholder-key",
            "FLUSSONIC_URL": "http://flussonic.invalid",
            "FLUSSONIC_API_KEY": "unused",
            "AUTH_SERVICE_URL": "http://auth.invalid",
            "AUTH_SERVICE_API_KEY": "unused",
        }
    )
    return create_app(settings).openapi_schema.to_schema()


def export_openapi(output: Path | None) -> int:
    text = json.dumps(_openapi_document(), indent=2, ensure_ascii=False, default=msgspec.to_builtins) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    return 0


class CliError(Exception):
    """Stops the command with one line on stderr and ``exit_code``."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _prompt(read: Callable[[str], str], label: str, alternative: str) -> str:
    try:
        return read(f"{label}: ")
    except EOFError:
        raise CliError(f"\nNo input for the {label.lower()} (end of file): {alternative}") from None


def _read_username(args: argparse.Namespace) -> str:
    from playlist_service.db.models import Admin

    username = args.username if args.username is not None else _prompt(input, "Username", "pass it as an argument")
    username = username.strip()
    if not username:
        raise CliError("Username must not be empty", 2)
    column = Admin.__table__.c.username.type
    longest = column.length if isinstance(column, String) and column.length else len(username)
    if len(username) > longest:
        raise CliError(f"Username is {len(username)} characters long; at most {longest} are allowed", 2)
    return username


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if args.password_env:
        value = os.environ.get(args.password_env)
        if value is None:
            raise CliError(f"Environment variable {args.password_env} is not set", 2)
        return value
    if not sys.stdin.isatty():
        raise CliError("No terminal to prompt on: use --password-stdin or --password-env VAR", 2)
    alternative = "use --password-stdin or --password-env VAR"
    first = _prompt(getpass.getpass, "Password", alternative)
    if not first:
        raise CliError("Password must not be empty", 2)
    if first != _prompt(getpass.getpass, "Repeat password", alternative):
        raise CliError("Passwords do not match", 2)
    return first


def _database_url() -> str:
    from playlist_service.settings import environment

    url = environment().get("DATABASE_URL", "").strip()
    if not url:
        raise CliError("DATABASE_URL is required (in the environment or .env)", 2)
    url = async_database_url(url)
    if not url.startswith("postgresql+asyncpg://"):
        raise CliError("DATABASE_URL must be a postgresql+asyncpg:// URL (postgresql:// is read as one)", 2)
    return url


async def _create_admin(database_url: str, username: str, password: str, reset: bool) -> str:
    from playlist_service.admins.service import create_or_reset_admin

    engine = create_async_engine(database_url, hide_parameters=True)
    try:
        async with async_sessionmaker(engine, expire_on_commit=False)() as db:
            return await create_or_reset_admin(db, username, password, reset=reset)
    finally:
        await engine.dispose()


def _reason(exc: BaseException) -> str:
    """The driver's own words, first line only (SQLAlchemy adds the statement and a link)."""
    cause = getattr(exc, "orig", None) or exc
    text = str(cause).strip().splitlines()
    return text[0] if text else type(cause).__name__


def create_admin(args: argparse.Namespace) -> int:
    try:
        database_url = _database_url()
        username = _read_username(args)
        password = _read_password(args)
        if not password:
            raise CliError("Password must not be empty", 2)
        try:
            outcome = asyncio.run(_create_admin(database_url, username, password, args.reset))
        except AppError as exc:  # already exists without --reset, --reset of nobody
            raise CliError(exc.message) from None
        except (DBAPIError, OSError) as exc:
            where = make_url(database_url).render_as_string(hide_password=True)
            raise CliError(f"Cannot use the database {where}: {_reason(exc)}") from None
    except CliError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\nCancelled", file=sys.stderr)
        return 130
    verb = "created" if outcome == "created" else "password updated (existing sessions ended)"
    print(f"Admin {username!r} {verb}.")
    return 0


def serve() -> int:
    """uvicorn as configured by the settings: API_HOST, API_PORT, API_WORKERS, TRUSTED_PROXIES."""
    import uvicorn

    from playlist_service.settings import Settings, SettingsError

    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    # Several workers are safe: sessions, login throttling, locks and the sync queue are in PostgreSQL.
    uvicorn.run(
        "playlist_service.asgi:app",
        host=settings.api_host,
        port=settings.api_port,
        workers=settings.api_workers,
        # X-Forwarded-For/-Proto are believed only from these peers (nginx), never from anyone.
        proxy_headers=True,
        forwarded_allow_ips=list(settings.trusted_proxies),
        server_header=False,
        log_level=settings.log_level.lower(),
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="playlist-service")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("serve", help="run the API server (uvicorn) as the settings say")

    admin = sub.add_parser("create-admin", help="create an admin, or reset one's password")
    admin.add_argument("username", nargs="?", help="prompted for when omitted")
    admin.add_argument("--reset", action="store_true", help="set a new password for an existing admin (only)")
    source = admin.add_mutually_exclusive_group()
    source.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    source.add_argument("--password-env", metavar="VAR", help="read the password from this variable")

    export = sub.add_parser("export-openapi", help="write the OpenAPI document")
    export.add_argument("--output", type=Path, help="file to write (stdout when omitted)")

    args = parser.parse_args(argv)
    if args.command == "serve":
        return serve()
    if args.command == "create-admin":
        return create_admin(args)
    return export_openapi(args.output)


if __name__ == "__main__":
    raise SystemExit(main())
