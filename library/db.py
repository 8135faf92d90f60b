"""SQLite connections, and the one way to ask about many ids at once."""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from library.paths import make_folder
from library.scan import unfollowed
from models.regular_file import not_regular

BUSY_TIMEOUT = 30  # seconds a statement waits for another connection's write
BUSY_RETRY = 0.01  # seconds between two tries to switch a new database to WAL
# The longest path of a database SQLite opens (its limit of 512 bytes less its journal's
# "-journal"): a cache or data folder deep enough said "unable to open database file".
SQLITE_PATH_BYTES = 504
CHUNK = 900  # values per statement: under SQLite's default limit of 999 parameters
SIGNALS_EVERY = 100_000  # SQLite steps between the chances a pending signal gets
# Another program holding the file past the busy timeout (SQLite's exclusive locking mode
# keeps even readers out): it ended in "unexpected error: OperationalError: database is
# locked", and the reader in a traceback.
_HELD = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
_UNOPENABLE = (
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_IOERR,  # what a full disk gives as the journal's shared memory is made
    *_HELD,
)


# A None or a bool bound to a statement is first offered to an adapter of its type; with
# none registered, sqlite3 asks the type and the value for one by name, two failed
# attribute lookups (one formats an error message it then drops), which cost more than
# the rest of the binding, and most articles bind several (links stored once, dates to
# come, a collection, a language). Adapters of their own are found at once and run no
# Python: the same NULL and 0/1 are stored.
_NOTHING: dict[object, None] = {}
sqlite3.register_adapter(type(None), _NOTHING.get)  # None -> None, bound as NULL
sqlite3.register_adapter(bool, int)


class CannotOpen(Exception):
    """A database that cannot be opened or created where it must be (a read-only folder,
    a full disk): why (SQLite's error, or a reason found first), and its path, in one line."""

    def __init__(self, path: Path, error: sqlite3.Error | str) -> None:
        why, where = (error, path) if isinstance(error, str) else _why_not_opened(path, error)
        super().__init__(f"{why}: {where}")


# The files SQLite keeps beside a database: its write-ahead log and its shared memory.
_BESIDE = ("-wal", "-shm", "-journal")


def _why_not_opened(path: Path, error: sqlite3.Error) -> tuple[str, Path]:
    """What stops a database at ``path``, and where: SQLite says "unable to open database
    file" of a full disk and of a folder at its path alike, which sent users looking for a
    file, and of a folder at its log's path (``index.sqlite-wal``), naming the database."""
    if getattr(error, "sqlite_errorcode", 0) & 0xFF in _HELD:
        return "locked by another program", path
    if (size := len(os.fsencode(os.path.realpath(path)))) > SQLITE_PATH_BYTES:
        why = f"its path is {size:,} bytes long, more than SQLite can open ({SQLITE_PATH_BYTES})"
        return why, path
    if read_only_disk(path):  # first: a read-only one may have no room either
        return "its file system is read-only", path
    if disk_full(path):
        return "its disk is full", path
    if path.is_symlink() and not path.exists():
        return f"a link to {os.readlink(path)}, which is not there", path
    for where in (path, *(Path(f"{path}{end}") for end in _BESIDE)):
        if why := not_a_file(where):
            return why, where
    return str(error), path


def not_a_file(path: Path) -> str:
    """Why ``path`` cannot be a database: something there that is no regular file (a
    folder, a FIFO, a device), or a link leading round in a loop; "" for a file, or for
    nothing. Asked before SQLite opens it: SQLite opening a FIFO waited for a writer
    forever, in a call no Ctrl-C ends (the reader a blank screen, ``lede list`` hung), and
    said "disk I/O error" or "unable to open database file" of the others."""
    try:
        kind = not_regular(os.stat(path).st_mode)
    except OSError as error:
        return unfollowed(error) if error.errno == errno.ELOOP else ""
    return f"{kind}, not a file" if kind else ""


def must_be_a_file(path: Path) -> None:
    """``CannotOpen`` where ``not_a_file`` finds what SQLite must not open at ``path``."""
    if why := not_a_file(path):
        raise CannotOpen(path, why)


class IndexReadOnly(CannotOpen):
    """An index whose file can be read but not written (``chmod 444``): what it holds
    can still be listed, not brought up to date."""


def read_only_disk(path: Path) -> bool:
    """Whether the folder of ``path`` is on a file system mounted read-only: an index
    there that was whole could not be opened either (its shared memory file cannot be
    made beside it), and both said "unable to open database file"."""
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def disk_full(path: Path) -> bool:
    """No room left for a byte, or for a file: a disk out of inodes said only "unable to
    open database file"."""
    try:
        room = os.statvfs(path.parent)
    except OSError:
        return False
    return room.f_bavail == 0 or (room.f_files > 0 and room.f_favail == 0)


def opening(path: Path, error: sqlite3.Error) -> Exception:
    """``CannotOpen`` for an error that says the file cannot be opened, else ``error``."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return CannotOpen(path, error) if code in _UNOPENABLE else error


def connect(path: Path) -> sqlite3.Connection:
    """A connection for this thread only; WAL lets readers in other threads go on while
    one connection writes. A Ctrl-C during a long statement ends it (``interrupted``)."""
    make_folder(path.parent)
    must_be_a_file(path)
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
        use_wal(db, BUSY_TIMEOUT)
    except sqlite3.Error as error:
        raise opening(path, error) from None
    db.execute("PRAGMA synchronous=NORMAL")
    db.set_progress_handler(_let_signals_in, SIGNALS_EVERY)
    return db


def use_wal(db: sqlite3.Connection, timeout: float) -> None:
    """Switch ``db`` to WAL, retrying for up to ``timeout`` seconds. Processes that open a
    new database at once each try the switch; SQLite reports all but one busy at once
    rather than calling the busy handler (waiting could deadlock), so the wait is here."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            busy = getattr(error, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY
            if not busy or time.monotonic() > deadline:
                raise
        time.sleep(BUSY_RETRY)


def _let_signals_in() -> bool:
    """Called by SQLite now and then during a statement. Python runs a signal's handler
    only between its own instructions, which one statement over a million rows holds
    off for many seconds; here it runs, and the KeyboardInterrupt it raises makes SQLite
    end the statement as interrupted."""
    return False


def interrupted(error: BaseException) -> bool:
    """Whether ``error`` is a statement ended by a signal (see ``connect``)."""
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, sqlite3.OperationalError) and code == sqlite3.SQLITE_INTERRUPT


def select_in(db: sqlite3.Connection, sql: str, values: Iterable[Any]) -> Iterator[Any]:
    """The rows of ``sql`` for every value, asked in chunks that stay under SQLite's
    parameter limit; ``{marks}`` in ``sql`` is where the placeholders go."""
    wanted = list(values)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        yield from db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)
