"""Administrators, their server-side sessions, login attempts and API keys."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, func, text
from sqlalchemy.orm import Mapped, mapped_column

from playlist_service.db.base import Base, BigIdMixin, IdMixin, TimestampMixin
from playlist_service.db.models.enums import ApiKeyScope, pg_enum


class Admin(IdMixin, TimestampMixin, Base):
    __tablename__ = "admins"

    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    last_login_at: Mapped[datetime | None]


class AdminSession(Base):
    """A login. Only the SHA-256 of the cookie value is stored, so a database dump holds no session."""

    __tablename__ = "admin_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    admin_id: Mapped[int] = mapped_column(ForeignKey("admins.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    last_seen_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    expires_at: Mapped[datetime] = mapped_column(index=True)
    client_ip: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(255))


class LoginAttempt(BigIdMixin, Base):
    """Failed logins, counted per username and per client address for throttling."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_username_at", "username", "attempted_at"),
        Index("ix_login_attempts_client_at", "client_ip", "attempted_at"),
    )

    username: Mapped[str] = mapped_column(String(100))
    client_ip: Mapped[str] = mapped_column(String(64))
    attempted_at: Mapped[datetime] = mapped_column(server_default=text("now()"))


class ApiKey(IdMixin, TimestampMixin, Base):
    """A named key for machines (billing, scripts); only its SHA-256 is stored."""

    __tablename__ = "api_keys"
    __table_args__ = (
        # Unique ignoring case among keys in use: a revoked key's name may be given to a new key. Named
        # uq_<table>_<column> so api/errors.py answers a violation with 409 naming "name".
        Index("uq_api_keys_name", func.lower(text("name")), unique=True, postgresql_where=text("revoked_at IS NULL")),
    )

    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scope: Mapped[ApiKeyScope] = mapped_column(pg_enum(ApiKeyScope, "api_key_scope"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("admins.id", ondelete="SET NULL"))
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
