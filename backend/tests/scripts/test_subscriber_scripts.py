"""scripts/import_subscribers.py and export_subscribers.py against a live backend, with an API key."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from devtools.stack import free_port
from tests.factories import ChannelFactory, PackageFactory, UserFactory
from tests.live_backend import backend_env, live_backend

BACKEND = Path(__file__).resolve().parents[2]
Client = AsyncTestClient[Litestar]

CSV_HEADER = "agreement_number,first_name,last_name,status,max_sessions,valid_from,valid_until,tariffs\n"
GOOD_ROWS = (
    "A-1001,Ivan,Petrov,enabled,2,,2030-12-31,basic; Premium\nA-1002,Olga,Sidorova,disabled,,2025-01-01T00:00:00Z,,\n"
)
BAD_ROWS = (
    "A-1003,Pavel,Orlov,sleeping,,,,\n"  # bad status
    "A-1004,Anna,Volkova,,,,,Gold\n"  # unknown tariff
    "A-1005,Boris,,,,,,\n"  # new subscriber without last_name
    "A-1001,Ivan,Petrov,,,,,\n"  # repeats a line
)


@pytest.fixture(scope="module")
def live_url(database_url: str, flussonic_server: tuple[str, Any], auth_server: tuple[str, Any]) -> Iterator[str]:
    with live_backend(backend_env(database_url, flussonic_server[0], auth_server[0])) as url:
        yield url


async def make_key(auth_client: Client, scope: str) -> str:
    response = await auth_client.post("/api/v1/api-keys", json={"name": f"scripts-{scope}", "scope": scope})
    assert response.status_code == 201, response.text
    key: str = response.json()["data"]["key"]
    return key


@pytest.fixture
async def keys(auth_client: Client, auth_sim: Any) -> dict[str, str]:
    for name in ("Basic", "Premium"):
        response = await auth_client.post("/api/v1/tariffs", json={"name": name})
        assert response.status_code == 201, response.text
    return {"rw": await make_key(auth_client, "read_write"), "ro": await make_key(auth_client, "read_only")}


def run_script(name: str, *args: str, url: str, key: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLAYLIST_API_")}
    env["PLAYLIST_API_URL"] = url
    if key is not None:
        env["PLAYLIST_API_KEY"] = key
    return subprocess.run(
        [sys.executable, f"scripts/{name}", *args],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


async def users_by_agreement(auth_client: Client) -> dict[str, dict[str, Any]]:
    items = (await auth_client.get("/api/v1/users", params={"per_page": 200})).json()["data"]["items"]
    return {item["agreement_number"]: item for item in items}


async def test_import_creates_rows_and_reports_failures_with_reasons(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client
) -> None:
    result = run_script(
        "import_subscribers.py",
        str(write(tmp_path, "in.csv", CSV_HEADER + GOOD_ROWS + BAD_ROWS)),
        url=live_url,
        key=keys["rw"],
    )
    assert result.returncode == 1, result.stderr
    assert "created 2, updated 0, unchanged 0, failed 4 (of 6 rows)" in result.stdout
    for reason in (
        "'sleeping' is not enabled or disabled",
        "unknown tariff(s): Gold",
        "needs last_name",
        "repeats line 2",
    ):
        assert reason in " ".join(result.stdout.split()), result.stdout

    users = await users_by_agreement(auth_client)
    assert set(users) == {"A-1001", "A-1002"}
    ivan = (await auth_client.get(f"/api/v1/users/{users['A-1001']['id']}")).json()["data"]
    assert sorted(t["name"] for t in ivan["tariffs"]) == ["Basic", "Premium"]
    assert ivan["max_sessions"] == 2
    assert ivan["valid_until"].startswith("2030-12-31T23:59:59")  # end of the day, operator zone (UTC)
    olga = (await auth_client.get(f"/api/v1/users/{users['A-1002']['id']}")).json()["data"]
    assert olga["status"] == "disabled"
    assert olga["valid_from"].startswith("2025-01-01T00:00:00")


async def test_import_twice_changes_nothing_the_second_time(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client
) -> None:
    path = write(tmp_path, "in.csv", CSV_HEADER + GOOD_ROWS)
    first = run_script("import_subscribers.py", str(path), url=live_url, key=keys["rw"])
    assert first.returncode == 0, first.stdout + first.stderr
    before = await users_by_agreement(auth_client)

    second = run_script("import_subscribers.py", str(path), url=live_url, key=keys["rw"])
    assert second.returncode == 0, second.stdout + second.stderr
    assert "created 0, updated 0, unchanged 2, failed 0" in second.stdout
    assert await users_by_agreement(auth_client) == before


async def test_import_updates_only_what_changed(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client
) -> None:
    run_script(
        "import_subscribers.py", str(write(tmp_path, "a.csv", CSV_HEADER + GOOD_ROWS)), url=live_url, key=keys["rw"]
    )
    changed = CSV_HEADER + "A-1001,,,,5,,,Basic\nA-1002,Olga,Sidorova,,,,,\n"
    result = run_script("import_subscribers.py", str(write(tmp_path, "b.csv", changed)), url=live_url, key=keys["rw"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "created 0, updated 1, unchanged 1, failed 0" in result.stdout
    ivan = (await users_by_agreement(auth_client))["A-1001"]
    assert ivan["max_sessions"] == 5
    assert [t["name"] for t in ivan["tariffs"]] == ["Basic"]
    assert ivan["first_name"] == "Ivan"  # empty cells leave fields alone


async def test_dry_run_reports_without_changing_anything(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client
) -> None:
    result = run_script(
        "import_subscribers.py",
        str(write(tmp_path, "in.csv", CSV_HEADER + GOOD_ROWS)),
        "--dry-run",
        url=live_url,
        key=keys["rw"],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Would have: created 2, updated 0" in result.stdout
    assert await users_by_agreement(auth_client) == {}


async def test_read_only_key_can_export_but_not_import(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client
) -> None:
    result = run_script(
        "import_subscribers.py", str(write(tmp_path, "in.csv", CSV_HEADER + GOOD_ROWS)), url=live_url, key=keys["ro"]
    )
    assert result.returncode == 1
    assert "failed 2" in result.stdout and "FORBIDDEN" in result.stdout
    assert await users_by_agreement(auth_client) == {}


async def test_export_writes_what_import_reads_back_unchanged(
    tmp_path: Path, live_url: str, keys: dict[str, str]
) -> None:
    run_script(
        "import_subscribers.py", str(write(tmp_path, "in.csv", CSV_HEADER + GOOD_ROWS)), url=live_url, key=keys["rw"]
    )
    out = tmp_path / "out.csv"
    exported = run_script("export_subscribers.py", str(out), url=live_url, key=keys["ro"])
    assert exported.returncode == 0, exported.stderr
    assert "Exported 2 subscribers" in exported.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    by_agreement = {row["agreement_number"]: row for row in rows}
    assert by_agreement["A-1001"]["tariffs"] == "Basic;Premium"
    assert by_agreement["A-1001"]["valid_until"] == "2030-12-31T23:59:59+00:00"
    assert by_agreement["A-1002"]["status"] == "disabled"

    again = run_script("import_subscribers.py", str(out), url=live_url, key=keys["rw"])
    assert again.returncode == 0, again.stdout + again.stderr
    assert "created 0, updated 0, unchanged 2, failed 0" in again.stdout


async def test_export_filters_and_writes_to_stdout(tmp_path: Path, live_url: str, keys: dict[str, str]) -> None:
    run_script(
        "import_subscribers.py", str(write(tmp_path, "in.csv", CSV_HEADER + GOOD_ROWS)), url=live_url, key=keys["rw"]
    )
    result = run_script("export_subscribers.py", "-", "--status", "disabled", url=live_url, key=keys["ro"])
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["agreement_number"] for row in rows] == ["A-1002"]
    by_tariff = run_script("export_subscribers.py", "-", "--tariff", "premium", url=live_url, key=keys["ro"])
    assert [row["agreement_number"] for row in csv.DictReader(io.StringIO(by_tariff.stdout))] == ["A-1001"]


async def test_import_matches_agreement_numbers_ignoring_case_and_width(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client
) -> None:
    first = run_script(
        "import_subscribers.py",
        str(write(tmp_path, "a.csv", CSV_HEADER + "AG-003,Ivan,Petrov,,,,,\n")),
        url=live_url,
        key=keys["rw"],
    )
    assert first.returncode == 0, first.stdout + first.stderr
    changed = CSV_HEADER + "ag-003,,,,4,,,\n\uff21\uff27-\uff10\uff10\uff14,Olga,Orlova,,,,,\nag-004,,,,3,,,\n"
    result = run_script("import_subscribers.py", str(write(tmp_path, "b.csv", changed)), url=live_url, key=keys["rw"])
    assert result.returncode == 1, result.stdout + result.stderr
    assert "created 1, updated 1, unchanged 0, failed 1" in result.stdout
    assert "repeats line 3" in result.stdout  # ag-004 is the fullwidth AG-004 of line 3
    users = await users_by_agreement(auth_client)
    assert set(users) == {"AG-003", "AG-004"}  # the stored spelling is kept
    assert users["AG-003"]["max_sessions"] == 4


FORMULAS = {
    "first_name": '=HYPERLINK("http://evil.example","click")',
    "last_name": "+SUM(1,2)",
    "agreement_number": "-5",
}


async def test_export_escapes_formula_cells_and_import_reads_them_back(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client
) -> None:
    body = {**FORMULAS, "max_sessions": 1}
    assert (await auth_client.post("/api/v1/users", json=body)).status_code == 201
    other = {"first_name": "@cmd", "last_name": "'=quoted", "agreement_number": "A-7", "max_sessions": 1}
    assert (await auth_client.post("/api/v1/users", json=other)).status_code == 201
    out = tmp_path / "out.csv"
    exported = run_script("export_subscribers.py", str(out), url=live_url, key=keys["ro"])
    assert exported.returncode == 0, exported.stderr
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out.read_text()))}
    cells = [value for row in rows.values() for value in row.values()]
    assert not [c for c in cells if c[:1] in {"=", "+", "-", "@", "\t", "\r"}], cells
    by_agreement = {row["agreement_number"]: row for row in rows.values()}
    assert by_agreement["'-5"]["first_name"] == "'" + FORMULAS["first_name"]
    assert by_agreement["'-5"]["last_name"] == "'+SUM(1,2)"
    assert by_agreement["A-7"]["first_name"] == "'@cmd"
    assert by_agreement["A-7"]["last_name"] == "''=quoted"

    again = run_script("import_subscribers.py", str(out), url=live_url, key=keys["rw"])
    assert again.returncode == 0, again.stdout + again.stderr
    assert "created 0, updated 0, unchanged 2, failed 0" in again.stdout
    users = await users_by_agreement(auth_client)
    assert (users["-5"]["first_name"], users["-5"]["last_name"]) == (FORMULAS["first_name"], "+SUM(1,2)")
    assert (users["A-7"]["first_name"], users["A-7"]["last_name"]) == ("@cmd", "'=quoted")


async def test_export_then_import_recreates_packages_channels_and_validity(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client, db: AsyncSession
) -> None:
    channels = [await ChannelFactory.add(db, stream_name=name, display_name="Same name") for name in ("otr", "ntv")]
    packages = [await PackageFactory.add(db, name=name) for name in ("Sport", "Kids")]
    tariffs = {t["name"]: t["id"] for t in (await auth_client.get("/api/v1/lookup/tariffs")).json()["data"]}
    body = {
        "first_name": "Ivan",
        "last_name": "Petrov",
        "agreement_number": "A-9",
        "max_sessions": 3,
        "valid_from": "2025-02-01T10:00:00Z",
        "valid_until": "2031-01-31T23:59:59Z",
        "tariff_ids": [tariffs["Basic"]],
        "package_ids": [p.id for p in packages],
        "channel_ids": [channels[0].id],
    }
    created = await auth_client.post("/api/v1/users", json=body)
    assert created.status_code == 201, created.text
    before = created.json()["data"]

    out = tmp_path / "out.csv"
    assert run_script("export_subscribers.py", str(out), url=live_url, key=keys["ro"]).returncode == 0
    (row,) = csv.DictReader(io.StringIO(out.read_text()))
    assert (row["packages"], row["channels"], row["tariffs"]) == ("Kids;Sport", "otr", "Basic")
    assert (row["valid_from"], row["valid_until"]) == ("2025-02-01T10:00:00+00:00", "2031-01-31T23:59:59+00:00")

    assert (await auth_client.delete(f"/api/v1/users/{before['id']}")).status_code == 200
    recreated = run_script("import_subscribers.py", str(out), url=live_url, key=keys["rw"])
    assert recreated.returncode == 0, recreated.stdout + recreated.stderr
    assert "created 1, updated 0" in recreated.stdout
    new_id = (await users_by_agreement(auth_client))["A-9"]["id"]
    after = (await auth_client.get(f"/api/v1/users/{new_id}")).json()["data"]
    same = ("first_name", "last_name", "status", "max_sessions", "valid_from", "valid_until")
    assert {k: after[k] for k in same} == {k: before[k] for k in same}
    for kind in ("tariffs", "packages", "channels"):
        assert after[kind] == before[kind], kind

    # Changed in the file: packages and channels are replaced; the old header's files leave them alone.
    edited = out.read_text().replace("Kids;Sport", "sport").replace(",otr,", ",ntv;otr,")
    updated = run_script("import_subscribers.py", str(write(tmp_path, "e.csv", edited)), url=live_url, key=keys["rw"])
    assert "updated 1" in updated.stdout, updated.stdout + updated.stderr
    assert updated.returncode == 0, updated.stdout + updated.stderr
    now = (await auth_client.get(f"/api/v1/users/{new_id}")).json()["data"]
    assert [p["name"] for p in now["packages"]] == ["Sport"]
    assert sorted(c["id"] for c in now["channels"]) == sorted(c.id for c in channels)
    old_format = run_script(
        "import_subscribers.py",
        str(write(tmp_path, "old.csv", CSV_HEADER + "A-9,,,,5,,,\n")),
        url=live_url,
        key=keys["rw"],
    )
    assert "updated 1" in old_format.stdout, old_format.stdout
    kept = (await auth_client.get(f"/api/v1/users/{new_id}")).json()["data"]
    assert (kept["packages"], kept["channels"], kept["max_sessions"]) == (now["packages"], now["channels"], 5)


async def test_import_names_unknown_packages_and_channels(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client, db: AsyncSession
) -> None:
    await ChannelFactory.add(db, stream_name="otr")
    header = "agreement_number,first_name,last_name,packages,channels\n"
    rows = "A-1,Ada,One,Gold,\nA-2,Bob,Two,,otr;OTR\n"  # stream names are exact: OTR is not otr
    result = run_script(
        "import_subscribers.py", str(write(tmp_path, "in.csv", header + rows)), url=live_url, key=keys["rw"]
    )
    assert result.returncode == 1
    text = " ".join(result.stdout.split())
    assert "unknown package(s): Gold" in text and "unknown channel(s): OTR" in text
    assert await users_by_agreement(auth_client) == {}


def test_scripts_refuse_to_run_without_a_key(tmp_path: Path) -> None:
    result = run_script("export_subscribers.py", "-", url="http://127.0.0.1:9", key=None)
    assert result.returncode == 2
    assert "PLAYLIST_API_KEY" in result.stderr


async def test_revoked_key_stops_the_scripts(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client
) -> None:
    listed = (await auth_client.get("/api/v1/api-keys")).json()["data"]["items"]
    ro = next(k for k in listed if k["scope"] == "read_only")
    await auth_client.delete(f"/api/v1/api-keys/{ro['id']}")
    result = run_script("export_subscribers.py", "-", url=live_url, key=keys["ro"])
    assert result.returncode == 2
    assert "UNAUTHORIZED" in result.stderr
    assert result.stdout == ""  # no header: `> out.csv` must not look like a valid empty export


# --- failures: one clear line, and a summary of what was done when the API goes away midway ---


def assert_clear_error(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("script", ["import_subscribers.py", "export_subscribers.py"])
def test_an_unreachable_api_is_one_clear_line(tmp_path: Path, script: str) -> None:
    target = str(write(tmp_path, "in.csv", CSV_HEADER + GOOD_ROWS)) if script.startswith("import") else "-"
    result = run_script(script, target, url=f"http://127.0.0.1:{free_port()}", key="pls_anything")
    assert result.returncode == 2
    assert_clear_error(result, "cannot reach the API (GET http://127.0.0.1:", "nothing was")


def test_a_csv_that_is_not_utf8_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes((CSV_HEADER + "A-2001,Иван,Петров,,,,,\n").encode("cp1251"))
    result = run_script("import_subscribers.py", str(path), url="http://127.0.0.1:9", key="pls_anything")
    assert result.returncode == 2
    assert_clear_error(result, f"{path} is not UTF-8 text", "save it as UTF-8")


class _Forward(BaseHTTPRequestHandler):
    """Forwards every request to the backend, except those the server's ``cut`` picks: their connection
    is closed without an answer (and without forwarding), as when the network goes away."""

    server: CuttingProxy

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        if self.server.should_cut(self.command, self.path):
            self.close_connection = True
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in {"host", "connection"}}
        upstream = httpx.request(self.command, self.server.upstream + self.path, headers=headers, content=body)
        self.send_response(upstream.status_code)
        for name, value in upstream.headers.items():
            if name.lower() not in {"content-length", "transfer-encoding", "connection", "content-encoding"}:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(upstream.content)))
        self.end_headers()
        self.wfile.write(upstream.content)

    do_GET = do_POST = do_PATCH = _handle

    def log_message(self, format: str, *args: Any) -> None:
        pass


class CuttingProxy(ThreadingHTTPServer):
    def __init__(self, upstream: str, cut: Callable[[str, str, int], bool]) -> None:
        super().__init__(("127.0.0.1", 0), _Forward)
        self.upstream, self.cut, self.lock = upstream, cut, threading.Lock()
        self.seen: dict[tuple[str, str], int] = {}

    def should_cut(self, method: str, path: str) -> bool:
        """``cut(method, path, n)``: n counts the requests so far with this method and path (query left out)."""
        key = (method, path.split("?", 1)[0])
        with self.lock:
            self.seen[key] = self.seen.get(key, 0) + 1
            return self.cut(method, path, self.seen[key])


@contextmanager
def cutting_proxy(upstream: str, cut: Callable[[str, str, int], bool]) -> Iterator[str]:
    proxy = CuttingProxy(upstream, cut)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{proxy.server_address[1]}"
    finally:
        proxy.shutdown()
        proxy.server_close()
        thread.join(timeout=5)


async def test_import_cut_off_midway_summarises_what_was_done_and_a_rerun_finishes(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client
) -> None:
    path = write(tmp_path, "in.csv", CSV_HEADER + "A-3001,Ada,One,,,,,\nA-3002,Bob,Two,,,,,\nA-3003,Cy,Three,,,,,\n")
    second_create = lambda method, path, n: method == "POST" and path == "/api/v1/users" and n == 2  # noqa: E731
    with cutting_proxy(live_url, second_create) as url:
        result = run_script("import_subscribers.py", str(path), url=url, key=keys["rw"])
    assert result.returncode == 3, result.stdout + result.stderr
    assert "created 1, updated 0, unchanged 0, failed 0 (of the first 1 of 3 rows)" in result.stdout
    assert_clear_error(
        result, "stopped at line 3 (A-3002): cannot reach the API (POST", "run the same file again to finish"
    )
    assert set(await users_by_agreement(auth_client)) == {"A-3001"}

    rerun = run_script("import_subscribers.py", str(path), url=live_url, key=keys["rw"])
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "created 2, updated 0, unchanged 1, failed 0 (of 3 rows)" in rerun.stdout


async def test_export_cut_off_midway_writes_no_file_and_says_how_far_it_got(
    tmp_path: Path, live_url: str, keys: dict[str, str], db: AsyncSession
) -> None:
    await UserFactory.add_batch(db, 201)
    second_page = lambda method, path, n: re.match(r"/api/v1/users\?(.*&)?page=2(&|$)", path) is not None  # noqa: E731
    out = tmp_path / "out.csv"
    with cutting_proxy(live_url, second_page) as url:
        result = run_script("export_subscribers.py", str(out), url=url, key=keys["ro"])
    assert result.returncode == 3, result.stderr
    assert_clear_error(
        result, "stopped after reading 200 of 201 subscribers; ", "was not written: cannot reach the API"
    )
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no .part file left behind


async def test_reimporting_an_export_reads_pages_not_one_request_per_subscriber(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client, db: AsyncSession
) -> None:
    channel = await ChannelFactory.add(db, stream_name="otr")
    package = await PackageFactory.add(db, name="Sport")
    for n in range(5):
        body = {
            "first_name": f"Ivan{n}",
            "last_name": "Petrov",
            "agreement_number": f"P-{n}",
            "valid_from": "2025-02-01T10:00:00Z",
            "package_ids": [package.id],
            "channel_ids": [channel.id],
        }
        assert (await auth_client.post("/api/v1/users", json=body)).status_code == 201
    out = tmp_path / "out.csv"
    assert run_script("export_subscribers.py", str(out), url=live_url, key=keys["ro"]).returncode == 0

    proxy = CuttingProxy(live_url, lambda method, path, n: False)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        result = run_script(
            "import_subscribers.py", str(out), url=f"http://127.0.0.1:{proxy.server_address[1]}", key=keys["rw"]
        )
    finally:
        proxy.shutdown()
        proxy.server_close()
        thread.join(timeout=5)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "created 0, updated 0, unchanged 5, failed 0" in result.stdout
    # Every row compared (packages, channels, valid_from included) from the list pages alone.
    per_user = [key for key in proxy.seen if re.fullmatch(r"/api/v1/users/\d+", key[1])]
    assert per_user == []
    assert proxy.seen[("GET", "/api/v1/users")] == 1


async def test_a_dash_cell_empties_a_field_an_empty_cell_leaves_it(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client, db: AsyncSession
) -> None:
    channel = await ChannelFactory.add(db, stream_name="otr")
    package = await PackageFactory.add(db, name="Sport")
    tariffs = {t["name"]: t["id"] for t in (await auth_client.get("/api/v1/lookup/tariffs")).json()["data"]}
    body = {
        "first_name": "Ivan",
        "last_name": "Petrov",
        "agreement_number": "D-1",
        "valid_from": "2025-02-01T10:00:00Z",
        "valid_until": "2031-01-31T23:59:59Z",
        "tariff_ids": [tariffs["Basic"]],
        "package_ids": [package.id],
        "channel_ids": [channel.id],
    }
    user_id = (await auth_client.post("/api/v1/users", json=body)).json()["data"]["id"]
    header = "agreement_number,valid_from,valid_until,tariffs,packages,channels\n"

    kept = run_script(
        "import_subscribers.py", str(write(tmp_path, "a.csv", header + "D-1,,,,,\n")), url=live_url, key=keys["rw"]
    )
    assert "unchanged 1" in kept.stdout, kept.stdout + kept.stderr
    cleared = run_script(
        "import_subscribers.py",
        str(write(tmp_path, "b.csv", header + "D-1,-,-, - ,-,-\n")),
        url=live_url,
        key=keys["rw"],
    )
    assert cleared.returncode == 0, cleared.stdout + cleared.stderr
    assert "updated 1" in cleared.stdout
    now = (await auth_client.get(f"/api/v1/users/{user_id}")).json()["data"]
    assert (now["valid_from"], now["valid_until"], now["tariffs"], now["packages"], now["channels"]) == (
        None, None, [], [], [],
    )  # fmt: skip


async def test_dry_run_fails_the_rows_the_service_would_refuse(
    tmp_path: Path, live_url: str, keys: dict[str, str], auth_client: Client
) -> None:
    header = "agreement_number,first_name,last_name,max_sessions,valid_from,valid_until\n"
    rows = (
        "DRY-1,a,b,0,,\n"
        "DRY-2,a,b,,2027-01-01,2026-01-01\n"
        "DRY-3,a,b,101,,\n"
        'DRY-4,"li\nne",b,,,\n'
        "DRY-5,a\u2028b,c,,,\n"
        "DRY-6,a,b,,0001-01-01,\n"
        f"DRY-7,{'x' * 101},b,,,\n"
        "DRY-8,fine,row,2,2026-01-01,2027-01-01\n"
    )
    path = write(tmp_path, "in.csv", header + rows)
    dry = run_script("import_subscribers.py", str(path), "--dry-run", url=live_url, key=keys["rw"])
    real = run_script("import_subscribers.py", str(path), url=live_url, key=keys["rw"])
    assert "Would have: created 1, updated 0, unchanged 0, failed 7" in dry.stdout, dry.stdout + dry.stderr
    assert "created 1, updated 0, unchanged 0, failed 7" in real.stdout, real.stdout + real.stderr
    assert (dry.returncode, real.returncode) == (1, 1)
    assert "valid_from is after valid_until" in dry.stdout + dry.stderr
    assert set(await users_by_agreement(auth_client)) == {"DRY-8"}
