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

The holder of the lock writes what it is and its pid in the lock file, and a lede that
waits says so: "the lede reader (pid 4242)", not "another lede". The reader's refresh of
the paths a watcher names (``targeted``) takes the lock too (``marked``), so another
lede that comes meanwhile waits for the reader by name; it called it "another program",
whose SQLite lock is all it saw. It waits for the lock as well: taken only when free, it
ran beside a full refresh of another lede (``lede index``, ``lede sync``), stored files
that one had forgotten and was parsing again, and that one then failed on "UNIQUE
constraint failed: articles.path", leaving those articles out of the index.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from library import db as databases
from library.paths import make_folder

WAIT_POLL = 0.1  # seconds between two tries for a lock another process holds
PROGRAM_POLL = 0.25  # seconds SQLite waits for another program's lock before saying so
LEDE = "another lede indexing this corpus"  # a holder that has not said what it is
PROGRAM = "another program"
INDEXING = "indexing this corpus"
ROLE = {"name": "another lede"}  # what this process is, as a lede that waits for it says
_HELD = threading.local()  # the lock files this thread holds (see ``writing``)

Waiting = Callable[[str], None]
"""Called with whom it waits for (``held_by_lede``'s or ``held_by_program``'s words)
before each wait for a lock another process holds (a few times a second); it may raise
to give up waiting."""


def name_holder(name: str) -> None:
    """Say what this process is ("the lede reader", "lede list") to a lede that waits
    for the index's lock while it holds it."""
    ROLE["name"] = name


def held_by_program(db_path: Path) -> str:
    """Whom a refresh waits for while another program holds the index's write lock."""
    return f"{PROGRAM}, which holds the index {db_path}"


def by_program(whom: str) -> bool:
    """Whether ``whom`` (what ``Waiting`` is told) is another program, which may hold the
    index for long, rather than a lede, which ends its refresh."""
    return whom.startswith(PROGRAM)


def held_by_lede(descriptor: int) -> str:
    """Whom a refresh waits for while another lede holds the lock file open at
    ``descriptor``: what that lede wrote there, else ``LEDE``."""
    try:
        written = os.pread(descriptor, 512, 0).decode("utf-8", "replace")
    except OSError:
        return LEDE
    pid, _, name = written.strip().partition(" ")
    if not pid.isdigit() or not name.isprintable() or not name:
        return LEDE
    return f"{name} (pid {pid}) {INDEXING}"


def lock_path(db_path: Path) -> Path:
    """The lock file of the index at ``db_path``."""
    return db_path.with_name(db_path.name + ".lock")


@contextmanager
def writing(db_path: Path, waiting: Waiting | None = None) -> Iterator[None]:
    """Hold the index's write lock for the block, waiting while another process has it."""
    with _locked(db_path, waiting, reentrant=False):
        yield


@contextmanager
def marked(db_path: Path, waiting: Waiting | None = None) -> Iterator[None]:
    """Hold the index's write lock for the block, waiting while another process has it
    (``waiting`` may raise to give up): a lede that comes meanwhile then knows whom it
    waits for (see the module). Within it, ``writing`` in the same thread goes on."""
    with _locked(db_path, waiting, reentrant=True):
        yield


@contextmanager
def _locked(db_path: Path, waiting: Waiting | None, *, reentrant: bool) -> Iterator[None]:
    """Take the lock once it is free and say in its file who holds it. A thread inside
    ``marked`` (``reentrant``) holds it already and goes on: a refresh of a few paths
    refreshes the whole index when it finds it replaced."""
    path = lock_path(db_path)
    held: set[Path] = _HELD.__dict__.setdefault("paths", set())
    if path in held:
        yield
        return
    make_folder(path.parent)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if waiting is not None:
                    waiting(held_by_lede(descriptor))
                time.sleep(WAIT_POLL)
        _say_holder(descriptor, f"{os.getpid()} {ROLE['name']}")
        if reentrant:
            held.add(path)
        try:
            yield
        finally:
            held.discard(path)
            _say_holder(descriptor, "")  # a later waiter reads no one who has gone
    finally:
        os.close(descriptor)  # and with it the lock


@contextmanager
def behind(
    lock: threading.Lock, awaited: Callable[[], str], waiting: Waiting | None
) -> Iterator[None]:
    """Hold ``lock`` (a reader's one refresh at a time) for the block. While the refresh
    that holds it waits for another process, ``waiting`` is told whom (``awaited()``): a
    refresh asked for meanwhile (``r``) waited behind it in silence."""
    while not lock.acquire(timeout=WAIT_POLL):
        whom = awaited()
        if waiting is not None and whom:
            waiting(whom)
    try:
        yield
    finally:
        lock.release()


def _say_holder(descriptor: int, holder: str) -> None:
    """Write ``holder`` as the whole of the lock file (a full disk leaves it unsaid)."""
    try:
        os.ftruncate(descriptor, 0)
        if holder:
            os.pwrite(descriptor, holder.encode("utf-8", "replace"), 0)
    except OSError:
        pass


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
