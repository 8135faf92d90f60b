"""SQLite connections, and the one way to ask about many ids at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

CHUNK = 900  # values per statement: under SQLite's default limit of 999 parameters


def connect(path: Path) -> sqlite3.Connection:
    """A connection for this thread only; WAL lets readers in other threads go on while
    one connection writes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=30)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def select_in(db: sqlite3.Connection, sql: str, values: Iterable[Any]) -> Iterator[Any]:
    """The rows of ``sql`` for every value, asked in chunks that stay under SQLite's
    parameter limit; ``{marks}`` in ``sql`` is where the placeholders go."""
    wanted = list(values)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        yield from db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)
