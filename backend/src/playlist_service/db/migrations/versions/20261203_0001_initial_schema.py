"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-12-03 19:18:33.086633
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "admins",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admins")),
        sa.UniqueConstraint("username", name=op.f("uq_admins_username")),
    )
    op.create_table(
        "auth_sync_events",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("reason", sa.String(length=100), nullable=False),
        sa.Column("user_ids", postgresql.ARRAY(sa.Integer()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("package_ids", postgresql.ARRAY(sa.Integer()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("tariff_ids", postgresql.ARRAY(sa.Integer()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("channel_ids", postgresql.ARRAY(sa.Integer()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_sync_events")),
    )
    op.create_table(
        "auth_token_deletions",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("auth_token_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=255), nullable=False),
        sa.Column("auth_user_id", sa.String(length=100), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_token_deletions")),
    )
    op.create_index(
        op.f("ix_auth_token_deletions_next_attempt_at"),
        "auth_token_deletions",
        ["next_attempt_at"],
        unique=False,
    )
    op.create_table(
        "groups",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groups")),
    )
    op.create_index("uq_groups_name", "groups", [sa.literal_column("lower(name)")], unique=True)
    op.create_index(op.f("ix_groups_sort_order"), "groups", ["sort_order"], unique=False)
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("client_ip", sa.String(length=64), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
    )
    op.create_index("ix_login_attempts_client_at", "login_attempts", ["client_ip", "attempted_at"], unique=False)
    op.create_index("ix_login_attempts_username_at", "login_attempts", ["username", "attempted_at"], unique=False)
    op.create_table(
        "packages",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packages")),
    )
    op.create_index("uq_packages_name", "packages", [sa.literal_column("lower(name)")], unique=True)
    op.create_table(
        "tariffs",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tariffs")),
    )
    op.create_index("uq_tariffs_name", "tariffs", [sa.literal_column("lower(name)")], unique=True)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("agreement_number", sa.String(length=100), nullable=False),
        sa.Column(
            "status",
            sa.Enum("enabled", "disabled", name="user_status"),
            server_default="enabled",
            nullable=False,
        ),
        sa.Column("max_sessions", sa.Integer(), server_default="1", nullable=False),
        sa.Column("token", sa.String(length=255), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("auth_token_id", sa.Integer(), nullable=True),
        sa.Column("auth_token", sa.String(length=255), nullable=True),
        sa.Column("auth_user_id", sa.String(length=100), nullable=True),
        sa.Column(
            "auth_sync_status",
            sa.Enum("synced", "pending", "failed", name="auth_sync_status"),
            server_default="pending",
            nullable=False,
        ),
        sa.Column("auth_sync_seq", sa.BigInteger(), server_default="1", nullable=False),
        sa.Column("auth_sync_error", sa.Text(), nullable=True),
        sa.Column("auth_sync_error_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("auth_sync_attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("auth_sync_next_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("auth_synced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("token", name=op.f("uq_users_token")),
    )
    op.create_index(
        "uq_users_agreement_number",
        "users",
        [sa.literal_column("lower(agreement_number)").label("agreement_number_lower")],
        unique=True,
        postgresql_ops={"agreement_number_lower": "text_pattern_ops"},
    )
    op.create_index(
        "ix_users_auth_sync_due",
        "users",
        ["auth_sync_next_at"],
        unique=False,
        postgresql_where=sa.text("auth_sync_status <> 'synced'"),
    )
    op.create_index(op.f("ix_users_auth_sync_status"), "users", ["auth_sync_status"], unique=False)
    op.create_index(
        "ix_users_first_name_lower",
        "users",
        [sa.literal_column("lower(first_name)").label("first_name_lower")],
        unique=False,
        postgresql_ops={"first_name_lower": "text_pattern_ops"},
    )
    op.create_index("ix_users_last_name_first_name_id", "users", ["last_name", "first_name", "id"], unique=False)
    op.create_index(
        "ix_users_last_name_lower",
        "users",
        [sa.literal_column("lower(last_name)").label("last_name_lower")],
        unique=False,
        postgresql_ops={"last_name_lower": "text_pattern_ops"},
    )
    op.create_index(op.f("ix_users_status"), "users", ["status"], unique=False)
    op.create_table(
        "admin_sessions",
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("admin_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("client_ip", sa.String(length=64), nullable=True),
        sa.Column("user_agent", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["admin_id"], ["admins.id"], name=op.f("fk_admin_sessions_admin_id_admins"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_admin_sessions")),
    )
    op.create_index(op.f("ix_admin_sessions_admin_id"), "admin_sessions", ["admin_id"], unique=False)
    op.create_index(op.f("ix_admin_sessions_expires_at"), "admin_sessions", ["expires_at"], unique=False)
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.Enum("read_only", "read_write", name="api_key_scope"), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["admins.id"],
            name=op.f("fk_api_keys_created_by_id_admins"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )
    op.create_index(
        "uq_api_keys_name",
        "api_keys",
        [sa.literal_column("lower(name)")],
        unique=True,
        postgresql_where=sa.text("revoked_at IS NULL"),
    )
    op.create_table(
        "channels",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("stream_name", sa.String(length=255), nullable=False),
        sa.Column("tvg_name", sa.String(length=255), nullable=True),
        sa.Column("display_name", sa.String(length=255), nullable=True),
        sa.Column("stream_base_url", sa.String(length=500), nullable=False),
        sa.Column("catchup_days", sa.Integer(), nullable=True),
        sa.Column("tvg_id", sa.String(length=100), nullable=True),
        sa.Column("tvg_logo", sa.Text(), nullable=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "sync_status",
            sa.Enum("synced", "orphaned", name="sync_status"),
            server_default="synced",
            nullable=False,
        ),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_channels_group_id_groups"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channels")),
        sa.UniqueConstraint("stream_name", name=op.f("uq_channels_stream_name")),
    )
    op.create_index(op.f("ix_channels_group_id"), "channels", ["group_id"], unique=False)
    op.create_index(op.f("ix_channels_sort_order"), "channels", ["sort_order"], unique=False)
    op.create_index(op.f("ix_channels_sync_status"), "channels", ["sync_status"], unique=False)
    op.create_index(op.f("ix_channels_tvg_id"), "channels", ["tvg_id"], unique=False)
    op.create_table(
        "flussonic_sync_runs",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.Enum("running", "succeeded", "failed", name="sync_run_status"), nullable=False),
        sa.Column("forced", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("triggered_by_id", sa.Integer(), nullable=True),
        sa.Column("total", sa.Integer(), server_default="0", nullable=False),
        sa.Column("new", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated", sa.Integer(), server_default="0", nullable=False),
        sa.Column("unchanged", sa.Integer(), server_default="0", nullable=False),
        sa.Column("orphaned", sa.Integer(), server_default="0", nullable=False),
        sa.Column("restored", sa.Integer(), server_default="0", nullable=False),
        sa.Column("skipped", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "skipped_streams",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["triggered_by_id"],
            ["admins.id"],
            name=op.f("fk_flussonic_sync_runs_triggered_by_id_admins"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flussonic_sync_runs")),
    )
    op.create_index(op.f("ix_flussonic_sync_runs_started_at"), "flussonic_sync_runs", ["started_at"], unique=False)
    op.create_table(
        "auth_reconcile_runs",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        # The type is created with flussonic_sync_runs just above.
        sa.Column(
            "status",
            postgresql.ENUM("running", "succeeded", "failed", name="sync_run_status", create_type=False),
            nullable=False,
        ),
        sa.Column("scheduled", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("repair", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("users", sa.Integer(), server_default="0", nullable=False),
        sa.Column("remote_tokens", sa.Integer(), server_default="0", nullable=False),
        sa.Column("missing", sa.Integer(), server_default="0", nullable=False),
        sa.Column("stale", sa.Integer(), server_default="0", nullable=False),
        sa.Column("pointer", sa.Integer(), server_default="0", nullable=False),
        sa.Column("unknown", sa.Integer(), server_default="0", nullable=False),
        sa.Column("foreign", sa.Integer(), server_default="0", nullable=False),
        sa.Column("fixed", sa.Integer(), server_default="0", nullable=False),
        sa.Column("repair_failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_reconcile_runs")),
    )
    op.create_table(
        "tariff_packages",
        sa.Column("tariff_id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["packages.id"],
            name=op.f("fk_tariff_packages_package_id_packages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tariff_id"],
            ["tariffs.id"],
            name=op.f("fk_tariff_packages_tariff_id_tariffs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tariff_id", "package_id", name=op.f("pk_tariff_packages")),
    )
    op.create_index("ix_tariff_packages_package_id", "tariff_packages", ["package_id"], unique=False)
    op.create_table(
        "user_packages",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["packages.id"],
            name=op.f("fk_user_packages_package_id_packages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_packages_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "package_id", name=op.f("pk_user_packages")),
    )
    op.create_index("ix_user_packages_package_id", "user_packages", ["package_id"], unique=False)
    op.create_table(
        "user_tariffs",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("tariff_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tariff_id"], ["tariffs.id"], name=op.f("fk_user_tariffs_tariff_id_tariffs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_tariffs_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "tariff_id", name=op.f("pk_user_tariffs")),
    )
    op.create_index("ix_user_tariffs_tariff_id", "user_tariffs", ["tariff_id"], unique=False)
    op.create_table(
        "package_channels",
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_package_channels_channel_id_channels"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["packages.id"],
            name=op.f("fk_package_channels_package_id_packages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("package_id", "channel_id", name=op.f("pk_package_channels")),
    )
    op.create_index("ix_package_channels_channel_id", "package_channels", ["channel_id"], unique=False)
    op.create_table(
        "user_channels",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_user_channels_channel_id_channels"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_channels_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "channel_id", name=op.f("pk_user_channels")),
    )
    op.create_index("ix_user_channels_channel_id", "user_channels", ["channel_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_user_channels_channel_id", table_name="user_channels")
    op.drop_table("user_channels")
    op.drop_index("ix_package_channels_channel_id", table_name="package_channels")
    op.drop_table("package_channels")
    op.drop_index("ix_user_tariffs_tariff_id", table_name="user_tariffs")
    op.drop_table("user_tariffs")
    op.drop_index("ix_user_packages_package_id", table_name="user_packages")
    op.drop_table("user_packages")
    op.drop_index("ix_tariff_packages_package_id", table_name="tariff_packages")
    op.drop_table("tariff_packages")
    op.drop_table("auth_reconcile_runs")
    op.drop_index(op.f("ix_flussonic_sync_runs_started_at"), table_name="flussonic_sync_runs")
    op.drop_table("flussonic_sync_runs")
    op.drop_index(op.f("ix_channels_tvg_id"), table_name="channels")
    op.drop_index(op.f("ix_channels_sync_status"), table_name="channels")
    op.drop_index(op.f("ix_channels_sort_order"), table_name="channels")
    op.drop_index(op.f("ix_channels_group_id"), table_name="channels")
    op.drop_table("channels")
    op.drop_index("uq_api_keys_name", table_name="api_keys", postgresql_where=sa.text("revoked_at IS NULL"))
    op.drop_table("api_keys")
    op.drop_index(op.f("ix_admin_sessions_expires_at"), table_name="admin_sessions")
    op.drop_index(op.f("ix_admin_sessions_admin_id"), table_name="admin_sessions")
    op.drop_table("admin_sessions")
    op.drop_index(op.f("ix_users_status"), table_name="users")
    op.drop_index(
        "ix_users_last_name_lower", table_name="users", postgresql_ops={"last_name_lower": "text_pattern_ops"}
    )
    op.drop_index("ix_users_last_name_first_name_id", table_name="users")
    op.drop_index(
        "ix_users_first_name_lower",
        table_name="users",
        postgresql_ops={"first_name_lower": "text_pattern_ops"},
    )
    op.drop_index(op.f("ix_users_auth_sync_status"), table_name="users")
    op.drop_index(
        "ix_users_auth_sync_due", table_name="users", postgresql_where=sa.text("auth_sync_status <> 'synced'")
    )
    op.drop_index(
        "uq_users_agreement_number",
        table_name="users",
        postgresql_ops={"agreement_number_lower": "text_pattern_ops"},
    )
    op.drop_table("users")
    op.drop_index("uq_tariffs_name", table_name="tariffs")
    op.drop_table("tariffs")
    op.drop_index("uq_packages_name", table_name="packages")
    op.drop_table("packages")
    op.drop_index("ix_login_attempts_username_at", table_name="login_attempts")
    op.drop_index("ix_login_attempts_client_at", table_name="login_attempts")
    op.drop_table("login_attempts")
    op.drop_index(op.f("ix_groups_sort_order"), table_name="groups")
    op.drop_index("uq_groups_name", table_name="groups")
    op.drop_table("groups")
    op.drop_index(op.f("ix_auth_token_deletions_next_attempt_at"), table_name="auth_token_deletions")
    op.drop_table("auth_token_deletions")
    op.drop_table("auth_sync_events")
    op.drop_table("admins")
    # Enum types outlive their tables unless dropped explicitly.
    for enum_name in ("sync_run_status", "sync_status", "api_key_scope", "auth_sync_status", "user_status"):
        op.execute(sa.text(f"DROP TYPE IF EXISTS {enum_name}"))
