"""scripts/create_admin.py (spec §10.3), driven as an operator would: a subprocess."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path
from select import select as wait_readable
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


def assert_one_clear_line(result: Any, *expected: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr


def test_without_a_terminal_a_missing_username_is_reported_not_a_traceback(database_url):
    result = run_cli(database_url, stdin="")
    assert result.returncode == 1
    assert_one_clear_line(result, "No input for the username (end of file): pass it as an argument")


def test_without_a_terminal_it_asks_for_a_non_interactive_password_source(database_url):
    result = run_cli(database_url, "erin", stdin="")
    assert result.returncode == 2
    assert_one_clear_line(result, "use --password-stdin or --password-env VAR")


async def test_a_plain_postgresql_url_is_accepted(database_url, db):
    plain = database_url.replace("postgresql+asyncpg://", "postgresql://", 1)
    result = run_cli(plain, "frank", "--password-stdin", stdin="pw\n")
    assert result.returncode == 0, result.stderr
    assert await stored_hash(db, "frank") is not None


@pytest.mark.parametrize("where", ["missing database", "nothing listening"])
def test_an_unusable_database_is_one_clear_line(database_url, where):
    base, _, query = database_url.partition("?")
    url = f"{base.rsplit('/', 1)[0]}/no_such_db" + (f"?{query}" if query else "")
    if where == "nothing listening":
        url = "postgresql+asyncpg://nobody:secret-pw@127.0.0.1:9/none"
    result = run_cli(url, "gina", "--password-stdin", stdin="pw\n")
    assert result.returncode == 1
    assert_one_clear_line(result, "Cannot use the database")
    assert "secret-pw" not in result.stderr
    if where == "missing database":
        assert "no_such_db" in result.stderr


async def test_a_too_long_username_is_refused_before_the_database(database_url, db):
    result = run_cli(database_url, "u" * 150, "--password-stdin", stdin="pw\n")
    assert result.returncode == 2
    assert_one_clear_line(result, "Username is 150 characters long; at most 100 are allowed")


async def test_reset_of_an_unknown_admin_is_refused_and_creates_nobody(database_url, db):
    result = run_cli(database_url, "harry", "--reset", "--password-stdin", stdin="pw\n")
    assert result.returncode == 1
    assert_one_clear_line(result, "No admin named 'harry' to reset (leave out --reset to create one)")
    assert await stored_hash(db, "harry") is None


# --- interactive: the prompts on a real terminal (a pty), as an operator sees them ---


def converse(database_url: str, args: list[str], replies: list[tuple[str, str]]) -> tuple[int, str]:
    """Run the script on a pty; answer each prompt as it appears (``\x04`` is Ctrl-D). Returns (status, screen)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "scripts/create_admin.py", *args],
        cwd=BACKEND,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env={**os.environ, "DATABASE_URL": database_url},
        start_new_session=True,  # no controlling terminal: nothing can reach the one running the tests
    )
    os.close(terminal)
    screen = b""

    def read_until(wanted: bytes | None) -> None:
        nonlocal screen
        deadline = time.monotonic() + 30
        while wanted is None or wanted not in screen:
            ready, _, _ = wait_readable([controller], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, f"timed out waiting for {wanted!r}; screen so far: {screen!r}"
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # EIO: the script exited and closed the terminal
                chunk = b""
            if not chunk:
                assert wanted is None, f"exited before {wanted!r}; screen: {screen!r}"
                return
            screen += chunk

    try:
        for prompt, reply in replies:
            read_until(prompt.encode())
            os.write(controller, reply.encode() if reply == "\x04" else reply.encode() + b"\n")
        read_until(None)
        return process.wait(timeout=30), screen.decode(errors="replace")
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
            process.wait()


async def test_interactive_prompts_for_username_and_password_twice_without_echo(database_url, db):
    status, screen = converse(
        database_url,
        [],
        [("Username: ", "ivy"), ("Password: ", "typed-secret-1"), ("Repeat password: ", "typed-secret-1")],
    )
    assert status == 0, screen
    assert "ivy" in screen  # the username is echoed as typed
    assert "typed-secret-1" not in screen  # the password never is
    assert "Admin 'ivy' created." in screen
    assert verify_password(await stored_hash(db, "ivy"), "typed-secret-1")


async def test_interactive_mismatched_passwords_are_refused(database_url, db):
    status, screen = converse(
        database_url, ["jack"], [("Password: ", "one-password"), ("Repeat password: ", "another-one")]
    )
    assert status == 2
    assert "Passwords do not match" in screen and "Traceback" not in screen
    assert await stored_hash(db, "jack") is None


async def test_interactive_empty_password_is_refused_at_once(database_url, db):
    status, screen = converse(database_url, ["kate"], [("Password: ", "")])
    assert status == 2
    assert "Password must not be empty" in screen and "Repeat password" not in screen
    assert await stored_hash(db, "kate") is None


@pytest.mark.parametrize(
    ("args", "prompt", "message"),
    [
        ([], "Username: ", "No input for the username (end of file): pass it as an argument"),
        (["liam"], "Password: ", "No input for the password (end of file): use --password-stdin"),
    ],
)
def test_interactive_end_of_file_at_a_prompt_is_a_clear_message(database_url, args, prompt, message):
    status, screen = converse(database_url, args, [(prompt, "\x04")])
    assert status == 1
    assert message in screen
    assert "Traceback" not in screen


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
