import pytest


@pytest.fixture(autouse=True)
def clean_database() -> None:
    """Pure functions: skip the root conftest's per-test TRUNCATE."""
