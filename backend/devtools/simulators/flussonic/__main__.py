"""``python -m devtools.simulators.flussonic --host 127.0.0.1 --port 8081 [--streams N] [--login L
--password P] [--token T] [--delay S] [--formats both|v3|legacy] [--auth-failure-status 401|403]``
(run from ``backend/``). Without ``--streams`` it serves the seed line-up."""

from __future__ import annotations

import argparse

import uvicorn

from devtools.simulators.flussonic.app import SimulatorState, create_app
from devtools.simulators.flussonic.lineup import seed_lineup, synthetic_streams


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m devtools.simulators.flussonic", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--streams", type=int, default=None, help="serve N synthetic streams instead of the seed")
    parser.add_argument("--login", default=None)
    parser.add_argument("--password", default=None)
    parser.add_argument("--token", default=None, help="Bearer token accepted besides base64(login:password)")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before every API answer")
    parser.add_argument("--formats", choices=["both", "v3", "legacy"], default="both")
    parser.add_argument("--auth-failure-status", type=int, choices=[401, 403], default=401)
    args = parser.parse_args(argv)
    state = SimulatorState(
        streams=synthetic_streams(args.streams) if args.streams is not None else seed_lineup(),
        login=args.login,
        password=args.password,
        token=args.token,
        delay=args.delay,
        formats=args.formats,
        auth_failure_status=args.auth_failure_status,
    )
    uvicorn.run(create_app(state), host=args.host, port=args.port, log_level="info")


if __name__ == "__main__":
    main()
