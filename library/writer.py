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
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from library.paths import make_folder

WAIT_POLL = 0.1  # seconds between two tries for a lock another process holds

Waiting = Callable[[], None]
"""Called before each wait for the lock (so about ten times a second) while another
process writes; it may raise to give up waiting."""


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
                    waiting()
                time.sleep(WAIT_POLL)
        yield
    finally:
        os.close(descriptor)  # and with it the lock
