"""``make migrate``: upgrade DATABASE_URL (or the embedded dev database) to head; ``--autogenerate MSG``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from alembic import command
from alembic.config import Config

BACKEND = Path(__file__).resolve().parents[1]
DATA_DIR = BACKEND.parent / ".data" / "pg"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--autogenerate", metavar="MESSAGE")
    args = parser.parse_args()
    server = None
    if not os.environ.get("DATABASE_URL"):
        from devtools import embedded_pg

        server = embedded_pg.start(DATA_DIR, persistent=True)
        os.environ["DATABASE_URL"] = embedded_pg.ensure_database(server, "playlist_service")
    cfg = Config(str(BACKEND / "alembic.ini"))
    try:
        if args.autogenerate:
            command.upgrade(cfg, "head")
            command.revision(cfg, message=args.autogenerate, autogenerate=True)
        else:
            command.upgrade(cfg, "head")
    finally:
        if server is not None:
            server.stop() if hasattr(server, "stop") else None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
