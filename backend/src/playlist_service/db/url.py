"""DATABASE_URL as the app, the migrations and the CLI all read it."""

from __future__ import annotations

_PLAIN_SCHEMES = ("postgresql://", "postgres://")


def async_database_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` (as libpq and most tools write them) mean asyncpg here.

    SQLAlchemy would otherwise pick its default PostgreSQL driver, which is not installed.
    """
    url = url.strip()
    if url.startswith(_PLAIN_SCHEMES):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    return url
