"""API key DTOs. The secret itself appears only in :class:`ApiKeyCreated`, once."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from playlist_service.api.dto import Input
from playlist_service.catalog_rules import MAX_NAME
from playlist_service.db.models.enums import ApiKeyScope


class ApiKeyCreate(Input):
    """A new key; ``read_only`` (the default) keys may only read."""

    name: Annotated[
        str,
        msgspec.Meta(
            min_length=1,
            max_length=2 * MAX_NAME,
            description=(
                f"A label, e.g. the system that uses the key. Trimmed, then 1-{MAX_NAME} characters; unique "
                "ignoring case among keys not revoked (a revoked key's name can be reused); no control "
                "characters, no bidi controls"
            ),
        ),
    ]
    # read_only keys may only GET (and HEAD/OPTIONS).
    scope: ApiKeyScope = ApiKeyScope.READ_ONLY


class ApiKeyRead(msgspec.Struct, kw_only=True):
    id: int
    name: str
    prefix: Annotated[str, msgspec.Meta(description="First characters of the key, to recognise it")]
    scope: ApiKeyScope
    created_by_id: int | None
    created_by: str | None
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyRead, kw_only=True):
    """The new key with its secret: shown this once, never again (only its SHA-256 is stored)."""

    key: str
