"""Values the index binds: None and bools through adapters of their own, which sqlite3
finds at once instead of asking the type and the value for one by name."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from library.db import connect


def test_none_and_bools_are_stored_as_null_and_integers(tmp_path: Path) -> None:
    db = connect(tmp_path / "index.db")
    db.execute("CREATE TABLE t (a, b, c)")
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", [(None, True, False)] * 2)
    row = db.execute("SELECT typeof(a), typeof(b), b, c FROM t").fetchone()
    assert row == ("null", "integer", 1, 0)
    assert db.execute("SELECT count(*) FROM t WHERE a IS NULL AND b AND NOT c").fetchone() == (2,)
    db.close()


def test_none_and_bools_have_adapters_of_their_own() -> None:
    for kind in (type(None), bool):
        assert (kind, sqlite3.PrepareProtocol) in sqlite3.adapters
