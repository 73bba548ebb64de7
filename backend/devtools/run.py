"""``make run``: the whole product on this machine, in the foreground, until Ctrl-C.

Starts the embedded PostgreSQL (data in ``.data/`` at the repo root, kept between runs), applies
migrations, creates a development admin when none exists (login saved in ``.data/dev-admin.txt``),
starts the Flussonic and Auth Service simulators, the backend (``playlist-service serve``) and the
built SPA behind a small proxy, then prints the URL and the login. Ctrl-C or SIGTERM stops everything it started.

Real services instead of the local ones: set DATABASE_URL, FLUSSONIC_URL + FLUSSONIC_API_KEY,
AUTH_SERVICE_URL + AUTH_SERVICE_API_KEY (spec §4), in the environment or the repo root's .env (which
the backend reads too). Every flag also has a RUN_* variable.
"""

from __future__ import annotations

import argparse
import dataclasses
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from devtools.stack import Stack, StackConfig, StackError


def _stop(signum: int, frame: FrameType | None) -> None:
    """SIGINT or SIGTERM: stop, once. Later signals are ignored from here on: ``uv run`` (``make run``)
    forwards a SIGTERM that a process-group kill has already delivered, and a second
    KeyboardInterrupt raised while the first is being handled escaped the clean-up with a traceback
    (exit 130)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def parse_args(argv: list[str] | None) -> StackConfig:
    defaults = StackConfig.from_env()
    parser = argparse.ArgumentParser(prog="python -m devtools.run", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=defaults.data_dir, help="RUN_DATA_DIR (default .data/)")
    parser.add_argument("--host", default=defaults.host, help="RUN_HOST (default 127.0.0.1)")
    parser.add_argument("--api-port", type=int, default=defaults.api_port, help="RUN_API_PORT (default 8000)")
    parser.add_argument("--web-port", type=int, default=defaults.web_port, help="RUN_WEB_PORT (default 8080)")
    parser.add_argument(
        "--flussonic-port", type=int, default=defaults.flussonic_port, help="RUN_FLUSSONIC_PORT (default 8081)"
    )
    parser.add_argument("--auth-port", type=int, default=defaults.auth_port, help="RUN_AUTH_PORT (default 8090)")
    parser.add_argument(
        "--no-spa-build",
        dest="build_spa",
        action="store_false",
        default=defaults.build_spa,
        help="serve frontend/dist as it is (a placeholder when absent); RUN_BUILD_SPA=0",
    )
    args = parser.parse_args(argv)
    return dataclasses.replace(
        defaults,
        data_dir=args.data_dir.resolve(),
        host=args.host,
        api_port=args.api_port,
        web_port=args.web_port,
        flussonic_port=args.flussonic_port,
        auth_port=args.auth_port,
        build_spa=args.build_spa,
    )


def banner(stack: Stack) -> str:
    admin = stack.admin
    if admin is None or admin.password is None:
        login = (
            "an admin already exists (its password is not in "
            f"{admin.saved_to if admin else 'dev-admin.txt'}); set one with: "
            "make create-admin name=<username> reset=1"
        )
    else:
        note = "created now" if admin.created else f"saved in {admin.saved_to}"
        login = f"{admin.username} / {admin.password}   ({note})"
    lines = [
        "",
        "=" * 72,
        f"  Playlist Service is running. Open {stack.web_url}",
        f"  Login:        {login}",
        f"  API:          {stack.api_url}/api/v1   (docs: {stack.web_url}/api/schema)",
        f"  Flussonic:    {stack.flussonic_url}",
        f"  Auth Service: {stack.auth_service_url}",
        "  Press Ctrl-C to stop.",
        "=" * 72,
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    config = parse_args(argv)
    # A shell's background jobs start with SIGINT ignored (STACK.md gotcha 12): take both back explicitly.
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    stack = Stack(config)
    try:
        stack.start()
        print(banner(stack), flush=True)
        while (gone := stack.children.exited()) is None:
            time.sleep(0.5)
        print(f"{gone.name} exited with status {gone.process.returncode}; stopping.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping ...", flush=True)
        return 0
    except StackError as exc:
        print(f"make run: {exc}", file=sys.stderr)
        return 1
    finally:
        # A second Ctrl-C must not cut the clean-up short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stack.stop()
        print("Stopped.", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
