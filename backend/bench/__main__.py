"""``make bench``: run every benchmark and print the figures the README quotes.

Each module exposes ``run() -> dict`` and prints its own table; this runner adds a summary against
the targets. Benchmarks are measurements, not tests: they never fail the build.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

MODULES = ["sync_bench", "playlist_bench", "auth_push_bench", "subscribers_bench"]


def main(argv: list[str]) -> int:
    selected = argv or MODULES
    results: dict[str, object] = {}
    for name in selected:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"bench.{name}")
        results[name] = module.run()
        print(f"({name} took {time.perf_counter() - started:.1f} s)", flush=True)
    out = Path(__file__).resolve().parent / "results.json"
    out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nFigures written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
