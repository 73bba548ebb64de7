"""Import subscribers from CSV: create new ones, update existing ones (matched by agreement number).

    cd backend && PLAYLIST_API_URL=http://127.0.0.1:8080 PLAYLIST_API_KEY=pls_... \\
        uv run python scripts/import_subscribers.py subscribers.csv [--dry-run]

Columns (header row required, any order, extra columns such as ``id`` or ``token`` are ignored):

  agreement_number  required; the key: an existing subscriber with it is updated, else one is created.
                    Matched as the service compares them: ignoring case and after Unicode NFKC
                    (``ag-003`` updates ``AG-003``, whose spelling is kept)
  first_name, last_name   required for new subscribers
  status            enabled | disabled
  max_sessions      1..100
  valid_from, valid_until  ISO 8601 date-time (no offset = UTC), or YYYY-MM-DD: the start / end of
                    that day in the operator's time zone (as in the admin UI)
  tariffs           tariff names separated by ";" (case-insensitive); replaces the subscriber's tariffs
  packages          package names separated by ";" (case-insensitive); replaces the directly assigned packages
  channels          stream names separated by ";" (exact); replaces the directly assigned channels

An empty cell, or a column the file does not have, leaves that field as it is (or at its default for a
new subscriber): files written before the packages/channels/valid_from columns existed import as
before. A cell of just ``-`` empties valid_from, valid_until (no limit), tariffs, packages or
channels. A leading apostrophe that export_subscribers.py put before = + - @ TAB or CR (so
spreadsheets show the cell as text) is removed. Only fields that differ are sent, and rows that
change nothing are not sent at all, so running the same file twice is safe. ``--dry-run`` reads
everything and reports what would happen without changing anything.
Exit status: 0 all rows fine, 1 some rows failed (listed with reasons), 2 bad file or configuration, or
the API unreachable before any row; 3 stopped midway (the summary says what was done; re-run to finish).
Needs a read_write API key.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from _api import ApiError, UsageError, client_from_env, ok, pages, unreachable
from _subscriber_csv import COLUMNS, agreement_key, split_names, unescape_cell
from playlist_service_client import AuthenticatedClient
from playlist_service_client.api.channels import list_channels
from playlist_service_client.api.lookups import lookup_packages, lookup_tariffs
from playlist_service_client.api.settings import get_ui_settings
from playlist_service_client.api.users import create_user, list_users, update_user
from playlist_service_client.models import ChannelSummary, UserCreate, UserListItem, UserStatus, UserUpdate
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
console = Console(stderr=True, soft_wrap=True)  # an error stays one line in a log


@dataclass
class Row:
    line: int
    agreement_number: str
    values: dict[str, Any] = field(default_factory=dict)  # parsed, only the cells that were filled


@dataclass
class Outcome:
    line: int
    agreement_number: str
    action: str  # created | updated | unchanged | failed
    reason: str = ""


def parse_when(value: str, *, end_of_day: bool, zone: ZoneInfo) -> datetime:
    """An instant from a cell: a date means its first / last second in the operator's zone."""
    if DAY.match(value):
        day = date.fromisoformat(value)
        moment = time(23, 59, 59) if end_of_day else time(0, 0, 0)
        return datetime.combine(day, moment, tzinfo=zone)
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass
class Names:
    """Name -> id of what the columns refer to: tariffs and packages by lower-cased name, channels by
    stream name (unique as written; display names repeat)."""

    tariffs: dict[str, int]
    packages: dict[str, int]
    channels: dict[str, int]


def cell_of(cells: dict[str, str], name: str) -> str:
    return unescape_cell(cells.get(name) or "").strip()


def ids_of(cell: str, known: dict[str, int], what: str, *, fold: bool) -> list[int]:
    names = split_names(cell)
    unknown = [n for n in names if (n.lower() if fold else n) not in known]
    if unknown:
        raise ValueError(f"unknown {what}(s): {', '.join(unknown)}")
    return sorted({known[n.lower() if fold else n] for n in names})


# What the service refuses, checked here too so that --dry-run reports it (see the API's schema).
MAX_SESSIONS = 100
MAX_TEXT = 100
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def text_problem(name: str, value: str, *, identifier: bool) -> None:
    """Raise ValueError naming ``name`` when the service would refuse ``value`` (already trimmed)."""
    if identifier:
        value = unicodedata.normalize("NFKC", value).strip()
    if len(value) > MAX_TEXT:
        raise ValueError(f"{name} is longer than {MAX_TEXT} characters")
    refused = {"Cc", "Zl", "Zp", "Cf", "Cs", "Co", "Cn"} if identifier else {"Cc", "Zl", "Zp"}
    if any(unicodedata.category(c) in refused or c in _BIDI_CONTROLS for c in value):
        raise ValueError(f"{name} contains a control, line-break or bidi character")


# A cell of just "-" clears a field that can be empty; an empty cell leaves it alone. Read before the
# apostrophe is removed, so an exported name "-" (written "'-") is still that name.
CLEAR = "-"
LISTS = {"tariffs": "tariff_ids", "packages": "package_ids", "channels": "channel_ids"}
CLEARABLE = ("valid_from", "valid_until", *LISTS)


