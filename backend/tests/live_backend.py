"""The backend as a real server process (``playlist-service serve``, as in production) for tests that need a URL.

A separate process rather than a second ``create_app`` in the test process: two app instances in
one process disturb the session-scoped ``app`` fixture's connection pool.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devtools.stack import free_port

BACKEND = Path(__file__).resolve().parents[1]


@contextmanager
def live_backend(env: dict[str, str], *, timeout: float = 60.0) -> Iterator[str]:
    """``playlist-service serve`` with ``env`` (the spec's variables) on a free port; yields its base URL."""
    port = free_port()
    argv = [sys.executable, "-m", "playlist_service.cli", "serve"]
    env = {**env, "API_HOST": "127.0.0.1", "API_PORT": str(port)}
    url = f"http://127.0.0.1:{port}"
    # Output to a file, not a pipe: nobody reads it while the tests run.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(argv, cwd=BACKEND, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + timeout
            while not _ready(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    process.wait()
                    log.seek(0)
                    raise RuntimeError(f"backend did not start:\n{log.read().decode(errors='replace')}")
                time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health/ready", timeout=1) as response:  # noqa: S310 - loopback
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def backend_env(database_url: str, flussonic_url: str, auth_service_url: str) -> dict[str, str]:
    """The test settings (conftest.make_settings) as environment variables, pointing at the simulators."""
    from tests.conftest import AUTH_TEST_KEY, FLUSSONIC_TEST_KEY

    return {
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret-key-0123456789abcdef",
        "FLUSSONIC_URL": flussonic_url,
        "FLUSSONIC_API_KEY": FLUSSONIC_TEST_KEY,
        "FLUSSONIC_TIMEOUT": "2",
        "AUTH_SERVICE_URL": auth_service_url,
        "AUTH_SERVICE_API_KEY": AUTH_TEST_KEY,
        "AUTH_SERVICE_TIMEOUT": "1",
        "AUTH_SYNC_WORKER": "false",
        "LOG_LEVEL": "warning",
    }
