"""One writer per index at a time: a lock beside the index database.

Two processes refreshing one index at once (two ``lede index``, or ``lede list``
while the reader indexes) both took it for empty and stored every file twice,
and the loser failed on the UNIQUE path. An advisory ``flock`` on a file beside
the database serialises them: the one that waits then finds little or nothing
left to do. A lock rather than one long SQLite write transaction: a refresh
commits as it goes (the reader fills in meanwhile) and compares the files in
another process; a waiter would otherwise give up after SQLite's busy timeout
while a cold index goes on for longer. The kernel releases the lock when its
holder ends, even by kill -9, so none is ever left behind.

Another program (a database browser, a script) may hold SQLite's own write lock on
the index, which lede's lock does not see: a refresh then waited SQLite's busy
timeout in silence before "database is locked". ``free_of_programs`` waits for it
in short steps, saying whom it waits for, where a Ctrl-C ends the wait at once.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from library import db as databases
from library.paths import make_folder

WAIT_POLL = 0.1  # seconds between two tries for a lock another process holds
PROGRAM_POLL = 0.25  # seconds SQLite waits for another program's lock before saying so
LEDE = "another lede indexing this corpus"

Waiting = Callable[[str], None]
"""Called with whom it waits for (``LEDE``, or ``held_by_program``'s words) before
each wait for a lock another process holds (a few times a second); it may raise to
give up waiting."""


def held_by_program(db_path: Path) -> str:
    """Whom a refresh waits for while another program holds the index's write lock."""
    return f"another program, which holds the index {db_path}"


def lock_path(db_path: Path) -> Path:
    """The lock file of the index at ``db_path``."""
    return db_path.with_name(db_path.name + ".lock")


@contextmanager
def writing(db_path: Path, waiting: Waiting | None = None) -> Iterator[None]:
    """Hold the index's write lock for the block, waiting while another process has it."""
    path = lock_path(db_path)
    make_folder(path.parent)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if waiting is not None:
                    waiting(LEDE)
                time.sleep(WAIT_POLL)
        yield
    finally:
        os.close(descriptor)  # and with it the lock


def free_of_programs(db_path: Path, waiting: Waiting | None = None) -> None:
    """Return once no other program holds SQLite's write lock on the index at
    ``db_path`` (see the module), telling ``waiting``; after ``db.BUSY_TIMEOUT``
    seconds, or on any other error, the refresh that follows goes on and says why."""
    if not db_path.exists():
        return
    deadline = time.monotonic() + databases.BUSY_TIMEOUT
    try:
        db = sqlite3.connect(db_path, timeout=PROGRAM_POLL, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        while True:
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute("ROLLBACK")
                return
            except sqlite3.Error as error:
                code = getattr(error, "sqlite_errorcode", 0) & 0xFF
                if code != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                    return
            if waiting is not None:
                waiting(held_by_program(db_path))
    finally:
        db.close()