def parse_row(line: int, cells: dict[str, str], names: Names, zone: ZoneInfo) -> Row:
    """Validate one CSV row; raises ValueError with the reason."""
    cleared = {name for name in CLEARABLE if (cells.get(name) or "").strip() == CLEAR}
    cell = {name: "" if name in cleared else cell_of(cells, name) for name in COLUMNS}
    if not cell["agreement_number"]:
        raise ValueError("agreement_number is empty")
    text_problem("agreement_number", cell["agreement_number"], identifier=True)
    row = Row(line=line, agreement_number=cell["agreement_number"])
    for name in ("first_name", "last_name"):
        if cell[name]:
            text_problem(name, cell[name], identifier=False)
            row.values[name] = cell[name]
    if cell["status"]:
        try:
            row.values["status"] = UserStatus(cell["status"].lower())
        except ValueError:
            raise ValueError(f"status {cell['status']!r} is not enabled or disabled") from None
    if cell["max_sessions"]:
        if not cell["max_sessions"].isdigit():
            raise ValueError(f"max_sessions {cell['max_sessions']!r} is not a whole number")
        row.values["max_sessions"] = int(cell["max_sessions"])
        if not 1 <= row.values["max_sessions"] <= MAX_SESSIONS:
            raise ValueError(f"max_sessions {cell['max_sessions']} is not between 1 and {MAX_SESSIONS}")
    for name in ("valid_from", "valid_until"):
        if cell[name]:
            try:
                row.values[name] = parse_when(cell[name], end_of_day=name == "valid_until", zone=zone)
            except ValueError:
                raise ValueError(f"{name} {cell[name]!r} is not YYYY-MM-DD or an ISO 8601 date-time") from None
            if not 1970 <= row.values[name].astimezone(UTC).year < 9000:
                raise ValueError(f"{name} {cell[name]!r} is not between 1970 and 9000")
    if cell["tariffs"]:
        row.values["tariff_ids"] = ids_of(cell["tariffs"], names.tariffs, "tariff", fold=True)
    if cell["packages"]:
        row.values["package_ids"] = ids_of(cell["packages"], names.packages, "package", fold=True)
    if cell["channels"]:
        row.values["channel_ids"] = ids_of(cell["channels"], names.channels, "channel", fold=False)
    for name in cleared:
        if name in LISTS:
            row.values[LISTS[name]] = []
        else:
            row.values[name] = None
    return row


def changes(row: Row, current: UserListItem) -> dict[str, Any]:
    """The fields of ``row`` that differ from the subscriber as it is (a list item read with its
    packages and direct channels)."""
    existing: dict[str, Any] = {
        "first_name": current.first_name,
        "last_name": current.last_name,
        "status": current.status,
        "max_sessions": current.max_sessions,
        "valid_from": current.valid_from,
        "valid_until": current.valid_until,
        "tariff_ids": sorted(t.id for t in current.tariffs),
        "package_ids": sorted(p.id for p in current.packages or []),
        "channel_ids": sorted(c.id for c in current.channels or []),
    }
    return {name: value for name, value in row.values.items() if existing[name] != value}


class Importer:
    def __init__(self, client: AuthenticatedClient, *, dry_run: bool) -> None:
        self.client = client
        self.dry_run = dry_run

    def names(self, *, channels: bool) -> Names:
        """Tariffs and packages (one request each) and, when the file names channels, every channel."""
        tariffs = {t.name.lower(): t.id for t in ok(lookup_tariffs.sync_detailed(client=self.client)).data}
        packages = {p.name.lower(): p.id for p in ok(lookup_packages.sync_detailed(client=self.client)).data}

        def fetch(page: int) -> tuple[list[ChannelSummary], int]:
            data = ok(list_channels.sync_detailed(client=self.client, page=page, per_page=200)).data
            return data.items, data.pages

        streams = {c.stream_name: c.id for c in pages(fetch)} if channels else {}
        return Names(tariffs=tariffs, packages=packages, channels=streams)

    def zone(self) -> ZoneInfo:
        return ZoneInfo(ok(get_ui_settings.sync_detailed(client=self.client)).data.operator_timezone)

    def existing(self) -> dict[str, UserListItem]:
        def fetch(page: int) -> tuple[list[UserListItem], int]:
            # With packages and direct channels: comparing a row needs no request per subscriber.
            data = ok(
                list_users.sync_detailed(client=self.client, page=page, per_page=200, include_assignments=True)
            ).data
            return data.items, data.pages

        return {agreement_key(user.agreement_number): user for user in pages(fetch)}

    def apply(self, row: Row, current: UserListItem | None) -> Outcome:
        start = row.values.get("valid_from", current.valid_from if current else None)
        end = row.values.get("valid_until", current.valid_until if current else None)
        if start is not None and end is not None and start > end:
            return Outcome(row.line, row.agreement_number, "failed", "valid_from is after valid_until")
        if current is None:
            missing = [n for n in ("first_name", "last_name") if n not in row.values]
            if missing:
                return Outcome(row.line, row.agreement_number, "failed", f"new subscriber needs {', '.join(missing)}")
            if not self.dry_run:
                body = UserCreate(agreement_number=row.agreement_number, **row.values)
                ok(create_user.sync_detailed(client=self.client, body=body))
            return Outcome(row.line, row.agreement_number, "created")
        diff = changes(row, current)
        if not diff:
            return Outcome(row.line, row.agreement_number, "unchanged")
        if not self.dry_run:
            ok(update_user.sync_detailed(current.id, client=self.client, body=UserUpdate(**diff)))
        return Outcome(row.line, row.agreement_number, "updated", ", ".join(sorted(diff)))


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        handle = sys.stdin if str(path) == "-" else path.open(newline="", encoding="utf-8-sig")
        with handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in reader.fieldnames or []]
            if "agreement_number" not in header:
                columns = ", ".join(COLUMNS)
                raise UsageError(f"{path}: the header row has no agreement_number column (columns: {columns})")
            reader.fieldnames = header
            return [(reader.line_num, dict(cells)) for cells in reader]
    except UnicodeDecodeError as exc:
        byte = exc.object[exc.start : exc.start + 1].hex()
        raise UsageError(f'{path} is not UTF-8 text (byte 0x{byte}); save it as UTF-8 ("CSV UTF-8")') from None
    except csv.Error as exc:
        raise UsageError(f"{path} is not a readable CSV file: {exc}") from None


