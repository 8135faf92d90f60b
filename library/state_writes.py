"""Writing the reading state on a thread of its own, one write at a time, in order.

Another program may hold the state database's write lock (a sync tool, a second
reader in the middle of a large change). Written on the UI thread, a key waited
there for SQLite's busy timeout and then failed with a traceback. Here the
writes queue on one thread with a connection of its own, which waits up to
``LOCK_WAIT`` seconds for the lock (SQLite retries meanwhile) before the write
fails with a message; the UI thread keeps reading through its own connection,
which WAL lets go on beside a writer.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from library.damage import StateDamaged
from library.db import CannotOpen, disk_full
from library.state import StateStore

LOCK_WAIT = 10.0  # seconds a write waits for another program's lock on the state
LOCKED = "reading state is locked by another program; not saved"

Result = TypeVar("Result")


def not_saved(error: sqlite3.Error, path: Path) -> str:
    """What to say of a write to the state at ``path`` that failed: that another program
    holds its lock, that its disk is full (and where), else SQLite's reason (a file made
    read-only)."""
    if isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error)
    ):
        return LOCKED
    if getattr(error, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_FULL and disk_full(path):
        return f"reading state not saved: its disk is full: {path}"
    return f"reading state not saved: {error}"


class NotSaved(Exception):
    """A write to the reading state that failed, in one line that says why."""


class StateWrites:
    """The queue of writes to the state database at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lede-state")
        self._local = threading.local()

    def store(self) -> StateStore:
        """The writing thread's own connection to the state (opened on first use)."""
        store: StateStore | None = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = StateStore(self.path, timeout=LOCK_WAIT)
        return store

    def submit(self, write: Callable[[StateStore], Result]) -> Future[Result]:
        """Queue ``write(store)``; its future fails with ``NotSaved`` when it could not be
        written (locked past ``LOCK_WAIT``, a full disk: the real reason, in one line)."""
        return self._pool.submit(self._run, write)

    def _run(self, write: Callable[[StateStore], Result]) -> Result:
        try:
            store = self.store()
            store.in_place()  # removed or replaced since the last write: see ``state``
            return write(store)
        except sqlite3.Error as error:
            raise NotSaved(not_saved(error, self.path)) from None
        except (OSError, StateDamaged, CannotOpen) as error:  # not created again, not opened
            raise NotSaved(f"reading state not saved: {error}") from None

    def close(self) -> None:
        """Finish the queued writes, then close the writing thread's connection."""
        self._pool.submit(self._close)
        self._pool.shutdown(wait=True)

    def _close(self) -> None:
        store = getattr(self._local, "store", None)
        if store is not None:
            store.close()
