"""Subscribers (the spec's ``users`` table) and the bookkeeping that keeps the Auth Service in step."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text, func, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column, relationship

from playlist_service.db.base import Base, BigIdMixin, IdMixin, TimestampMixin
from playlist_service.db.models.associations import user_channels, user_packages, user_tariffs
from playlist_service.db.models.catalog import Channel, Package, Tariff
from playlist_service.db.models.enums import AuthSyncStatus, UserStatus, pg_enum


class User(IdMixin, TimestampMixin, Base):
    __tablename__ = "users"
    __table_args__ = (
        # Search is a case-insensitive prefix match per field (see subscribers.service); these
        # expression indexes keep it fast at 100,000 subscribers without a PostgreSQL extension.
        Index(
            "ix_users_first_name_lower",
            func.lower(text("first_name")).label("first_name_lower"),
            postgresql_ops={"first_name_lower": "text_pattern_ops"},
        ),
        Index(
            "ix_users_last_name_lower",
            func.lower(text("last_name")).label("last_name_lower"),
            postgresql_ops={"last_name_lower": "text_pattern_ops"},
        ),
        # Unique ignoring case, and the index of the agreement-number prefix search as well (equality
        # under text_pattern_ops is plain equality). Named uq_<table>_<column> so api/errors.py answers a
        # violation with 409 DUPLICATE_ENTRY naming agreement_number.
        Index(
            "uq_users_agreement_number",
            func.lower(text("agreement_number")).label("agreement_number_lower"),
            unique=True,
            postgresql_ops={"agreement_number_lower": "text_pattern_ops"},
        ),
        Index("ix_users_last_name_first_name_id", "last_name", "first_name", "id"),
        Index(
            "ix_users_auth_sync_due",
            "auth_sync_next_at",
            postgresql_where=text("auth_sync_status <> 'synced'"),
        ),
    )

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    # NFKC-normalised and checked by catalog_rules.clean_identifier; unique ignoring case (index above).
    agreement_number: Mapped[str] = mapped_column(String(100))
    status: Mapped[UserStatus] = mapped_column(
        pg_enum(UserStatus, "user_status"), default=UserStatus.ENABLED, server_default="enabled", index=True
    )
    max_sessions: Mapped[int] = mapped_column(default=1, server_default="1")
    token: Mapped[str] = mapped_column(String(255), unique=True)
    valid_from: Mapped[datetime | None]
    valid_until: Mapped[datetime | None]

    # What the Auth Service holds for this subscriber (spec §6.4): the id it returned, and the token
    # value and user_id that row was created with, so a reused id or a pending re-create is detectable.
    auth_token_id: Mapped[int | None] = mapped_column(Integer)
    auth_token: Mapped[str | None] = mapped_column(String(255))
    auth_user_id: Mapped[str | None] = mapped_column(String(100))
    auth_sync_status: Mapped[AuthSyncStatus] = mapped_column(
        pg_enum(AuthSyncStatus, "auth_sync_status"),
        default=AuthSyncStatus.PENDING,
        server_default="pending",
        index=True,
    )
    # Bumped by every local change that the Auth Service must see; a push only marks the user synced
    # when the sequence it pushed is still current.
    auth_sync_seq: Mapped[int] = mapped_column(BigInteger, default=1, server_default="1")
    auth_sync_error: Mapped[str | None] = mapped_column(Text)
    auth_sync_error_at: Mapped[datetime | None]
    auth_sync_attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    auth_sync_next_at: Mapped[datetime | None]
    auth_synced_at: Mapped[datetime | None]

    tariffs: Mapped[list[Tariff]] = relationship(secondary=user_tariffs, lazy="raise", viewonly=True)
    packages: Mapped[list[Package]] = relationship(secondary=user_packages, lazy="raise", viewonly=True)
    channels: Mapped[list[Channel]] = relationship(secondary=user_channels, lazy="raise", viewonly=True)


class AuthSyncEvent(BigIdMixin, Base):
    """Outbox: a catalogue change that alters some subscribers' allowed streams.

    Written in the same transaction as the change; the background worker marks the users it names
    pending and deletes the event. A change names the packages, tariffs or channels it touched and
    the worker finds their users *after* the commit (see ``sync/impact.py`` for why); only a
    deletion, whose cascade would hide who was affected, names ``user_ids`` captured before it.
    """

    __tablename__ = "auth_sync_events"

    reason: Mapped[str] = mapped_column(String(100))
    user_ids: Mapped[list[int]] = mapped_column(ARRAY(Integer), server_default=text("'{}'"))
    package_ids: Mapped[list[int]] = mapped_column(ARRAY(Integer), server_default=text("'{}'"))
    tariff_ids: Mapped[list[int]] = mapped_column(ARRAY(Integer), server_default=text("'{}'"))
    channel_ids: Mapped[list[int]] = mapped_column(ARRAY(Integer), server_default=text("'{}'"))
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))


class AuthTokenDeletion(BigIdMixin, Base):
    """A token the Auth Service still holds but must lose (its subscriber was deleted or re-created)."""

    __tablename__ = "auth_token_deletions"

    auth_token_id: Mapped[int] = mapped_column(Integer)
    token: Mapped[str] = mapped_column(String(255))
    auth_user_id: Mapped[str | None] = mapped_column(String(100))
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime] = mapped_column(server_default=text("now()"), index=True)
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
