"""scripts/create_admin.py (spec §10.3), driven as an operator would: a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.admins.passwords import verify_password
from playlist_service.db.models import Admin

BACKEND = Path(__file__).resolve().parents[3]


def run_cli(database_url: str, *args: str, stdin: str = "", env: dict[str, str] | None = None) -> Any:
    return subprocess.run(
        [sys.executable, "scripts/create_admin.py", *args],
        cwd=BACKEND,
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": database_url, **(env or {})},
        timeout=60,
        check=False,
    )


async def stored_hash(db: AsyncSession, username: str) -> str | None:
    db.expire_all()
    return (await db.execute(select(Admin.password_hash).where(Admin.username == username))).scalar_one_or_none()


async def test_creates_an_admin_from_stdin(database_url, db):
    result = run_cli(database_url, "alice", "--password-stdin", stdin="s3cret pass\n")
    assert result.returncode == 0, result.stderr
    assert "created" in result.stdout
    assert "s3cret" not in result.stdout + result.stderr
    password_hash = await stored_hash(db, "alice")
    assert password_hash is not None and password_hash.startswith("$argon2id$")
    assert verify_password(password_hash, "s3cret pass")


async def test_creates_an_admin_from_an_environment_variable(database_url, db):
    result = run_cli(database_url, "bob", "--password-env", "ADMIN_PW", env={"ADMIN_PW": "from-env"})
    assert result.returncode == 0, result.stderr
    assert verify_password(await stored_hash(db, "bob"), "from-env")


async def test_refuses_an_empty_password(database_url, db):
    result = run_cli(database_url, "carol", "--password-stdin", stdin="\n")
    assert result.returncode != 0
    assert "empty" in result.stderr.lower()
    assert await stored_hash(db, "carol") is None


async def test_existing_admin_needs_reset_to_change_password(database_url, db):
    assert run_cli(database_url, "dave", "--password-stdin", stdin="first\n").returncode == 0
    again = run_cli(database_url, "dave", "--password-stdin", stdin="second\n")
    assert again.returncode != 0
    assert "--reset" in again.stderr
    assert verify_password(await stored_hash(db, "dave"), "first")

    reset = run_cli(database_url, "dave", "--reset", "--password-stdin", stdin="second\n")
    assert reset.returncode == 0, reset.stderr
    assert verify_password(await stored_hash(db, "dave"), "second")


@pytest.mark.parametrize("args", [[], ["erin"]])
def test_without_a_terminal_it_asks_for_a_non_interactive_source(database_url, args):
    result = run_cli(database_url, *args, stdin="")
    assert result.returncode != 0
    assert ("--password-stdin" in result.stderr) or ("Username" in result.stdout + result.stderr)


async def test_the_console_script_the_image_documents_creates_an_admin(database_url, db):
    # README: docker compose exec backend playlist-service create-admin alice (scripts/ is not in the image).
    command = Path(sys.executable).parent / "playlist-service"
    result = subprocess.run(
        [str(command), "create-admin", "frank", "--password-stdin"],
        input="console pass\n",
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": database_url},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert verify_password(await stored_hash(db, "frank"), "console pass")
