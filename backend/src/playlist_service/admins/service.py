"""Admin accounts, login with throttling, server-side sessions and API-key lookup."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from playlist_service.admins.passwords import hash_password, needs_rehash, verify_password
from playlist_service.db.models import Admin, AdminSession, ApiKey, ApiKeyScope, LoginAttempt
from playlist_service.errors import InvalidCredentialsError, NotFoundError, TooManyRequestsError, ValidationError

# A client address gets more room than one username: several admins may share an office NAT.
CLIENT_FAILURE_FACTOR = 4
# Sliding expiry is written back at most this often, so reads do not turn into writes.
TOUCH_INTERVAL = timedelta(seconds=60)


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


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


@dataclass(frozen=True, slots=True)
class LoginResult:
    admin: Admin
    session_token: str
    session: AdminSession


async def check_throttle(
    db: AsyncSession, username: str, client_ip: str, *, max_failures: int, window_seconds: int
) -> None:
    since = datetime.now(UTC) - timedelta(seconds=window_seconds)
    by_user = func.count().filter(LoginAttempt.username == username)
    by_client = func.count().filter(LoginAttempt.client_ip == client_ip)
    oldest = func.min(LoginAttempt.attempted_at)
    row = (
        await db.execute(
            select(by_user, by_client, oldest).where(
                LoginAttempt.attempted_at >= since,
                or_(LoginAttempt.username == username, LoginAttempt.client_ip == client_ip),
            )
        )
    ).one()
    user_failures, client_failures, first_failure = row
    if user_failures >= max_failures or client_failures >= max_failures * CLIENT_FAILURE_FACTOR:
        retry_at = (first_failure or datetime.now(UTC)) + timedelta(seconds=window_seconds)
        minutes = max(1, round((retry_at - datetime.now(UTC)).total_seconds() / 60))
        raise TooManyRequestsError(
            f"Too many failed login attempts. Try again in about {minutes} minute{'s' if minutes != 1 else ''}."
        )


async def login(
    db: AsyncSession,
    *,
    username: str,
    password: str,
    client_ip: str,
    user_agent: str | None,
    session_timeout: int,
    max_failures: int,
    window_seconds: int,
) -> LoginResult:
    username = username.strip()
    key = username.lower()
    await check_throttle(db, key, client_ip, max_failures=max_failures, window_seconds=window_seconds)
    admin = (
        await db.execute(select(Admin).where(func.lower(Admin.username) == key, Admin.is_active))
    ).scalar_one_or_none()
    # Always verify (a dummy hash for unknown names) so timing does not reveal which usernames exist.
    # argon2 is deliberately slow CPU work: keep it off the event loop (it releases the GIL).
    verified = await asyncio.to_thread(verify_password, admin.password_hash if admin else None, password)
    if not verified or admin is None:
        db.add(LoginAttempt(username=key, client_ip=client_ip))
        await db.commit()
        raise InvalidCredentialsError("Invalid username or password")
    if needs_rehash(admin.password_hash):
        admin.password_hash = await asyncio.to_thread(hash_password, password)
    now = datetime.now(UTC)
    admin.last_login_at = now
    await db.execute(delete(LoginAttempt).where(LoginAttempt.username == key))
    token = new_secret()
    session = AdminSession(
        id_hash=digest(token),
        admin_id=admin.id,
        csrf_token=new_secret(),
        created_at=now,
        last_seen_at=now,
        expires_at=now + timedelta(seconds=session_timeout),
        client_ip=client_ip[:64],
        user_agent=(user_agent or "")[:255] or None,
    )
    db.add(session)
    # Housekeeping piggybacks on logins: expired sessions and old failures go.
    await db.execute(delete(AdminSession).where(AdminSession.expires_at < now))
    await db.execute(delete(LoginAttempt).where(LoginAttempt.attempted_at < now - timedelta(seconds=window_seconds)))
    await db.commit()
    return LoginResult(admin=admin, session_token=token, session=session)


async def resolve_session(db: AsyncSession, token: str, *, session_timeout: int) -> Principal | None:
    now = datetime.now(UTC)
    row = (
        await db.execute(
            select(AdminSession, Admin.username)
            .join(Admin, Admin.id == AdminSession.admin_id)
            .where(AdminSession.id_hash == digest(token), AdminSession.expires_at > now, Admin.is_active)
        )
    ).one_or_none()
    if row is None:
        return None
    session, username = row
    expires_at = session.expires_at
    if now - session.last_seen_at >= TOUCH_INTERVAL:
        expires_at = now + timedelta(seconds=session_timeout)
        await db.execute(
            update(AdminSession)
            .where(AdminSession.id_hash == session.id_hash)
            .values(last_seen_at=now, expires_at=expires_at)
        )
        await db.commit()
    return Principal(
        admin_id=session.admin_id,
        name=username,
        method="session",
        csrf_token=session.csrf_token,
        session_hash=session.id_hash,
        expires_at=expires_at,
    )


async def revoke_session(db: AsyncSession, session_hash: str) -> None:
    await db.execute(delete(AdminSession).where(AdminSession.id_hash == session_hash))


async def resolve_api_key(db: AsyncSession, key: str) -> Principal | None:
    now = datetime.now(UTC)
    api_key = (
        await db.execute(select(ApiKey).where(ApiKey.key_hash == digest(key), ApiKey.revoked_at.is_(None)))
    ).scalar_one_or_none()
    if api_key is None:
        return None
    if api_key.last_used_at is None or now - api_key.last_used_at >= TOUCH_INTERVAL:
        await db.execute(update(ApiKey).where(ApiKey.id == api_key.id).values(last_used_at=now))
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
