"""What the scan could not take (a folder it cannot read, a name that is no UTF-8, a FIFO
at a document's name), kept in the index as problems of no one file, their messages
naming the path: all of them after a walk of the corpus, or those of the paths a watcher
saw change, so what is said of them (``lede list``'s line of documents kept out, the
reader's problems as it starts) is not what the last walk found.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable

from library.scan import Skipped
from models.text import printable

_ADD = "INSERT INTO problems VALUES ('', NULL, ?, ?)"


def keep_all(db: sqlite3.Connection, unusable: Iterable[Skipped]) -> None:
    """Keep what a walk of the whole corpus could not take, in place of what was kept."""
    db.execute("DELETE FROM problems WHERE path = ''")
    db.executemany(_ADD, _rows(unusable))


def keep_of(db: sqlite3.Connection, paths: Iterable[str], unusable: Iterable[Skipped]) -> None:
    """Keep what could not be taken at ``paths`` and under them, in place of what was
    kept of them; the rest stays as the last walk found it."""
    named = tuple(
        f"{printable(os.path.abspath(path))}{end}" for path in paths for end in (": ", os.sep)
    )
    kept = db.execute("SELECT rowid, message FROM problems WHERE path = ''").fetchall()
    stale = [(rowid,) for rowid, message in kept if message.startswith(named)]
    rows = _rows(unusable)
    if stale or rows:
        with db:
            db.executemany("DELETE FROM problems WHERE rowid = ?", stale)
            db.executemany(_ADD, rows)


def _rows(unusable: Iterable[Skipped]) -> list[tuple[str, str]]:
    return [(found.severity, found.message) for found in map(Skipped.as_problem, unusable)]
