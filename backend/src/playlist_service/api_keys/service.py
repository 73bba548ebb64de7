"""Named API keys for billing systems and scripts: create (secret shown once), list, revoke."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.admins.service import digest
from playlist_service.api_keys.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyRead
from playlist_service.catalog_rules import clean_name
from playlist_service.db.models import Admin, ApiKey
from playlist_service.errors import NotFoundError

# A recognisable prefix lets secret scanners and people spot a leaked key.
KEY_PREFIX = "pls_"
# Characters of the key kept in clear (the ``prefix`` column) so admins can tell keys apart.
SHOWN_CHARS = 12


def generate_key() -> str:
    """``pls_`` + 256 random bits, URL-safe."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def _read(key: ApiKey, created_by: str | None) -> ApiKeyRead:
    return ApiKeyRead(
        id=key.id,
        name=key.name,
        prefix=key.prefix,
        scope=key.scope,
        created_by_id=key.created_by_id,
        created_by=created_by,
        created_at=key.created_at,
        last_used_at=key.last_used_at,
        revoked_at=key.revoked_at,
    )


async def create(db: AsyncSession, data: ApiKeyCreate, *, admin_id: int | None, secret_key: str) -> ApiKeyCreated:
    secret = generate_key()
    key = ApiKey(
        # The same rule as catalogue names; a clash with a key in use is 409 from uq_api_keys_name.
        name=clean_name(data.name),
        prefix=secret[:SHOWN_CHARS],
        key_hash=digest(secret, secret_key),
        scope=data.scope,
        created_by_id=admin_id,
    )
    db.add(key)
    await db.flush()
    await db.refresh(key)
    creator = None
    if admin_id is not None:
        creator = (await db.execute(select(Admin.username).where(Admin.id == admin_id))).scalar_one_or_none()
    read = _read(key, creator)
    return ApiKeyCreated(**{f: getattr(read, f) for f in read.__struct_fields__}, key=secret)


async def list_keys(db: AsyncSession, *, offset: int, limit: int) -> tuple[list[ApiKeyRead], int]:
    """Active keys first, then revoked ones; newest first within each."""
    total = (await db.execute(select(func.count()).select_from(ApiKey))).scalar_one()
    rows = (
        await db.execute(
            select(ApiKey, Admin.username)
            .outerjoin(Admin, Admin.id == ApiKey.created_by_id)
            .order_by(ApiKey.revoked_at.is_not(None), ApiKey.created_at.desc(), ApiKey.id.desc())
            .offset(offset)
            .limit(limit)
        )
    ).all()
    return [_read(key, username) for key, username in rows], total


async def revoke(db: AsyncSession, key_id: int) -> ApiKeyRead:
    """Mark the key revoked (the row stays for the record); revoking twice changes nothing."""
    row = (
        await db.execute(
            select(ApiKey, Admin.username).outerjoin(Admin, Admin.id == ApiKey.created_by_id).where(ApiKey.id == key_id)
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"API key {key_id} not found")
    key, username = row
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        await db.flush()
    return _read(key, username)
