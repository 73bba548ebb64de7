"""The Makefile works from a fresh clone: targets install what they use, npx never downloads, and
create-admin runs without a terminal."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.admins.passwords import verify_password
from playlist_service.db.models import Admin

MAKEFILE = Path(__file__).resolve().parents[3] / "Makefile"
INSTALLS = {"install", "install-backend", "install-frontend"}
# What a recipe runs that needs installed dependencies, and the install that provides them.
NEEDS = {"$(UV) run": "install-backend", "$(NPX)": "install-frontend", "npm run": "install-frontend"}


def rules() -> dict[str, tuple[set[str], str]]:
    """target -> (prerequisites, recipe text)."""
    found: dict[str, tuple[set[str], str]] = {}
    target = None
    for line in MAKEFILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("\t") and target is not None:
            prerequisites, recipe = found[target]
            found[target] = (prerequisites, recipe + line + "\n")
            continue
        match = re.match(r"^([a-zA-Z][\w-]*):(?!=)([^#]*)", line)
        target = match.group(1) if match else None
        if match:
            found[target] = (set(match.group(2).split()), "")
    return found


def test_npx_is_never_allowed_to_download_and_passes_flags_through() -> None:
    text = MAKEFILE.read_text(encoding="utf-8")
    assert re.search(r"^NPX := npx --no --$", text, re.MULTILINE)
    bare = [line for line in text.splitlines() if re.search(r"\bnpx\b", line) and not line.startswith(("NPX :=", "#"))]
    assert bare == []


def test_every_target_that_runs_installed_tools_depends_on_their_install() -> None:
    table = rules()
    missing = []
    for target, (prerequisites, recipe) in table.items():
        if target in INSTALLS:
            continue
        # An install reached through another target counts (test -> test-backend -> install-backend).
        reachable, frontier = set(), set(prerequisites)
        while frontier:
            reachable |= frontier
            frontier = {p for name in frontier for p in table.get(name, (set(), ""))[0]} - reachable
        for tool, install in NEEDS.items():
            if tool in recipe and install not in reachable and "install" not in reachable:
                missing.append(f"{target}: runs {tool} without depending on {install}")
    assert not missing, "\n".join(missing)


def make_dry_run(*args: str) -> str:
    result = subprocess.run(
        ["make", "-n", "-C", str(MAKEFILE.parent), *args], capture_output=True, text=True, timeout=60, check=True
    )
    return " ".join(result.stdout.replace("\\\n", " ").split())


def test_create_admin_passes_the_non_interactive_options_through() -> None:
    plain = make_dry_run("create-admin", "name=alice")
    assert "devtools.create_admin alice" in plain and "--password" not in plain and "--reset" not in plain
    stdin = make_dry_run("create-admin", "name=alice", "password_stdin=1", "reset=1")
    assert "devtools.create_admin alice --reset --password-stdin" in stdin
    env = make_dry_run("create-admin", "name=bob", "password_env=ADMIN_PW")
    assert "devtools.create_admin bob --password-env ADMIN_PW" in env


async def test_make_create_admin_reads_the_password_from_stdin(database_url: str, db: AsyncSession) -> None:
    result = subprocess.run(
        ["make", "-s", "-C", str(MAKEFILE.parent), "create-admin", "name=alice", "password_stdin=1"],
        input="from stdin 1\n",
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": database_url},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "from stdin" not in result.stdout + result.stderr
    stored = (await db.execute(select(Admin.password_hash).where(Admin.username == "alice"))).scalar_one()
    assert verify_password(stored, "from stdin 1")
