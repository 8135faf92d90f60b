"""Damaged databases: the index is a cache and is rebuilt; the reading state is the
user's and is never touched.

A half-written or overwritten file fails on its first statement ("database disk
image is malformed", "file is not a database"). That is caught where each database
is opened and where the index is refreshed; a full ``PRAGMA quick_check`` would
read every page at every start (0.1 s for 20,000 articles with the pages cached,
far more from disk).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

REBUILT = "the index was damaged and has been rebuilt"
_DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
# An error that crossed a process boundary keeps its message, not its code.
_DAMAGE_MESSAGES = ("database disk image is malformed", "file is not a database")


def is_damage(error: BaseException) -> bool:
    """Whether ``error`` says a database file is damaged (not locked, full or missing)."""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGE_CODES
    return str(error) in _DAMAGE_MESSAGES


FULL_DISK = "the disk is full, so the index was not kept"


def filled_its_disk(error: BaseException) -> bool:
    """Whether ``error`` says a database's disk filled up as it was written: what was
    written of an index then holds the disk full for good, so it is discarded."""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF == sqlite3.SQLITE_FULL)
    return str(error) == "database or disk is full"


def file_identity(path: Path) -> tuple[int, int] | None:
    """Which file is at ``path`` (``None``: none): an index removed while a reader runs
    (its cache cleared) leaves the reader's connections on a file no one writes."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


def discard(db_path: Path) -> None:
    """Remove a damaged index with its write-ahead log, so it is built again."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{db_path}{suffix}")


class StateDamaged(Exception):
    """The reading state cannot be read (``what`` it is instead: damaged, another
    program's database): named, with what to do, and left as it is."""

    def __init__(self, path: Path, what: str = "damaged") -> None:
        super().__init__(
            f"the reading state {path} is {what}; it was left as it is: move it aside "
            f"(mv '{path}' '{path}.damaged') and lede starts a new one"
        )
        self.path = path
        self.what = what
