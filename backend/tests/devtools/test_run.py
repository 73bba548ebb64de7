"""``make run``'s launcher: everything starts, the SPA and API answer through one URL, Ctrl-C stops it all."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO, Any

import pytest

from devtools.stack import free_port

BACKEND = Path(__file__).resolve().parents[2]
# Variables that would make the launcher use real services instead of its own.
EXTERNAL = ("DATABASE_URL", "FLUSSONIC_URL", "AUTH_SERVICE_URL", "SECRET_KEY", "FLUSSONIC_API_KEY")


def descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for_banner(log: Path, process: subprocess.Popen[bytes], timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        if "Press Ctrl-C to stop." in text:
            return text
        assert process.poll() is None, f"launcher exited early:\n{text}"
        time.sleep(0.2)
    raise AssertionError(f"no banner within {timeout} s:\n{log.read_text(errors='replace')}")


def fetch(url: str, *, data: dict[str, Any] | None = None) -> tuple[int, dict[str, str], bytes]:
    body = json.dumps(data).encode() if data is not None else None
    headers = {"Content-Type": "application/json"} if body else {}
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 - loopback test URL
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


def launch(data_dir: Path, log: IO[bytes], ports: dict[str, int]) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in EXTERNAL}
    argv = [sys.executable, "-m", "devtools.run", "--data-dir", str(data_dir), "--no-spa-build"]
    for name, port in ports.items():
        argv += [f"--{name}-port", str(port)]
    return subprocess.Popen(argv, cwd=BACKEND, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def run_once(data_dir: Path, log_path: Path) -> tuple[str, str]:
    """Start the launcher, check it, stop it with SIGINT; return (banner, password)."""
    ports = {name: free_port() for name in ("api", "web", "flussonic", "auth")}
    with log_path.open("wb") as log:
        process = launch(data_dir, log, ports)
        try:
            banner = wait_for_banner(log_path, process)
            web = f"http://127.0.0.1:{ports['web']}"
            assert f"Open {web}" in banner
            match = re.search(r"Login:\s+admin / (\S+)", banner)
            assert match, banner
            password = match.group(1)

            status, _, body = fetch(f"{web}/health/ready")
            assert status == 200 and json.loads(body)["data"]["database"] == "ok"
            status, _, body = fetch(f"http://127.0.0.1:{ports['api']}/health/ready")
            assert status == 200

            # The SPA (or its placeholder when frontend/dist is absent), with history fallback.
            status, headers, index = fetch(f"{web}/")
            assert status == 200 and headers["content-type"].startswith("text/html")
            assert index.lower().startswith(b"<!doctype html")
            assert fetch(f"{web}/users/42/edit")[2] == index

            status, _, body = fetch(f"{web}/api/v1/auth/login", data={"username": "admin", "password": password})
            assert status == 200 and json.loads(body)["data"]["admin"]["username"] == "admin"

            children = descendants(process.pid)
            postmaster = int((data_dir / "pg" / "postmaster.pid").read_text().split()[0])
            assert len(children) >= 4, children  # simulators, backend, web server
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                raise
    output = log_path.read_text(errors="replace")
    assert process.returncode == 0, output
    assert "Stopped." in output
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in {*children, postmaster}):
        time.sleep(0.1)
    assert not [pid for pid in children if alive(pid)], output
    assert not alive(postmaster), "embedded PostgreSQL still running"
    return banner, password


def test_launcher_starts_everything_and_ctrl_c_stops_it_all(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    banner, password = run_once(data_dir, tmp_path / "first.log")
    assert "(created now)" in banner
    saved = (data_dir / "dev-admin.txt").read_text()
    assert f"password: {password}" in saved

    # A second run keeps the database and shows the same login again.
    banner, again = run_once(data_dir, tmp_path / "second.log")
    assert again == password
    assert "saved in" in banner


def test_sigterm_is_as_clean_as_ctrl_c_even_when_it_arrives_twice(tmp_path: Path) -> None:
    # `make run` is `uv run python -m devtools.run`: a process-group kill reaches the launcher, and uv
    # forwards the same SIGTERM to it again; the second one used to escape with a traceback (exit 130).
    ports = {name: free_port() for name in ("api", "web", "flussonic", "auth")}
    log_path = tmp_path / "run.log"
    with log_path.open("wb") as log:
        process = launch(tmp_path / "data", log, ports)
        try:
            wait_for_banner(log_path, process)
            children = descendants(process.pid)
            for _ in range(2000):  # a burst: some land while the first is still being handled
                try:
                    os.kill(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    break
            process.wait(timeout=60)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
    output = log_path.read_text(errors="replace")
    assert process.returncode in (0, 128 + signal.SIGTERM), output
    assert "Traceback" not in output and "KeyboardInterrupt" not in output, output
    assert "Stopping ..." in output and "Stopped." in output
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if alive(pid)], output


def test_a_second_sigterm_during_the_shutdown_message_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deterministically what the burst above may or may not hit: the second SIGTERM lands while
    "Stopping ..." is being written (as with uv's forwarded copy in make run's log)."""
    from devtools import run

    class SignalOnStopping(io.StringIO):
        def write(self, text: str) -> int:
            if "Stopping" in text:
                os.kill(os.getpid(), signal.SIGTERM)
            return super().write(text)

    class FakeStack:
        def __init__(self, config: object) -> None:
            self.stopped = False

        def start(self) -> None:
            os.kill(os.getpid(), signal.SIGTERM)  # the first one: the handler runs on return

        def stop(self) -> None:
            self.stopped = True

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    out = SignalOnStopping()
    monkeypatch.setattr(run, "Stack", FakeStack)
    monkeypatch.setattr(sys, "stdout", out)
    try:
        assert run.main(["--data-dir", "/nonexistent-unused"]) == 0  # raised KeyboardInterrupt before
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    assert "Stopping ..." in out.getvalue() and "Stopped." in out.getvalue()