@dataclass
class Run:
    """What an import did; ``stopped`` says why it ended before the last row, if it did."""

    total: int
    outcomes: list[Outcome] = field(default_factory=list)
    stopped: str | None = None


def run(rows: list[tuple[int, dict[str, str]]], client: AuthenticatedClient, *, dry_run: bool) -> Run:
    importer = Importer(client, dry_run=dry_run)
    names = importer.names(channels=any(cell_of(cells, "channels") for _, cells in rows))
    zone, existing = importer.zone(), importer.existing()
    result = Run(total=len(rows))
    seen: dict[str, int] = {}  # agreement_key -> line
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    with progress:
        task = progress.add_task("Dry run" if dry_run else "Importing", total=len(rows))
        for line, cells in rows:
            agreement = cell_of(cells, "agreement_number")
            key = agreement_key(agreement)
            try:
                if key in seen:
                    raise ValueError(f"agreement_number repeats line {seen[key]}")
                row = parse_row(line, cells, names, zone)
                seen[key] = line
                outcome = importer.apply(row, existing.get(key))
            except (ValueError, ApiError) as exc:
                outcome = Outcome(line, agreement, "failed", str(exc))
            except httpx.HTTPError as exc:
                # The row's request may or may not have reached the server; re-running is safe either way.
                result.stopped = f"line {line} ({agreement}): {unreachable(exc)}"
                break
            except KeyboardInterrupt:
                result.stopped = f"interrupted at line {line} ({agreement})"
                break
            result.outcomes.append(outcome)
            progress.advance(task)
    return result


def print_summary(result: Run, *, dry_run: bool) -> None:
    outcomes = result.outcomes
    counts = Counter(o.action for o in outcomes)
    prefix = "Would have: " if dry_run else ""
    out = Console()
    of = f"of {result.total} rows" if result.stopped is None else f"of the first {len(outcomes)} of {result.total} rows"
    out.print(
        f"{prefix}created {counts['created']}, updated {counts['updated']}, "
        f"unchanged {counts['unchanged']}, failed {counts['failed']} ({of})"
    )
    failed = [o for o in outcomes if o.action == "failed"]
    if failed:
        table = Table("line", "agreement_number", "reason", title="Failed rows", title_justify="left")
        for outcome in failed:
            table.add_row(str(outcome.line), outcome.agreement_number, outcome.reason)
        out.print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="import_subscribers.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("csv", type=Path, help="the CSV file ('-' for stdin)")
    parser.add_argument("--dry-run", action="store_true", help="change nothing; report what would happen")
    args = parser.parse_args(argv)
    try:
        rows = read_rows(args.csv)
        result = run(rows, client_from_env(), dry_run=args.dry_run)
    except (UsageError, OSError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        return 2
    except ApiError as exc:  # reading tariffs, settings or the subscriber list failed
        console.print(f"[red]error:[/red] the API refused: {exc}")
        return 2
    except httpx.HTTPError as exc:  # before any row was sent
        console.print(f"[red]error:[/red] {unreachable(exc)}; nothing was changed")
        return 2
    except KeyboardInterrupt:
        console.print("[red]error:[/red] interrupted before any row was sent; nothing was changed")
        return 130
    print_summary(result, dry_run=args.dry_run)
    if result.stopped is not None:
        console.print(
            f"[red]error:[/red] stopped at {result.stopped.rstrip('.')}. The rows before it are done; run the same "
            "file again to finish (rows already imported come out unchanged)."
        )
        return 3
    return 1 if any(o.action == "failed" for o in result.outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
