"""What the subscriber scripts share: the generated client (clients/python), configured from the environment.

PLAYLIST_API_URL  base URL of the service (the web URL works: it proxies /api), e.g. http://127.0.0.1:8080
PLAYLIST_API_KEY  an API key (Authorization: Bearer); read_only is enough for exports
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx

# The client is generated into clients/python and not installed as a package (its metadata pins an
# older httpx than the backend uses), so put it on the path.
CLIENT_DIR = Path(__file__).resolve().parents[2] / "clients" / "python"
if str(CLIENT_DIR) not in sys.path:
    sys.path.insert(0, str(CLIENT_DIR))

from playlist_service_client import AuthenticatedClient  # noqa: E402
from playlist_service_client.models import ErrorEnvelope  # noqa: E402
from playlist_service_client.types import Response  # noqa: E402

T = TypeVar("T")
E = TypeVar("E")
PER_PAGE = 200


class ApiError(Exception):
    """An error answer (or an unexpected one), as one readable line."""


class UsageError(Exception):
    """Bad configuration or input file: the script stops before changing anything."""


def unreachable(exc: httpx.HTTPError) -> str:
    """A transport failure (refused, timed out, cut off) as one line naming the request."""
    try:
        request = f" ({exc.request.method} {exc.request.url})"
    except RuntimeError:  # an error raised before any request was made has none
        request = ""
    return f"cannot reach the API{request}: {exc or type(exc).__name__}"


def client_from_env(timeout: float = 60.0) -> AuthenticatedClient:
    url = os.environ.get("PLAYLIST_API_URL", "").strip()
    key = os.environ.get("PLAYLIST_API_KEY", "").strip()
    if not url or not key:
        raise UsageError("set PLAYLIST_API_URL (e.g. http://127.0.0.1:8080) and PLAYLIST_API_KEY (an API key)")
    return AuthenticatedClient(base_url=url.rstrip("/"), token=key, timeout=httpx.Timeout(timeout))


def describe(response: Response[Any]) -> str:
    parsed = response.parsed
    if isinstance(parsed, ErrorEnvelope):
        error = parsed.error
        text = f"{error.code}: {error.message}"
        details = error.details if isinstance(error.details, list) else []
        fields = [f"{d.field}: {d.message}" if isinstance(d.field, str) else d.message for d in details]
        return text + (f" ({'; '.join(fields)})" if fields else "")
    body = response.content[:200].decode(errors="replace")
    return f"HTTP {int(response.status_code)}: {body}"


def ok(response: Response[E | ErrorEnvelope]) -> E:
    """The parsed success envelope, or :class:`ApiError` describing the failure.

    Scripts name no envelope classes (``EnvelopeUserRead`` ...), only the operations and payloads.
    """
    parsed = response.parsed
    if parsed is None or isinstance(parsed, ErrorEnvelope) or not 200 <= int(response.status_code) < 300:
        raise ApiError(describe(response))
    return parsed


def pages(fetch: Callable[[int], tuple[list[T], int]]) -> Iterator[T]:
    """Every item of a paged list: ``fetch(page) -> (items, pages)``."""
    page, total_pages = 1, 1
    while page <= total_pages:
        items, total_pages = fetch(page)
        yield from items
        page += 1
