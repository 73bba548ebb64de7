"""Admin accounts, login with throttling, server-side sessions and API-key lookup."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.admins.passwords import hash_password, needs_rehash, verify_password
from playlist_service.db.models import Admin, AdminSession, ApiKey, ApiKeyScope, LoginAttempt
from playlist_service.errors import InvalidCredentialsError, NotFoundError, TooManyRequestsError, ValidationError
from playlist_service.settings import Settings

# Sliding expiry is written back at most this often, so reads do not turn into writes.
TOUCH_INTERVAL = timedelta(seconds=60)


def digest(value: str, secret_key: str) -> str:
    """HMAC-SHA256 of a session id or API key under SECRET_KEY, as stored in the database.

    Keyed so that someone who can write to the database but does not know SECRET_KEY cannot plant
    a session or an API key whose secret they know; still one indexed equality lookup.
    """
    return hmac.new(secret_key.encode(), value.encode(), hashlib.sha256).hexdigest()


def digests(value: str, keys: Sequence[str]) -> list[str]:
    """The digest under each accepted key (SECRET_KEY, then SECRET_KEY_PREVIOUS during a rotation)."""
    return [digest(value, key) for key in keys]


def new_secret() -> str:
    """256 bits from ``secrets``, URL-safe."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: an admin through a session cookie, or a machine through an API key."""

    admin_id: int | None
    name: str
    method: Literal["session", "api_key"]
    read_only: bool = False
    csrf_token: str | None = None
    session_hash: str | None = None
    expires_at: datetime | None = None
    # The session's expiry moved on this request, so the cookie must be sent again with it.
    renewed: bool = False


@dataclass(frozen=True, slots=True)
class LoginResult:
    admin: Admin
    session_token: str
    session: AdminSession


def _throttled(retry_at: datetime) -> TooManyRequestsError:
    """The refusal, saying in words and in Retry-After when the window lets the next attempt through."""
    seconds = max(1, math.ceil((retry_at - datetime.now(UTC)).total_seconds()))
    minutes = max(1, round(seconds / 60))
    return TooManyRequestsError(
        # Attempts still being checked count too (see login), so "failed" alone would be untrue.
        f"Too many failed or simultaneous login attempts. Try again in about {minutes} "
        f"minute{'s' if minutes != 1 else ''}.",
        retry_after=seconds,
    )


async def check_throttle(db: AsyncSession, username: str, client_ip: str, settings: Settings) -> None:
    """Refuse (429) when this username from this client, this username from anywhere (a much higher
    ceiling, so a stranger cannot lock an admin out), or this client over any usernames has failed
    too often within the window. Counts include the caller's own attempt, recorded beforehand."""
    window = timedelta(seconds=settings.login_window_seconds)
    by_user = LoginAttempt.username == username
    by_client = LoginAttempt.client_ip == client_ip
    pair = and_(by_user, by_client)
    row = (
        await db.execute(
            select(
                func.count().filter(pair),
                func.min(LoginAttempt.attempted_at).filter(pair),
                func.count().filter(by_user),
                func.min(LoginAttempt.attempted_at).filter(by_user),
                func.count().filter(by_client),
                func.min(LoginAttempt.attempted_at).filter(by_client),
            ).where(LoginAttempt.attempted_at >= datetime.now(UTC) - window, or_(by_user, by_client))
        )
    ).one()
    limits = (
        settings.login_max_failures,
        settings.login_max_failures_per_username,
        settings.login_max_failures_per_client,
    )
    tripped = [
        (oldest or datetime.now(UTC)) + window
        for (count, oldest), limit in zip(((row[0], row[1]), (row[2], row[3]), (row[4], row[5])), limits, strict=True)
        if count > limit
    ]
    if tripped:
        raise _throttled(max(tripped))


async def login(
    db: AsyncSession,
    settings: Settings,
    *,
    username: str,
    password: str,
    client_ip: str,
    user_agent: str | None,
    previous_token: str | None = None,
) -> LoginResult:
    username = username.strip()
    key = username.lower()
    client_ip = client_ip[:64]
    # The attempt is recorded and committed before the password is checked, so parallel attempts
    # see each other: checking first let 40 parallel guesses through a limit of 5.
    attempt = LoginAttempt(username=key, client_ip=client_ip)
    db.add(attempt)
    await db.commit()
    try:
        await check_throttle(db, key, client_ip, settings)
    except TooManyRequestsError:
        # Only real password checks count as failures.
        await db.execute(delete(LoginAttempt).where(LoginAttempt.id == attempt.id))
        await db.commit()
        raise
    admin = (
        await db.execute(select(Admin).where(func.lower(Admin.username) == key, Admin.is_active))
    ).scalar_one_or_none()
    # Give the connection back to the pool during the slow hash.
    await db.commit()
    # Always verify (a dummy hash for unknown names) so timing does not reveal which usernames exist.
    # argon2 is deliberately slow CPU work: keep it off the event loop (it releases the GIL).
    verified = await asyncio.to_thread(verify_password, admin.password_hash if admin else None, password)
    if not verified or admin is None:
        raise InvalidCredentialsError("Invalid username or password")  # the recorded attempt stays
    if needs_rehash(admin.password_hash):
        admin.password_hash = await asyncio.to_thread(hash_password, password)
    now = datetime.now(UTC)
    admin.last_login_at = now
    # This client proved it knows the password; failures from elsewhere keep counting.
    await db.execute(delete(LoginAttempt).where(LoginAttempt.username == key, LoginAttempt.client_ip == client_ip))
    if previous_token:
        # The session the browser held before this login ends with it.
        await db.execute(
            delete(AdminSession).where(AdminSession.id_hash.in_(digests(previous_token, settings.digest_keys)))
        )
    token = new_secret()
    session = AdminSession(
        id_hash=digest(token, settings.secret_key),
        admin_id=admin.id,
        csrf_token=new_secret(),
        created_at=now,
        last_seen_at=now,
        expires_at=now + timedelta(seconds=min(settings.session_timeout, settings.session_max_lifetime)),
        client_ip=client_ip,
        user_agent=(user_agent or "")[:255] or None,
    )
    db.add(session)
    # Housekeeping piggybacks on logins: expired sessions and old failures go.
    await db.execute(delete(AdminSession).where(AdminSession.expires_at < now))
    await db.execute(
        delete(LoginAttempt).where(LoginAttempt.attempted_at < now - timedelta(seconds=settings.login_window_seconds))
    )
    await db.commit()
    return LoginResult(admin=admin, session_token=token, session=session)


