"""Channel catalogue: groups, channels, packages, tariffs (spec §5.2)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from playlist_service.db.base import Base, IdMixin, TimestampMixin
from playlist_service.db.models.associations import package_channels, tariff_packages
from playlist_service.db.models.enums import SyncStatus, pg_enum


def _unique_name_ignoring_case(table: str) -> Index:
    # Named uq_<table>_name so api/errors.py reports a violation as 409 DUPLICATE_ENTRY on "name".
    # lower() folds non-ASCII letters too under the usual UTF-8 locales (C.UTF-8, en_US.UTF-8).
    return Index(f"uq_{table}_name", func.lower(text("name")), unique=True)


class Group(IdMixin, TimestampMixin, Base):
    __tablename__ = "groups"
    __table_args__ = (_unique_name_ignoring_case("groups"),)

    name: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(default=0, server_default="0", index=True)


class Channel(IdMixin, TimestampMixin, Base):
    __tablename__ = "channels"

    # Owned by Flussonic: overwritten by every sync.
    stream_name: Mapped[str] = mapped_column(String(255), unique=True)
    tvg_name: Mapped[str | None] = mapped_column(String(255))
    display_name: Mapped[str | None] = mapped_column(String(255))
    stream_base_url: Mapped[str] = mapped_column(String(500))
    catchup_days: Mapped[int | None] = mapped_column(Integer)
    # Owned by the admin UI: a sync never touches these.
    tvg_id: Mapped[str | None] = mapped_column(String(100), index=True)
    tvg_logo: Mapped[str | None] = mapped_column(Text, deferred=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"), index=True)
    sort_order: Mapped[int] = mapped_column(default=0, server_default="0", index=True)

    sync_status: Mapped[SyncStatus] = mapped_column(
        pg_enum(SyncStatus, "sync_status"), default=SyncStatus.SYNCED, server_default="synced", index=True
    )
    last_seen_at: Mapped[datetime | None]

    group: Mapped[Group | None] = relationship(lazy="raise")
    packages: Mapped[list[Package]] = relationship(secondary=package_channels, lazy="raise", viewonly=True)


class Package(IdMixin, TimestampMixin, Base):
    __tablename__ = "packages"
    __table_args__ = (_unique_name_ignoring_case("packages"),)

    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)


class Tariff(IdMixin, TimestampMixin, Base):
    __tablename__ = "tariffs"
    __table_args__ = (_unique_name_ignoring_case("tariffs"),)

    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)

    packages: Mapped[list[Package]] = relationship(secondary=tariff_packages, lazy="raise", viewonly=True)
