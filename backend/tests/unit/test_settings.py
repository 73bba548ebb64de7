"""Settings: spec §4 names and defaults, and one clear line naming a bad variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from playlist_service.settings import Settings, SettingsError

BASE = {
    "DATABASE_URL": "postgresql+asyncpg://u:p@localhost:5432/playlist_service",
    "SECRET_KEY": "a-long-enough-random-secret-value",
    "FLUSSONIC_URL": "http://flussonic:8080",
    "FLUSSONIC_API_KEY": "key",
    "AUTH_SERVICE_URL": "http://auth-service:8090/",
    "AUTH_SERVICE_API_KEY": "key",
}


def test_spec_defaults():
    s = Settings.from_env(BASE)
    assert (s.db_pool_size, s.db_max_overflow, s.db_pool_timeout, s.db_echo) == (5, 10, 30, False)
    assert (s.session_timeout, s.api_host, s.api_port) == (86400, "0.0.0.0", 8080)
    assert s.auth_service_url == "http://auth-service:8090"
    assert s.flussonic_playback_url == "http://flussonic:8080"
    assert s.operator_timezone == "UTC"
    assert s.logo_max_bytes == 256 * 1024
    assert s.flussonic_sync_deadline == 120.0
    assert s.flussonic_include_disabled is False
    assert Settings.from_env({**BASE, "FLUSSONIC_INCLUDE_DISABLED": "true"}).flussonic_include_disabled is True


def test_secrets_are_not_in_the_repr():
    text = repr(Settings.from_env(BASE))
    assert BASE["SECRET_KEY"] not in text
    assert "auth_service_api_key" not in text


@pytest.mark.parametrize(
    "name", ["DATABASE_URL", "SECRET_KEY", "FLUSSONIC_URL", "AUTH_SERVICE_URL", "AUTH_SERVICE_API_KEY"]
)
def test_missing_required_variable_is_named(name):
    env = {k: v for k, v in BASE.items() if k != name}
    with pytest.raises(SettingsError, match=name):
        Settings.from_env(env)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DB_POOL_SIZE", "many"),
        ("DB_POOL_SIZE", "0"),
        ("DB_ECHO", "maybe"),
        ("SESSION_TIMEOUT", "-5"),
        ("API_PORT", "http"),
        ("FLUSSONIC_URL", "flussonic:8080"),
        ("OPERATOR_TIMEZONE", "Mars/Olympus"),
        ("FLUSSONIC_API_FORMAT", "v9"),
        ("FLUSSONIC_INCLUDE_DISABLED", "sometimes"),
        ("FLUSSONIC_SYNC_DEADLINE", "0.5"),
        ("FLUSSONIC_SYNC_DEADLINE", "soon"),
        ("SECRET_KEY", "your-secret-key-here"),
        ("SECRET_KEY", "short"),
        ("SECRET_KEY_PREVIOUS", "change-me"),
        ("DATABASE_URL", "mysql://x"),
        ("API_WORKERS", "0"),
        ("TRUSTED_PROXIES", "*"),
        ("TRUSTED_PROXIES", "127.0.0.1, nginx"),
        ("SESSION_MAX_LIFETIME", "3600"),  # shorter than SESSION_TIMEOUT (86400)
        ("LOGIN_MAX_FAILURES_PER_USERNAME", "2"),  # below LOGIN_MAX_FAILURES
        ("AUTH_RECONCILE_INTERVAL", "-1"),
        ("AUTH_RECONCILE_INTERVAL", "hourly"),
        ("AUTH_RECONCILE_INTERVAL", "0.05"),
        ("AUTH_RECONCILE_INTERVAL", "59"),
    ],
)
def test_invalid_value_is_named(name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({**BASE, name: value})


def test_server_and_login_defaults():
    s = Settings.from_env(BASE)
    assert s.api_workers == 1
    assert s.trusted_proxies == ("127.0.0.1", "::1")
    assert (s.login_max_failures, s.login_max_failures_per_username, s.login_max_failures_per_client) == (5, 50, 20)
    assert s.session_max_lifetime == 7 * 86400
    assert s.digest_keys == (BASE["SECRET_KEY"],)


def test_the_periodic_auth_service_check_runs_every_15_minutes_with_the_worker():
    assert Settings.from_env(BASE).auth_check_every == 900.0
    assert Settings.from_env({**BASE, "AUTH_RECONCILE_INTERVAL": "60"}).auth_check_every == 60.0
    assert Settings.from_env({**BASE, "AUTH_RECONCILE_INTERVAL": "0"}).auth_check_every is None
    assert Settings.from_env({**BASE, "AUTH_SYNC_WORKER": "false"}).auth_check_every is None


def test_per_username_and_per_client_ceilings_follow_login_max_failures():
    s = Settings.from_env({**BASE, "LOGIN_MAX_FAILURES": "3"})
    assert (s.login_max_failures_per_username, s.login_max_failures_per_client) == (30, 12)


def test_trusted_proxies_are_addresses_and_networks():
    s = Settings.from_env({**BASE, "TRUSTED_PROXIES": " 10.0.0.5, 172.30.57.0/24 ,::1"})
    assert s.trusted_proxies == ("10.0.0.5", "172.30.57.0/24", "::1")


def test_the_previous_secret_key_is_accepted_after_the_current_one():
    s = Settings.from_env({**BASE, "SECRET_KEY_PREVIOUS": "the-old-secret-key-value"})
    assert s.digest_keys == (BASE["SECRET_KEY"], "the-old-secret-key-value")
    assert "the-old-secret-key-value" not in repr(s)


def test_flussonic_login_can_replace_the_api_key():
    env = {k: v for k, v in BASE.items() if k != "FLUSSONIC_API_KEY"}
    with pytest.raises(SettingsError, match="FLUSSONIC_API_KEY"):
        Settings.from_env(env)
    s = Settings.from_env({**env, "FLUSSONIC_LOGIN": "admin", "FLUSSONIC_PASSWORD": "pw"})
    assert s.flussonic_login == "admin"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"FLUSSONIC_LOGIN": "admin"}, "FLUSSONIC_LOGIN is set but FLUSSONIC_PASSWORD is not"),
        ({"FLUSSONIC_PASSWORD": "pw"}, "FLUSSONIC_PASSWORD is set but FLUSSONIC_LOGIN is not"),
        ({"FLUSSONIC_LOGIN": "admin", "FLUSSONIC_PASSWORD": "  "}, "FLUSSONIC_PASSWORD is not"),
    ],
)
def test_half_a_flussonic_login_pair_is_refused_even_with_an_api_key(extra, message):
    # Before, "Basic admin:" was sent and the API key ignored.
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({**BASE, **extra})


@pytest.mark.parametrize("name", ["FLUSSONIC_URL", "FLUSSONIC_PLAYBACK_URL"])
@pytest.mark.parametrize("url", ["http://u:p@flussonic:8080", "https://token@tv.example.com/", "http://u:@h"])
def test_flussonic_urls_with_credentials_are_refused_without_repeating_them(name, url):
    with pytest.raises(SettingsError, match=f"{name} must not contain credentials") as caught:
        Settings.from_env({**BASE, name: url})
    assert url not in str(caught.value) and "p@" not in str(caught.value)


def test_an_at_sign_in_the_path_is_not_userinfo():
    s = Settings.from_env({**BASE, "FLUSSONIC_PLAYBACK_URL": "https://tv.example.com/@live"})
    assert s.flussonic_playback_url == "https://tv.example.com/@live"


def test_plain_postgresql_url_gets_the_async_driver():
    s = Settings.from_env({**BASE, "DATABASE_URL": "postgresql://u:p@db/x"})
    assert s.database_url == "postgresql+asyncpg://u:p@db/x"


def test_env_file_is_read_and_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    env_file = tmp_path / ".env"
    env_file.write_text("\n".join(f"{k}={v}" for k, v in BASE.items()) + "\n# comment\nAPI_PORT='9000'\n")
    for key in [*BASE, "API_PORT"]:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("DB_POOL_SIZE", "7")
    s = Settings.from_env(env_file=env_file)
    assert s.api_port == 9000
    assert s.db_pool_size == 7


def test_server_entry_point_stops_with_one_clear_line():
    env = {k: v for k, v in os.environ.items() if k not in BASE}
    env.update({k: v for k, v in BASE.items() if k != "SECRET_KEY"})
    result = subprocess.run(
        [sys.executable, "-c", "import playlist_service.asgi"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd="/",
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "Configuration error: SECRET_KEY is required but not set"
