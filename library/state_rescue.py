"""A reading state the reader cannot use as it is, met as it opens. A damaged one is set
aside whole (never deleted), and a new one started with every flag, saved query and
visit that can still be read from it. One that cannot be written (its disk full, its
folder read-only) is read into a stand-in in a temporary folder, which takes this
session's marks until the reader ends.

The reader used to end at once in both cases, naming the file; every mark it still held
was out of reach until the disk or the file was seen to. The command line leaves the
file as it is and goes on without a state (``tui.cli_corpus``): only the reader, which
needs one to open, does this.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from library.db import not_a_file
from library.state import StateStore

# Each table and its columns, as ``StateStore`` creates them.
_TABLES = {
    "read": "identity, at",
    "starred": "identity, at",
    "saved_queries": "name, query, at",
    "sessions": "corpus, started, ended",
}


def rescue(path: Path, what: str = "damaged") -> tuple[StateStore, str]:
    """Set the state at ``path``, ``what`` it is (damaged, another program's database),
    aside, and open a new one there holding what could be read from it; with the
    warning that says so."""
    aside = set_aside(path)
    store = StateStore(path)
    kept = salvage(str(aside), store)
    said = f"{kept:,} marks and saved searches were read back" if kept else "nothing was readable"
    return store, f"The reading state was {what} and was set aside as {aside}; {said}"


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


def stand_in(path: Path, error: Exception) -> tuple[StateStore, str]:
    """A state in a temporary folder holding what can be read of the one at ``path``,
    which cannot be written (``error`` says why); with the warning that says so. Raises
    ``error`` where no temporary folder can take one either."""
    try:
        store = StateStore(Path(tempfile.mkdtemp(prefix="lede-state-")) / path.name)
    except Exception:  # noqa: BLE001 - the state's own failure is the one to tell
        raise error from None
    kept = 0
    # Read only: no log, no lock made beside it. In a folder that cannot be read (another
    # user's), asking whether it is there failed, and the reader ended.
    if os.path.exists(path) and not not_a_file(path):
        for way in ("mode=ro", "immutable=1"):  # the second skips a log it cannot read
            kept = salvage(f"{path.as_uri()}?{way}", store, uri=True)
            if kept:
                break
    if isinstance(error, OSError):  # its reason and its path, not Python's [Errno 20]
        why = f"{error.strerror or error}" + (f": {error.filename}" if error.filename else "")
    else:
        why = str(error)
    return store, (
        f"The reading state cannot be written ({why}); marks made now last until the "
        f"reader ends ({kept:,} marks and saved searches read from it)"
    )


def salvage(source: str, store: StateStore, *, uri: bool = False) -> int:
    """Copy into ``store`` the rows of each table that can be read from the database at
    ``source`` (those before a damaged page, in the order SQLite reads them); how many
    flags and saved searches were kept."""
    try:
        # No wait for a lock: a program holding it for good (SQLite's exclusive locking
        # mode) kept the reader from opening for seconds per table, for nothing.
        old = sqlite3.connect(source, isolation_level=None, uri=uri, timeout=0)
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
    """The rows of ``sql`` read before the first error (a malformed page, a missing table),
    but those that run past a file cut short: SQLite reads the missing bytes as zeros, and
    a mark ``https://exampl\\x00\\x00…``, or one of no identity, was read back."""
    rows: list[tuple[object, ...]] = []
    try:
        for row in db.execute(sql):
            if _whole(row):
                rows.append(tuple(row))
    except sqlite3.Error:
        pass
    return rows


def _whole(row: tuple[object, ...]) -> bool:
    """Whether a row read back is one that was written: its key (an identity, a name, a
    corpus) text, and no text holding the zeros of a page that is not there."""
    return isinstance(row[0], str) and not any(
        isinstance(value, str) and "\x00" in value for value in row
    )
