"""Spec §10.3: ``python scripts/create_admin.py [username] [--reset] [--password-stdin|--password-env VAR]``.

Run from ``backend/`` (``uv run python scripts/create_admin.py ...``); DATABASE_URL comes from the
environment or .env. The same command is installed as ``playlist-service create-admin``.
"""

from __future__ import annotations

import sys

from playlist_service.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["create-admin", *sys.argv[1:]]))
