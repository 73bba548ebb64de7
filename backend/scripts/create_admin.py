"""Spec §10.3: ``python scripts/create_admin.py [username] [--reset] [--password-stdin|--password-env VAR]``."""

from __future__ import annotations

import sys

from playlist_service.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["create-admin", *sys.argv[1:]]))
