"""The filters used in the reader, kept in the reading state from one session to the next,
as a shell keeps its commands.

One history for every corpus, as a shell has one for every folder: the filters a person
reaches for again (``is:unread``, ``after:7d``, a topic, a name in the news) are theirs,
not a corpus's, and a query that finds nothing in another corpus says so as it is
recalled. It is bounded to the latest ``KEPT``; a filter used again is kept once, as the
latest.
"""

from __future__ import annotations

import sqlite3
import time

KEPT = 100  # filters kept, and brought back by ``↑``


def recent(db: sqlite3.Connection) -> list[str]:
    """The filters kept, the latest last; none where none was ever kept (a state older
    than the history, or one that could not be written), nor where they cannot be read (a
    state damaged or locked since it was opened): a convenience that never stops the field."""
    try:
        rows = db.execute(
            "SELECT query FROM filter_history ORDER BY at DESC, rowid DESC LIMIT ?", (KEPT,)
        ).fetchall()
    except sqlite3.Error:
        return []
    return [query for (query,) in reversed(rows)]


def remember(db: sqlite3.Connection, query: str) -> None:
    """Keep ``query`` as the latest filter used, and forget those past ``KEPT``."""
    db.execute("BEGIN IMMEDIATE")
    try:
        # Made here, not at opening: a state file made read-only still opens.
        db.execute("CREATE TABLE IF NOT EXISTS filter_history (query TEXT PRIMARY KEY, at REAL)")
        db.execute(
            "INSERT OR REPLACE INTO filter_history (query, at) VALUES (?, ?)", (query, time.time())
        )
        db.execute(
            "DELETE FROM filter_history WHERE rowid NOT IN "
            "(SELECT rowid FROM filter_history ORDER BY at DESC, rowid DESC LIMIT ?)",
            (KEPT,),
        )
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # a failed COMMIT has rolled back already
            db.execute("ROLLBACK")
        raise
