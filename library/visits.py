"""A reader's visit to a corpus, recorded in the reading state: when it began and ended,
so that the next visit knows what is new since this one.

The record was written on the UI thread as the reader opened, waiting half a second for
the state's write lock. Another reader marking a large corpus read (``A``) holds that lock
for as long as it writes: a reader started meanwhile said "reading state is locked by
another program; not saved" and lost its visit. Here what the last visit was is read at
once (WAL lets a read go on beside a writer), and the record is written in the queue of
the reader's writes, which waits ``state_writes.LOCK_WAIT`` seconds for the lock and keeps
the time the visit began.
"""

from __future__ import annotations

import sqlite3
import time
from concurrent.futures import Future

from library.state import StateStore
from library.state_writes import StateWrites, not_saved

END_WAIT = 2.0  # seconds the end of a visit waits for a lock another program holds, at quit


class Visit:
    """This reader's visit to ``corpus`` (see the module)."""

    def __init__(self, state: StateStore, writes: StateWrites, corpus: str) -> None:
        self.started = time.time()
        self.previous: float | None = None  # when the visit before this one ended
        self.not_read = ""  # why the previous visit could not be read, to be said once
        try:
            self.previous = state.visit_before(corpus, self.started)
        except sqlite3.Error as error:
            self.not_read = not_saved(error, state.path)
        started = self.started
        self.recorded: Future[int] = writes.submit(
            lambda store: store.begin_session(corpus, started)[0]
        )
        """This visit's number once recorded; fails with ``NotSaved`` if it could not be."""

    def end(self, writes: StateWrites) -> None:
        """Queue the record of the visit's end (after its beginning, on the same queue)."""
        recorded = self.recorded

        def write(store: StateStore) -> None:
            number = recorded.result()  # written before: done (a failure ends this one too)
            with store.waiting(END_WAIT):
                store.end_session(number)

        writes.submit(write)
