"""Shared fixtures: paths to test content and a data dir per test."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever writes to the real user data dir."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SPARRING_DATA_DIR", str(data))
    return data
