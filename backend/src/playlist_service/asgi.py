"""Server entry point: ``uvicorn playlist_service.asgi:app`` (settings from the environment)."""

from __future__ import annotations

import sys

from playlist_service.app import create_app
from playlist_service.settings import Settings, SettingsError

try:
    _settings = Settings.from_env()
except SettingsError as exc:
    print(f"Configuration error: {exc}", file=sys.stderr)
    raise SystemExit(2) from None

app = create_app(_settings)
