"""The initial migration builds exactly the models' schema and can be undone."""

from __future__ import annotations

import asyncio
import os
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from playlist_service.db import models  # noqa: F401 - registers every table
from playlist_service.db.base import Base
from tests.conftest import alembic_config


def _fresh_database(database_url: str, name: str) -> str:
    async def create() -> None:
        engine = create_async_engine(database_url, isolation_level="AUTOCOMMIT")
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        await engine.dispose()

    asyncio.run(create())
    base, _, query = database_url.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


def _diff(url: str) -> list[Any]:
    async def compare() -> list[Any]:
        engine = create_async_engine(url)
        async with engine.connect() as conn:
            diff = await conn.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"compare_type": True, "compare_server_default": True}),
                    Base.metadata,
                )
            )
        await engine.dispose()
        return list(diff)

    return asyncio.run(compare())


def _tables(url: str) -> set[str]:
    async def read() -> set[str]:
        engine = create_async_engine(url)
        async with engine.connect() as conn:
            rows = await conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
            types = await conn.execute(text("SELECT typname FROM pg_type WHERE typtype = 'e'"))
            result = {r[0] for r in rows} | {f"type:{r[0]}" for r in types}
        await engine.dispose()
        return result

    return asyncio.run(read())


def _run_in_thread(fn: Any) -> Any:
    # Alembic's env.py runs its own event loop; keep it off the test loop.
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result()


def test_upgrade_head_matches_the_models_and_downgrade_base_empties(database_url):
    def scenario() -> tuple[list[Any], set[str], set[str], list[Any]]:
        url = _fresh_database(database_url, "migration_check")
        previous = os.environ.get("DATABASE_URL")
        os.environ["DATABASE_URL"] = url
        try:
            cfg = alembic_config(url)
            command.upgrade(cfg, "head")
            diff = _diff(url)
            at_head = _tables(url)
            command.downgrade(cfg, "base")
            at_base = _tables(url)
            command.upgrade(cfg, "head")  # and back up again: the round trip is repeatable
            again = _diff(url)
        finally:
            if previous is None:
                os.environ.pop("DATABASE_URL", None)
            else:
                os.environ["DATABASE_URL"] = previous
        return diff, at_head, at_base, again

    diff, at_head, at_base, again = _run_in_thread(scenario)
    assert diff == [], f"models and migrations disagree: {diff}"
    assert {t.name for t in Base.metadata.sorted_tables} <= at_head
    assert at_base == {"alembic_version"}
    assert again == []


# Spec §5.4, row by row: (child table, column) -> (parent table, ON DELETE).
SPEC_CASCADES = {
    ("channels", "group_id"): ("groups", "SET NULL"),
    ("package_channels", "channel_id"): ("channels", "CASCADE"),
    ("user_channels", "channel_id"): ("channels", "CASCADE"),
    ("package_channels", "package_id"): ("packages", "CASCADE"),
    ("tariff_packages", "package_id"): ("packages", "CASCADE"),
    ("user_packages", "package_id"): ("packages", "CASCADE"),
    ("tariff_packages", "tariff_id"): ("tariffs", "CASCADE"),
    ("user_tariffs", "tariff_id"): ("tariffs", "CASCADE"),
    ("user_tariffs", "user_id"): ("users", "CASCADE"),
    ("user_packages", "user_id"): ("users", "CASCADE"),
    ("user_channels", "user_id"): ("users", "CASCADE"),
}
# Tables the spec does not have: an admin's sessions go with it; the records it made keep no author.
BEYOND_SPEC = {
    ("admin_sessions", "admin_id"): ("admins", "CASCADE"),
    ("api_keys", "created_by_id"): ("admins", "SET NULL"),
    ("flussonic_sync_runs", "triggered_by_id"): ("admins", "SET NULL"),
}
_ON_DELETE = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


async def test_every_foreign_key_deletes_as_spec_5_4_says(db):
    rows = await db.execute(
        text(
            "SELECT child.relname AS child, attribute.attname AS col, parent.relname AS parent, "
            "con.confdeltype::text AS rule, array_length(con.conkey, 1) AS width "
            "FROM pg_constraint con "
            "JOIN pg_class child ON child.oid = con.conrelid "
            "JOIN pg_class parent ON parent.oid = con.confrelid "
            "JOIN pg_namespace ns ON ns.oid = child.relnamespace AND ns.nspname = 'public' "
            "JOIN pg_attribute attribute ON attribute.attrelid = con.conrelid AND attribute.attnum = con.conkey[1] "
            "WHERE con.contype = 'f'"
        )
    )
    found = {}
    for row in rows:
        assert row.width == 1, f"{row.child}: composite foreign keys are not expected"
        found[(row.child, row.col)] = (row.parent, _ON_DELETE[row.rule])
    assert found == SPEC_CASCADES | BEYOND_SPEC
