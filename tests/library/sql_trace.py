"""Seeing the SQL a refresh runs, to hold it to reading only what changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import ModuleType

import pytest

from library.db import connect


def traced_statements(monkeypatch: pytest.MonkeyPatch, *modules: ModuleType) -> list[str]:
    """Every statement run from now on by connections the ``modules`` open."""
    statements: list[str] = []

    def traced(path: Path) -> sqlite3.Connection:
        db = connect(path)
        db.set_trace_callback(statements.append)
        return db

    for module in modules:
        monkeypatch.setattr(module, "connect", traced)
    return statements
