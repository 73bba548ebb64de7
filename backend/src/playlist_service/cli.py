"""Command line: ``playlist-service serve | create-admin | export-openapi``."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
from pathlib import Path

import msgspec
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from playlist_service.errors import ValidationError


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


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if args.password_env:
        value = os.environ.get(args.password_env)
        if value is None:
            raise SystemExit(f"Environment variable {args.password_env} is not set")
        return value
    if not sys.stdin.isatty():
        raise SystemExit("No terminal to prompt on: use --password-stdin or --password-env VAR")
    first = getpass.getpass("Password: ")
    second = getpass.getpass("Repeat password: ")
    if first != second:
        raise SystemExit("Passwords do not match")
    return first


async def _create_admin(database_url: str, username: str, password: str, reset: bool) -> str:
    from playlist_service.admins.service import create_or_reset_admin

    engine = create_async_engine(database_url, hide_parameters=True)
    try:
        async with async_sessionmaker(engine, expire_on_commit=False)() as db:
            return await create_or_reset_admin(db, username, password, reset=reset)
    finally:
        await engine.dispose()


def create_admin(args: argparse.Namespace) -> int:
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        print("DATABASE_URL is required", file=sys.stderr)
        return 2
    username = args.username or input("Username: ").strip()
    if not username:
        print("Username must not be empty", file=sys.stderr)
        return 2
    password = _read_password(args)
    if not password:
        print("Password must not be empty", file=sys.stderr)
        return 2
    try:
        outcome = asyncio.run(_create_admin(database_url, username, password, args.reset))
    except ValidationError as exc:
        print(exc.message, file=sys.stderr)
        return 1
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
    admin.add_argument("--reset", action="store_true", help="set a new password for an existing admin")
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
