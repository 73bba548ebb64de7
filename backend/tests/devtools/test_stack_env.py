"""make run, make migrate and make create-admin pick real services from the .env the backend reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.stack import StackConfig, env_of_checkout


def test_the_repo_root_env_decides_embedded_or_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "backend").mkdir()
    (tmp_path / "backend" / "alembic.ini").write_text("")
    (tmp_path / ".env").write_text("DATABASE_URL=postgresql://u:p@db.example/x\nRUN_API_PORT=9100\n")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("RUN_API_PORT", raising=False)
    env = env_of_checkout(tmp_path / "backend")
    assert env["DATABASE_URL"] == "postgresql://u:p@db.example/x"
    assert StackConfig.from_env(env).api_port == 9100

    monkeypatch.setenv("DATABASE_URL", "postgresql://from-the-environment/y")
    assert env_of_checkout(tmp_path / "backend")["DATABASE_URL"] == "postgresql://from-the-environment/y"


def test_without_an_env_file_it_is_the_process_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "backend").mkdir()
    monkeypatch.setenv("FLUSSONIC_URL", "http://flussonic.example")
    assert env_of_checkout(tmp_path / "backend")["FLUSSONIC_URL"] == "http://flussonic.example"


def test_make_migrate_leaves_a_running_make_run_database_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # make migrate / make create-admin while make run is up: they share its PostgreSQL and must not stop it.
    from devtools import embedded_pg
    from devtools.migrate import dev_database_url
    from devtools.stack import start_postgres

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("RUN_DATA_DIR", str(tmp_path))
    data_dir = tmp_path / "pg"
    running = start_postgres(data_dir)  # what make run started
    try:
        with dev_database_url() as url:
            assert url == running.url
        assert embedded_pg.is_running(data_dir)
    finally:
        running.stop()
    assert not embedded_pg.is_running(data_dir)
    # Nothing running (another data folder: pgserver keeps stopped servers of this process by path).
    monkeypatch.setenv("RUN_DATA_DIR", str(tmp_path / "fresh"))
    with dev_database_url():  # started for the command ...
        assert embedded_pg.is_running(tmp_path / "fresh" / "pg")
    assert not embedded_pg.is_running(tmp_path / "fresh" / "pg")  # ... and stopped after it