async def resolve_session(db: AsyncSession, token: str, settings: Settings) -> Principal | None:
    now = datetime.now(UTC)
    hashes = digests(token, settings.digest_keys)
    max_lifetime = timedelta(seconds=settings.session_max_lifetime)
    # Columns, not the entity: this runs on every request, and loading an ORM object costs more.
    row = (
        await db.execute(
            select(
                AdminSession.id_hash,
                AdminSession.admin_id,
                AdminSession.csrf_token,
                AdminSession.created_at,
                AdminSession.last_seen_at,
                AdminSession.expires_at,
                Admin.username,
            )
            .join(Admin, Admin.id == AdminSession.admin_id)
            .where(
                AdminSession.id_hash.in_(hashes),
                AdminSession.expires_at > now,
                AdminSession.created_at > now - max_lifetime,
                Admin.is_active,
            )
        )
    ).first()
    if row is None:
        return None
    session, username = row, row.username
    expires_at = session.expires_at
    changes: dict[str, object] = {}
    if session.id_hash != hashes[0]:  # found under SECRET_KEY_PREVIOUS: re-key it
        changes["id_hash"] = hashes[0]
    renewed = now - session.last_seen_at >= TOUCH_INTERVAL
    if renewed:
        expires_at = min(now + timedelta(seconds=settings.session_timeout), session.created_at + max_lifetime)
        changes.update(last_seen_at=now, expires_at=expires_at)
    if changes:
        await db.execute(update(AdminSession).where(AdminSession.id_hash == session.id_hash).values(**changes))
        await db.commit()
    return Principal(
        admin_id=session.admin_id,
        name=username,
        method="session",
        csrf_token=session.csrf_token,
        session_hash=hashes[0],
        expires_at=expires_at,
        renewed=renewed,
    )


async def revoke_session(db: AsyncSession, session_hash: str) -> None:
    await db.execute(delete(AdminSession).where(AdminSession.id_hash == session_hash))


async def resolve_api_key(db: AsyncSession, key: str, settings: Settings) -> Principal | None:
    """A key works while it is not revoked and the admin who created it exists and is active:
    whoever created it has seen the secret, so deactivating that admin must stop it too."""
    now = datetime.now(UTC)
    hashes = digests(key, settings.digest_keys)
    api_key = (
        await db.execute(
            select(ApiKey)
            .join(Admin, Admin.id == ApiKey.created_by_id)
            .where(ApiKey.key_hash.in_(hashes), ApiKey.revoked_at.is_(None), Admin.is_active)
        )
    ).scalar_one_or_none()
    if api_key is None:
        return None
    changes: dict[str, object] = {}
    if api_key.key_hash != hashes[0]:  # found under SECRET_KEY_PREVIOUS: re-key it
        changes["key_hash"] = hashes[0]
    if api_key.last_used_at is None or now - api_key.last_used_at >= TOUCH_INTERVAL:
        changes["last_used_at"] = now
    if changes:
        await db.execute(update(ApiKey).where(ApiKey.id == api_key.id).values(**changes))
        await db.commit()
    return Principal(
        admin_id=api_key.created_by_id,
        name=f"api-key:{api_key.name}",
        method="api_key",
        read_only=api_key.scope == ApiKeyScope.READ_ONLY,
    )


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


async def create_or_reset_admin(db: AsyncSession, username: str, password: str, *, reset: bool) -> str:
    """Create an admin, or with ``reset`` set a new password; returns "created" or "updated"."""
    username = username.strip()
    if not username:
        raise ValidationError("Username must not be empty", details=[{"field": "username", "message": "empty"}])
    if not password:
        raise ValidationError("Password must not be empty", details=[{"field": "password", "message": "empty"}])
    existing = (
        await db.execute(select(Admin).where(func.lower(Admin.username) == username.lower()))
    ).scalar_one_or_none()
    if existing is not None:
        if not reset:
            raise ValidationError(
                f"Admin {existing.username!r} already exists (use --reset to set a new password)",
                details=[{"field": "username", "message": "already exists"}],
            )
        existing.password_hash = hash_password(password)
        existing.is_active = True
        # A new password ends every session the old one opened.
        await db.execute(delete(AdminSession).where(AdminSession.admin_id == existing.id))
        await db.commit()
        return "updated"
    if reset:
        raise NotFoundError(f"No admin named {username!r} to reset (leave out --reset to create one)")
    db.add(Admin(username=username, password_hash=hash_password(password)))
    await db.commit()
    return "created"
