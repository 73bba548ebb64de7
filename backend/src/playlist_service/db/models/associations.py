"""The five M:N tables of spec §5.2; every cascade of §5.4 is an ON DELETE CASCADE in the database."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Table

from playlist_service.db.base import Base


def _link(name: str, left: str, right: str) -> Table:
    left_col, right_col = f"{left[:-1]}_id", f"{right[:-1]}_id"
    return Table(
        name,
        Base.metadata,
        Column(left_col, ForeignKey(f"{left}.id", ondelete="CASCADE"), primary_key=True),
        Column(right_col, ForeignKey(f"{right}.id", ondelete="CASCADE"), primary_key=True),
        # The primary key serves lookups by the left column; this one serves the reverse direction.
        Index(f"ix_{name}_{right_col}", right_col),
    )


package_channels = _link("package_channels", "packages", "channels")
tariff_packages = _link("tariff_packages", "tariffs", "packages")
user_tariffs = _link("user_tariffs", "users", "tariffs")
user_packages = _link("user_packages", "users", "packages")
user_channels = _link("user_channels", "users", "channels")
