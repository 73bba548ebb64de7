"""``python -m devtools.simulators.auth_service --host 127.0.0.1 --port 8090 --api-key KEY``."""

from __future__ import annotations

import argparse

import uvicorn

from devtools.simulators.auth_service.app import DEFAULT_AUTH_DURATION, AuthSimState, create_app


def main() -> None:
    parser = argparse.ArgumentParser(description="Auth Service simulator (dev tool)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--api-key", default="test-key", help="expected X-API-Key")
    parser.add_argument("--time-mode", choices=("naive", "reject_offset"), default="naive")
    parser.add_argument("--auth-duration", type=int, default=DEFAULT_AUTH_DURATION)
    args = parser.parse_args()
    state = AuthSimState(api_key=args.api_key, time_mode=args.time_mode, auth_duration=args.auth_duration)
    uvicorn.run(create_app(state), host=args.host, port=args.port, log_level="info")


if __name__ == "__main__":
    main()
