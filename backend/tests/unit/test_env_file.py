"""Which .env the backend reads: its working directory's, or the repo root's when run from backend/."""

from __future__ import annotations

from pathlib import Path

import pytest

from playlist_service.settings import default_env_file, environment


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    (tmp_path / "backend").mkdir()
    (tmp_path / "backend" / "alembic.ini").write_text("")
    (tmp_path / ".env").write_text("LOG_LEVEL=debug\n")
    return tmp_path


def test_run_from_backend_reads_the_repo_root_env(checkout: Path) -> None:
    assert default_env_file(checkout / "backend") == checkout / ".env"


def test_an_env_in_the_working_directory_wins(checkout: Path) -> None:
    (checkout / "backend" / ".env").write_text("LOG_LEVEL=error\n")
    assert default_env_file(checkout / "backend") == checkout / "backend" / ".env"


def test_the_parent_is_not_searched_outside_a_checkout(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / ".env").write_text("LOG_LEVEL=debug\n")
    assert default_env_file(tmp_path / "app") is None
    assert default_env_file(tmp_path) == tmp_path / ".env"


def test_the_process_environment_wins_over_the_file(checkout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (checkout / ".env").write_text("LOG_LEVEL=debug\nDB_ECHO=true\n")
    monkeypatch.setenv("LOG_LEVEL", "warning")
    monkeypatch.delenv("DB_ECHO", raising=False)
    values = environment(checkout / ".env")
    assert values["LOG_LEVEL"] == "warning"
    assert values["DB_ECHO"] == "true"
