"""``make migrate``: upgrade the database to head; ``--autogenerate MSG`` writes a new revision.

The database is the one the backend would use, DATABASE_URL from the environment or ``.env``
(:func:`playlist_service.settings.environment`), else the embedded dev database of ``make run``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config

BACKEND = Path(__file__).resolve().parents[1]


@contextmanager
def dev_database_url() -> Iterator[str]:
    """DATABASE_URL as the backend reads it; else the embedded PostgreSQL of ``make run``, started
    for the command and stopped after — unless it was already running (``make run`` is up), which
    is left as it was."""
    from devtools import embedded_pg
    from devtools.stack import StackConfig, env_of_checkout, start_postgres

    env = env_of_checkout()
    if env.get("DATABASE_URL", "").strip():
        yield env["DATABASE_URL"].strip()
        return
    data_dir = StackConfig.from_env(env).data_dir / "pg"
    already_running = embedded_pg.is_running(data_dir)
    postgres = start_postgres(data_dir)
    try:
        yield postgres.url
    finally:
        if not already_running:
            postgres.stop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--autogenerate", metavar="MESSAGE")
    args = parser.parse_args()
    cfg = Config(str(BACKEND / "alembic.ini"))
    with dev_database_url() as url:
        os.environ["DATABASE_URL"] = url  # what migrations/env.py reads
        command.upgrade(cfg, "head")
        if args.autogenerate:
            command.revision(cfg, message=args.autogenerate, autogenerate=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
