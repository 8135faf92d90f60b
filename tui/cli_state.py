"""The reading state as the commands open it: said on stderr where it is damaged or cannot
be made, read as it is where it cannot be written, and given the marks of the posts a
refresh found moved."""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

from models.text import printable

if TYPE_CHECKING:
    from pathlib import Path

    from library.index import CorpusIndex, RefreshReport
    from library.state import StateStore


def open_state_said(index: CorpusIndex | None = None):  # the StateStore, imported late
    """The reading state, or None (said on stderr) when it is damaged or cannot be made
    (a data folder on a read-only disk): what needs no state still works, and the file
    is left as it is. One that can be read but not written (another user's) is read as
    it is by ``index``, when given, for its ``is:`` queries."""
    from library.corpus import open_state
    from library.damage import StateDamaged
    from library.db import CannotOpen
    from tui.failure import one_line

    try:
        return open_state()
    except StateDamaged as error:
        sys.stderr.write(f"lede: warning: {error}\n")
    except (CannotOpen, OSError) as error:
        if index is not None and _read_as_it_is(index):
            said = "the reading state cannot be written, so it is read as it is"
        else:
            said = "no reading state, so no is: queries"
        sys.stderr.write(f"lede: warning: {said} ({one_line(error)})\n")
    return None


# How a state that cannot be written is read as it is: the second where its log cannot be
# read without writing beside it (a folder not writable).
READINGS = ("mode=ro", "immutable=1")


def _read_as_it_is(index: CorpusIndex) -> bool:
    """Whether the reading state, which cannot be written, can be read by ``index``: a
    state another user made (``sudo lede``) had ``is:unread`` refused as if there were
    none."""
    import sqlite3

    from library.corpus import state_file
    from library.db import not_a_file

    path = state_file()
    if not_a_file(path):  # a FIFO opened to be read waits for a writer forever
        return False
    for reading in READINGS:
        try:
            with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?{reading}", uri=True)) as db:
                db.execute("SELECT 1 FROM read, starred LIMIT 1").fetchall()
        except sqlite3.Error:  # not there, not readable, damaged, of no known shape
            continue
        index.attach_state(path, reading)
        return True
    return False


CARRY_WAIT = 30.0  # seconds the marks of moved posts wait for the reading state's lock
CARRY_POLL = 0.25  # seconds between two tries, a Ctrl-C answered between them


def carry_marks(report: RefreshReport, state: StateStore | None = None) -> None:
    """Give the reading state of the posts the refresh found moved or renamed to their new
    paths (the index no longer knows the old ones: left for later, the marks were lost).

    A reader marking a large corpus read holds the state's lock for seconds: this waited 5
    of them in silence, then ended in "unexpected error: OperationalError: database is
    locked", and the marks of the moved posts were lost. It now waits up to
    ``CARRY_WAIT`` seconds, saying so, and a failure is one line that says what was not
    carried."""
    if not report.renamed:
        _carry_kept(state)
        return
    state = state or open_state_said()
    if state is None:
        return
    import sqlite3
    import time

    from library.state_writes import not_saved

    deadline = time.monotonic() + CARRY_WAIT
    said = False
    with state.waiting(CARRY_POLL):
        while True:
            try:
                state.carry(report.renamed)
                return
            except sqlite3.Error as error:
                busy = getattr(error, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY
                if not busy or time.monotonic() > deadline:
                    _kept(report, state.path, f"lede: {not_saved(error, state.path)}")
                    return
            if not said:
                said = True
                sys.stderr.write(
                    "lede: waiting for another program, which holds the reading state "
                    f"{printable(str(state.path))} (Ctrl-C to stop)…\n"
                )
                sys.stderr.flush()


def _carry_kept(state: StateStore | None) -> None:
    """The moves an earlier run kept (``kept_moves``), carried if the state is free now: a
    run that found nothing moved waits for no lock."""
    import sqlite3

    from library.corpus import state_file
    from library.kept_moves import waiting

    if not waiting(state.path if state else state_file()):
        return
    state = state or open_state_said()
    if state is not None:
        with contextlib.suppress(sqlite3.Error), state.waiting(CARRY_POLL):
            state.carry([])


def _kept(report: RefreshReport, state_path: Path, why: str) -> None:
    """Keep the moves not carried for the next lede that can write the state, and say so
    (they were lost, and the line only named how many)."""
    from library.counts import plural
    from library.kept_moves import keep
    from tui.failure import one_line

    moved = plural(len(report.renamed), "moved post")
    try:
        kept = keep(state_path, list(report.renamed))
    except OSError as error:
        sys.stderr.write(f"{why} (the marks of {moved}; {one_line(error)})\n")
        return
    sys.stderr.write(
        f"{why} (the marks of {moved} are kept in {printable(str(kept))}; "
        "the next lede run carries them)\n"
    )
