"""Export subscribers to CSV, in the columns import_subscribers.py reads (so the file can be edited and
imported back).

    cd backend && PLAYLIST_API_URL=http://127.0.0.1:8080 PLAYLIST_API_KEY=pls_... \\
        uv run python scripts/export_subscribers.py subscribers.csv [--status enabled] [--tariff Basic] [--search ivan]

Columns: agreement_number, first_name, last_name, status, max_sessions, valid_until (ISO 8601, UTC),
tariffs (names separated by ";"), plus id and auth_sync_status for reference (ignored on import).
Writes to stdout with "-". A read_only API key is enough.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import UTC
from pathlib import Path
from typing import IO

from _api import ApiError, UsageError, client_from_env, ok, pages
from playlist_service_client import AuthenticatedClient
from playlist_service_client.api.lookups import lookup_tariffs
from playlist_service_client.api.users import list_users
from playlist_service_client.models import UserListItem, UserStatus
from playlist_service_client.types import UNSET, Unset
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

COLUMNS = (
    "agreement_number",
    "first_name",
    "last_name",
    "status",
    "max_sessions",
    "valid_until",
    "tariffs",
    "id",
    "auth_sync_status",
)
console = Console(stderr=True)


def as_row(user: UserListItem) -> dict[str, str]:
    valid_until = user.valid_until.astimezone(UTC).isoformat() if user.valid_until else ""
    return {
        "agreement_number": user.agreement_number,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "status": user.status.value,
        "max_sessions": str(user.max_sessions),
        "valid_until": valid_until,
        "tariffs": ";".join(sorted(t.name for t in user.tariffs)),
        "id": str(user.id),
        "auth_sync_status": user.auth_sync_status.value,
    }


def export(
    client: AuthenticatedClient,
    out: IO[str],
    *,
    status: UserStatus | Unset = UNSET,
    tariff_id: int | Unset = UNSET,
    search: str | Unset = UNSET,
) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    progress = Progress(
        TextColumn("[bold]Exporting"), BarColumn(), MofNCompleteColumn(), console=console, transient=True
    )
    count = 0
    with progress:
        task = progress.add_task("export", total=None)

        def fetch(page: int) -> tuple[list[UserListItem], int]:
            response = list_users.sync_detailed(
                client=client, page=page, per_page=200, status=status, tariff_id=tariff_id, search=search
            )
            data = ok(response).data
            progress.update(task, total=data.total)
            return data.items, data.pages

        for user in pages(fetch):
            writer.writerow(as_row(user))
            count += 1
            progress.advance(task)
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
        search = args.search or UNSET
        if args.output == "-":
            count = export(client, sys.stdout, status=status, tariff_id=tariff_id, search=search)
        else:
            with Path(args.output).open("w", newline="", encoding="utf-8") as out:
                count = export(client, out, status=status, tariff_id=tariff_id, search=search)
    except (UsageError, OSError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        return 2
    except ApiError as exc:
        console.print(f"[red]error:[/red] the API refused: {exc}")
        return 2
    console.print(f"Exported {count} subscribers to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
