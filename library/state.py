"""Read and starred state, and saved queries, in SQLite in the user data directory.

Keyed by article identity so it survives re-indexing and moved files. Every
change is its own committed transaction: once the UI shows a change as saved,
a kill -9 cannot lose it. The corpus files are never written.

The file may be removed while a reader runs (a clean-up, a data folder reset) or
replaced (a sync tool bringing another machine's copy): SQLite then goes on writing
to a file no one would open again, and every mark made afterwards was lost. Before a
write, and now and then on the UI thread, ``in_place`` notices: a removed file is
created again with what the reader holds, and a replaced one is opened in its stead.

Every write names its columns: a state whose tables a later lede gave a column more
(opened again by this one, on another machine or after a downgrade) refused every mark
and visit, "table read has 3 columns but 2 values were supplied".
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from library import filter_history, kept_moves
from library.damage import StateDamaged, file_identity, is_damage
from library.db import must_be_a_file, opening, select_in, use_wal
from library.paths import make_folder

Flag = Literal["read", "starred"]
TABLES: tuple[Flag, ...] = ("read", "starred")
_OWN_TABLES = (*TABLES, "saved_queries", "sessions")
_PUTTING_BACK = threading.Lock()  # one connection at a time creates a removed file again


@dataclass(frozen=True)
class StateChange:
    """A change that can be undone: which flag, and the identities whose value flipped."""

    table: Flag
    identities: tuple[str, ...]
    value: bool


class StateStore:
    """Read/starred flags per article identity, for the thread that opened it."""

    def __init__(self, path: Path, timeout: float = 5.0) -> None:
        self.path = path
        self._timeout = timeout
        self._changes = 0
        self._open()

    def _open(self) -> None:
        make_folder(self.path.parent)
        must_be_a_file(self.path)
        try:
            self.db = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None)
        except sqlite3.Error as error:
            raise opening(self.path, error) from None
        try:
            if foreign := self._others_tables():
                self.db.close()
                raise StateDamaged(self.path, f"another program's database (its tables: {foreign})")
            self._create(self._timeout)
        except sqlite3.DatabaseError as error:
            self.db.close()
            if is_damage(error):
                raise StateDamaged(self.path) from None
            raise opening(self.path, error) from None
        self._opened = file_identity(self.path)

    def _others_tables(self) -> str:
        """The tables of a database that holds none of the state's, named: another
        program's, at the state's path, was taken for one, its journal made a
        write-ahead log and the state's tables written in beside its own."""
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT GLOB 'sqlite_*'"
        tables = [row[0] for row in self.db.execute(sql)]
        return "" if set(tables) & set(_OWN_TABLES) else ", ".join(sorted(tables)[:5])

    def in_place(self) -> bool:
        """Whether the file at the path is still the one this store has open; if not, it
        is opened again (see the module), a removed one first created anew with this
        store's flags, saved queries and sessions, and False is returned."""
        if file_identity(self.path) == self._opened:
            return True
        with _PUTTING_BACK:
            if self._gone():  # and not already put back by another connection
                self._put_back()
            else:  # the log beside it is the old file's: emptied, so that the new one
                with contextlib.suppress(sqlite3.Error):  # is not read through it
                    self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.close()
            self._open()
        self._changes += 1  # what this store reads has changed
        return False

    def _gone(self) -> bool:
        """No file at the path, or an empty one: what another connection that attaches
        the state by its path (the index's) leaves there meanwhile holds nothing."""
        try:
            return os.stat(self.path).st_size == 0
        except FileNotFoundError:
            return True

    def _put_back(self) -> None:
        """Create the removed file again, whole, from this store's connection."""
        make_folder(self.path.parent)  # its folder may have gone with it
        kept = self.path.with_name(self.path.name + ".restored")
        # A log left without its database would be read as the new one's.
        for stale in (kept, self.path.with_name(self.path.name + "-wal")):
            stale.unlink(missing_ok=True)
        self.path.with_name(self.path.name + "-shm").unlink(missing_ok=True)
        copy = sqlite3.connect(kept)
        try:
            self.db.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # no log of its own to leave behind
        finally:
            copy.close()
        os.replace(kept, self.path)

    def _create(self, timeout: float) -> None:
        use_wal(self.db, timeout)
        self.db.execute("PRAGMA synchronous=FULL")
        for table in TABLES:
            self.db.execute(
                f"CREATE TABLE IF NOT EXISTS {table} (identity TEXT PRIMARY KEY, at REAL)"
            )
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS saved_queries (name TEXT PRIMARY KEY, query TEXT NOT NULL,"
            " at REAL)"
        )
        # One row per reader session on a corpus (its roots, resolved, one per line); ended
        # stays empty for one that is still open, or that was killed.
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS sessions (corpus TEXT NOT NULL, started REAL, ended REAL)"
        )
        self.db.execute("CREATE INDEX IF NOT EXISTS sessions_corpus ON sessions(corpus, started)")

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def version(self) -> tuple[int, int]:
        """A value that changes whenever flags change, here or in another process
        (SQLite's ``data_version`` counts only the other connections' commits)."""
        return self._changes, self.db.execute("PRAGMA data_version").fetchone()[0]

    def flagged(self, table: Flag, identities: Iterable[str] | None = None) -> set[str]:
        """The identities that have the flag (all of them, or those among ``identities``)."""
        if identities is None:
            return {row[0] for row in self.db.execute(f"SELECT identity FROM {table}")}
        sql = f"SELECT identity FROM {table} WHERE identity IN ({{marks}})"
        return {row[0] for row in select_in(self.db, sql, identities)}

    def set(self, table: Flag, identities: Iterable[str], value: bool) -> StateChange:
        """Set the flag on ``identities`` in one transaction; returns what actually changed."""
        wanted = list(dict.fromkeys(identities))
        before = self.flagged(table, wanted)
        flips = tuple(i for i in wanted if (i in before) != value)
        with self._changing():
            if value:
                now = time.time()
                self.db.executemany(
                    f"INSERT OR IGNORE INTO {table} (identity, at) VALUES (?, ?)",
                    [(i, now) for i in flips],
                )
            else:
                self.db.executemany(
                    f"DELETE FROM {table} WHERE identity = ?", [(i,) for i in flips]
                )
        return StateChange(table, flips, value)

    def carry(self, moves: Iterable[tuple[str, str]]) -> None:
        """Give each flag of an identity to another, in one transaction: (old, new) for
        each article known by its path whose file was moved or renamed."""
        taken, kept = kept_moves.take(self.path)  # those a run could not carry (its file)
        try:
            with self._changing():
                for old, new in [*kept, *moves]:  # in order: a post may have moved twice
                    for table in TABLES:
                        self.db.execute(
                            f"INSERT OR IGNORE INTO {table} (identity, at) "
                            f"SELECT ?, at FROM {table} WHERE identity = ?",
                            (new, old),
                        )
                        self.db.execute(f"DELETE FROM {table} WHERE identity = ?", (old,))
        except BaseException:
            kept_moves.give_back(self.path, taken, kept)
            raise
        kept_moves.done(taken)

    def marks_version(self) -> tuple[int, int]:
        """A value that changes when flags or saved queries change, here or in another
        process, and only then: ``version`` also moves for a reader's visit recorded, and a
        reader refilled its list and tree for it (see ``ReaderSession``)."""
        try:
            row = self.db.execute("SELECT n FROM marks_changed").fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" not in str(error):
                raise
            row = None  # no change since lede began counting them
        return self._changes, row[0] if row else 0

    @contextlib.contextmanager
    def _changing(self) -> Iterator[None]:
        """One transaction that changes flags or saved queries, counted as a change here
        once committed, and in the file for every program (``marks_version``)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            # Made here, not at opening: a state file made read-only still opens.
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS marks_changed (id INTEGER PRIMARY KEY, n INTEGER)"
            )
            self.db.execute(
                "INSERT INTO marks_changed (id, n) VALUES (1, 1) "
                "ON CONFLICT(id) DO UPDATE SET n = n + 1"
            )
            self.db.execute("COMMIT")
        except BaseException:
            # A failed COMMIT (a full disk) has already rolled back: rolling back again
            # would raise "no transaction is active" in place of the real error.
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        self._changes += 1

    def saved_queries(self) -> list[tuple[str, str]]:
        """Saved (name, query) pairs, by name."""
        return self.db.execute(
            "SELECT name, query FROM saved_queries ORDER BY name COLLATE NOCASE"
        ).fetchall()

    def save_query(self, name: str, query: str) -> None:
        """Save (or replace) a query under ``name``."""
        with self._changing():
            self.db.execute(
                "INSERT OR REPLACE INTO saved_queries (name, query, at) VALUES (?, ?, ?)",
                (name, query, time.time()),
            )

    def delete_query(self, name: str) -> None:
        """Forget a saved query."""
        with self._changing():
            self.db.execute("DELETE FROM saved_queries WHERE name = ?", (name,))

    def filter_history(self) -> list[str]:
        """The filters the reader used, in this session and those before, the latest last."""
        return filter_history.recent(self.db)

    def remember_filter(self, query: str) -> None:
        """Keep ``query`` as the latest filter the reader used."""
        filter_history.remember(self.db, query)

    def begin_session(self, corpus: str, now: float | None = None) -> tuple[int, float | None]:
        """Record that a reader session on ``corpus`` starts ``now`` (by default, now): its
        number, and ``visit_before`` it."""
        now = time.time() if now is None else now
        before = self.visit_before(corpus, now)
        number = self.db.execute(
            "INSERT INTO sessions (corpus, started) VALUES (?, ?)", (corpus, now)
        )
        return number.lastrowid or 0, before

    def visit_before(self, corpus: str, now: float) -> float | None:
        """When the last reader session on ``corpus`` begun by ``now`` ended (or began, if
        its end was never recorded); ``None`` if there was none. A read: it goes on while
        another program writes."""
        row = self.db.execute(
            "SELECT coalesce(ended, started) FROM sessions WHERE corpus = ? AND started <= ? "
            "ORDER BY started DESC LIMIT 1",
            (corpus, now),
        ).fetchone()
        return row[0] if row else None

    @contextlib.contextmanager
    def waiting(self, seconds: float) -> Iterator[None]:
        """Within it, a lock another program holds is waited for ``seconds`` at most."""
        self.db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
        try:
            yield
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")

    def end_session(self, number: int) -> None:
        """Record that the session ``begin_session`` numbered has ended."""
        self.db.execute("UPDATE sessions SET ended = ? WHERE rowid = ?", (time.time(), number))

    def undo(self, change: StateChange) -> StateChange:
        """Revert a change; returns the change that reverting made."""
        return self.set(change.table, change.identities, not change.value)
