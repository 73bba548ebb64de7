"""``make create-admin name=alice``: ``playlist-service create-admin`` on the database ``make migrate`` uses.

DATABASE_URL from the environment or ``.env``; else the embedded dev database of ``make run``.
"""

from __future__ import annotations

import os
import sys

from devtools.migrate import dev_database_url
from playlist_service.cli import main as cli_main


def main(argv: list[str]) -> int:
    with dev_database_url() as url:
        os.environ["DATABASE_URL"] = url
        return cli_main(["create-admin", *argv])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
