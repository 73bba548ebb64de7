"""Export subscribers to CSV, in the columns import_subscribers.py reads (so the file can be edited and
imported back, or imported into another installation).

    cd backend && PLAYLIST_API_URL=http://127.0.0.1:8080 PLAYLIST_API_KEY=pls_... \\
        uv run python scripts/export_subscribers.py subscribers.csv [--status enabled] [--tariff Basic] [--search ivan]

Columns: agreement_number, first_name, last_name, status, max_sessions, valid_from and valid_until
(ISO 8601, UTC), tariffs and packages (names separated by ";"), channels (the directly assigned
channels' stream names, separated by ";": display names repeat, stream names do not), plus id and
auth_sync_status for reference (ignored on import). A cell starting with = + - @ TAB or CR gets a
leading apostrophe so a spreadsheet shows it as text (the import removes it; see _subscriber_csv.py).
Writes to stdout with "-". A read_only API key is enough. Subscribers are read 200 at a time, each
page with its packages and channels (``include_assignments``). The file appears only when the export is
complete (rows go to <file>.part first). Exit status: 0 done, 2 bad configuration or the API refused or
was unreachable before the first row, 3 stopped midway (says how many rows were read).
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import httpx
from _api import ApiError, UsageError, client_from_env, ok, pages, unreachable
from _subscriber_csv import COLUMNS as IMPORTED_COLUMNS
from _subscriber_csv import escape_cell, join_names
from playlist_service_client import AuthenticatedClient
from playlist_service_client.api.channels import list_channels
from playlist_service_client.api.lookups import lookup_tariffs
from playlist_service_client.api.users import list_users
from playlist_service_client.models import ChannelSummary, UserListItem, UserStatus
from playlist_service_client.types import UNSET, Unset
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

COLUMNS = (*IMPORTED_COLUMNS, "id", "auth_sync_status")
console = Console(stderr=True, soft_wrap=True)  # an error stays one line in a log


def _instant(value: datetime | None) -> str:
    return value.astimezone(UTC).isoformat() if value else ""


def as_row(user: UserListItem, stream_names: dict[int, str]) -> dict[str, str]:
    row = {
        "agreement_number": user.agreement_number,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "status": user.status.value,
        "max_sessions": str(user.max_sessions),
        "valid_from": _instant(user.valid_from),
        "valid_until": _instant(user.valid_until),
        "tariffs": join_names([t.name for t in user.tariffs]),
        "packages": join_names([p.name for p in user.packages or []]),
        "channels": join_names([stream_names.get(c.id, c.name) for c in user.channels or []]),
        "id": str(user.id),
        "auth_sync_status": user.auth_sync_status.value,
    }
    return {name: escape_cell(value) for name, value in row.items()}


def stream_names_of(client: AuthenticatedClient) -> dict[int, str]:
    def fetch(page: int) -> tuple[list[ChannelSummary], int]:
        data = ok(list_channels.sync_detailed(client=client, page=page, per_page=200)).data
        return data.items, data.pages

    return {channel.id: channel.stream_name for channel in pages(fetch)}


class ExportStopped(Exception):
    """The API failed or the user pressed Ctrl-C midway; ``written`` rows were already exported."""

    def __init__(self, reason: str, written: int, total: int | None) -> None:
        super().__init__(reason)
        self.written, self.total = written, total


def export(
    client: AuthenticatedClient,
    out: IO[str],
    *,
    status: UserStatus | Unset = UNSET,
    tariff_id: int | Unset = UNSET,
    search: str | Unset = UNSET,
) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    progress = Progress(
        TextColumn("[bold]Exporting"), BarColumn(), MofNCompleteColumn(), console=console, transient=True
    )
    count = 0
    total: int | None = None
    with progress:
        task = progress.add_task("export", total=None)

        def fetch(page: int) -> tuple[list[UserListItem], int]:
            nonlocal total
            response = list_users.sync_detailed(
                client=client,
                page=page,
                per_page=200,
                status=status,
                tariff_id=tariff_id,
                search=search,
                include_assignments=True,  # packages and direct channels in the page: one request per 200
            )
            data = ok(response).data
            if page == 1:  # only once the API answered: a refused key leaves stdout empty
                writer.writeheader()
            total = data.total
            progress.update(task, total=data.total)
            return data.items, data.pages

        try:
            stream_names = stream_names_of(client)
            for user in pages(fetch):
                writer.writerow(as_row(user, stream_names))
                count += 1
                progress.advance(task)
        except (httpx.HTTPError, ApiError) as exc:
            if total is None:  # the first page: nothing was read, main() says so
                raise
            reason = unreachable(exc) if isinstance(exc, httpx.HTTPError) else f"the API refused: {exc}"
            raise ExportStopped(reason, count, total) from None
        except KeyboardInterrupt:
            raise ExportStopped("interrupted", count, total) from None
    return count


def export_to(target: str, client: AuthenticatedClient, **filters: Any) -> int:
    """To stdout, or to a file that appears only complete: rows go to ``<file>.part``, renamed at the end."""
    if target == "-":
        return export(client, sys.stdout, **filters)
    path = Path(target)
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", newline="", encoding="utf-8") as out:
            count = export(client, out, **filters)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="export_subscribers.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("output", help="CSV file to write ('-' for stdout)")
    parser.add_argument("--status", choices=[s.value for s in UserStatus], help="only subscribers with this status")
    parser.add_argument("--tariff", help="only subscribers with this tariff (by name)")
    parser.add_argument("--search", help="name or agreement number prefix, as in the admin UI")
    args = parser.parse_args(argv)
    try:
        client = client_from_env()
        tariff_id: int | Unset = UNSET
        if args.tariff:
            tariffs = {t.name.lower(): t.id for t in ok(lookup_tariffs.sync_detailed(client=client)).data}
            if args.tariff.lower() not in tariffs:
                raise UsageError(f"no tariff named {args.tariff!r}")
            tariff_id = tariffs[args.tariff.lower()]
        status = UserStatus(args.status) if args.status else UNSET
        count = export_to(args.output, client, status=status, tariff_id=tariff_id, search=args.search or UNSET)
    except (UsageError, OSError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        return 2
    except ApiError as exc:
        console.print(f"[red]error:[/red] the API refused: {exc}")
        return 2
    except httpx.HTTPError as exc:  # before the first page
        console.print(f"[red]error:[/red] {unreachable(exc)}; nothing was exported")
        return 2
    except ExportStopped as exc:
        of = f" of {exc.total}" if exc.total is not None else ""
        if args.output == "-":
            done = f"stopped after writing {exc.written}{of} subscribers to stdout"
        else:
            done = f"stopped after reading {exc.written}{of} subscribers; {args.output} was not written"
        console.print(f"[red]error:[/red] {done}: {exc}")
        return 3
    except KeyboardInterrupt:
        console.print("[red]error:[/red] interrupted; nothing was exported")
        return 130
    console.print(f"Exported {count} subscribers to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
