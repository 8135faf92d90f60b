"""A damaged reading state, met by the reader: set aside whole (never deleted), and a new
one started with every flag, saved query and visit that can still be read from it.

The reader used to end at once, asking for the file to be moved by hand; every mark a
page that survived still held was then lost with it. The command line leaves the file
as it is and goes on without a state (``tui.cli_corpus``): only the reader, which needs
one to open, sets it aside.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from library.state import StateStore

# Each table and its columns, as ``StateStore`` creates them.
_TABLES = {
    "read": "identity, at",
    "starred": "identity, at",
    "saved_queries": "name, query, at",
    "sessions": "corpus, started, ended",
}


def rescue(path: Path) -> tuple[StateStore, str]:
    """Set the damaged state at ``path`` aside, and open a new one there holding what
    could be read from it; with the warning that says so."""
    aside = set_aside(path)
    store = StateStore(path)
    kept = salvage(aside, store)
    said = f"{kept:,} marks and saved searches were read back" if kept else "nothing was readable"
    return store, f"The reading state was damaged and was set aside as {aside}; {said}"


def set_aside(path: Path) -> Path:
    """Move the damaged file (and its write-ahead log, which a new file must not be read
    through) to a name of its own beside it: ``state.sqlite.damaged``, ``.damaged-2``…"""
    aside = path.with_name(path.name + ".damaged")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.damaged-{number}")
    os.replace(path, aside)
    with contextlib.suppress(FileNotFoundError):
        os.replace(f"{path}-wal", f"{aside}-wal")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(f"{path}-shm")
    return aside


def salvage(aside: Path, store: StateStore) -> int:
    """Copy into ``store`` the rows of each table that can be read from ``aside`` (those
    before a damaged page, in the order SQLite reads them); how many flags were kept."""
    try:
        old = sqlite3.connect(aside, isolation_level=None)
        # Its tables are read even where the list of them names pages the file lost (a
        # file cut short): else every read failed, even of the pages still whole.
        old.execute("PRAGMA writable_schema = ON")
    except sqlite3.Error:
        return 0
    kept = 0
    try:
        for table, columns in _TABLES.items():
            rows = _readable(old, f"SELECT {columns} FROM {table}")
            marks = ", ".join("?" * (columns.count(",") + 1))
            try:
                with store.db:  # one transaction per table
                    store.db.execute("BEGIN IMMEDIATE")
                    store.db.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", rows)
            except sqlite3.Error:  # the new file could not take them (a full disk)
                break
            if table in ("read", "starred", "saved_queries"):
                kept += len(rows)
    finally:
        old.close()
    return kept


def _readable(db: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    """The rows of ``sql`` read before the first error (a malformed page, a missing table)."""
    rows: list[tuple[object, ...]] = []
    try:
        for row in db.execute(sql):
            rows.append(tuple(row))
    except sqlite3.Error:
        pass
    return rows
