"""Shared fixtures: every test gets its own config, data and cache directories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.webserver import TestServer


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point the XDG variables at fresh folders so no test sees another's state or the user's."""
    dirs = {}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        path = tmp_path / name.lower()
        path.mkdir()
        monkeypatch.setenv(name, str(path))
        dirs[name] = path
    return dirs


@pytest.fixture
def server() -> Iterator[TestServer]:
    """A real HTTP server on 127.0.0.1; tests add routes to ``server.routes``."""
    test_server = TestServer()
    yield test_server
    test_server.stop()
